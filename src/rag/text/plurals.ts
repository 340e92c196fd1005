/**
 * Arabic broken plurals: a noun's plural made by changing its letters inside (مقعد, مقاعد; حزب, أحزاب; وزير,
 * وزراء), which no stemmer strips as it strips a suffix (مقعدين is مقعد to both). From a light stem (see
 * lightStemArabic: no article, no ة, no sound-plural ending) the shapes of the same noun in the other number, by
 * the commonest patterns of the grammars, each way. Made from the letters alone: the caller keeps the shapes the
 * corpus holds, which is most of what tells a plural from a word of another root that happens to have its shape.
 *
 * Text is normalised (normalizeToken): hamza seats folded, ء dropped, ئ written ي, so وزراء is وزرا and رسائل
 * رسايل. Only consonants fill a pattern's slots (no ا, و or ي after the first): a weak root's plural has other
 * shapes, and a long vowel in a slot makes most shapes another word's.
 */

/** A slot of a pattern: one letter that is no long vowel. */
const C = "([\\u0621-\\u064A](?<![اوي]))";
/** The first root letter: any letter, since و, ي and ا (a folded أ) are consonants there (وزير, يوم, أمير). */
const C1 = "([\\u0621-\\u064A])";

/**
 * Patterns as [singular, plural], each a shape with slots C1 C2 C3 (C4) written 1 2 3 4. Not فعال against فاعل
 * (كتاب is a book, كاتب a writer) nor فعلة against فاعل (طلبة, students; طالب): those pairs are more often two
 * words than two numbers of one.
 */
const PATTERNS: readonly (readonly [singular: string, plural: string])[] = [
  ["123", "ا12ا3"], // فعل، أفعال: حزب، أحزاب
  ["12ي3", "123ا"], // فعيل، فعلاء: وزير، وزراء
  ["12ي3", "ا123ا"], // فعيل، أفعلاء: صديق، أصدقاء
  ["م123", "م1ا23"], // مفعل(ة)، مفاعل: مقعد، مقاعد؛ منطقة، مناطق
  ["م12و3", "م1ا2ي3"], // مفعول، مفاعيل: مشروع، مشاريع
  ["1ا23", "1وا23"], // فاعل(ة)، فواعل: قاعدة، قواعد
  ["12ا3", "12اي3"], // فعالة، فعائل: رسالة، رسائل
  ["12ي3", "12اي3"], // فعيلة، فعائل: وسيلة، وسائل
];

interface Shape {
  readonly pattern: RegExp;
  readonly build: (letters: readonly string[]) => string;
}

/** A pattern as a whole-word expression capturing its slots, and the writing of another pattern from slots. */
function shape(template: string): Shape {
  const source = [...template].map((ch) => (ch === "1" ? C1 : /[2-4]/.test(ch) ? C : ch)).join("");
  return {
    pattern: new RegExp(`^${source}$`, "u"),
    build: (letters) => [...template].map((ch) => (/[1-4]/.test(ch) ? (letters[Number(ch) - 1] ?? "") : ch)).join(""),
  };
}

const PAIRS = PATTERNS.map(([singular, plural]) => [shape(singular), shape(plural), singular] as const);

/** A bare root's shape: a past-tense verb's too (كتب, wrote), whose plural-shaped words are others' (كتاب, a book). */
const ROOT = "123";

/**
 * The light stem's shapes in the other number: its broken plurals if it has a singular's shape, its singulars if
 * a plural's (both where it has both). A bare root's plurals only for a `definite` word (with the article, a
 * noun). Neither the stem itself nor one of fewer than three letters.
 */
export function otherNumberForms(light: string, { definite }: { readonly definite: boolean }): string[] {
  const forms = new Set<string>();
  for (const [singular, plural, singularTemplate] of PAIRS) {
    const ways = definite || singularTemplate !== ROOT ? ([[singular, plural], [plural, singular]] as const) : ([[plural, singular]] as const);
    for (const [from, to] of ways) {
      const slots = from.pattern.exec(light)?.slice(1);
      if (slots) forms.add(to.build(slots));
    }
  }
  forms.delete(light);
  return [...forms].filter((form) => form.length >= 3);
}
