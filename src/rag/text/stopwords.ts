/**
 * Function words that say nothing about what a question is about, in English, Modern Standard Arabic and the
 * common dialects (Levantine, Egyptian, Gulf, Maghrebi). Arabic entries are in normalised form.
 */
import { normalizeToken } from "./normalize.js";

const ENGLISH = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves also tell say said says told please
know anything something thing things whats who's what's does did much many get got give gave let us one ever
there's according article briefing news whose whom think thought happen happens happened want wants wanted mean
means like would kind sort way really actually de da di del van von le la el al bin ibn`;

const ARABIC = `من في على الى إلى عن مع ما ماذا لماذا متى اين أين كيف كم هل هو هي هم هن هما انا أنا نحن انت أنت انتم
هذا هذه ذلك تلك هؤلاء اولئك الذي التي الذين اللذان اللتان اللواتي اللاتي ان أن إن او أو ثم لكن بل لا لم لن قد
كان كانت يكون تكون كانوا به بها بهم له لها لهم فيه فيها فيهم عليه عليها منه منها عنه عنها اي أي ايه أية كل بعض
غير عند عندما حول حتى اذا إذا لو لقد و ف ب ل ك يا ذات ذو تم وقد وفي وعلى ومن وما ولا وهو وهي هناك هنا ليس ليست
شو ايش إيش شنو شنهو وش واش اش ليش ليه علاش لاش وين فين فاين منو مين شكون قديش قداش كيفاش شلون اشلون إمتى امتى
إيمتى ايمتى هاد هادا هادي هاذا هاذي ده دي دا دول بتاع تاع ديال متاع اللي الي يلي إللي بس كمان برضو برضه عشان
علشان لانو لأنو يعني طيب حاجة شي شيء عم رح راح حيكون بدو بدها بدي عايز عايزة حابب قلي قلّي قولي خبرني اخبرني
أخبرني احكيلي احكي ممكن لو سمحت الخبر المقال النص عدد
إليه إليها إليهم لديه لديها لديهم لدى عليهم عنهم منهم معه معها معهم بين بينهم لي لك لنا
قال قالت يقول تقول قالوا يقولون قلت
بعد قبل خلال أثناء بسبب بشأن بخصوص حسب وفق عبر ضد هيك صار صارت الشي شنهي اشنو إيه`;

const build = (words: string): ReadonlySet<string> =>
  new Set(words.split(/\s+/).filter(Boolean).map((w) => normalizeToken(w)));

const STOPWORDS: ReadonlySet<string> = new Set([...build(ENGLISH), ...build(ARABIC)]);

/**
 * True for a normalised token that carries no topic, also with the conjunction و or ف joined to it ("ووين",
 * "وامتى", "فشو"), as a follow-up question opens.
 */
export function isStopword(normalized: string): boolean {
  if (STOPWORDS.has(normalized)) return true;
  return normalized.length > 2 && (normalized[0] === "و" || normalized[0] === "ف") && STOPWORDS.has(normalized.slice(1));
}

/** Arabic question words, formal and dialect, in normalised form: what a follow-up opens with after و or ف. */
export const ARABIC_QUESTION_WORDS: readonly string[] = [
  ...build(`من مين منو شكون ما ماذا شو ايش إيش شنو شنهو واش اش وش متى امتى إمتى ايمتى اين أين وين فين فاين كيف كيفاش شلون
اشلون كم قديش قداش هل لماذا ليش ليه علاش لاش اي أي`),
];
