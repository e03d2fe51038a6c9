import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, DEFAULT_MIN_CONFIDENCE, MAX_QUOTE_LENGTH, MAX_RESULTS } from "../../src/engine.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { DEFAULTS } from "../../src/engine/options.ts";

const engine = createEngine(loadKnowledge("tests/fixtures/article"));
const article = readFileSync("tests/fixtures/source/article.ar.txt", "utf8");

describe("answer", () => {
  it("quotes the sentence about Mark Zuckerberg, word for word, with its source", () => {
    const answer = engine.answer("من هو الرئيس التنفيذي لشركة ميتا؟");
    expect(answer.answered).toBe(true);
    const [best] = answer.results;
    expect(best!.quote).toContain("الرئيس التنفيذي لشركة ميتا مارك زوكربيرج");
    expect(article).toContain(best!.quote);
    expect(best).toMatchObject({
      documentId: "meta-spotify-eu-ai",
      paragraph: 1,
      sentence: 2,
      document: { publisher: "شعاع للمعلوماتية", original: { publisher: "TechCrunch", author: "Sarah Perez" } },
    });
  });

  it("knows a person called by the first name alone (aliases.yaml)", () => {
    const answer = engine.answer("وش قال مارك عن الاتحاد الاوروبي");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.quote).toContain("زوكربيرج");
  });

  it("returns at most 5 distinct results, best first, each an exact slice of the article", () => {
    const { results } = engine.answer("الذكاء الاصطناعي مفتوح المصدر في الاتحاد الأوروبي");
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(MAX_RESULTS);
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      expect(article).toContain(r.quote);
      expect(r.quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
      // Best first: only the word-pair factor (ranking.ts) can overturn a lead in score.
      if (i > 0) expect(r.score).toBeLessThanOrEqual(results[i - 1]!.score * (1 + DEFAULTS.proximityWeight));
    }
    expect(new Set(results.map((r) => r.quote)).size).toBe(results.length);
  });

  it("highlights the words of the quote that matched the question", () => {
    const [best] = engine.answer("من هو الرئيس التنفيذي لشركة ميتا؟").results;
    const words = best!.highlights.map(([s, e]) => best!.quote.slice(s, e));
    expect(words).toEqual(expect.arrayContaining(["الرئيس", "التنفيذي", "ميتا"]));
    expect(words).not.toContain("الجمعة");
  });

  it.each([
    ["no hamza, ة as ه", "ليش ميتا ستحجب النموذج عن العملاء في الاتحاد الاوروبي", "ستحجب نموذج"],
    ["a typo in a long word", "لماذا ستحجب ميتا النمودج عن العملاء", "ستحجب نموذج"],
    ["Latin name for an Arabic one", "مين الرئيس التنفيذي لـ Spotify؟", "دانييل إيك"],
    ["Arabic name for a Latin one", "شو قالت سبوتيفاي عن خطة امتثال ابل", "ابتزاز"],
    ["dialect question word", "وش صار بين زوكربيرج وإيك وقواعد أبل", "انضم زوكربيرج إلى إيك"],
    ["an alias spelling not in the table, one letter off", "ماذا وصفت سبوتفيي خطة امتثال أبل", "ابتزاز"],
    ["tatweel and harakat", "مُشَغِّلٌ صغيـــر على فيسبوك", "مشغلًا صغيرًا على Facebook"],
  ])("finds the answer with %s", (_, question, evidence) => {
    const answer = engine.answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.quote).toContain(evidence);
  });

  it.each(["ما هي عاصمة فرنسا؟", "كم سعر سهم ميتا اليوم؟", "وصفة الكبسة السعودية", "من فاز بكأس العالم 2022؟"])(
    "abstains on an out-of-scope question: %s",
    (question) => {
      const answer = engine.answer(question);
      expect(answer.answered).toBe(false);
      expect(answer.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
    },
  );

  it.each(["", "   ", "😀🎉", "؟؟؟", "<b>", "ما هو"])("answers nothing, without throwing, for %j", (question) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ question, answered: false, results: [] });
  });

  it("handles a huge message quickly and safely", () => {
    const huge = "ميتا ".repeat(5000) + "x".repeat(20000);
    expect(() => engine.answer(huge)).not.toThrow();
  });
});

