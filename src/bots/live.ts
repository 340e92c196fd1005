/**
 * A message edited in place while a composed answer streams. The core calls `onText` at most about once a
 * second (see AnswerOptions.onText); this keeps the platform calls in order on top of that: one call at a
 * time, only the newest text (a text overtaken while a call was in flight is skipped), nothing after `close()`.
 * A failed partial update is logged and dropped: the final answer still comes. A refusal for good (the bot may not
 * write there; see LiveMessageOptions.refusedBy) stops the message instead: no further call, nothing logged.
 */
import type { Logger } from "../logger.js";

export interface LiveMessageOps {
  /** Sends the message with its first content; false when it held back (nothing sent: a later update tries again). */
  create(content: string): Promise<boolean | void>;
  /** Replaces its content; false when it held back. */
  edit(content: string): Promise<boolean | void>;
}

export interface LiveMessageOptions {
  /**
   * Whether a failed call's error means the platform refuses the bot's messages there (it may not write in the
   * chat): the message then stops for good, with no further call (each would be refused, and counted against the
   * bot) and no log line; the adapter reports it once, from {@link LiveMessage.refusal}.
   */
  readonly refusedBy?: (error: unknown) => boolean;
}

export interface LiveMessage {
  /** Shows `content` (already rendered for the platform) as soon as the calls before it are done. */
  update(content: string): void;
  /** Stops updates and waits for the one in flight: after it, the adapter knows for good whether the message was sent. */
  close(): Promise<void>;
  /** The error that stopped the message for good (see LiveMessageOptions.refusedBy); undefined while none did. */
  refusal(): unknown;
}

/** A message that follows streamed text: created on the first update, then edited, one call at a time, newest text only. */
export function createLiveMessage(ops: LiveMessageOps, logger: Logger, options: LiveMessageOptions = {}): LiveMessage {
  let created = false;
  let closed = false;
  let refusal: unknown;
  let shown: string | undefined;
  let pending: string | undefined;
  let chain: Promise<void> = Promise.resolve();

  const step = async (): Promise<void> => {
    const content = pending;
    pending = undefined;
    if (closed || content === undefined || content === shown) return;
    try {
      const done = created ? await ops.edit(content) : await ops.create(content);
      if (done === false) return;
      created = true;
      shown = content;
    } catch (error) {
      if (options.refusedBy?.(error)) {
        refusal = error;
        closed = true;
        return;
      }
      logger.warn({ err: error, created }, "could not show the answer so far");
    }
  };

  return {
    update(content) {
      if (closed) return;
      pending = content;
      chain = chain.then(step);
    },
    async close() {
      closed = true;
      await chain;
    },
    refusal: () => refusal,
  };
}
