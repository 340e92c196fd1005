/**
 * Arabic broken plurals: a noun's plural made by changing its letters inside (مقعد, مقاعد; حزب, أحزاب; وزير,
 * وزراء), which no stemmer strips as it strips a suffix (مقعدين is مقعد to both). From a singular as written, the
 * shapes of its plural by the commonest patterns of the grammars. Made from the letters alone, so a shape may be
 * another word of another root or sense (الجزيرة, an island, has the shape of الجزائر's singular; مقبل, next, of
 * مقابل's): the word lists decide which pairs are one noun (see numberPairsOf in lexicon.ts).
 *
 * Text is normalised (normalizeToken): hamza seats folded, ء dropped, ئ written ي, so وزراء is وزرا and رسائل
 * رسايل. Only consonants fill a pattern's slots after the first (no ا, و or ي there): a weak root's plural has other
 * shapes, one of which is written here (a last و: عضو, أعضاء).
 */

/** A slot of a pattern after the first: one letter that is no long vowel. */
const SLOT = "([\\u0621-\\u064A](?<![اوي]))";
/** The first root letter: any letter, since و, ي and ا (a folded أ) are consonants there (وزير, يوم, أمير). */
const FIRST_SLOT = "([\\u0621-\\u064A])";

/** Patterns as [singular, plural], each a shape with slots written 1 2 3 (4), as a stem writes it (no ة). */
const PATTERNS: readonly (readonly [singular: string, plural: string])[] = [
  ["123", "ا12ا3"], // فعل، أفعال: حزب، أحزاب
  ["123", "12و3"], // فعل، فعول: شعب، شعوب
  ["123", "12ا3"], // فعل، فعال: رجل، رجال
  ["12ي3", "12ا3"], // فعيل، فعال: كبير، كبار
  ["12ي3", "123ا"], // فعيل، فعلاء: وزير، وزراء
  ["12ي3", "ا123ا"], // فعيل، أفعلاء: صديق، أصدقاء
  ["م123", "م1ا23"], // مفعل(ة)، مفاعل: مقعد، مقاعد؛ منطقة، مناطق
  ["م12و3", "م1ا2ي3"], // مفعول، مفاعيل: مشروع، مشاريع
  ["1ا23", "1وا23"], // فاعل(ة)، فواعل: قاعدة، قواعد
  ["12ا3", "ا123"], // فعال، أفعلة (its ة off): سلاح، أسلحة
  ["12ا3", "12اي3"], // فعالة، فعائل: رسالة، رسائل
  ["12ي3", "12اي3"], // فعيلة، فعائل: وسيلة، وسائل
  ["1234", "12ا34"], // فعلل(ة)، فعالل: مرحلة، مراحل
  ["12و", "ا12ا"], // فعو، أفعاء (ء dropped): عضو، أعضاء؛ نحو، أنحاء
];

interface Shape {
  readonly pattern: RegExp;
  readonly build: (letters: readonly string[]) => string;
}

const isSlot = (ch: string): boolean => ch >= "1" && ch <= "4";

/** A pattern as a whole-word expression capturing its slots, and the writing of the pattern from slots. */
function shape(template: string): Shape {
  const source = [...template].map((ch) => (ch === "1" ? FIRST_SLOT : isSlot(ch) ? SLOT : ch)).join("");
  return {
    pattern: new RegExp(`^${source}$`, "u"),
    build: (letters) => [...template].map((ch) => (isSlot(ch) ? (letters[Number(ch) - 1] ?? "") : ch)).join(""),
  };
}

/** Each pattern's two shapes, singular first. */
const SHAPES = PATTERNS.map(([singular, plural]) => [shape(singular), shape(plural)] as const);

/**
 * A singular's broken plurals: the plural shape of each pattern whose singular shape it has, written as its
 * letters fill it. `word` is the noun as written, its article and its ة off (المقعد: مقعد; المنطقة: منطق), not a
 * stem that may have lost a plural's ان or ات (العقبان, vultures, is no فعل of عقب). Never the word itself.
 */
export function brokenPlurals(word: string): string[] {
  const forms = new Set<string>();
  for (const [singular, plural] of SHAPES) {
    const slots = singular.pattern.exec(word)?.slice(1);
    if (slots) forms.add(plural.build(slots));
  }
  forms.delete(word);
  return [...forms];
}
