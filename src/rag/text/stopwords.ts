/**
 * Function words that say nothing about what a question is about, in English, Modern Standard Arabic and the
 * common dialects (Levantine, Egyptian, Gulf, Maghrebi). Arabic entries are in normalised form.
 */
import { withinOneSlip } from "../fuzzy.js";
import { holdsWord, normalizedSet, normalizeToken } from "./normalize.js";
import { isWrittenCapitalised, tokenize, tokenizePlaced, type PlacedToken, type Token } from "./tokenize.js";
import { DIALECT_FUTURE } from "./verbs.js";

const ENGLISH = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves also tell say said says told please
know anything something thing things whats does did much many get got give gave let us one ever
everyone everybody anyone anybody someone somebody nobody everything nothing
according acc article briefing news piece embedded whose whom think thought happen happens happened happening going gonna hold holds held want wants wanted mean
means like would kind sort way really actually actual de da di del van von le la les des du aux el al bin ibn bon alors donc
stance stances stand stands opinion opinions attitude describe describes described describing newspaper
isnt arent wasnt werent dont doesnt didnt cant cannot couldnt wouldnt shouldnt wont hasnt havent hadnt mustnt
im ive youre youve youd hes shes theyre theyve weve thats theres whos
wat wut wht wot hw wher wich whic ur abt cuz coz pls plz thx fyi tho though else details ones wesh wach
talk talked talking speak speaks spoke spoken speaking statement statements remark remarks remarked
mention mentions mentioned mentioning
somewhere anywhere elsewhere everywhere come comes came coming went
ok okay lol lmao nah yeah yep yup nope hmm btw idk tbh yo bruh gday howdy greetings bonjour salut sorry
still yet already even anymore basically specifically exact exactly precise precisely
whether either neither regarding via per upon within toward towards although unless whereas however therefore thus hence yes
hi hello thanks kindly wondering quote words stuff`;

/** Question words, formal and dialect: function words, and what a follow-up opens with after و or ف. */
const ARABIC_QUESTIONS = `من مين منو شكون ما ماذا شو ايش إيش شنو شنهو شنهي اشنو اشنهو اشنهي اشمن شمن وش واش اش متى امتى إمتى ايمتى إيمتى اين أين وين
فين فاين كيف كيفاش شلون اشلون كم كام شحال اشحال قديش قداش هل لماذا ليش ليه علاش لاش اي أي ايه إيه أية
وقتاش وقتيش فوقاش فوقتاش إمتا امتا ايمتا إزاي ازاي منين علاه واشنو شنوة شنوه أديش اديش قديه قداه شقد اشكد شكد
فيم علام حتام بم مم ممن عمن عما بماذا عماذا بمن ياتو ياتا ياتي ومتين جم لكام بكام`;

/**
 * Function words of Modern Standard Arabic and the dialects, verbs of saying, of seeing and of wanting among them
 * (as "say", "think" and "want" are in English); not تبون, the Gulf "you want", also Tebboune, a name the news writes.
 */
const ARABIC = `في على الى إلى عن مع هو هي هم هن هما انا أنا نحن انت أنت انتم
هذا هذه ذلك تلك هؤلاء اولئك الذي التي الذين اللذان اللتان اللواتي اللاتي ان أن إن او أو ثم لكن بل لا لم لن قد
كان كانت يكون تكون كانوا كانو به بها بهم بكم له لها لهم لكم فيه فيها فيهم عليه عليها منه منها عنه عنها كل بعض
غير غيره غيرها غيرهم عند عندما لما لكي ولكي كي يتم ويتم تتم وتتم حول حتى اذا إذا لو لقد و ف ب ل ك يا ذات ذو تم وقد وفي وعلى ومن وما ولا وهو وهي هناك هنا ليس ليست
هاد هادا هادي هاذ هاذا هاذي هذي ده دي دا دول بتاع بتاعة بتاعت بتوع تاع تاعة تاعت نتاع ديال متاع متاعة
ديالها دياله ديالهم ديالك ديالنا ديالكم متاعها متاعه متاعو متاعهم متاعي متاعك متاعنا متاعكم تاعها تاعو تاعه تاعهم تاعي تاعك تاعنا بتاعها بتاعه بتاعهم بتاعي بتاعك بتاعنا بزاف بشحال بقداش الي يلي إللي بس كمان برضو برضه عشان
علشان مشان ومشان لمشان بدال لانو لأنو يعني أعني طيب حاجة شي شيء عم رح راح حيكون بدو بدها بدي بدهم بدهن بدك بدكم بدنا معاه معاها معاهم معانا معاك معاكم عايز عايزة حابب حضرتك حضرتكم قلي قلّي قولي خبرني اخبرني
أخبرني اذكر واذكر فاذكر اذكري اذكروا احكيلي احكي عطيني اعطيني أعطني عطنا ممكن لو الخبر المقال النص عدد الصحيفة الجريدة
بالخبر بالمقال بالنص هالقصة بهالقصة اعرف نعرف بعرف بنعرف عرفني عرفنا
تاني تانية تانيين جاي جاية جايين الجاي الجاية الان حاليا حالي دلوقتي دلوقت هلق هلأ هسه هسع الحين دابا توا وتوا اد ويا وياه وياها وياهم وياك ويانا دارت داروا دارو
تبع تبعه تبعها تبعهم تبعو حكايته حكايتها حكايتهم قدام قدامو قدامه قدامها قدامهم هالايام بالاخر
سوا سوى بيها بيه بيهم الكلام هالكلام بيا كمل كملي كملوا زيد زيدي زين زدنا زيدنا تفاصيل التفاصيل
عايزين عاوز عاوزة عاوزين خاصو خاصها خاصهم خاصك خاصني الموضوع هالموضوع بهالموضوع بهالخصوص بهالشأن كاين كاينة كاينين
بذلك لذلك كذلك وكذلك بهذا لهذا بهذه لهذه
اكو ماكو صارله صارلها صارلهم صرله صرلها صرلهم صرلو تقولي تقوليلي تقلي تخبرني تحكيلي تحكيلنا اشرحلي تشرحلي
وصف وصفت يصف تصف وصفها وصفه وصفوا
إليه إليها إليهم لديه لديها لديهم لدى عليهم عنهم منهم معه معها معهم بينها بينهم بيننا بينكم لي لك لنا
حوله حولها حولهم بشأنه بشأنها بشأنهم بخصوصه بخصوصها بخصوصهم خلاله خلالها خلالهم خلالهما أثناءه أثناءها لسه لسا لسة لساته لساتها لساتهم
عنده عندها عندهم عندو عندك عندنا عندي هوما هومة جاها جاله جالها جاهم جالهم وجاها وجاله وجالها جاوها جاوه جاوهم جاتها
بيناتهم بيناتهن بيناتنا بيناتكم بيناتن بيناتو
إياه إياها إياهم إياهما إياك إياكم إياي إيانا ياه ياها ياهم ياك
قال قالت يقول تقول قالوا قالو يقولون قلت قالتو تحدث تحدثت تحدثوا يتحدث تتحدث يتحدثون أدلى أدلت يدلي تدلي
المذكور المذكورة المذكورين المذكورون المذكورتين مذكور مذكورة
تصريح تصريحات التصريح التصريحات تصريحه تصريحها تصريحاته تصريحاتها تصريحاتهم بتصريح بتصريحات بتصريحاته بتصريحاتها هالتصريحات
الهضرة هضرة فالهضرة بالهضرة هضرتها هضرته الهدرة هدرة
يشمل تشمل بيشمل بتشمل يشملو يشملوا يشملها يشمله تشملها تشمله
ال
حكى حكت حكات حكا حكيت حكو حكوا حكيو حكيوا حكاو يحكي تحكي بيحكي بتحكي تكلم تكلمت اتكلم اتكلمت يتكلم تتكلم بيتكلم بتتكلم هدرت هدرات هدرو هدروا
الحكي هالحكي هالشي
حجى حجيت يحجي تحجي
ترى يرى نرى رأت رأوا يرون تشوف يشوف نشوف بتشوف بيشوف وتشوف تشوفي تشوفو تشوفوا شايف شايفة شايفين تعتقد يعتقد أعتقد تظن يظن أظن رأيك برأيك
تشوفها تشوفه تشوفهم يشوفها يشوفه يشوفهم بتشوفها بيشوفها شايفاها شايفها شايفينها تراها تراه يراها يراه
حسبها حسبه حسبهم حسبما حسبي حسبك كلام كلامها كلامه كلامهم برأيها برأيه وفقا وفقاً بحسب طبقا طبقاً
أنه أنها أنهم أنهما إنه إنها إنهم لأنه لأنها لأنهم كأن كأنه نفسه نفسها أنفسهم لدي لدينا لديك لديكم
أيضا أيضاً فقط جدا جداً كتير كتيرا أكثر منذ حيث بينما كما وكما
هون هونيك هنيك هنايا لهون لهونيك
كلا كلاهما كليهما كلتا كلتاهما كلتيهما
موقف موقفها موقفه موقفهم مواقف رأي رأيها رأيه رأيهم
بعد قبل قبلها قبله قبلهم خلال أثناء بسبب بشأن بخصوص بالنسبة حسب وفق ضد هيك كده كدا صار صارت صاير صايرة الشي شصار اشصار وشصار
يصير تصير بيصير بتصير يصيروا
عايزاه عايزاها عايزاهم عاوزاه عاوزاها عاوزاهم عايزينه عايزينها عاوزينه عاوزينها
ذكرت ذكرته ذكرتها ذكرتهم ذكروا الكل
معهن بهن لهن عليهن منهن عنهن فيهن إليهن لديهن عندهن بينهن حولهن
حدث يحدث جرى يجري حصل يحصل
وقتها وقتئذ حينها حينئذ آنذاك ساعتها وقتذاك حينذاك
حدا لحدا لحد حدن لحدن يجي ييجي تيجي بتيجي
باش بلي ملي كيما راه راهي راهو راني راك راهم غادي غادية غاديين انو إنو بالضبط بالظبط بالزبط بعدين تحديدا تحديداً بالتحديد بالذات
تقصد يقصد تقصدين تقصدها تقصده تقصدهم يقصدها يقصده يقصدهم قصدك قصدها قصده قصدهم قصدت قصدوا
بأي لأي بأية لأية وبأي ولأي مما فيما بما
أراد أرادت أرادوا يريد تريد يريدون تريدون أريد نريد يريده تريده يريدها تريدها يريدونه يريدونها
يبي تبي يبون يبونه يبونها يبوا يبو تبوا تبو نبغى وايد تطالب يطالب يطالبون تطالبون طالبت طالبوا ابغى ابغي أبغى يبيه تبيه يبيها تبيها بغا بغات بغاو بغاوا باغي باغا باغية باغين باغيين يبغي تبغي يبغى تبغى يبغو يبغوا يبغون تبغون تبغيه يبغيه بغيت بغيتي بغينا نبغيو نبغيوا اشتي تشتي يشتي نشتي يشتوا يشتو يشتون يشتوه يشتيه تشتيه
بشكل بصورة بطريقة`;

/**
 * Demonstratives, the dialects' verbs of saying and of wanting and the prepositions a question asks "about" with,
 * which a follow-up also opens with after و or ف ("وده كان امتى؟", "واتكلموا في ايه؟", "وعايزين حل شكله ايه؟",
 * "وعن مالي؟", "وبخصوص مالي؟", "وفيه مفاوضات؟", and is there …; "وبعد كده؟", and after that; "وغير الدائمة كم؟", and
 * the non-permanent ones; "واتعمل فين وإمتى؟", and where and when was it held, as "held" is in English; "وايمتى
 * انكتبت؟", and when was it written, of a post the last answer quoted (conversations 59); "وقالت إيه
 * عن المينورسو؟", and what did she say about MINURSO):
 * function words then too. Not every function word: ودول is "and countries", فدا (فداء) is "sacrifice", ولي
 * "guardian", فقد "lost", والي (و + إلى) "governor". Not the Maghrebi هدر either, which is also the standard "waste".
 */
const ARABIC_JOINABLE = `اللي بعدها بعده بعدهم ده هاد هادا هادي هاذا هاذي هيدا هيدي هاي هذا هذه ذلك تلك ذاك ذيك هذاك هذيك هذيكا هاذيك هداك هديك
اتكلموا تكلموا يتكلموا بيتكلموا حكيوا حكوا هضر هضرت هضرو هضروا يهضر تهضر
عن حول بخصوص بشأن بالنسبة بعدين بعد قبل فيه فيها غير الان حاليا كان كانت كانوا مع ويا
عايز عايزة عايزين بدي بدو بدها بدهم بدهن بدنا بدك
انعقد ينعقد تنعقد انعقدت اتعمل اتعملت اتعملو اتعملوا انعمل انعملت انكتب انكتبت اتكتب اتكتبت
قال قالت قالوا يقول تقول يقولون أدلى أدلت يدلي تدلي
كال كالت كالوا كالو يكول تكول يكولون`;

/**
 * A mark before a verb's present: the dialects' present ب (a letter shorter than DIALECT_PRESENT in verbs.ts: بيتم),
 * the standard future's س ("سيقول", will say; "ماذا سيرى المراقبون؟", what will the observers see), and the dialects'
 * futures ه and ح as DIALECT_FUTURE reads them ("اللي هيشوفه المراقبين", what the observers will see; not هنري,
 * Henry): a function word's present is one still (سيرى was read as سير, a walk, blind set 74).
 */
const MARKED_PRESENT = /^[بس][يتن].{2,}$/u;
/**
 * The presents of speaking, which a question asks what or where someone was saying with ("شو عم يحكي؟", "وفين كان
 * كيهضر؟"): function words as the pasts are, and with the Maghreb's mark of the present (ك or كا: كيهضر, كتقول) too.
 * Only these: the mark before other function words' presents makes words and names (كتبوا, they wrote, is no ك +
 * تبوا, want; كيري is Kerry: a review).
 */
export const SPEAKING_PRESENTS = normalizedSet(`يقول تقول نقول يقولو يقولوا يقولون يحكي تحكي نحكي يحكيو يحكيوا يتكلم تتكلم نتكلم يتكلمو
يتكلموا يهضر تهضر نهضر يهضرو يهضروا يتحدث تتحدث`);
const MAGHREBI_SPEAKING = [...SPEAKING_PRESENTS].flatMap((present) => [`ك${present}`, `كا${present}`]);
/**
 * The function words a mark would make of a name or a noun: بيلي is Billy, سيلي and هيلي names, حياتي "my life", not
 * the future of ياتي.
 */
const NOT_PRESENTS = normalizedSet("يلي ياه ياها ياهم ياك ياتي ياتو ياتوا");
/**
 * Presents whose mark makes a name: the Gulf verbs of wanting take none (بيبي is a name, Bibi, or "baby"), and
 * بيجي is the Iraqi town Baiji as often as "he comes" (a review).
 */
const UNMARKED_PRESENTS = normalizedSet("يبي تبي يبون يجي");
const QUESTION_WORDS = normalizedSet(ARABIC_QUESTIONS);
const JOINABLE = normalizedSet(ARABIC_JOINABLE);
const STOPWORDS: ReadonlySet<string> = new Set([
  ...normalizedSet(ENGLISH), ...normalizedSet(ARABIC), ...QUESTION_WORDS, ...JOINABLE, ...SPEAKING_PRESENTS, ...MAGHREBI_SPEAKING,
]);

/**
 * True for a normalised token that carries no topic, also a question word, a demonstrative or a verb of saying
 * with the conjunction و or ف joined to it ("ووين", "وامتى", "فشو", "وده"), as a follow-up question opens. Only
 * those: "ولي" or "فهم" stay words.
 */
export function isStopword(normalized: string): boolean {
  if (STOPWORDS.has(normalized)) return true;
  // The word past its first letter: a function word's present after a present's or a future's mark ("بيقول", is
  // saying; "بيتم", is done; "سيقول", will say), or a question word after و or ف. The sets first: this runs for every
  // word of every question and sentence, the patterns only for a present.
  const rest = normalized.slice(1);
  const marked = STOPWORDS.has(rest) && (MARKED_PRESENT.test(normalized) || DIALECT_FUTURE.test(normalized));
  if (marked && !UNMARKED_PRESENTS.has(rest) && !NOT_PRESENTS.has(rest)) return true;
  if (normalized[0] !== "و" && normalized[0] !== "ف") return false;
  return QUESTION_WORDS.has(rest) || JOINABLE.has(rest);
}

/**
 * Words a dialect opens a question with that are words of their own elsewhere: the Egyptian طب, "well, …" ("طب
 * واتكلموا في ايه؟", "طب مين قالها؟"), the standard "medicine" (طب الأعشاب, with a noun after it).
 */
const OPENERS = normalizedSet("طب");
/**
 * The Libyan شن, "what", wherever it stands ("شن هي الجريدة؟", "شن العنوان متاع المقال؟", "وبعدها شن صار؟"); the
 * standard "launched" where what it launches follows within two words (شن الهجوم, شن الجيش هجوما: LAUNCHED).
 */
const LAUNCHING = normalizedSet("شن");
/** What the standard شن launches: an attack, a campaign, a war, a raid, a strike, an operation. */
const LAUNCHED = normalizedSet("هجوم هجوما هجمات هجمة حملة حملات حرب غارة غارات ضربة ضربات عملية عمليات");
/**
 * The dialects' "what's the story of …" after their word asking what ("شنو قصة المقررين الخاصين؟", "شو قصة زيارات
 * المبعوثين؟"): asks about what follows, as "tell me about" does. Not after the standard ما, which asks a plot as
 * often ("ما قصة الفيلم؟", a review: analyze.ts reads it off there only where no briefing holds it), nor a story
 * asked of otherwise ("ما هي القصة التي كتبها؟").
 */
const STORY_OF = normalizedSet("قصة");
/** The Iraqi when, a question word only where it opens the question (question-type.ts reads it so too). */
export const WHEN_FIRST = normalizedSet("شوكت اشوكت");

/**
 * `tokens` without an opening filler (see OPENERS) that more words follow, other than a noun with the article (طب
 * الأعشاب, the medicine of herbs), without the Libyan شن (see LAUNCHING) in a question of more words, and without
 * the story of STORY_OF, nor the Iraqi when opening it (WHEN_FIRST). طب is read
 * off before any other word ("طب سيسون زارت فين؟"): a review found a rule keeping it before a name or a verb declined
 * such questions; "طب بديل" (alternative medicine) is read as "well, …".
 */
export function withoutOpener<T extends { readonly text: string }>(tokens: readonly T[]): readonly T[] {
  if (tokens.length < 2) return tokens;
  const launches = (i: number): boolean => [tokens[i + 1], tokens[i + 2]].some((w) => w !== undefined && LAUNCHED.has(w.text.replace(/^ال/, "")));
  const kept = tokens.filter((t, i) => {
    if (LAUNCHING.has(t.text)) return launches(i);
    if (STORY_OF.has(t.text) && i > 0 && holdsWord(STORY_ASKERS, (tokens[i - 1] as T).text)) return false;
    if (i === 0 && holdsWord(WHEN_FIRST, t.text)) return false;
    return i > 0 || !OPENERS.has(t.text) || (tokens[1]?.text.startsWith("ال") ?? true);
  });
  return kept.length === tokens.length ? tokens : kept;
}

/**
 * A person's occupation asked of, in English: after a possessive, or one word after it ("her job", "Sison's title",
 * "her official title", "job title"). A possessive 's on a name, not on a function word ("How's the job …?").
 */
const ROLE_EN = normalizedSet("job title occupation profession portfolio");
const POSSESSIVE_EN = normalizedSet("her his their my your job");
/** A role, asked as a person's occupation only after his or her ("whats his role"; not "MINURSO's role", "their role in Mali"). */
const ROLE_OF_PERSON_EN = normalizedSet("role");
const PERSON_POSSESSIVE_EN = normalizedSet("her his");
/**
 * "Official" before a word for a post ("what official position does she hold", "her official title"): one phrase
 * asking the occupation, with its noun (a position, a post, a role or a capacity only so: "her position on Western
 * Sahara" is a stance). "Official" alone is a person ("the US official").
 */
const OFFICIAL_EN = normalizedSet("official");
/** How many words after "of" may name the person a role is asked of ("the title of the US official"). */
const MAX_ROLE_OWNER_WORDS = 4;
const POST_AFTER_OFFICIAL_EN = normalizedSet("position post role capacity job title");
/**
 * A post or an office a person holds ("what post does she hold?", "which office did Sison hold?"): an occupation,
 * where "post" alone is as often a tweet. Not a position held, a stance as often ("What position does the US hold on
 * …?"), nor a post or an office holding something ("Which post holds the hashtag?", "When did the office hold its
 * meeting?": a review).
 */
const HELD_POST_EN = normalizedSet("post office");
const HOLDING_EN = normalizedSet("hold holds held holding occupy occupies occupied");
/** How many words after the post its holding may come ("what post does Michele Sison hold"). */
const HOLDING_REACH = 4;
/**
 * And in Arabic: the noun before a word of its own, the person's name (وظيفة سيسون; not "وظيفة في الجزائر", a
 * job in Algeria), or carrying her pronoun (وظيفتها, شغلتها).
 */
const ROLE_AR = normalizedSet("وظيفة مهنة صفة الصفة");
/** The same with the article, a thing's as often ("الوظيفة الأساسية للبعثة"): asked of a person named after it. */
const ROLE_AR_DEFINITE = normalizedSet("الوظيفة المهنة");
/** A word for a post, which is a country's too ("منصب الجزائر في مجلس الأمن"): asked only before a person's noun. */
const POST_AR = normalizedSet("منصب");
/**
 * The Maghreb's possessive words with one person's pronoun (ديالها, متاعها, تاعها; the Egyptian بتاعها): a role's noun
 * before one asks whose it is, a person's ("شنوّة الخطة متاعها؟", her post, the Tunisian خطة; "الخدمة ديالها", the
 * Darija's her job). Not before their plural ("الخطة متاعهم في الساحل", their plan: found by a review).
 */
const ONES_OWN_AR = normalizedSet("ديالها دياله ديالو متاعها متاعه متاعو تاعها تاعه تاعو بتاعها بتاعه");
const ROLE_AR_BEFORE_OWNER = normalizedSet("خطة الخطة وظيفة الوظيفة مهنة المهنة منصب المنصب صفة الصفة خدمة الخدمة");
const ROLE_AR_OWNED = normalizedSet("وظيفته وظيفتها وظيفتو مهنته مهنتها مهنتو شغلته شغلتها شغلتو شغلانته شغلانتها شغلانتو صفته صفتها");
/**
 * A post with a person's pronoun (منصبه, منصبها), asked of only beside a word asking what ("ومنصبه ايش؟", "شو
 * منصبها؟"): "متى تولى منصبه؟" (when did he take office) and "ماذا قالت عن منصبها …؟" keep it (a review).
 */
const POST_AR_OWNED = normalizedSet("منصبه منصبها منصبو");
/** The words asking who, standard and dialect (normal forms). */
export const WHO_AR = normalizedSet("من مين منو مينو شكون");
/** The words asking what, standard and dialect (normal forms). */
export const WHAT_AR = normalizedSet("ما ماذا شو ايش إيش وش شنو اشنو شنهو شنهي شنوة ايه إيه");
/** The dialects' words asking what, which "what's the story of …" opens with (see STORY_OF): WHAT_AR but the standard's. */
const STANDARD_WHAT = normalizedSet("ما ماذا");
const STORY_ASKERS: ReadonlySet<string> = new Set([...WHAT_AR].filter((w) => !STANDARD_WHAT.has(w)));

/**
 * `tokens` without a word asking for a person's occupation ("What is Sison's job?", "What's her title?", "ايه
 * وظيفة سيسون؟", "وشو شغلتها؟", "ما الصفة الرسمية لدي ميستورا؟", his capacity): such a question asks who the person is, which a report says by describing them
 * ("مساعدة وزير الخارجية الأمريكي"), hardly ever with the word itself, whose absence would refuse the question.
 * Not a job or title of no one ("What jobs were created?", "the title of the article").
 */
export function withoutRoleAsked<T extends { readonly text: string; readonly raw: string }>(tokens: readonly T[], isPerson: (word: string) => boolean): readonly T[] {
  // A token's text is its word without the 's ("How's": how).
  const possessive = (t: T | undefined): boolean => t !== undefined && (POSSESSIVE_EN.has(t.text) || (/['’]s$/u.test(t.raw) && !isStopword(t.text)));
  // "the exact title of the US official visiting Algeria": "of" and a person's noun within the phrase after it
  // ("official" only where no noun follows: "the title of the official report" is the headline's).
  // A person's noun ends the phrase (the end, a function word, a participle next), and owns nothing ("the title of
  // the envoy's report", "… of the book the minister wrote": a review).
  const ofPerson = (at: number): boolean => {
    if (tokens[at]?.text !== "of") return false;
    for (let j = at + 1; j < Math.min(tokens.length, at + 1 + MAX_ROLE_OWNER_WORDS); j += 1) {
      const word = tokens[j] as T;
      if (/['’]s$/u.test(word.raw)) return false;
      const next = tokens[j + 1];
      const ends = next === undefined || isStopword(next.text) || /(?:ing|ed)$/u.test(next.text);
      if (ends && (isPerson(word.text) || OFFICIAL_EN.has(word.text))) return true;
    }
    return false;
  };
  // الوظيفة, المهنة with the article: of a person named within a few words ("الوظيفة الرسمية اللي عندها المسؤولة";
  // not "الوظيفة الأساسية لبعثة المينورسو", the mission's function: a review).
  const ofPersonAfter = (i: number): boolean => tokens.slice(i + 1, i + 1 + MAX_ROLE_OWNER_WORDS).some((w) => isPerson(w.text));
  const asked = (t: T, i: number): boolean => {
    // "the job title of the American official": one word for it before another.
    if (ROLE_EN.has(t.text)) return possessive(tokens[i - 1]) || possessive(tokens[i - 2]) || ROLE_EN.has(tokens[i + 1]?.text ?? "") || ofPerson(i + 1);
    if (ROLE_OF_PERSON_EN.has(t.text) && PERSON_POSSESSIVE_EN.has(tokens[i - 1]?.text ?? "")) return true;
    if (OFFICIAL_EN.has(t.text) && POST_AFTER_OFFICIAL_EN.has(tokens[i + 1]?.text ?? "")) return true;
    if (HELD_POST_EN.has(t.text) && tokens.slice(i + 1, i + 1 + HOLDING_REACH).some((w, d) => HOLDING_EN.has(w.text) && holder(tokens[i + d]))) return true;
    if (POST_AFTER_OFFICIAL_EN.has(t.text) && OFFICIAL_EN.has(tokens[i - 1]?.text ?? "")) return true;
    const next = tokens[i + 1];
    // With و too: "اسمها إيه وشغلانتها إيه؟" (her name, and her job).
    const owned = ROLE_AR_OWNED.has(t.text) || (t.text.startsWith("و") && ROLE_AR_OWNED.has(t.text.slice(1)));
    // منصب before the person's noun ("شنو منصب هالمسؤولة الأمريكية؟"; not "منصب الجزائر", found by a review).
    const ownedAfter = ROLE_AR_BEFORE_OWNER.has(t.text) && ONES_OWN_AR.has(next?.text ?? "");
    const post = holdsWord(POST_AR_OWNED, t.text) && [tokens[i - 1], next].some((w) => w !== undefined && holdsWord(WHAT_AR, w.text));
    if (post) return true;
    const roleNoun = ROLE_AR.has(t.text) || (ROLE_AR_DEFINITE.has(t.text) && ofPersonAfter(i));
    return owned || ownedAfter || (roleNoun && next !== undefined && !isStopword(next.text)) || (POST_AR.has(t.text) && next !== undefined && isPerson(next.text));
  };
  const kept = tokens.filter((t, i) => !asked(t, i));
  return kept.length === tokens.length ? tokens : kept;
}

/** Who holds a post: a person's pronoun or a name ("does she hold", "did Sison hold"), not a post or an office. */
const HOLDERS_EN = normalizedSet("she he they i you");
const holder = (t: { readonly text: string; readonly raw: string } | undefined): boolean =>
  t !== undefined && (HOLDERS_EN.has(t.text) || (isWrittenCapitalised(t) && !isStopword(t.text) && !HELD_POST_EN.has(t.text)));

/** Whether `question` asks for a person's occupation (see withoutRoleAsked): "What's her job title?". */
export const asksRole = (question: string, isPerson: (word: string) => boolean): boolean => {
  const tokens = tokenizePlaced(question);
  return withoutRoleAsked(tokens, isPerson).length < tokens.length;
};

/**
 * `question` without the opening filler withoutOpener reads off, as text (to be joined after other questions); not
 * the Iraqi when, which still asks when there.
 */
export function withoutOpenerText(question: string): string {
  const tokens = tokenizePlaced(question);
  const [first] = tokens;
  return first && !holdsWord(WHEN_FIRST, first.text) && withoutOpener(tokens)[0] !== first ? question.slice(first.end) : question;
}

/**
 * Words of a question that ask for the quote as written ("quote it verbatim", "word for word", "عايز الجملة زي ما
 * هي", I want the sentence as it is; "بالحرف", word for word): every answer is one, so they ask nothing more. Read in questions
 * alone, not as function words of the briefings. Not "literally" or حرفياً, which ask what a word means as often
 * ("What does Yuan literally mean?", a review).
 */
const WORDING = normalizedSet("verbatim wording بالحرف بالنص");
/** The Egyptian "as" (زي ما, like what), before ما: زي alone is also a uniform. */
const AS_IT_IS = normalizedSet("زي زى");
/**
 * "The sentence", asked for only before "as it is" ("الجملة زي ما هي"): "ما هي الجملة الاسمية؟" asks of a
 * grammar's sentence, "جملة من الإجراءات" is a series (a review).
 */
const SENTENCE_AR = normalizedSet("الجملة جملة");

/** "Direct" or "exact" before a quote or words ("the direct quote", "her exact words"): what every answer is. */
const AS_WRITTEN = normalizedSet("direct exact");
const QUOTED = normalizedSet("quote quotes quotation words");

/** Whether the word at `i` is a word of "word for word" (see WORDING): the first "word", "for" or the second. */
function wordForWord(tokens: readonly { readonly text: string }[], i: number): boolean {
  const text = (at: number): string => tokens[at]?.text ?? "";
  return [i, i - 1, i - 2].some((at) => text(at) === "word" && text(at + 1) === "for" && text(at + 2) === "word");
}

/**
 * The nouns of a wording ("what phrase did she use for …", "بأي عبارة وصفت …", with what expression did she describe):
 * asked for by a question word before them and a verb of naming or using after, they ask for the words every quote
 * is. Elsewhere words of their own: "How long is the term?", "حرية التعبير" (freedom of expression).
 */
const WORDING_NOUNS = normalizedSet(
  "phrase phrases term terms expression expressions word words label عبارة عبارات كلمة كلمات تعبير مصطلح لفظ العبارة العبارات الكلمة الكلمات التعبير المصطلح اللفظ",
);
/** The question words that ask for one of them, and the words that may stand between ("ما هي العبارة …", "what is the term …"). */
const WHICH = normalizedSet("which what whats أي بأي وبأي ما وما شو ايش");
const COPULA_BETWEEN = normalizedSet("is was the هي هو");
/** The verbs that give a thing its words: describe, call, use, label; وصف, سمى, استخدم, أطلق. */
const NAMING = normalizedSet(
  "describe describes described call calls called use uses used characterise characterised characterize characterized label labelled labeled refer referred coin coined " +
    "وصف وصفت وصفها وصفه يصف تصف سمت سمى أسمت أسمى تسمي يسمي يسمى تسمى سمته سمتها أسمته أسمتها استخدمت استخدم استخدمته استخدمتها استعملت استعمل أطلقت أطلق اطلقت يطلق تطلق",
);
/** How many words after the noun its verb may stand ("what phrase did Sison use", "بأي عبارة وصفت"). */
const NAMING_WITHIN = 4;

/** Whether `tokens[i]` is a noun of a wording asked for (see WORDING_NOUNS), or the verb that asks for it. */
function isAskedWording(tokens: readonly { readonly text: string }[], i: number): boolean {
  const text = (at: number): string => tokens[at]?.text ?? "";
  // The question word right before the noun, or with one or two of COPULA_BETWEEN between ("What is the term …").
  const asked = (at: number): boolean =>
    WORDING_NOUNS.has(text(at)) && [1, 2, 3].some((back) => WHICH.has(text(at - back)) && Array.from({ length: back - 1 }, (_, k) => text(at - 1 - k)).every((w) => COPULA_BETWEEN.has(w)));
  const namedWithin = (at: number): number => tokens.slice(at + 1, at + 1 + NAMING_WITHIN).findIndex((t) => NAMING.has(t.text));
  if (asked(i)) return namedWithin(i) >= 0;
  // The verb: the first of NAMING after an asked noun.
  if (!NAMING.has(text(i))) return false;
  for (let at = i - 1; at >= Math.max(0, i - NAMING_WITHIN); at--) if (asked(at)) return at + 1 + namedWithin(at) === i;
  return false;
}

/** Whether `tokens[i]` asks for the quote as written (see WORDING and WORDING_NOUNS). */
export function asksForTheWording(tokens: readonly { readonly text: string }[], i: number): boolean {
  const word = tokens[i]?.text ?? "";
  const asIs = (at: number): boolean => AS_IT_IS.has(tokens[at]?.text ?? "") && tokens[at + 1]?.text === "ما";
  return (
    WORDING.has(word) ||
    asIs(i) ||
    (SENTENCE_AR.has(word) && asIs(i + 1)) ||
    (AS_WRITTEN.has(word) && QUOTED.has(tokens[i + 1]?.text ?? "")) ||
    wordForWord(tokens, i) ||
    isAskedWording(tokens, i)
  );
}

/** The English function words long enough that one slip leaves them recognisable ("acording", "becuase"). */
const LONG_ENGLISH = [...STOPWORDS].filter((word) => word.length >= 6 && /^[a-z]+$/.test(word));
/** Those of five letters, recognisable with two neighbours swapped ("abuot", "thier", "wehre"). */
const FIVE_LETTER_ENGLISH = [...STOPWORDS].filter((word) => word.length === 5 && /^[a-z]+$/.test(word));

/** Whether two words differ by one letter added, dropped or changed, or two neighbours swapped (see withinOneSlip). */
const oneSlipApart = (a: string, b: string): boolean => a !== b && withinOneSlip(a, b);

/** Whether two words of one length differ only by two neighbouring letters swapped. */
function swappedApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/**
 * Whether an English word no list knows is a long function word misspelt ("what role does Minurso play acording to
 * the US official?"): read as a name, "acording" declined or misled the question. Its first letter as the word's: a
 * slip seldom takes that one, and "turing" is one from "during" (a review). One of five letters only with two
 * neighbours swapped ("the tweet abuot meeting the RSF jornalist", blind set 61): one letter changed makes other
 * words of them. The caller checks the lists and names.
 */
export const isMisspeltFunctionWord = (word: string): boolean =>
  (word.length >= 6 && LONG_ENGLISH.some((stop) => stop[0] === word[0] && oneSlipApart(word, stop))) ||
  (word.length === 5 && FIVE_LETTER_ENGLISH.some((stop) => stop[0] === word[0] && swappedApart(word, stop)));

/** English words that ask (see framingWords): a prefix holding one is the question's own words. */
const ENGLISH_QUESTIONS = normalizedSet("what whats who whos whom whose when where which why how");
/** The most words, function words aside, a prefix frames a question with ("Student here, summarising for homework:"). */
const MAX_FRAMING_WORDS = 8;
/**
 * Where a prefix framing the question may end on its first line: a colon (not a time's: "4:51", "٩:١٥"); a comma
 * before a request ("Forgive the pedantic question, but could you tell me …"); or, where the asker greets or speaks
 * of themselves before it (see framingWords), the end of a sentence ("Hi, I'm writing a piece for a Manila outlet.
 * What exactly …?", "G'day! …") or a spaced dash ("Quick one for a story I'm filing – who's …?"). A sentence's end
 * after a word of two letters at least: not the initials of "U.S.", though "Mr." and "etc." end one here.
 */
const FRAME_ENDS = /(?<!\p{Nd}):|:(?!\p{Nd})|(?<=\p{L}{2})[.!]+(?=\s)|\s[-–—]\s|,\s*(?:[Bb]ut\s+)?(?=(?:[Cc]ould|[Cc]an|[Ww]ould|[Ww]ill)\s+you\b|[Pp]lease\b)/gu;
/** An auxiliary opening a yes/no question: what follows is the question ("Did Gen. Amirouche meet her?"). */
export const YES_NO_OPENING = /^\W*(is|are|was|were|do|does|did|can|could|has|have|had|will|would|should)\b/i;
/** The most words besides function words a sentence or a dash frames with when the asker does not say "I". */
const MAX_ASIDE_WORDS = 2;
/**
 * Verbs a sentence states what the text says with ("The article mentions a drone strike.", "It says Mali …"), after
 * a word for the text: such a sentence gives the question's topic, however few its other words, and is no aside (not
 * "Fair enough, you told me.": a review).
 */
const STATING = normalizedSet("say says said mention mentions mentioned tell tells told write writes wrote report reports reported claim claims");
const THE_TEXT = normalizedSet("it article report story piece text post tweet headline briefing");

/** Whether a sentence states what the text says: a word for the text, then a verb of STATING. */
const statesTheText = (segment: readonly Token[]): boolean =>
  segment.some((t, i) => STATING.has(t.text) && segment.slice(0, i).some((s) => THE_TEXT.has(s.text)));
/** The frame ends that frame whatever precedes them: a colon, a comma before a request; and a dash's. */
const DASHES = /[-–—]/u;
const FRAMES_ANY = /^[:,]/u;
/**
 * Words saying what the question is about, which make a prefix its topic ("Question about sanctions: …", "Regarding
 * the nuclear deal, could you tell me …?", "بخصوص الاتفاق: …"), not a frame.
 */
const TOPIC_MARKERS = normalizedSet("about regarding concerning re عن حول بخصوص بشأن بالنسبة");
/**
 * Words of the question pointing back at the prefix as its topic ("I'm studying the war in Ukraine. What did Sison
 * say about it?", "ماذا قالت عنها؟"): "it" or "them" after a preposition of topic, or an Arabic one with its pronoun.
 * Not "it" elsewhere, which is as often the report ("which newspaper published it?").
 */
const TOPIC_PREPOSITIONS = normalizedSet("about on of regarding concerning");
const POINTED_BACK = normalizedSet("it them");
const POINTING_BACK_AR = normalizedSet("عنه عنها عنهم حوله حولها حولهم بشانه بشانها بخصوصه بخصوصها");
const pointsBack = (tokens: readonly { readonly text: string }[]): boolean =>
  tokens.some((t, i) => POINTING_BACK_AR.has(t.text) || (POINTED_BACK.has(t.text) && TOPIC_PREPOSITIONS.has(tokens[i - 1]?.text ?? "")));
/** Words addressing the bot, closing the question after a comma ("How long ago was this published, mate?"). */
const VOCATIVES = normalizedSet("mate mates bro buddy pal dude fam sir madam folks guys friend habibi حبيبي اخي خويا");
const ADDRESS = /[,،]\s*(\p{L}+)\s*[?؟!.]*\s*$/u;
/**
 * The asker speaking of themselves: a framing prefix with one says who asks, its names too ("I'm writing for a
 * Manila outlet."; "im" and "ive" typed without the apostrophe). Not "me", which an imperative says of a topic ("Tell
 * me about Ukraine.").
 */
const FIRST_PERSON = normalizedSet("i im ive my we our myself انا احنا نحن");

/** The words of a prefix framing a question (see framingWords), and whether the asker speaks of themselves there. */
export interface Framing {
  readonly words: ReadonlySet<string>;
  readonly ofTheAsker: boolean;
}

/** Whether tokens hold a question word: English, or Arabic (not من, "from" as often). */
export const holdsQuestionWord = (tokens: readonly { readonly text: string }[]): boolean =>
  tokens.some((t) => ENGLISH_QUESTIONS.has(t.text) || (isQuestionWord(t.text) && t.text !== "من") || isJoinedQuestionWord(t.text));

/**
 * The words that frame a question: a prefix before its first line's last frame end (FRAME_ENDS) that no question
 * word precedes, with a question of two words at least after it ("For my class: where is …?", "مرحبا، أنا من
 * الإمارات: مين …؟", "G'day! Quick one for a story I'm filing – who's …?"), and a word addressing the bot at its end
 * (VOCATIVES: ", mate?"). The asker says who they are or why they ask; a word of it the briefings hold may still say
 * what about ("Sahel: what did she say?"), so only the words found nowhere are read off (see wordTerm in analyze.ts),
 * and not a name, a place or a number there ("Zimbabwe: what did she say …?" asks of a country the briefings may
 * not name) unless the asker speaks of themselves (`ofTheAsker`: "I'm writing for a Manila outlet."). None for a
 * prefix that asks ("Which council did she meet re: rights?"), says what the question is about (TOPIC_MARKERS), or
 * that the question points back at (pointsBack): read off, an off-topic question would be answered (a review).
 */
export function framingWords(question: string): Framing {
  const [line = ""] = question.split("\n");
  let cut: RegExpExecArray | undefined;
  let from = 0;
  // A yes/no question is a question from its first word ("Did Gen. Amirouche meet her?"): nothing frames it.
  for (const end of YES_NO_OPENING.test(line) ? [] : line.matchAll(FRAME_ENDS)) {
    const segment = tokenize(line.slice(from, end.index));
    if (holdsQuestionWord(segment) || /[?؟]/u.test(line.slice(from, end.index)) || segment.some((t) => TOPIC_MARKERS.has(t.text))) break;
    // A dash or a sentence's end frames only where the asker speaks of themselves before it, or after an aside: two
    // words at most besides function words before a sentence's end ("Hi!", "Random question.", "Sorry, dumb
    // question."; not "The article mentions a drone strike." nor "The headline says someone's assistant talks about
    // two topics."), function words alone before a dash ("interior ministry — who'd she meet?" names the topic).
    const aside = !statesTheText(segment) && segment.filter((t) => !isStopword(t.text)).length <= (DASHES.test(end[0]) ? 0 : MAX_ASIDE_WORDS);
    if (!FRAMES_ANY.test(end[0]) && !aside && !speaksOfThemselves(line.slice(0, end.index))) break;
    cut = end;
    from = end.index + end[0].length;
  }
  const raw = cut === undefined ? "" : line.slice(0, cut.index);
  const prefix = tokenize(raw);
  // What follows the question's last question mark, where it asks nothing: the asker's purpose (see statementAfter).
  const closing = statementAfter(line, from);
  const rest = tokenize(line.slice(from, closing.start));
  const framed = cut !== undefined && !pointsBack(rest) && prefix.filter((t) => !isStopword(t.text)).length <= MAX_FRAMING_WORDS && rest.length >= 2;
  // The address is the question's last word; a question of two words more at least ("Where, mate?" keeps it).
  const address = ADDRESS.exec(line)?.[1];
  const addressed = address !== undefined && VOCATIVES.has(normalizeToken(address)) && rest.length > 2 ? rest.slice(-1) : [];
  // Or whom it calls on ("يا الخو، …", "… يا ابني …").
  const called = calledOn(line.slice(from, closing.start));
  const calledWords = new Set(called.map((t) => t.text));
  // A word the question asks again after the prefix is its own ("Nigeria: did Sison mention Nigeria?").
  const asked = new Set(rest.slice(0, rest.length - addressed.length).flatMap((t) => (calledWords.has(t.text) ? [] : [t.text])));
  const words = [...(framed ? prefix : []), ...called, ...addressed, ...closing.words].flatMap((t) => (asked.has(t.text) ? [] : [t.text]));
  return { words: new Set(words), ofTheAsker: framed && speaksOfThemselves(raw) };
}

/**
 * A call: opening a question, يا and one or two words before its comma ("يا الخو، …", "يا أستاذ، …"); elsewhere يا and
 * the one word it calls ("وزير خارجيتهم كان فين يا ابني لما …؟").
 */
const CALL_OPENING = /^\s*يا\s+\p{L}+(?:\s+\p{L}+)?\s*[,،]/u;
const CALL = /(?<!\p{L})يا\s+\p{L}+/gu;

/**
 * The words of the calls in a question (see CALL_OPENING), يا among them. Not يا opening it with no comma: the
 * Iraqi "which" ("يا جامعة زارت سيسون؟", a review).
 */
function calledOn(line: string): Token[] {
  const opening = CALL_OPENING.exec(line);
  const from = opening?.[0].length ?? 0;
  const inside = [...line.slice(from).matchAll(CALL)].filter((m) => /\p{L}/u.test(line.slice(0, from + m.index)));
  return [...(opening === null ? [] : [opening[0]]), ...inside.map((m) => m[0])].flatMap((call) => tokenize(call));
}

/** The dialects' and the standard "I want": the asker speaking of themselves, as "I" does. */
const ASKER_WANTS = normalizedSet("بدي ابغى ابغي ابي اريد عايز عايزه حابب حابه بغيت نبغي");
/** Words saying why the asker asks ("for my essay", "عشان", "لأني"): a purpose, not more of the topic. */
const PURPOSE = normalizedSet("for because cause since عشان علشان مشان لان لاني لانو كي");
/** Words a statement may repeat the question with, asking it whole ("أبي العنوان كامل", I want the whole headline). */
const WHOLE = normalizedSet("full whole complete entire exact كامل كامله بالكامل كاملا");
/** An Arabic word without the article, to compare a statement's words with the question's. */
const withoutArticle = (word: string): string => word.replace(/^ال(?=..)/u, "");
/** An Arabic word with ل and the asker's ي ("لبحثي", for my research): a purpose. */
const FOR_MINE = /^ل\p{L}{3,}ي$/u;

/**
 * The statement after a question's last question mark, from `from` on, where the asker speaks of themselves in it
 * and it asks nothing (no question word, no word of topic), after a question of two words at least: the asker's
 * purpose ("شو عنوان المقال بالزبط؟ بدي أنقله لبحثي", I want to copy it for my research; "… ? I need it for class.").
 * Not "… about Mali? The peacekeepers.", which says what about. `start`: where it begins (the line's end where there
 * is none).
 */
function statementAfter(line: string, from: number): { start: number; words: Token[] } {
  const end = Math.max(line.lastIndexOf("?"), line.lastIndexOf("؟"));
  const none = { start: line.length, words: [] };
  if (end < from) return none;
  const words = tokenize(line.slice(end + 1));
  const question = tokenize(line.slice(from, end));
  const ofTheAsker = speaksOfThemselves(line.slice(end + 1)) || words.some((t) => ASKER_WANTS.has(t.text));
  if (!ofTheAsker || question.length < 2 || holdsQuestionWord(words) || words.some((t) => TOPIC_MARKERS.has(t.text))) return none;
  // A purpose, or the question asked again whole; not a topic said more closely ("… عن مالي؟ بدي رأيها بالانقلاب", "I
  // mean the coup": a review).
  const asked = new Set(question.map((t) => withoutArticle(t.text)));
  const purpose = words.some((t) => PURPOSE.has(t.text) || FOR_MINE.test(t.text));
  const again = words.every((t) => isStopword(t.text) || ASKER_WANTS.has(t.text) || WHOLE.has(t.text) || asked.has(withoutArticle(t.text)));
  return purpose || again ? { start: end + 1, words } : none;
}

/** Whether text says "I", "my", "we", أنا …: function words tokenize drops ("I'm", "I've"), read as written. */
const speaksOfThemselves = (text: string): boolean => text.split(/[^\p{L}]+/u).some((word) => FIRST_PERSON.has(normalizeToken(word)));

/** Whether a normalised token is an Arabic question word, formal or dialect ("من", "وين", "واش"). */
export const isQuestionWord = (normalized: string): boolean => QUESTION_WORDS.has(normalized);

/** Whether a normalised token is و or ف joined to a function word ("وكانت", and was; "وعلى"; "فهذا"). */
export const isJoinedFunctionWord = (normalized: string): boolean => (normalized[0] === "و" || normalized[0] === "ف") && isStopword(normalized.slice(1));

/** Whether a normalised token is a question word with و or ف joined to it ("ومين", "وامتى"), not one itself ("واش"). */
export function isJoinedQuestionWord(normalized: string): boolean {
  return !QUESTION_WORDS.has(normalized) && (normalized[0] === "و" || normalized[0] === "ف") && QUESTION_WORDS.has(normalized.slice(1));
}

/** "if" before "you allow" in "please" (لو سمحت، إذا سمحتي), and its verb's forms. */
const PLEASE_IF = normalizedSet("لو ولو اذا واذا ان");
const ALLOW = normalizedSet("سمحت سمحتي سمحتو سمحتوا سمحتم سمحتلي سمحتيلي");
/** God, and the verbs that bless the one asked (الله يخليك, ربنا يحفظك, الله يعطيك العافية). */
const GOD = normalizedSet("الله ربنا ربي");
const BLESS = normalizedSet("يخليك يخليكي يخليكم يعطيك يعطيكي يعطيكم يسلمك يسلمكم يحفظك يحفظكم");
/** The blessings that put God second: أعطاكم الله العافية, جزاك الله خيرا. */
const GIVE = normalizedSet("اعطاك اعطاكم جزاك جزاكم");
const GOOD = normalizedSet("العافيه عافيه خير خيرا");
const GRATEFUL = normalizedSet("grateful obliged");
/**
 * Chat's interjections, which open a follow-up before a comma or a stop ("Cool, and what's …?", "Nice! any …",
 * "ممتاز، وشو …؟"): words of their own elsewhere ("a cool climate", "Great Britain", "حلو" sweet).
 */
const INTERJECTIONS = normalizedSet(`cool nice great awesome perfect interesting gotcha alright neat sweet wow oh ah ahh aha fine
  right excellent good understood noted fantastic wonderful amazing brilliant lovely ممتاز تمام حلو رائع جميل مزيان واو`);
/**
 * What closes an interjection: a comma, a stop, an exclamation mark, a colon or a semicolon, a hyphen with a space
 * before it (not "Right-wing"), an en or em dash.
 */
const INTERJECTION_END = /^(?:\s*[,،.!:;]|\s+[-–—]|\s*[–—])/u;

/**
 * How many words from `i` on are a courtesy ("please", a blessing, "I should be grateful if", an interjection opening
 * a sentence: INTERJECTIONS), 0 where none starts there. "please" only where no subject of "allowed" follows (لو
 * سمحت، …; "لو سمحت ما هي …؟"; not "إذا سمحت الظروف", "بعد ان سمحت البلاد"): a function word, the question's end or
 * its punctuation after it.
 */
function courtesyAt(tokens: readonly PlacedToken[], i: number, text: string): number {
  const [first = "", second = "", third = ""] = [tokens[i], tokens[i + 1], tokens[i + 2]].map((t) => t?.text ?? "");
  if (PLEASE_IF.has(first) && ALLOW.has(second)) {
    const next = tokens[i + 2];
    const apart = next === undefined || /[,،.?؟!:]/u.test(text.slice(tokens[i + 1]?.end, next.start)) || isStopword(next.text);
    return apart ? 2 : 0;
  }
  if (INTERJECTIONS.has(first) && (i === 0 || /[.!?؟]\s*$/u.test(text.slice(0, tokens[i]?.start))) && INTERJECTION_END.test(text.slice(tokens[i]?.end))) return 1;
  if (GOD.has(first) && BLESS.has(second)) return GOOD.has(third) ? 3 : 2;
  if (GIVE.has(first) && second === "الله") return GOOD.has(third) ? 3 : 2;
  return GRATEFUL.has(first) && second === "if" ? 2 : 0;
}

/**
 * `question` with its courtesies blanked (see courtesyAt): they ask nothing, though the briefings may hold their
 * words (سمحت البلاد, allowed), and a word of theirs elsewhere in the question is still asked ("لو سمحت، متى سمحت
 * البلاد بزيارة مبعوث أممي؟": a review). Read over normalised words, in any spelling (اعطاكم, العافيه, اللّه).
 */
export function withoutCourtesies(question: string): string {
  const tokens = tokenizePlaced(question);
  let out = question;
  for (let i = 0; i < tokens.length; i += 1) {
    const length = courtesyAt(tokens, i, question);
    if (length === 0) continue;
    const [from, to] = [tokens[i]?.start ?? 0, tokens[i + length - 1]?.end ?? 0];
    out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
    i += length - 1;
  }
  return out;
}

/** Chat's someone ("the RSF guy"), as written in lower case: "Guy Parmelin" is a name. */
const CHAT_PERSONS = new Set(["guy", "guys", "dude", "fella"]);
/** A feeling asked after "how" ("How did she feel after it?", "how'd she say she felt about it?"). */
const FEELING_EN = new Set(["feel", "feels", "felt", "feeling", "feelings"]);
/** A feeling asked of someone: the noun with her pronoun ("وشو كان إحساسها؟"), or her past ("حست بإيه؟"). */
const FEELING_AR = normalizedSet(`إحساسها إحساسه إحساسهم احساسها احساسه شعورها شعوره شعورهم انطباعها انطباعه انطباعهم
  شعرت حست حسيت أحست أحسيت حسات`);

/**
 * The Gulf's, Iraqi and Levantine mark of an ongoing present, قاعد before the verb ("منو اللي قاعدة تشتغل على
 * الإصلاح؟", who is working on the reform?; قاعد normalises گاعد), elsewhere a base or a rule (قاعدة).
 */
const PROGRESSIVE = normalizedSet("قاعد قاعدة قاعدين قاعدات جاعد جاعدة جاعدين");
/** A present tense after it, the dialects' ب or ك before it perhaps (تشتغل, بيشتغلوا, كيخدم). */
const PRESENT_SHAPE = /^[وف]?(?:ب|كا|ك)?[يتن]\p{Script=Arabic}{3,}$/u;
/** The verbal noun تفعيل and a plural in ات, which have the present's shape (قاعدة تدريب, قاعدة بيانات). */
const NOUN_SHAPE = /^ت\p{Script=Arabic}{2}ي\p{Script=Arabic}$|ات$/u;
/** The dialects' question words and their relative, which the progressive follows ("مين قاعد يشتغل", "وين قاعدين"). */
const BEFORE_PROGRESSIVE = normalizedSet("مين منو شكون شو شنو شنوة شنوه ايش إيش وش اش واش وين فين ليش ليه علاش شلون اشلون كيفاش امتى اللي الي إللي يلي");

/**
 * Whether the word at `i` is the progressive's قاعد: after a dialect's question word or relative, or opening the
 * question, and before a present; elsewhere a base or a rule, before a name or a relative clause too ("ما هي قاعدة
 * تندوف؟", "هل هناك قاعدة تمنع ذلك؟": a review).
 */
function isProgressive(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.text ?? "";
  const next = tokens[i + 1]?.text ?? "";
  const before = tokens[i - 1]?.text;
  const asked = before === undefined || holdsWord(BEFORE_PROGRESSIVE, before);
  return PROGRESSIVE.has(word) && asked && PRESENT_SHAPE.test(next) && !NOUN_SHAPE.test(next);
}

/**
 * Whether the question's token at `i` is a word it asks with that is a content word in a text, and so no stop
 * word: the progressive's قاعد before a present (see isProgressive); how someone felt (a feeling asked as an
 * opinion is: the text tells it in its own words, "Inspired today by my meeting"; blind conversations 79 and 82),
 * and chat's someone ("so what did she and the RSF guy talk about?", blind set 83). A text's "انطباع إيجابي" or
 * "ويسود شعور بالقلق", a question's "What impression did he have?" or "ما الشعور السائد؟", and the name Guy keep
 * theirs (a review).
 */
export function isAskingWord(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined) return false;
  if (token.script === "ar") return FEELING_AR.has(token.text) || isProgressive(tokens, i);
  if (CHAT_PERSONS.has(token.text)) return token.raw === token.raw.toLowerCase();
  return FEELING_EN.has(token.text) && tokens.slice(0, i).some((t) => t.text === "how" || t.text === "hows");
}
