/**
 * A message edited in place while a composed answer streams. The core calls `onText` at most about once a
 * second (see AnswerOptions.onText); this keeps the platform calls in order on top of that: one call at a
 * time, only the newest text (a text overtaken while a call was in flight is skipped), nothing after `close()`.
 * A failed partial update is logged and dropped: the final answer still comes.
 */
import type { Logger } from "../logger.js";

export interface LiveMessageOps {
  /** Sends the message with its first content; false when it held back (nothing sent: a later update tries again). */
  create(content: string): Promise<boolean | void>;
  /** Replaces its content; false when it held back. */
  edit(content: string): Promise<boolean | void>;
}

export interface LiveMessage {
  /** Shows `content` (already rendered for the platform) as soon as the calls before it are done. */
  update(content: string): void;
  /** Stops updates and waits for the one in flight: after it, the adapter knows for good whether the message was sent. */
  close(): Promise<void>;
}

/** A message that follows streamed text: created on the first update, then edited, one call at a time, newest text only. */
export function createLiveMessage(ops: LiveMessageOps, logger: Logger): LiveMessage {
  let created = false;
  let closed = false;
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
  };
}
