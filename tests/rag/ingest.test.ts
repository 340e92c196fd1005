import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { indexedText, ingest, parseTimestamp } from "../../src/rag/ingest.js";
import { REPO_ROOT, SEED_NAME } from "../helpers/project.js";

const text = readFileSync(join(REPO_ROOT, "seeds", SEED_NAME), "utf8");
const passages = ingest({ path: `seeds/${SEED_NAME}`, text });
const slice = (p: { start: number; end: number }) => text.slice(p.start, p.end);
const all = passages.map(slice).join("\n");

describe("ingest on the first briefing", () => {
  it("finds the headline without its ** markers", () => {
    const headline = passages[0];
    expect(headline?.kind).toBe("headline");
    expect(headline?.label).toBe("headline");
    expect(slice(headline!)).toMatch(/^مساعدة بلين肯 تتحدث من الصحراء الغربية وحقوق الإنسان..\nإدارة بايدن تدعم بعثة المينورسو وجهود دي ميستورا\*\*\n+منذ 18 ساعة$/u);
    // How long ago the report went up, the line under it, is a sentence of its own (see text/page-parts.ts).
    expect(headline?.sentences.map(slice)).toEqual([
      "مساعدة بلين肯 تتحدث من الصحراء الغربية وحقوق الإنسان..",
      "إدارة بايدن تدعم بعثة المينورسو وجهود دي ميستورا",
      "منذ 18 ساعة",
    ]);
  });

  it("drops page debris", () => {
    const quoted = passages.flatMap((p) => p.sentences.map(slice)).join("\n");
    for (const debris of ["قراءة ١٤ ردًا", "· متابعة @State_IO", "قراءة المحادثة الكاملة"]) {
      expect(quoted, debris).not.toContain(debris);
    }
    for (const debris of ["قراءة ١٤ ردًا", "· متابعة @State_IO"]) expect(all, debris).not.toContain(debris);
    expect(all).not.toContain("Ambassador Michele Sison");
    expect(passages.filter((p) => p.kind === "paragraph").at(-1)?.sentences.map(slice).at(-1)).toBe(
      "وشهد محور الجزائر باماكي في الأسبوع الأخير، زيارات متبدلة على مستوى وزراء الخارجية، بعد الإشكالات التي طرأت في تنفيذ بنود اتفاق الجزائر، عقب إعلان تنظيمات للأزواج في شمال مالي الانسحاب منه.",
    );
  });

  it("keeps the keyword list as a passage of its own, one sentence from its heading to its last keyword (blind sets 23, 53, 54)", () => {
    const lists = passages.filter((p) => p.kind === "keywords");
    expect(lists.map((p) => [p.label, p.sentences.map(slice)])).toEqual([["keywords", ["كلمات مفتاحية\n\nبعثة مينورسو\n\nبايدن\n\nالصحراء الغربية\n\nالجزائر"]]]);
    expect(passages.at(-1)?.kind).toBe("keywords");
  });

  it("ends a keyword list at a line longer than a keyword: the page's text goes on as paragraphs", () => {
    const page = "**عنوان الخبر**\n\nفقرة أولى من الخبر تقول شيئا عن الزيارة الرسمية للوزير أمس.\n\nكلمات مفتاحية\n\nالجزائر\n\nمالي\n\nوهذه فقرة طويلة بعد القائمة تقول الكثير عن موضوع آخر تماما في نهاية الصفحة.\n";
    const parts = ingest({ path: "seeds/page.txt", text: page });
    const cut = (p: { start: number; end: number }): string => page.slice(p.start, p.end);
    expect(parts.map((p) => [p.kind, cut(p)])).toEqual([
      ["headline", "عنوان الخبر"],
      ["paragraph", "فقرة أولى من الخبر تقول شيئا عن الزيارة الرسمية للوزير أمس."],
      ["keywords", "كلمات مفتاحية\n\nالجزائر\n\nمالي"],
      ["paragraph", "وهذه فقرة طويلة بعد القائمة تقول الكثير عن موضوع آخر تماما في نهاية الصفحة."],
    ]);
  });

  it("joins a list's tag lines, stops it at the first line that is no entry, and keeps no heading without entries (found by a review)", () => {
    const kinds = (page: string): [string, string][] => ingest({ path: "seeds/page.txt", text: page }).map((p) => [p.kind, page.slice(p.start, p.end)]);
    const body = "فقرة أولى من الخبر تقول شيئا عن الزيارة الرسمية للوزير أمس.";
    expect(kinds(`${body}\n\nTags:\n\n#Mali #MINUSMA\n`)).toEqual([
      ["paragraph", body],
      ["keywords", "Tags:\n\n#Mali #MINUSMA"],
    ]);
    // A post's card after the list ends it; the card's lines stay skipped as the page's debris.
    expect(kinds(`${body}\n\nكلمات مفتاحية\n\nمالي\n\n· متابعة @State_IO\n\nJoined the meeting\n`)).toEqual([
      ["paragraph", body],
      ["keywords", "كلمات مفتاحية\n\nمالي"],
    ]);
    expect(kinds(`${body}\n\nكلمات مفتاحية\n`)).toEqual([["paragraph", body]]);
  });

  it("makes each tweet its own passage, labelled with its author and date", () => {
    const tweets = passages.filter((p) => p.kind === "tweet");
    expect(tweets.map((t) => [t.label, slice(t).slice(0, 20)])).toEqual([
      ["tweet, 24 Jan 2023", "Joined [@State_IO](#"],
      ["tweet by @State_IO, 23 Jan 2023", "Met today with membe"],
      ["tweet by @State_IO, 23 Jan 2023", "Inspired today by my"],
      ["tweet by @State_IO, 23 Jan 2023", "Good conversation wi"],
    ]);
    expect(tweets[1]?.author).toBe("State_IO");
    expect(tweets[0]?.author).toBeUndefined();
    // What the label words in English, for an adapter to word in the reader's language.
    expect(tweets.map((t) => t.date)).toEqual(["2023-01-24", "2023-01-23", "2023-01-23", "2023-01-23"]);
  });

  it("numbers the paragraphs, as their labels do", () => {
    const paragraphs = passages.filter((p) => p.kind === "paragraph");
    expect(paragraphs.map((p) => p.label)).toEqual(paragraphs.map((_, i) => `paragraph ${i + 1}`));
    expect(paragraphs.map((p) => p.paragraph)).toEqual(paragraphs.map((_, i) => i + 1));
    expect(passages.filter((p) => p.kind !== "paragraph").every((p) => p.paragraph === undefined)).toBe(true);
  });

  it("keeps a tweet's author name line as offsets, outside its quotes", () => {
    const tweets = passages.filter((p) => p.kind === "tweet");
    expect(tweets.map((t) => t.byline && slice(t.byline))).toEqual([undefined, "Ambassador Michele Sison", "Ambassador Michele Sison", "Ambassador Michele Sison"]);
    for (const t of tweets) expect(slice(t)).not.toContain("Sison");
  });

  it("quotes a tweet's time stamp and tag lines with its last sentence, never as quotes of their own", () => {
    const tweets = passages.filter((p) => p.kind === "tweet");
    // Before the reply counter, a sentence of its own (see below).
    const last = tweets.map((t) => slice(t.sentences.at(-2) ?? t));
    expect(last.map((s) => s.split("\n").at(-1))).toEqual(["٦:٣٥ ص . ٢٤ يناير ٢٠٢٣", "١٨:٤ ص . ٢٣ يناير ٢٠٢٣", "٢٤ ص . ٢٣ يناير ٢٠٢٣", "٢٠٢٣ ص ٢٣ يناير"]);
    expect(last[2]).toMatch(/^We discussed the role of .*\n\n\[@USAmbtoAlgeria\]\(#\)\n\n\n\n٢٤ ص/s);
    for (const t of tweets) for (const s of t.sentences.slice(0, -1)) expect(slice(s)).toMatch(/[a-z]{3}/i);
  });

  it("keeps a tweet's reply counter line as its own last sentence, the debris before it in no sentence", () => {
    const tweets = passages.filter((p) => p.kind === "tweet");
    expect(tweets.map((t) => slice(t.sentences.at(-1) ?? t))).toEqual(["١٩٦ رد [نسخ الرابط](#)", "٤٢ رد ⏪ نسخ الرابط", "١٢٠ رد [نسخ الرابط](#)", "٣٨٩ رد ⚬ نسخ الرابط"]);
    for (const t of tweets) expect(slice(t).endsWith(slice(t.sentences.at(-1) ?? t))).toBe(true);
    // "Read the whole conversation on Twitter" stands between the last tweet's stamp and its counter.
    expect(slice(tweets[3] ?? tweets[0]!)).toContain("قراءة المحادثة الكاملة على تويتر");
    expect(tweets[3]?.sentences.map(slice).some((s) => s.includes("قراءة المحادثة"))).toBe(false);
  });

  it("keeps how long ago the report went up with the headline right above it, and drops it elsewhere", () => {
    const page = "# Talks resume in Algiers\n\n3 hours ago\n\nThe envoy arrived on Monday.\n\n5 hours ago\n\nThe talks went on.\n";
    const passages = ingest({ path: "seeds/t.md", text: page });
    expect(passages.map((p) => p.sentences.map((s) => page.slice(s.start, s.end)))).toEqual([["Talks resume in Algiers", "3 hours ago"], ["The envoy arrived on Monday."], ["The talks went on."]]);
    // Only the page's first headline's: the bold titles of a list of other reports have such lines too.
    const list = "**Talks resume in Algiers**\n\n3 hours ago\n\nThe envoy arrived.\n\n**Other report**\n\n5 days ago\n";
    expect(ingest({ path: "seeds/l.md", text: list }).flatMap((p) => p.sentences.map((s) => list.slice(s.start, s.end)))).toEqual(["Talks resume in Algiers", "3 hours ago", "The envoy arrived.", "Other report"]);
    // A title whose bold never closes ends at the line: the next line is a paragraph, each sentence once and inside
    // its passage (the line after it had joined the title again, past the passage's end).
    const open = "**Talks resume in Algiers\nمنذ 3 ساعات\nThe envoy arrived on Monday.\n\nNext para.\n";
    const read = ingest({ path: "seeds/o.md", text: open });
    expect(read.map((p) => p.sentences.map((s) => open.slice(s.start, s.end)))).toEqual([["Talks resume in Algiers", "منذ 3 ساعات"], ["The envoy arrived on Monday."], ["Next para."]]);
    for (const p of read) for (const s of p.sentences) expect(s.start >= p.start && s.end <= p.end).toBe(true);
  });

  it("keeps a reply counter with its post only where nothing but debris or the stamp came between", () => {
    const post = "Ambassador A\n· Follow @State_IO\n\nMet today with the minister about the talks.\n\n10:02 PM · Jan 23, 2023\n\n";
    const sentences = (page: string): string[][] => ingest({ path: "seeds/p.md", text: page }).map((p) => p.sentences.map((s) => page.slice(s.start, s.end)));
    const counted = `${post}قراءة المحادثة الكاملة على تويتر\n\n٤٢ رد ⚬ نسخ الرابط\n`;
    expect(sentences(counted).at(-1)?.at(-1)).toBe("٤٢ رد ⚬ نسخ الرابط");
    // The next post's author and follow lines came first: its own text was lost, and the count is not this post's.
    expect(sentences(`${post}Ambassador B\n· متابعة @Other\n\n٤٢ رد\n`).flat().join("\n")).not.toContain("رد");
    expect(sentences(`${post}A paragraph of the article that goes on here.\n\n٤٢ رد\n`).flat().join("\n")).not.toContain("رد");
  });

  it("dates a post with no author line whose Arabic hashtags come before the stamp", () => {
    const page = "فقرة أولى من الخبر تتحدث عن الزيارة.\n\nنشرت الوزارة صورة للقاء مع الوفد الأمريكي\n\n#الجزائر #أمريكا\n\n١٠:٢ م . ٢٣ يناير ٢٠٢٣\n\n٤٢ رد\n";
    const [paragraph, post] = ingest({ path: "seeds/post.md", text: page });
    expect(paragraph?.kind).toBe("paragraph");
    expect(post).toMatchObject({ kind: "tweet", label: "tweet, 23 Jan 2023" });
    expect(post?.sentences.map((s) => page.slice(s.start, s.end))).toEqual(["نشرت الوزارة صورة للقاء مع الوفد الأمريكي\n\n#الجزائر #أمريكا\n\n١٠:٢ م . ٢٣ يناير ٢٠٢٣", "٤٢ رد"]);
  });

  it("joins the paragraph the page broke across a blank line", () => {
    const joined = passages.find((p) => slice(p).startsWith("و حول المسألة الشائكة"));
    expect(joined?.kind).toBe("paragraph");
    expect(slice(joined!)).toContain("وإفريقيا\n\nعموماً، قالت الدبلوماسية");
    expect(joined?.sentences.map(slice)[0]).toBe(
      "و حول المسألة الشائكة المتعلقة بإصلاح مجلس الأمن الدولي التي تنادي بها الجزائر وإفريقيا\n\nعموماً، قالت الدبلوماسية الأمريكية إن بلادها تدرك أنه في الوضع الراهن لا يشتغل بالشكل المطلوب، وأضافت “نريد التأكيد من أن مجلس الأمن يمكنه الاستجابة لاحتياجات اليوم”.",
    );
  });

  it("numbers paragraphs in order and keeps every sentence inside its passage", () => {
    const paragraphs = passages.filter((p) => p.kind === "paragraph");
    expect(paragraphs.map((p) => p.label)).toEqual(paragraphs.map((_, i) => `paragraph ${i + 1}`));
    expect(paragraphs).toHaveLength(15);
    for (const p of passages) {
      for (const s of p.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(slice(s)).toBe(slice(s).trim());
      }
    }
  });
});

describe("ingest on other layouts", () => {
  it("finds the same passages and labels whatever ends the lines: LF, CRLF or a lone CR", () => {
    const shape = (t: string) => ingest({ path: `seeds/${SEED_NAME}`, text: t }).map((p) => [p.kind, p.label, t.slice(p.start, p.end).replace(/\r\n?/g, "\n")]);
    const expected = shape(text);
    expect(shape(text.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(shape(text.replace(/\n/g, "\r"))).toEqual(expected);
  });

  it("reads U+2029 as a paragraph break, U+2028 and NEL as line breaks, as a blank line and LF (found by a review)", () => {
    // Three paragraphs were one, and a quote ran across them.
    const three = ["The dam was finished in March.", "The mayor opened a school.", "Farmers grow rice."];
    const separated = three.join("\u2029");
    expect(ingest({ path: "seeds/u.txt", text: separated }).map((p) => [p.label, separated.slice(p.start, p.end)])).toEqual(three.map((t, i) => [`paragraph ${i + 1}`, t]));
    // A sentence broken across a line is one sentence; no quote starts or ends with a separator (NEL is no white space
    // to trim, and ended one).
    const sentences = (t: string) => ingest({ path: "seeds/v.txt", text: t }).map((p) => p.sentences.map((s) => t.slice(s.start, s.end)));
    const lines = "The envoy said that the talks\u2028would resume soon.\u0085Mali agreed?";
    expect(sentences(lines)).toEqual([["The envoy said that the talks\u2028would resume soon."], ["Mali agreed?"]]);
    expect(sentences(lines.replace(/[\u2028\u0085]/g, "\n"))).toEqual([["The envoy said that the talks\nwould resume soon."], ["Mali agreed?"]]);
  });

  it("indexes no Markdown link target nor HTML tag: they are blanked to spaces, every offset kept (found by a review)", () => {
    const md = 'The [Lumara River](https://example.com/lumara?x=1) dam <a href="/x">opened</a>.\n\n<script>alert(1)</script>\n\n<p>The mayor spoke.</p>\n';
    const blanked = indexedText(md);
    expect(blanked).toBe(`The [Lumara River](${" ".repeat(30)}) dam ${" ".repeat(13)}opened${" ".repeat(4)}.\n\n${" ".repeat(25)}\n\n   The mayor spoke.${" ".repeat(4)}\n`);
    // Quotes are still the source's; a line of tags alone is no passage; the URL's "?" no longer ends a sentence.
    expect(ingest({ path: "seeds/w.md", text: md }).map((p) => p.sentences.map((s) => md.slice(s.start, s.end)))).toEqual([[md.slice(0, md.indexOf("\n"))], ["The mayor spoke."]]);
    // The first briefing's tweets link their handles and hashtags to "#": they stay words, and its passages the same.
    expect(indexedText(text)).toContain("[@khaleddrareni]( )");
    expect(ingest({ path: `seeds/${SEED_NAME}`, text: indexedText(text) })).toEqual(passages);
  });

  it("blanks only what HTML writes as a tag: a \"<\" in prose is text, however far the next \">\" (found by a review)", () => {
    // "<a third … >2" was taken for a tag, blanking two paragraphs and the break between them.
    for (const prose of [
      "The deficit fell to <a third of the total in 2023.\n\nOfficials said the bill stood at a ratio >2 against exports.",
      "x<y holds when y>x",
      "<script src=x\n\nA paragraph > here",
      "Some <sources> say so.",
    ]) {
      expect(indexedText(prose), prose).toBe(prose);
    }
    const tags = '<img src=x alt="y"> <!DOCTYPE html PUBLIC "-//W3C//DTD" "x"> <br/> </p> <a href=https://x.y/z?a=1&b=2> <div\n  class="x"> <o:p></o:p> <?xml version="1.0"?> <path d="M0 0L1 1"/>';
    expect(indexedText(tags)).toBe(tags.replace(/[^\n]/g, " "));
  });

  it("joins an English paragraph broken mid-sentence, but never across scripts", () => {
    const broken = "The envoy said that the talks\n\nwould resume soon.\n\nقال المبعوث إن المحادثات\n\nOther text.\n";
    expect(ingest({ path: "seeds/b.txt", text: broken }).map((p) => broken.slice(p.start, p.end))).toEqual([
      "The envoy said that the talks\n\nwould resume soon.",
      "قال المبعوث إن المحادثات",
      "Other text.",
    ]);
  });

  it("keeps apart a finished paragraph whose last line lacks a stop and the paragraph after it", () => {
    // xquad-dev's Private_school (in Arabic): a list closes a paragraph without a full stop; the next is another topic.
    const arabic = "المدارس أنواع كثيرة. لجان الفحص هي: المجلس المركزي والمجلس الهندي\n\nإن بعض أقدم المدارس مدارس كنسية.\n";
    const english = "Schools are of many kinds. The boards are CBSE, ICSE and NENBSE\n\nSome of the oldest schools are church schools.\n";
    for (const text of [arabic, english]) {
      expect(ingest({ path: "seeds/c.txt", text }).map((p) => text.slice(p.start, p.end))).toEqual(text.trim().split("\n\n"));
    }
  });

  it("joins an English paragraph broken mid-sentence after a sentence or more: the next line opens in lower case", () => {
    const text = "He arrived on Monday. The envoy said that the talks\n\nwould resume soon.\n";
    expect(ingest({ path: "seeds/d.txt", text }).map((p) => text.slice(p.start, p.end))).toEqual([text.trim()]);
  });

  it("reads a Markdown briefing with a # title and plain paragraphs", () => {
    const md = "# A title\n\nFirst paragraph. It has two sentences.\n\nSecond one\n";
    const result = ingest({ path: "seeds/a.md", text: md });
    expect(result.map((p) => [p.kind, p.label, md.slice(p.start, p.end)])).toEqual([
      ["headline", "headline", "A title"],
      ["paragraph", "paragraph 1", "First paragraph. It has two sentences."],
      ["paragraph", "paragraph 2", "Second one"],
    ]);
  });

  it("reads bold inside a line as emphasis in its paragraph, and ends a title whose bold never closes at the blank line", () => {
    const md = "# Title\n\n**Note:** the envoy met the minister on Monday.\n\nThe second paragraph talks about Mali.\n\nThe talks had **failed**\n";
    expect(ingest({ path: "seeds/e.md", text: md }).map((p) => [p.kind, md.slice(p.start, p.end)])).toEqual([
      ["headline", "Title"],
      ["paragraph", "**Note:** the envoy met the minister on Monday."],
      ["paragraph", "The second paragraph talks about Mali."],
      ["paragraph", "The talks had **failed**"],
    ]);
    const unclosed = "**A title that never closes\n\nFirst paragraph.\n\nSecond paragraph.\n";
    expect(ingest({ path: "seeds/f.md", text: unclosed }).map((p) => [p.kind, unclosed.slice(p.start, p.end)])).toEqual([
      ["headline", "A title that never closes"],
      ["paragraph", "First paragraph."],
      ["paragraph", "Second paragraph."],
    ]);
  });

  it("drops only lines that are page debris, not a paragraph that mentions reading or a link", () => {
    const text = "قراءة في المشهد السياسي الجزائري بعد الانتخابات.\n\nيمكن نسخ الرابط من أعلى الصفحة لمشاركة المقال.\n\n12 رد\n\n3 ردود\n\nقراءة 5 ردود\n\nفقرة أخيرة.\n";
    expect(ingest({ path: "seeds/g.txt", text }).map((p) => text.slice(p.start, p.end))).toEqual([
      "قراءة في المشهد السياسي الجزائري بعد الانتخابات.",
      "يمكن نسخ الرابط من أعلى الصفحة لمشاركة المقال.",
      "فقرة أخيرة.",
    ]);
  });

  it("keeps a dateline as a line of the article: only a stamp with the time of day makes a paragraph a post", () => {
    const text = "The council met in Bamako and discussed the water supply.\n\nBamako, 3 March 2023\n\nThe governor spoke.\n";
    // The dateline opens the paragraph after it, as a title without a stop does.
    expect(ingest({ path: "seeds/h.txt", text }).map((p) => [p.kind, text.slice(p.start, p.end)])).toEqual([
      ["paragraph", "The council met in Bamako and discussed the water supply."],
      ["paragraph", "Bamako, 3 March 2023\n\nThe governor spoke."],
    ]);
    const post = "Great meeting with the minister today\n\n10:02 PM · 3 March 2023\n";
    expect(ingest({ path: "seeds/i.txt", text: post })).toMatchObject([{ kind: "tweet", label: "tweet, 3 Mar 2023" }]);
    // An Arabic dateline's م is ميلادي (AD), no time of day.
    const arabic = "اجتمع المجلس وناقش توفير المياه.\n\nالجزائر، 3 مارس 2023 م\n\nتحدث الوالي.\n";
    expect(ingest({ path: "seeds/j.txt", text: arabic }).map((p) => p.kind)).toEqual(["paragraph", "paragraph"]);
    // A page's own publishing stamp that dates no post is the page's: not quoted with the first paragraph.
    const page = "# Talks in Bamako\n\nPublished 10:02 AM, 3 March 2023\n\nThe governor spoke about water.\n";
    expect(ingest({ path: "seeds/k.md", text: page }).map((p) => page.slice(p.start, p.end))).toEqual(["Talks in Bamako", "The governor spoke about water."]);
    // A short line of the article that gives a date and a time is kept: it answers "when?".
    const schedule = "# Schedule\n\nTalks resume 5 June 2023 at 10:00.\n\nThe envoy will attend.\n";
    expect(ingest({ path: "seeds/m.md", text: schedule }).map((p) => schedule.slice(p.start, p.end))).toEqual(["Schedule", "Talks resume 5 June 2023 at 10:00.", "The envoy will attend."]);
  });

  it("reads a divider as no text, and a reading time as the page's, not as a paragraph or a title", () => {
    const text = "Intro.\n\n***\nThe envoy met the minister on Monday.\n\n---\n\nقراءة 3 دقائق\n\n5 min read\n\nThe end.\n";
    expect(ingest({ path: "seeds/l.md", text }).map((p) => [p.kind, text.slice(p.start, p.end)])).toEqual([
      ["paragraph", "Intro."],
      ["paragraph", "The envoy met the minister on Monday."],
      ["paragraph", "The end."],
    ]);
  });

  it("dates a post once and drops the page stamps after it, however many lines lie between", () => {
    const stamp = "Published 10:02 AM, 23 Jan 2023\n";
    const post = `The envoy met the minister today\n${stamp.repeat(200)}`;
    expect(ingest({ path: "seeds/n.txt", text: post }).map((p) => [p.label, post.slice(p.start, p.end)])).toEqual([
      ["tweet, 23 Jan 2023", `The envoy met the minister today\n${stamp.trim()}`],
    ]);
    // After tag lines and a divider the paragraph is over: no stamp dates it. Each stamp read all the tag lines again
    // (over a minute for this text).
    const ended = `The envoy met the minister today\n${"#Mali @UN\n".repeat(12_000)}---\n${stamp.repeat(12_000)}`;
    expect(ingest({ path: "seeds/o.txt", text: ended }).map((p) => [p.label, ended.slice(p.start, p.end)])).toEqual([
      ["paragraph 1", "The envoy met the minister today"],
    ]);
  });

  it("reads a line of many unclosed link brackets as one paragraph, and still reads a link as its text", () => {
    // Each "[" or "](" was read to the end of the line: minutes for these.
    for (const line of ["[a".repeat(150_000), "[a](".repeat(150_000), "[a](b(".repeat(150_000)]) {
      expect(ingest({ path: "seeds/l.txt", text: line }).map((p) => [p.kind, p.end - p.start])).toEqual([["paragraph", line.length]]);
    }
    const tags = "[#Mali](https://t.co/x) [@UN](#)\n";
    const text = `The envoy met the minister today\n${tags}11:02 AM · 23 Jan 2023`;
    // The linked tags read as tags: the post takes them and its stamp.
    expect(ingest({ path: "seeds/t.txt", text }).map((p) => [p.kind, p.label, text.slice(p.start, p.end)])).toEqual([["tweet", "tweet, 23 Jan 2023", text]]);
    // A linked stamp, its link's url holding parentheses, still dates its post.
    const linked = "The envoy met the minister today\n[11:02 AM · 23 Jan 2023](https://x.com/a_(b)/status/1)";
    expect(ingest({ path: "seeds/s.txt", text: linked }).map((p) => [p.kind, p.label])).toEqual([["tweet", "tweet, 23 Jan 2023"]]);
  });
});

describe("paragraphs broken across blank lines, counted line by line (found by a review)", () => {
  /** Characters handed to ICU's sentence segmenter while `run` runs. */
  function segmented(run: () => void): number {
    const spy = vi.spyOn(Intl.Segmenter.prototype, "segment");
    try {
      run();
      return spy.mock.calls.reduce((n, [input], i) => n + ((spy.mock.contexts[i] as Intl.Segmenter).resolvedOptions().granularity === "sentence" ? input.length : 0), 0);
    } finally {
      spy.mockRestore();
    }
  }

  it("finds the same passages and sentences as segmenting each whole paragraph did, on a mixed briefing", () => {
    const short = Array.from({ length: 40 }, (_, i) => `short line ${i} without a stop`);
    const text = [
      "# Talks in Bamako",
      "The envoy, J. K. Rowling's cousin, said that the talks",
      "would resume in the U.S. on Monday. The minister agreed",
      "Delegates: Mali, Niger and Chad",
      "قال المبعوث إن المحادثات",
      "ستستأنف في عام 1950 م. وأضاف أن الوفد؛ سيصل غدا",
      "= = =",
      "A line without a stop",
      ...short,
      "Great meeting with the minister today\n10:02 PM · 3 March 2023",
      "Is it over? Yes!",
    ].join("\n\n");
    const long = ["A line without a stop", ...short].join("\n\n");
    // Cut at the last space within 800 characters, as any sentence that long (segmentSentences).
    const cut = long.indexOf(" line 26");
    expect(cut).toBeLessThanOrEqual(800);
    expect(ingest({ path: "seeds/mixed.md", text }).map((p) => [p.label, p.sentences.map((s) => text.slice(s.start, s.end))])).toEqual([
      ["headline", ["Talks in Bamako"]],
      ["paragraph 1", ["The envoy, J. K. Rowling's cousin, said that the talks\n\nwould resume in the U.S. on Monday.", "The minister agreed"]],
      ["paragraph 2", ["Delegates: Mali, Niger and Chad"]],
      ["paragraph 3", ["قال المبعوث إن المحادثات\n\nستستأنف في عام 1950 م.", "وأضاف أن الوفد؛", "سيصل غدا"]],
      ["paragraph 4", [long.slice(0, cut), long.slice(cut + 1)]],
      ["tweet, 3 Mar 2023", ["Great meeting with the minister today\n10:02 PM · 3 March 2023"]],
      ["paragraph 5", ["Is it over?", "Yes!"]],
    ]);
  });

  it("segments a paragraph's text in time proportional to the file, not again from its start at each line", () => {
    // Short lines without a stop: each joins the paragraph until it holds two sentences (over 800 characters). Lines
    // of symbols hold no sentence: they made one paragraph of the whole file, segmented again at each line (16 s for
    // 64 KB). Doubling the file now doubles the work; before, it quadrupled it for the symbols.
    for (const unit of ["Ab\n\n", "قال\n\n", "Ab.c\n\n", "A. B\n\n", "==\n\n", "=.=\n\n"]) {
      const file = (size: number): string => unit.repeat(Math.ceil(size / unit.length));
      let passages: ReturnType<typeof ingest> = [];
      const work = segmented(() => (passages = ingest({ path: "seeds/lines.txt", text: file(50_000) })));
      const twice = segmented(() => ingest({ path: "seeds/lines.txt", text: file(100_000) }));
      expect(twice, JSON.stringify(unit)).toBeLessThan(2.2 * work + 10_000);
      const words = /\p{L}/u.test(unit);
      expect(passages.length, JSON.stringify(unit)).toBe(words ? 63 : 0);
      for (const p of passages.slice(0, -1)) {
        expect(p.sentences).toHaveLength(2);
        expect(p.end - p.start).toBeGreaterThan(800);
      }
    }
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["٦:٣٥ ص . ٢٤ يناير ٢٠٢٣", "2023-01-24"],
    ["١٨:٤ ص . ٢٣ يناير ٢٠٢٣", "2023-01-23"],
    ["٢٤ ص . ٢٣ يناير ٢٠٢٣", "2023-01-23"],
    ["٢٠٢٣ ص ٢٣ يناير", "2023-01-23"],
    ["March 5, 2021", "2021-03-05"],
    ["10:02 ص . 3 إبريل 2023", "2023-04-03"],
    ["10:02 ص . 3 اوت 2023", "2023-08-03"],
    ["December 2022", "2022-12"],
    ["١٠:٢ ص . ٣٠ فبراير ٢٠٢٣", "2023-02"], // a day February does not have (from a review: shown as 2 Mar)
    ["29 Feb 2024", "2024-02-29"],
    ["45 December 2022", "2022-12"], // no day of a month
    ["التفاوت 12 في 2023", undefined], // اوت only as a word
  ])("%s -> %s", (line, expected) => {
    expect(parseTimestamp(line)).toBe(expected);
  });

  it("is undefined for a sentence that merely mentions a date", () => {
    expect(parseTimestamp("هذه جملة طويلة عن الاستعراض الدوري الشامل في نوفمبر الماضي حول الجزائر في جنيف 2022 وما بعدها")).toBeUndefined();
  });
});
