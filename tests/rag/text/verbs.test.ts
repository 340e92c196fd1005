import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/rag/text/tokenize.js";
import { defectiveForms, DIALECT_FUTURE, formIIIForms, formIINoun, formVRests, hollowForms, lamVerbKeys, lamVerbNoun, MAGHREBI_PRESENT, presentForms, PRESENT_ROOT, unmarkedDefectiveForms } from "../../../src/rag/text/verbs.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";

describe("hollowForms", () => {
  it("gives a hollow verb's past, present and verbal noun from any of them", () => {
    for (const key of ["زار", "تزور", "زيار"]) expect(hollowForms(key)).toEqual(expect.arrayContaining(["زار", "يزور", "تزور", "زيار"].filter((k) => k !== key)));
    expect(hollowForms("يقود")).toEqual(expect.arrayContaining(["قاد", "قياد", "تقود"]));
    expect(hollowForms("زار")).not.toContain("زار");
  });

  it("gives nothing for a key of another shape", () => {
    for (const key of ["دعم", "زيارات", "اجتماع", "ميشال", "~ZR:1", "visit"]) expect(hollowForms(key), key).toEqual([]);
  });
});

describe("defectiveForms", () => {
  const forms = (written: string): string[] => defectiveForms(normalizeToken(written), written);
  it("gives a defective verb's past, present and form II noun from its past for she or they (blind conversations 76: سمّت, the text's أسميه)", () => {
    for (const word of ["سمّت", "سمَّت", "سمتها", "سمّوها"]) expect(forms(word), word).toEqual(expect.arrayContaining(["سمي", "يسمي", "اسمي", "تسمية"]));
  });

  it("gives nothing for a past marked as no verb: no shadda nor object (تمت, بنت), a long vowel in the middle, ة, or و read as a conjunction (a review)", () => {
    for (const word of ["سمت", "تمت", "بنت", "بيت", "موت", "زارت", "بقوة", "ذروة", "وصلت", "فرضت", "سيسون", "ت"]) expect(forms(word), word).toEqual([]);
  });
});

describe("unmarkedDefectiveForms", () => {
  const forms = (written: string): string[] => unmarkedDefectiveForms(normalizeToken(written), written);
  it("gives an unmarked past of two letters its past for he, present and participle (دعت: the text's داعية, blind conversations 95)", () => {
    expect(forms("دعت")).toEqual(expect.arrayContaining(["دعا", "يدعو", "داع"]));
    expect(forms("دعوا")).toEqual(expect.arrayContaining(["دعا", "يدعو", "داع"]));
  });

  it("reads و off, then gives no participle: so many roots begin with و (وعدت is no عاد: a review)", () => {
    expect(forms("ودعت")).toEqual(expect.arrayContaining(["دعا", "يدعو"]));
    expect(forms("وعدت")).not.toContain("عاد");
  });

  it("gives nothing for a long vowel in the middle, ة, ف read off (فقدت is no قاد), a past defectiveForms reads (سمّت), or another shape", () => {
    for (const word of ["بيت", "موت", "زارت", "بقوة", "ذروة", "فازت", "دعوت", "فقدت", "فرضت", "سمّت", "سيسون", "ت"]) expect(forms(word), word).toEqual([]);
  });
});

describe("formIIIForms", () => {
  it.each([
    ["يشارك", ["شارك", "مشاركه"]],
    ["تناقشها", ["ناقش", "مناقشه"]],
    ["يساهمون", ["ساهم", "مساهمه"]],
    ["يتابع", ["تابع", "متابعه"]],
  ])("reads %s as a form III present: its past and its verbal noun", (verb, forms) => {
    expect(formIIIForms(normalizeToken(verb))).toEqual(forms);
  });

  it.each(["يتفاعل", "شارك", "مشاركة", "يقول", "ياسين"])("reads no form III present in %s", (word) => {
    expect(formIIIForms(normalizeToken(word))).toEqual([]);
  });
});

describe("formIINoun", () => {
  it.each([
    ["يحقق", "تحقيق"],
    ["يسهل", "تسهيل"],
    ["تعززها", "تعزيز"],
  ])("reads %s as a present of three root letters: its form II noun %s", (verb, noun) => {
    expect(formIINoun(normalizeToken(verb))).toEqual([normalizeToken(noun)]);
  });

  // Nor a hollow verb's (يزور, visits, is no تزوير, forgery: a review).
  it.each(["يشارك", "حقق", "تحقيق", "يتفاعل", "يزور", "يقوم", "يسير"])("reads no present of three root letters in %s", (word) => {
    expect(formIINoun(normalizeToken(word))).toEqual([]);
  });
});

