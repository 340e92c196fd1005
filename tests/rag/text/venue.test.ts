import { describe, expect, it } from "vitest";
import { askedOccasion, asksOfTheOccasion, namesOccasion } from "../../../src/rag/text/venue.js";
import { tokenize } from "../../../src/rag/text/tokenize.js";

describe("namesOccasion", () => {
  it.each([
    "وأوضحت مساعدة بلينكن التي تزور الجزائر في ندوة صحفية لها، أن الحل السياسي أمر مهم",
    "وشدد لعمامرة، في مداخلته خلال مشاركته بعاصمة الكونغو في الاجتماع الوزاري للجنة العشرة",
    "She said so at a press conference in Algiers.",
    "The minister spoke on the sidelines of the summit.",
    // By its stem: with a pronoun, or a plural (found by a review).
    "وقال الوزير في مؤتمره الصحفي إن الحكومة ستعمل",
    "He said so in interviews last week.",
  ])("reads an occasion something was said at in %s", (sentence) => {
    expect(namesOccasion(tokenize(sentence))).toBe(true);
  });

  it.each([
    "Inspired today by my meeting with Reporters Without Borders",
    "قالت المسؤولة الأمريكية إنها ناقشت مع نظرائها في الجزائر أهمية الزيارات",
    "A conference was planned.",
    // قمة is as often "the top of", "session" "in session" (found by a review).
    "وتأتي هذه القضية في قمة أولويات الحكومة",
    "Parliament is in session this week.",
    // A feminine occasion's stem alone is another word: "on the other hand", "words" (found by a review).
    "وفي المقابل، قال الوزير إن الحكومة ستعمل",
    "وقال في كلمات قليلة إن الأمر انتهى",
    "He flew on Monday to meet the minister.",
  ])("reads no occasion in %s: the noun without a preposition opening its phrase", (sentence) => {
    expect(namesOccasion(tokenize(sentence))).toBe(false);
  });
});

describe("askedOccasion", () => {
  const asked = (question: string): string | undefined => askedOccasion(tokenize(question))?.text;

  it.each([
    ["In what setting did Sison make these remarks?", "setting"],
    ["so where did she say all this", "where"],
    ["في أي مناسبة أدلت المسؤولة الأمريكية بتصريحاتها في الجزائر؟", "مناسبه"],
    ["فين دارت سيسون هاد التصريحات ديالها على الصحرا؟", "فين"],
    ["اين عقدت المسؤوله الامريكيه تصريحاتها حول الصحراء", "اين"],
    // A follow-up's where with و (blind conversations 33).
    ["وفين كان ملي هضر على إصلاح مجلس الأمن؟", "وفين"],
    // And with a present of speaking, the Maghreb's marked one too (blind conversations 106).
    ["وفين كان كيهضر؟", "وفين"],
    ["Where was he speaking?", "where"],
    ["وين كان عم يحكي؟", "وين"],
  ])("reads %s as asking where something was said", (question, word) => {
    expect(asked(question)).toBe(word);
  });

  it.each(["Where did she go after Algiers?", "وين زارت سيسون؟", "What did she say about Mali?", "What is the setting of the novel?"])(
    "reads %s as asking something else: a place, or what was said",
    (question) => {
      expect(asked(question)).toBeUndefined();
    },
  );

  it("reads the setting word and the verb the remarks are made with as words of the asking", () => {
    const words = tokenize("In what setting did Sison make these remarks?").filter((t) => !asksOfTheOccasion(t)).map((t) => t.text);
    expect(words).not.toContain("setting");
    expect(words).not.toContain("make");
    expect(words).toContain("sison");
  });
});
