/**
 * Delivering an answer whose beginning may have streamed into a message (see live.ts), the same on every platform;
 * each adapter supplies its platform's calls.
 */

/** The platform calls that deliver an answer; `Id` is how the platform names a sent message. */
export interface DeliverOps<Id> {
  /** The message the answer streamed into, if one was sent (read once the live message is closed). */
  readonly streamed: Id | undefined;
  /** Edits the streamed message into the first part (with the buttons when it is also the `last`); false (logged) when that failed. */
  edit(streamed: Id, part: string, last: boolean): Promise<boolean>;
  /** Sends a part (with the buttons when `last`) as a reply to message `after`, or to the question when undefined; throws when that failed. */
  send(part: string, after: Id | undefined, last: boolean): Promise<Id>;
  /** Removes the streamed message, left behind when the answer was sent anew; reports its own failure. */
  remove(streamed: Id): Promise<void>;
}

/**
 * Delivers an answer's parts: the first edited into the streamed message, or else sent anew; each other part as a
 * reply to the part before it, so that two long answers sent at once into one chat never read as one. Sent anew,
 * the answer leaves the streamed half behind, ending in "…": it goes once the answer is there. A failed send ends
 * the delivery (it throws, for the adapter to apologise), leaving what was sent, the streamed half included.
 * @returns the messages the answer now is, in order, for the adapter to link to its conversation
 */
export async function deliver<Id>(parts: readonly string[], ops: DeliverOps<Id>): Promise<Id[]> {
  const { streamed } = ops;
  const ids: Id[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (i === 0 && streamed !== undefined && (await ops.edit(streamed, part, last))) ids.push(streamed);
    else ids.push(await ops.send(part, ids.at(-1), last));
  }
  if (streamed !== undefined && !ids.includes(streamed)) await ops.remove(streamed);
  return ids;
}
