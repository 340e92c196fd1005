/**
 * A capital named for its country's government, as the news writes it: "ما موقف واشنطن من المينورسو؟",
 * "What did Rabat say?". A question word that the briefings never mention is also read as its country when it
 * is one of these capitals (see analyze.ts), so a briefing that says "the US" answers a question about
 * "Washington". The table is general knowledge, not fitted to any question set.
 */
import { tokenKeys } from "./stem.js";
import { tokenize, type Token } from "./tokenize.js";

/** Capital spellings (English and Arabic) -> the country's name and adjective in both languages. */
const CAPITALS: readonly (readonly [capitals: string, country: string])[] = [
  ["washington واشنطن", "america american أمريكا الأمريكية أمريكي"],
  ["moscow موسكو", "russia russian روسيا الروسية روسي"],
  ["beijing peking بكين", "china chinese الصين الصينية صيني"],
  ["london لندن", "britain british بريطانيا البريطانية بريطاني"],
  ["paris باريس", "france french فرنسا الفرنسية فرنسي"],
  ["berlin برلين", "germany german ألمانيا الألمانية ألماني"],
  ["rome روما", "italy italian إيطاليا الإيطالية إيطالي"],
  ["madrid مدريد", "spain spanish إسبانيا الإسبانية إسباني"],
  ["brussels بروكسل", "european الأوروبي الأوروبية"],
  ["tokyo طوكيو", "japan japanese اليابان اليابانية ياباني"],
  ["kyiv kiev كييف", "ukraine ukrainian أوكرانيا الأوكرانية أوكراني"],
  ["ankara أنقرة", "turkey turkish تركيا التركية تركي"],
  ["tehran طهران", "iran iranian إيران الإيرانية إيراني"],
  ["cairo القاهرة", "egypt egyptian مصر المصرية مصري"],
  ["riyadh الرياض", "saudi السعودية سعودي"],
  ["rabat الرباط", "morocco moroccan المغرب المغربية مغربي"],
  ["algiers", "algeria algerian الجزائر الجزائرية جزائري"],
  ["nouakchott نواكشوط", "mauritania mauritanian موريتانيا الموريتانية موريتاني"],
  ["bamako باماكو", "mali malian مالي"],
  ["niamey نيامي", "niger nigerien النيجر"],
  ["damascus دمشق", "syria syrian سوريا السورية سوري"],
  ["baghdad بغداد", "iraq iraqi العراق العراقية عراقي"],
  ["ottawa أوتاوا", "canada canadian كندا الكندية كندي"],
  ["delhi دلهي نيودلهي", "india indian الهند الهندية هندي"],
];

/** Matching key of a capital -> the country's words, tokenised. */
const BY_KEY: ReadonlyMap<string, readonly Token[]> = new Map(
  CAPITALS.flatMap(([capitals, country]) => {
    const countryTokens = tokenize(country);
    return tokenize(capitals).flatMap((t) => tokenKeys(t).map((k) => [`${t.script}:${k}`, countryTokens] as const));
  }),
);

/** The country words a capital stands for, or none when the token is not a capital in the table. */
export function countryOfCapital(token: Token): readonly Token[] {
  for (const k of tokenKeys(token)) {
    const country = BY_KEY.get(`${token.script}:${k}`);
    if (country) return country;
  }
  return [];
}