describe("presentForms", () => {
  it("gives a three-letter or derived past's present in the persons a text writes, and its future (ستبدأ: blind conversations 84 and five before)", () => {
    expect(presentForms("قدر")).toEqual(["يقدر", "تقدر", "نقدر", "سيقدر", "ستقدر", "سنقدر"]);
    expect(presentForms("استمر")).toEqual(["يستمر", "تستمر", "نستمر", "سيستمر", "ستستمر", "سنستمر"]);
    expect(presentForms("اعتقد")).toEqual(["يعتقد", "تعتقد", "نعتقد", "سيعتقد", "ستعتقد", "سنعتقد"]);
    expect(presentForms("بدا")).toContain("ستبدا");
  });

  it("gives nothing for a weak first letter, another length or a key that is not Arabic letters", () => {
    for (const key of ["اكد", "ميشال", "visit", "~KDR:1", "قد"]) expect(presentForms(key), key).toEqual([]);
  });
});

describe("lamVerbKeys", () => {
  const keys = (word: string): string[] => tokenize(word).flatMap(lamVerbKeys).sort();
  it("reads a word starting with الت as a form VIII verb of a ل root: الت and two root letters, after the endings go", () => {
    // A weak last letter: only the verb's own key (التق, of التقى), not the noun reading's (تقي).
    expect(keys("التقته")).toEqual(["التق"]);
    expect(keys("التقاه")).toEqual(["التق"]);
    expect(keys("والتقت")).toEqual(["التق"]);
    expect(keys("التقيت")).toEqual(["التق"]);
    expect(keys("التقينا")).toEqual(["التق"]);
    expect(keys("التزمت")).toEqual(["تزم"]);
    expect(keys("التزمنا")).toEqual(["تزم"]);
    // The article and a noun: a weak-letter reading gives only a verb's key, which only a verb in the corpus holds
    // (التفاهم reads as التف, never as the noun key تفي: a limit of reading letters, harmless there); a longer rest
    // gives none.
    expect(keys("التفاهم")).toEqual(["التف"]);
    expect(keys("التطورات")).toEqual([]);
    // Nothing cut, nothing read: التقية and التحية are nouns, not التقى.
    expect(keys("التقية")).toEqual([]);
    expect(keys("التحية")).toEqual([]);
    expect(keys("التصويت")).toEqual([]);
    expect(keys("اجتمعت")).toEqual([]);
  });
});

describe("lamVerbNoun", () => {
  const nouns = (word: string): string[] => lamVerbNoun(normalizeToken(word));
  it("gives a form VIII past's verbal noun where its root begins with ل and an ending marks it (التزمت, the text's التزام: blind conversations 79)", () => {
    expect(nouns("والتزمت")).toEqual(["التزام"]);
    expect(nouns("التزموا")).toEqual(["التزام"]);
  });

  it("gives nothing without the ending, where the article before a noun reads alike (التهم, the charges, is no التهام: a review), nor for another shape", () => {
    for (const word of ["التزم", "التهم", "التمر", "التطورات", "التل", "اعترض", "الالتزام", "التزام"]) expect(nouns(word), word).toEqual([]);
  });
});

describe("DIALECT_FUTURE", () => {
  it("reads the Egyptian and Levantine future ه or ح before a present tense, not a plural noun of that shape", () => {
    for (const word of ["هتبدأ", "حيروح", "هنشوف", "حتقول"]) expect(DIALECT_FUTURE.test(normalizeToken(word)), word).toBe(true);
    // هتافات (chants) would be the future of تافات, whose made-up ستافات a stemmer reads as ستاف (Staffan).
    for (const word of ["هتافات", "حين", "هيئة"]) expect(DIALECT_FUTURE.test(normalizeToken(word)), word).toBe(false);
  });
});

describe("MAGHREBI_PRESENT", () => {
  it("reads the standard present in the Maghrebi ت before one, after و or ف too, and no plural noun of that shape", () => {
    const present = (word: string): string | undefined => MAGHREBI_PRESENT.exec(normalizeToken(word))?.[1];
    expect(present("تتنتقد")).toBe("تنتقد");
    expect(present("وتتنتقد")).toBe("تنتقد");
    // تتبعات (proceedings) is no present of تبعات (found by a review); تتم has too few letters.
    for (const word of ["تتبعات", "تتم", "تنتقد"]) expect(present(word), word).toBeUndefined();
  });
});

describe("PRESENT_ROOT", () => {
  it("reads a present tense's root behind the dialects' plural with an object (يصلحوه, they fix it)", () => {
    expect(PRESENT_ROOT.exec(normalizeToken("يصلحوه"))?.[1]).toBe("صلح");
    expect(PRESENT_ROOT.exec(normalizeToken("يدعمها"))?.[1]).toBe("دعم");
  });

  it("reads it behind a plural or dual ending with an object after it (يدعمونه, يتحملانه; conversations 55)", () => {
    expect(PRESENT_ROOT.exec(normalizeToken("يدعمونه"))?.[1]).toBe("دعم");
    expect(PRESENT_ROOT.exec(normalizeToken("يدعمانها"))?.[1]).toBe("دعم");
    expect(formVRests(normalizeToken("يتحملانه"))).toContain("حمل");
  });
});
