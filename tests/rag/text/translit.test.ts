import { describe, expect, it } from "vitest";
import { normalizeToken } from "../../../src/rag/text/normalize.js";
import { arabicKeysForLatin, arabicNameKeys, arabicSkeleton, cliticRestLatinKeys, hasArticle, latinKeysForArabic, latinNameKey, latinSkeleton, speltAcronyms } from "../../../src/rag/text/translit.js";
import { tokenizePlaced } from "../../../src/rag/text/tokenize.js";

const matches = (latin: string, arabic: string, name = false): boolean =>
  arabicNameKeys(normalizeToken(arabic)).some((key) => arabicKeysForLatin(latin, name).includes(key));

describe("cross-script name keys", () => {
  it.each([
    ["mistura", "ميستورا"],
    ["lamamra", "لعمامرة"],
    ["minusma", "مينوسما"],
    ["minurso", "المينورسو"],
    ["sison", "سيسون"],
    ["biden", "بايدن"],
    ["bamako", "باماكو"],
    ["greenfield", "جرينفيلد"],
    ["newyork", "نيويورك"],
    ["france", "فرنسا"],
    ["amirouche", "أميروش"],
    // after the clitics a name is written with: and, in, to, like
    ["california", "بكاليفورنيا"],
    ["california", "وكاليفورنيا"],
    ["berlin", "لبرلين"],
    ["berlin", "ببرلين"],
    ["florida", "وبفلوريدا"],
    ["paris", "لباريس"], // three consonants and two long vowels
    ["sison", "وسيسون"],
    ["moscow", "وموسكو"],
    ["venice", "وبفينيسيا"],
    // a final s sounded as z and written ز
    ["steelers", "ستيلرز"],
    ["jones", "جونز"],
    ["williams", "ويليامز"],
    // a single s between vowels sounded as z
    ["joseph", "جوزيف"],
    ["louisiana", "لويزيانا"],
    ["roosevelt", "روزفلت"],
  ])("%s ~ %s", (latin, arabic) => {
    expect(matches(latin, arabic)).toBe(true);
  });

  it.each([
    ["sison", "أساسيين"], // same consonants, but a leading vowel letter and too many vowel groups
    ["mali", "مالي"], // two consonants: too short to be evidence of a name
    ["congress", "كونجرز"], // a double s is not sounded z
  ])("%s does not match %s", (latin, arabic) => {
    expect(matches(latin, arabic)).toBe(false);
  });

  it("tries a two-consonant skeleton for a word that reads as a name, with its vowel groups as written", () => {
    const asName = (latin: string, arabic: string): boolean => matches(latin, arabic, true);
    expect(asName("gaga", "غاغا")).toBe(true);
    expect(asName("bowl", "بول")).toBe(true);
    expect(asName("gaga", "جاج")).toBe(false); // one vowel group where the name writes two
    expect(matches("gaga", "غاغا")).toBe(false); // a word not read as a name: too short to be evidence
  });

  it("keeps a name's own first letter that reads as a clitic, and reads no clitic off a short, vowelless or function word", () => {
    expect(matches("fresno", "فريسنو")).toBe(true);
    expect(matches("biden", "وبايدن")).toBe(true);
    expect(arabicNameKeys(normalizeToken("وبخصوص"))).toEqual(["BHSS:2"]); // بخصوص is a function word
    expect(arabicNameKeys(normalizeToken("فرنسا"))).toEqual(["FRNS:1"]); // رنسا would meet "runs"
    expect(arabicNameKeys(normalizeToken("لبنان"))).toEqual(["LBNN:1"]); // بنان would meet "Benin"
    expect(latinKeysForArabic(normalizeToken("لذلك")).some((k) => k.startsWith("TLK:"))).toBe(false); // "talk"
  });

  it("reads the article after a clitic as the article, not as a vowel of the name", () => {
    expect(arabicNameKeys(normalizeToken("والقاهرة"))).toEqual(["KHR:1"]);
    expect(latinKeysForArabic(normalizeToken("والقاهرة")).some((k) => k.endsWith("v"))).toBe(false);
  });

  it("reads a short name after a clitic for a word found nowhere, which the name bar leaves unread", () => {
    const key = latinNameKey("mehdi");
    expect(key !== undefined && latinKeysForArabic(normalizeToken("بمهدي")).includes(key)).toBe(false);
    expect(key !== undefined && cliticRestLatinKeys(normalizeToken("بمهدي")).includes(key)).toBe(true);
    expect(cliticRestLatinKeys(normalizeToken("بما"))).toEqual([]); // a function word's rest, too short besides
    expect(cliticRestLatinKeys(normalizeToken("المغرب"))).toEqual([]); // the article alone: latinKeysForArabic reads it
  });

  it("reads an Arabic question word after its clitics as a Latin name", () => {
    const key = latinNameKey("california");
    expect(key !== undefined && latinKeysForArabic(normalizeToken("بكاليفورنيا")).includes(key)).toBe(true);
  });

  it("folds digraphs and doubled letters", () => {
    expect(latinSkeleton("staffan")).toBe("STFN");
    expect(latinSkeleton("michele")).toBe("MSL");
    expect(latinSkeleton("khaled")).toBe("HLT");
  });
});