describe("knowledge with a second document", () => {
  const two = createEngine(loadKnowledge("tests/fixtures/sample-knowledge"));
  it("answers from the new document without code changes", () => {
    const answer = two.answer("متى يبدا موسم قطف الزيتون؟");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({ documentId: "olive-harvest", paragraph: 1, sentence: 1 });
    expect(answer.results[0]!.document.url).toBe("https://example.org/olive-harvest");
  });
  it("still answers from the first", () => {
    expect(two.answer("من هو الرئيس التنفيذي لشركة ميتا؟").results[0]!.documentId).toBe("meta-spotify-eu-ai");
  });
  it("measures confidence within the quote's own article, so other articles do not move it", () => {
    // The second article shares words with these questions (الشركة، موسم، الاتحاد…) and
    // changes their idf over the whole shelf, but not within the first article.
    for (const question of ["من هو الرئيس التنفيذي لشركة ميتا؟", "ما جنسية دانييل إيك؟", "متى تأسست شركة سبوتيفاي؟", "ما موقف الاتحاد الأوروبي من الشركتين؟"]) {
      const alone = engine.answer(question);
      const beside = two.answer(question);
      expect(beside.results[0]!.documentId, question).toBe("meta-spotify-eu-ai");
      expect(beside.confidence, question).toBe(alone.confidence);
    }
  });
  it("gives examples from every document, and whole paragraphs by number", () => {
    expect(two.examples(4)).toEqual([
      "ماذا قال زوكربيرج وإيك عن قواعد الذكاء الاصطناعي في أوروبا؟",
      "متى يبدأ موسم قطف الزيتون؟",
      "لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟",
      "ماذا قالت Spotify عن خطة امتثال Apple؟",
    ]);
    expect(two.paragraph("olive-harvest", 2)).toMatch(/^تُعصر الثمار/);
    expect(two.paragraph("olive-harvest", 3)).toBeUndefined();
    expect(two.paragraph("olive-harvest", 0)).toBeUndefined();
    expect(two.paragraph("nope", 1)).toBeUndefined();
  });
});

describe("dialect questions", () => {
  it.each([
    ["Egyptian", "ميتا مش هتطلق النموذج الجاي ليه؟", "لن تكون قادرة على إطلاق نماذج الذكاء الاصطناعي القادمة"],
    ["Levantine", "شو بيعمل المشغل الصغير على فيسبوك؟", "مشغلًا صغيرًا على Facebook"],
    ["«ضد» for opposing", "هل الشركات ضد التنظيم؟", "لا تعارض أي من هذه الشركات التنظيم"],
  ])("%s", (_, question, evidence) => {
    const answer = engine.answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.results.slice(0, 2).some((r) => r.quote.includes(evidence))).toBe(true);
  });
});

describe("polite questions", () => {
  it.each(["لو سمحت", "من فضلك", "شكرا", "ممكن تقولي"])("are answered as surely with «%s» as without", (polite) => {
    const plain = engine.answer("ميتا مش هتطلق النموذج الجاي ليه؟");
    const asked = engine.answer(`${polite} ميتا مش هتطلق النموذج الجاي ليه؟`);
    expect(asked.answered).toBe(true);
    expect(asked.confidence).toBe(plain.confidence);
    expect(asked.results[0]?.quote).toBe(plain.results[0]?.quote);
  });
});

describe("what a question says besides its question", () => {
  const question = "ميتا مش هتطلق النموذج الجاي ليه؟";
  it.each([
    ["a greeting", `السلام عليكم، ${question}`],
    ["a label", `سؤال: ${question}`],
    ["laughter", `${question} هههه`],
    ["a vocative", `${question} يا بوت`],
    ["a mention", `@qa_bot ${question}`],
    ["stretched letters", question.replace("ليه", "ليييه")],
  ])("leaves the answer as it is: %s", (_, asked) => {
    const plain = engine.answer(question);
    const answer = engine.answer(asked);
    expect(answer.confidence).toBe(plain.confidence);
    expect(answer.results[0]?.quote).toBe(plain.results[0]?.quote);
  });
});

