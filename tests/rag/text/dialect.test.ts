import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adjectiveRoot, readDialectTable, standardKeys, withoutDemonstrative } from "../../../src/rag/text/dialect.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";
import { tokenKeys } from "../../../src/rag/text/stem.js";
import { tokenize } from "../../../src/rag/text/tokenize.js";

const keysOf = (word: string): string[] => tokenize(word).flatMap(tokenKeys);
const standard = (word: string): readonly string[] => standardKeys(normalizeToken(word));

describe("dialect words", () => {
  it("look for the standard word too: met, Algeria, the Americans", () => {
    expect(standard("تلاقات")).toEqual(expect.arrayContaining(keysOf("التقى")));
    // The Egyptian قابل, met (blind conversations 31: "هي قابلت مين في وزارة الداخلية؟" was declined); not قابل
    // alone, also "capable of".
    expect(standard("قابلت")).toEqual(expect.arrayContaining(keysOf("التقى")));
    expect(standard("قابل")).toEqual([]);
    // Nor قابلة (capable of, a midwife: قابله once ة is ه), nor the standard يقابل/تقابل (corresponds, faces): a review.
    for (const word of ["قابلة", "قابله", "يقابل", "تقابل"]) expect(standard(word), word).toEqual([]);
    expect(standard("الدزاير")).toEqual(keysOf("الجزائر"));
    expect(standard("الامريكان")).toEqual(expect.arrayContaining(keysOf("الأمريكية")));
    // Starting and ending, Levantine and Egyptian: "ايمتى بتبلش؟" (when does it start?) finds the news's ستبدأ.
    expect(standard("بتبلش")).toEqual(expect.arrayContaining(keysOf("ستبدأ")));
    expect(standard("ابتدت")).toEqual(expect.arrayContaining(keysOf("بدأ")));
    expect(standard("خلصت")).toEqual(expect.arrayContaining(keysOf("انتهت")));
    // Seeing in the present, Levantine and Egyptian (blind set 8: "… رح يضلّوا يشوفوا من أمريكا؟" for the news's رؤية).
    expect(standard("يشوفوا")).toEqual(expect.arrayContaining(keysOf("رؤية")));
    expect(standard("بتشوف")).toEqual(expect.arrayContaining(keysOf("يرى")));
  });

  it("read a past in ت with an object pronoun written onto it as the past (conversations 64: \"ياتو مسؤول … لاقته في وزارة الداخلية؟\")", () => {
    for (const word of ["لاقته", "لاقتها", "لاقتهم", "قابلته"]) expect(standard(word), word).toEqual(expect.arrayContaining(keysOf("التقى")));
    // Not a shorter word, nor the past's ت without a pronoun after it.
    expect(standard("بته")).toEqual([]);
  });

  it("read the Egyptian ات before a past as the past (blind conversations 103's \"سيسون اتقابلت مع مين في وزارة الداخلية؟\" was declined)", () => {
    for (const word of ["اتقابلت", "واتقابلت", "اتلاقت"]) expect(standard(word), word).toEqual(expect.arrayContaining(keysOf("التقى")));
    // Nor a rest the table lacks (اتقابل: قابل alone is also "capable of"), nor a rest of two letters.
    for (const word of ["اتقابل", "اتفق", "اتجا"]) expect(standard(word), word).toEqual([]);
  });

  it("read a noun with her, their or your written onto it as the noun (blind conversations 75: \"وكيف وصفت سيسون شغلها هذا؟\")", () => {
    for (const word of ["شغلها", "شغلهم", "وشغلها"]) expect(standard(word), word).toEqual(expect.arrayContaining(keysOf("عمل")));
    // Not ه, which is also ة as normalised (شغله, a matter), nor fewer than three letters before the pronoun.
    expect(standard("شغله")).toEqual([]);
    expect(standard("لها")).toEqual([]);
  });

  it("read the Gulf's and the standard's present plural as its singular, with an object or without (blind set 45)", () => {
    // "سيسون قالت ان الملاحظين بيشوفون ايش من امريكا؟" for the news's رؤية; the table lists بيشوف.
    expect(standard("بيشوفون")).toEqual(standard("بيشوف"));
    expect(standard("بيشوفونه")).toEqual(standard("بيشوف"));
    expect(standard("يشوفون")).toEqual(expect.arrayContaining(keysOf("رؤية")));
    expect(standard("ويضلون")).toEqual(standard("يضل"));
    // Not a word of another shape ending so: a noun, or too few letters before the ending.
    for (const word of ["قانون", "يكون", "تون"]) expect(standard(word), word).toEqual([]);
  });

  it("are found with a joined و or ف, and a standard word or a name has none", () => {
    expect(standard("وتلاقات")).toEqual(standard("تلاقات"));
    expect(standard("فالدزاير")).toEqual(standard("الدزاير"));
    // The table lists a noun's forms with the article (التويتة, the tweet, is التغريدة); a word it does not list
    // so is not read as the article and a dialect word (البغاء is not بغا, wanted; الخدم, servants, not خدم).
    expect(standard("التويتة")).toEqual(expect.arrayContaining(keysOf("تغريدة")));
    for (const word of ["البغاء", "الخدم"]) expect(standard(word), word).toEqual([]);
    for (const word of ["الجزائر", "التقت", "سيسون", "دار"]) expect(standard(word), word).toEqual([]);
    // Nor a standard word that reads as و/ف and a dialect one: فضلت (preferred) is not ف + ضلت (kept on), and
    // الست is also "the six" (a review).
    for (const word of ["فضلت", "فضلوا", "وضلت", "الست"]) expect(standard(word), word).toEqual([]);
    expect(standard("يضلوا")).toEqual(expect.arrayContaining(keysOf("يستمر")));
  });

  it("are found after a present marker the table's form does not write: Maghrebi ك or كا, Levantine ب", () => {
    // "وفين كتخدم؟" (and where does she work?) finds the news's تعمل.
    for (const word of ["كتخدم", "كاتخدم", "بتخدم", "وكتخدم"]) expect(standard(word), word).toEqual(standard("تخدم"));
    expect(standard("تخدم")).toEqual(expect.arrayContaining(keysOf("تعمل")));
    // Only where the rest is a form of the table: a noun that begins so is left alone.
    for (const word of ["كتاب", "كنائس", "بتاريخ"]) expect(standard(word), word).toEqual([]);
    // Nor one whose rest is short, a word's own letters (كتبي, my books, is not ك + تبي, want), nor a name.
    for (const word of ["كتبي", "بيبي", "بتوا", "بتبون", "تبون"]) expect(standard(word), word).toEqual([]);
  });

  it("are read from forms and standard words per line, comments and blank lines skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "dialect-"));
    try {
      const file = join(dir, "dialect.tsv");
      writeFileSync(file, "# a comment\n\nكويس مليح\tجيد|حسن\n");
      const table = readDialectTable(file);
      expect([...table.keys()]).toEqual(["كويس", "مليح"]);
      expect(table.get("كويس")).toEqual([...new Set([...keysOf("جيد"), ...keysOf("حسن")])]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the dialect table's standard words", () => {
  it("read the dialects' بيشتغلوا (they work) as the standard يعملون (blind conversations 35)", () => {
    expect(standard("بيشتغلوا")).toEqual(expect.arrayContaining(keysOf("يعمل")));
  });

  it("read the dialects' تشتغل (she works) as the standard تعمل too (conversations 64: \"وويّا منو تشتغل؟\" found the text's يعمل, not its تعمل)", () => {
    expect(standard("تشتغل")).toEqual(expect.arrayContaining(keysOf("تعمل")));
  });

  it("read the Maghreb's حوّس (to look for) as the standard بحث (conversations 66: \"واش راهم يحوسو عليه؟\", the text's نبحث)", () => {
    for (const word of ["يحوسو", "تحوس", "نحوسو"]) expect(standard(word), word).toEqual(expect.arrayContaining(keysOf("نبحث")));
  });

  it("read the dialects' past one (\"الجمعة اللي فاتت\", Tunisian for last week) as the text's الأخير and الماضي (blind set 72)", () => {
    for (const word of ["فاتت", "فات"]) expect(standard(word), word).toEqual(expect.arrayContaining([...keysOf("الأخير"), ...keysOf("الماضي")]));
  });

  it("read the Levantine انطرحت (was raised) as the text's أثيرت", () => {
    const keys = standardKeys(normalizeToken("انطرحت"));
    expect(tokenize("أثيرت").flatMap(tokenKeys).some((k) => keys.includes(k))).toBe(true);
  });

  it("read the dialects' شغال (working, functioning) as the text's يشتغل and يعمل", () => {
    expect(standard("شغال")).toEqual(expect.arrayContaining([...keysOf("يشتغل"), ...keysOf("يعمل")]));
  });

  it("read the Maghrebi الميريكانية (the American) as the text's الأمريكية, and تسنى (was signed, from signer) as وقع (blind set 40)", () => {
    expect(standard("الميريكانية")).toEqual(expect.arrayContaining(keysOf("الأمريكية")));
    expect(standard("تسنى")).toEqual(expect.arrayContaining(keysOf("وقع")));
    // And the Maghreb's مترشحة (a candidate) the text's المرشحة (blind set 42).
    expect(standard("مترشحة")).toEqual(expect.arrayContaining(keysOf("مرشحة")));
  });

  it("read the dialects' تصليح and يصلحو (fixing) as the text's إصلاح, a reform (blind set 57)", () => {
    for (const word of ["تصليح", "يصلحو"]) {
      const keys = standardKeys(normalizeToken(word));
      expect(keysOf("إصلاح").some((k) => keys.includes(k)), word).toBe(true);
    }
  });

  it("read the dialects' كرسي (chair) as a seat, the text's مقعد and مقاعد", () => {
    const keys = standardKeys(normalizeToken("كرسي"));
    expect(tokenize("المقاعد").flatMap(tokenKeys).some((k) => keys.includes(k))).toBe(true);
  });
});

describe("withoutDemonstrative", () => {
  it("reads the demonstrative هالـ joined to a noun as the article, after و, ف, ب or ل", () => {
    const read = (word: string): string | undefined => withoutDemonstrative(normalizeToken(word));
    expect(read("هالتقرير")).toBe(normalizeToken("التقرير"));
    expect(read("بهالزيارة")).toBe(normalizeToken("بالزيارة"));
    expect(read("وبهالموضوع")).toBe(normalizeToken("وبالموضوع"));
    expect(read("لهالمنصب")).toBe(normalizeToken("للمنصب"));
  });

  it("leaves words that only begin so: a noun of fewer than three letters after it, or no هال at all", () => {
    for (const word of ["هالة", "هالك", "الهلال", "التقرير", "هل"]) expect(withoutDemonstrative(normalizeToken(word)), word).toBeUndefined();
  });
});

describe("adjectiveRoot", () => {
  it("reads the dialects' adjective فعلان with a plural or feminine ending as its root (قلقانين, the text's قلقين)", () => {
    expect(adjectiveRoot("قلقانين")).toBe("قلق");
    expect(adjectiveRoot("زعلانة")).toBe("زعل");
    expect(adjectiveRoot("وقلقانين")).toBe("قلق");
  });

  it("leaves the shape without an ending (لبنان, سودان), a noun with the pronoun ه (سريانه, its validity), longer words", () => {
    for (const word of ["قلقان", "لبنان", "سودان", "بلدان", "المقعدان", "استئنافين", "سريانه", "بطلانه", "طيرانه"]) expect(adjectiveRoot(word), word).toBeUndefined();
  });
});
