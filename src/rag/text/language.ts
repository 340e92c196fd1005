import type { Language } from "../types.js";

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** The language a question is asked in: Arabic when it has at least as many Arabic letters as Latin ones. */
export function detectLanguage(text: string): Language {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return arabic > 0 && arabic >= latin ? "ar" : "en";
}