describe("questions mixing English words", () => {
  it.each([
    ["Facebook mini player تبع Spotify شو هو", "مشغلًا صغيرًا على Facebook"],
    ["شو الmodel اللي Meta رح تحجبه عن ال EU", "ستحجب نموذج"],
  ])("%s", (question, evidence) => {
    const answer = engine.answer(question);
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.quote).toContain(evidence);
  });
});

describe("quote choice within a paragraph", () => {
  const engineOver = (...paragraphs: string[]) =>
    createEngine({
      dir: "test",
      aliases: [],
      documents: [{ id: "doc", file: "doc.md", meta: { title: "t", publisher: "p", language: "ar" }, paragraphs }],
    });

  it("adds the sentence that a «وهو…» sentence refers back to", () => {
    const e = engineOver(
      "فاز المهندس سامي بالجائزة الكبرى. وهو أول مهندس يفوز بجائزة الابتكار الزراعي مرتين.",
      "تقام المسابقة كل عام في مدينة الرياض.",
    );
    const [best] = e.answer("من أول مهندس يفوز بجائزة الابتكار الزراعي مرتين؟").results;
    expect(best!.quote).toContain("سامي");
    expect(best!.quote).toContain("مرتين");
  });

  it("adds the «وهي…» sentence that goes on about the matched one", () => {
    const e = engineOver(
      "تأسست الجمعية الوطنية للمهندسين الزراعيين في مدينة حمص. وهي تضم اليوم خمسة آلاف عضو.",
      "تفتح المكتبة أبوابها للزوار في الصباح.",
    );
    const [best] = e.answer("ما هي الجمعية الوطنية للمهندسين الزراعيين؟").results;
    expect(best!.quote).toContain("خمسة آلاف عضو");
  });

  it("keeps a sentence alone when it does not lean on the one before", () => {
    const e = engineOver(
      "فاز المهندس سامي بالجائزة الكبرى. كان أول مهندس يفوز بجائزة الابتكار الزراعي مرتين هو خالد.",
      "تقام المسابقة كل عام في مدينة الرياض.",
    );
    const [best] = e.answer("من أول مهندس يفوز بجائزة الابتكار الزراعي مرتين؟").results;
    expect(best!.quote).not.toContain("سامي");
  });

  it("adds the neighbour holding the number a how-many question asks for", () => {
    const e = engineOver(
      "تضم المكتبة الوطنية قاعة كبيرة للمخطوطات النادرة والوثائق. وفيها اليوم 4500 مخطوطة.",
      "تفتح المكتبة أبوابها للزوار في الصباح.",
    );
    const [best] = e.answer("كم عدد المخطوطات النادرة في قاعة المكتبة الوطنية؟").results;
    expect(best!.quote).toContain("4500");
  });

  it("quotes two adjacent sentences that match the question nearly as well as each other", () => {
    const e = engineOver(
      "زار الوفد مصنع السيارات الجديد صباحا. وأشاد الوفد بمصنع السيارات الجديد لأنه يعمل بالطاقة الشمسية.",
      "تفتح المكتبة أبوابها للزوار في الصباح.",
    );
    const [best] = e.answer("ما رأي الوفد في مصنع السيارات الجديد؟").results;
    expect(best!.quote).toContain("زار الوفد");
    expect(best!.quote).toContain("بالطاقة الشمسية");
  });

  it("puts first the sentence of the paragraph that holds a number, when the words nearly tie", () => {
    const e = engineOver(
      "تحفظ المكتبة الوطنية المخطوطات النادرة في قاعة خاصة بالمخطوطات النادرة. ويزورها الطلاب كثيرا للقراءة والبحث. وتحفظ المكتبة الوطنية 4500 من المخطوطات النادرة في المدينة.",
      "تفتح المكتبة أبوابها للزوار في الصباح.",
    );
    const [best] = e.answer("كم المخطوطات النادرة التي تحفظها المكتبة الوطنية؟").results;
    expect(best!.quote).toContain("4500");
  });
});