describe("acronyms spelt in Arabic letter names", () => {
  const spelt = (text: string) => speltAcronyms(tokenizePlaced(text), text).flatMap((run) => run.map((a) => [a.first, a.last, a.readings]));

  it("reads each longest run of two to five letter names, with every reading of an ambiguous one", () => {
    expect(spelt("شبكة أيه بي سي الأمريكية")).toEqual([[1, 3, ["abc", "apc"]]]);
    expect(spelt("وشبكة بي بي سي")).toEqual([[1, 3, ["bbc", "bpc", "pbc", "ppc"]]]);
    // A common word at either end may be a word of the sentence: the run is read with and without it.
    expect(spelt("قالت سي إن إن")).toEqual([
      [1, 3, ["cnn"]],
      [1, 2, ["cn"]],
    ]);
    expect(spelt("قالت أيه بي سي إن الشبكة")).toEqual([
      [1, 4, ["abcn", "apcn"]],
      [1, 3, ["abc", "apc"]],
    ]);
    expect(spelt("تقنية إتش دي")).toEqual([[1, 2, ["hd"]]]);
  });

  it("reads the letter name of a first word carrying a clitic: and, for, by (وإن بي سي, لأيه بي سي)", () => {
    expect(spelt("شبكتا سي بي إس وإن بي سي")[1]).toEqual([4, 6, ["nbc", "npc"]]);
    expect(spelt("انضم لأيه بي سي")[0]).toEqual([1, 3, ["abc", "apc"]]);
    expect(spelt("شبكة أيه بي سي ويو بي تي").map((r) => r[2])).toEqual([["abc", "apc"], ["ubt", "upt"]]);
    expect(spelt("وبي سي")).toEqual([[0, 1, ["bc", "pc"]]]);
    expect(spelt("ذهب وبي")).toEqual([]); // one letter
  });

  it("reads no run of common words only, none broken by punctuation, none too long or too ambiguous", () => {
    expect(spelt("وصل في أي وقت")).toEqual([]); // "in which"
    expect(spelt("أيه، بي سي")).toEqual([[1, 2, ["bc", "pc"]]]); // the comma ends the first run
    expect(spelt("دبليو أيه بي سي تي دي")).toEqual([]); // six letters
    expect(spelt("بي بي بي بي")).toEqual([]); // sixteen readings
  });
});

describe("the article", () => {
  it("is found alone or after و, ب, ل; not after ك or ف, where names begin (California, Valencia)", () => {
    for (const word of ["المسؤولة", "والمسؤولة", "بالمسؤولة", "للمسؤولة"]) expect(hasArticle(normalizeToken(word)), word).toBe(true);
    for (const word of ["المسؤولة", "والمسؤولة", "بالمسؤولة"]) {
      expect(arabicSkeleton(normalizeToken(word)), word).toBe(arabicSkeleton(normalizeToken("مسؤولة")));
    }
    for (const name of ["كاليفورنيا", "فالنسيا", "فلسطين"]) expect(hasArticle(normalizeToken(name)), name).toBe(false);
  });
});
