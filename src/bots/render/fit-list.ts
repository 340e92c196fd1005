/**
 * A heading, a list and the lines under it as one message of bounded length: as many list items as fit, then a
 * line counting the rest. Shared by the platforms' /about, which differ only in their markup and their limit.
 */

/** What {@link fitList} puts together: the head, the "more" line and the tail already in the platform's markup. */
export interface FitListOptions {
  /** The first line, above the items. */
  readonly head: string;
  /** The items as given; `line` makes each one a line in the platform's markup. */
  readonly items: readonly string[];
  /** An item's line (a bullet, the item escaped). Called only for the items looked at, the most that can fit. */
  readonly line: (item: string) => string;
  /** The line that stands for the `count` items left out, after those shown. */
  readonly more: (count: number) => string;
  /** The lines under the items (and under the "more" line), always shown. */
  readonly tail: readonly string[];
  /** The most the joined text may measure, in UTF-16 code units (what `string.length` counts). */
  readonly limit: number;
  /** The most items listed however short they are (a platform may limit a message's formatting, one per item). */
  readonly maxItems?: number;
}

/**
 * The head, as many of the items as fit (all of them, or the most that leave room for the "more" line), the
 * "more" line when some are left out, and the tail, joined by newlines within `limit`; undefined when even the
 * head, the "more" line for every item and the tail do not fit.
 *
 * One pass adding the lengths of the items' lines, which ends where they pass the limit: however long the list,
 * the work is bounded by the limit, where joining the whole text again for each item left out blocked the event
 * loop for seconds (10,000 briefings, 15 s on Discord and 22 s on Telegram).
 */
export function fitList({ head, items, line, more, tail, limit, maxItems = Number.POSITIVE_INFINITY }: FitListOptions): string | undefined {
  // The length of the head, the first `shown` items and the tail joined, without the "more" line. It grows with
  // every item, so once it passes the limit no longer list can fit, with or without the "more" line.
  let length = tail.reduce((sum, text) => sum + 1 + text.length, head.length);
  let best: number | undefined;
  // The lines of the items looked at, kept for the join: escaping every item of a long list, most of which are
  // left out, cost more than all the rest.
  const lines: string[] = [];
  for (let shown = 0; length <= limit; shown++) {
    const left = items.length - shown;
    if (left === 0) {
      best = shown;
      break;
    }
    // No stopping at the first count that does not fit: the last item may be shorter than the "… +1" line that
    // would stand for it, so the whole list can fit where all but one of it did not.
    if (length + 1 + more(left).length <= limit) best = shown;
    if (shown >= maxItems) break;
    const next = line(items[shown] ?? "");
    lines.push(next);
    length += 1 + next.length;
  }
  if (best === undefined) return undefined;
  const left = items.length - best;
  return [head, ...lines.slice(0, best), ...(left > 0 ? [more(left)] : []), ...tail].join("\n");
}
