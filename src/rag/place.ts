/** Where a quote stands, in the words of a citation label: "headline", "paragraph 7", "tweet by @State_IO, 23 Jan 2023". */
import type { Place } from "./types.js";

/** English's month abbreviations, fixed here: ICU's change between versions ("Sep", "Sept"), and labels are stored. */
const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** An ISO date of a post's time stamp (ingest.ts's parseTimestamp) as a citation label writes it: "23 Jan 2023", "Jan 2023". */
export function englishDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number | undefined];
  return [day, MONTH_ABBREVIATIONS[month - 1], year].filter((part) => part !== undefined).join(" ");
}

/** Where a quote stands, in English: its passage's label ("paragraph 7", "tweet by @State_IO, 23 Jan 2023"). */
export function englishPlace({ kind, paragraph, author, date }: Place): string {
  switch (kind) {
    case "headline":
      return "headline";
    case "paragraph":
      return paragraph === undefined ? "paragraph" : `paragraph ${paragraph}`;
    case "tweet":
      return ["tweet", author ? ` by @${author}` : "", date ? `, ${englishDate(date)}` : ""].join("");
    case "keywords":
      return "keywords";
  }
}
