/**
 * Messages that ask nothing of the briefings: a greeting, thanks, a call for help, or an acknowledgement ("ok",
 * "lol", "تمام"), said on their own ("hi!", "شكراً جزيلاً", "help", "مرحبا، شكرا"). Searched as questions, "help"
 * quotes a sentence that holds مساعدة (an assistant, in the briefing), "hello" is declined, and "ok" is declined and
 * logged for the operator as a question the briefings did not answer; a bot answers them in its own words instead.
 *
 * A message is small talk only when all of its words are such phrases (and fillers like "there", "يا بوت"):
 * "hi, who is Sison?" is a question.
 */
import { tokenize } from "./tokenize.js";

export type SmallTalk = "greeting" | "thanks" | "help" | "ack";

/** Phrases, most telling kind first: a message holding any help phrase asks for help, else thanks, else greets. */
const PHRASES: readonly (readonly [SmallTalk, string])[] = [
  // Not "what does it/she do" readings: in Arabic تفعل, بتعمل, تسوي are "you" and "she" alike ("ماذا تفعل؟" after a
  // question on Sison asks what she does), and "how does this work?" may ask about the briefing.
  ["help", "help | help me | what can you do | how do i use this | how do i use you | who are you | what are you"],
  ["help", "مساعدة | المساعدة | ساعدني | من أنت | كيف أستخدمك"],
  ["thanks", "thanks | thank you | thank u | thanks you | thx | ty | thanks a lot | thank you very much | thanks so much | thank you so much | many thanks | cheers | merci | shukran"],
  ["thanks", "شكرا | شكرا جزيلا | شكرا لك | شكرا كتير | شكرا كثيرا | مشكور | مشكورة | تسلم | تسلمي | يعطيك العافية | الله يعطيك العافية | جزاك الله خيرا | ممنون"],
  ["greeting", "hi | hello | hey | hiya | howdy | greetings | good morning | good afternoon | good evening | good day | salam | salaam | salam alaikum | assalamu alaikum"],
  ["greeting", "مرحبا | مرحبتين | أهلا | أهلين | أهلا وسهلا | هلا | هاي | سلام | السلام عليكم | سلام عليكم | السلام عليكم ورحمة الله | السلام عليكم ورحمة الله وبركاته | صباح الخير | مساء الخير | صباح النور | مساء النور"],
  // Not words that are also names or places (جميل, Nice), nor حسنا, which matches as حسن (Hassan).
  ["ack", "ok | okay | cool | got it | alright | yes | no | yeah | yep | nope | wow | lol | haha | hahaha"],
  ["ack", "تمام | طيب | ماشي | أوكي | اوكي | نعم | لا | أيوه | ايوه | رائع | ممتاز | هههه | ههههه"],
];

/**
 * A message's words as compared: in matching form (see normalizeToken), less a final alif after three letters,
 * which that form drops when written with tanween ("شكراً" and "شكرا" alike).
 */
const wordsOf = (text: string): string[] => tokenize(text).map((t) => t.text.replace(/(?<=[\u0621-\u064A]{3})\u0627$/u, ""));

/** Words that go with a greeting or thanks without asking anything: "hi there", "thanks again", "مرحبا يا بوت". */
const FILLERS: ReadonlySet<string> = new Set(wordsOf("there bot all everyone again so much very يا بوت يابوت جداً"));

const KNOWN: ReadonlyMap<string, SmallTalk> = new Map(
  PHRASES.flatMap(([kind, list]) => list.split("|").map((phrase) => [wordsOf(phrase).join(" "), kind] as const)),
);
const LONGEST = Math.max(...[...KNOWN.keys()].map((k) => k.split(" ").length));
const RANK: Readonly<Record<SmallTalk, number>> = { help: 3, thanks: 2, greeting: 1, ack: 0 };

/** What kind of small talk `text` is, or undefined when it asks something (or is empty). */
export function smallTalk(text: string): SmallTalk | undefined {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > 12) return undefined;
  let found: SmallTalk | undefined;
  for (let at = 0; at < words.length; ) {
    let kind: SmallTalk | undefined;
    let length = Math.min(LONGEST, words.length - at);
    for (; length > 0; length -= 1) {
      kind = KNOWN.get(words.slice(at, at + length).join(" "));
      if (kind) break;
    }
    if (kind) {
      if (!found || RANK[kind] > RANK[found]) found = kind;
      at += length;
    } else if (FILLERS.has(words[at] ?? "")) {
      at += 1;
    } else {
      return undefined;
    }
  }
  // "No?", "لا؟": asked, not acknowledged (a reply to an answer, say).
  if (found === "ack" && /[?؟]/u.test(text)) return undefined;
  return found;
}
