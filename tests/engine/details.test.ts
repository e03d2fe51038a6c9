import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.ts";
import { asksWhereFrom, detailsQuestion } from "../../src/engine/details.ts";
import { readJsonLines, type EvalQuestion } from "../../src/eval/evaluate.ts";
import { analyzeQuestion } from "../../src/engine/question.ts";
import { DEFAULTS } from "../../src/engine/options.ts";
import { createAnalyzer } from "../../src/text/analyze.ts";
import { shelf } from "./fixtures.ts";

const analyze = createAnalyzer();
const fields = (text: string) => detailsQuestion(analyzeQuestion(text, analyze, DEFAULTS))?.fields;

describe("questions about an article itself", () => {
  it.each([
    ["من كتب المقال؟", ["author"]],
    ["مين كاتب مقال الهاتف؟", ["author"]],
    ["متى نُشر؟", ["published"]],
    ["امتى انشر الخبر", ["published"]],
    ["وين نُشر الخبر؟", ["publisher"]],
    ["ما مصدر المقال؟", ["publisher"]],
    ["أي موقع نشر الخبر؟", ["publisher"]],
    ["أي وكالة نشرت خبر الحريق؟", ["publisher"]],
    ["في أي مجلة صدر المقال؟", ["publisher"]],
    ["اعطني رابط الخبر", ["url"]],
    ["ابعتلي لينك المقال", ["url"]],
    // Spoken and prefixed forms, a date asked with «متى» + «كتب», and words that name no article.
    ["امتى اتنشر الخبر؟", ["published"]],
    ["بتاريخ كم نشر الخبر؟", ["published"]],
    ["متى كتب المقال؟", ["published"]],
    ["مين الصحفي اللي كتب الخبر؟", ["author"]],
    // A journalist who wrote about something is the article's writer, without a word for the article.
    ["مين الصحفي اللي كتب عن انقطاع الشبكة؟", ["author"]],
    ["اسم الكاتب", ["author"]],
    ["ايش المصدر الأصلي؟", ["publisher"]],
    ["العنوان الأصلي للمقال", ["title"]],
    ["شو مصدر هالحكي؟", ["publisher"]],
    ["who wrote the report?", ["author"]],
    ["When was the article published?", ["published"]],
    ["ايمتى انكتب المقال", ["published"]],
    ["وين انكتب الخبر؟", ["publisher"]],
    ["حط لي اللينك لو سمحت", ["url"]],
  ])("%s asks for %j", (question, expected) => {
    expect(fields(question)).toEqual(expected);
  });

  it.each(["من كتب رواية الثلاثية؟", "متى نشرت الشركة نتائجها؟", "ما موقع مصر؟", "تاريخ", "ما تاريخ الدولة الفاطمية؟", "ماذا قال المدرب في المؤتمر الصحفي؟", "متى كتب نجيب محفوظ الثلاثية؟", "هل النموذج open source؟", "ما التسمية التي يقترحها المقال بدلاً من «مفتوح المصدر»؟", "الكلام عن ميتا مؤكد ولا استنتاج من الكاتب؟", "من هو الصحفي الذي أصيب في الهجوم؟", "ما الوكالة التي أطلقت القمر الصناعي؟"])(
    "leaves a question about what the text says alone: %s",
    (question) => {
      expect(fields(question)).toBeUndefined();
    },
  );

  it("reads as a details question every one of the question sets that is one, and no other", () => {
    const dir = new URL("../eval/", import.meta.url);
    const questions = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).flatMap((f) => readJsonLines<EvalQuestion>(new URL(f, dir).pathname));
    const misread = questions.filter((q) => {
      const analyzed = analyzeQuestion(q.question, analyze, DEFAULTS);
      return !!(detailsQuestion(analyzed) ?? asksWhereFrom(analyzed)) !== q.kind.startsWith("details");
    });
    expect(questions.length).toBeGreaterThan(500);
    expect(misread.map((q) => q.question)).toEqual([]);
  });

  const engine = createEngine(
    shelf(
      { id: "phone", title: "شاومي تطلق هاتفا جديدا", paragraphs: ["أطلقت شاومي هاتفها الجديد."], meta: { author: "سارة بيريز", published: "2025-03-12", url: "https://example.com/phone", publisher: "تقنية اليوم" } },
      { id: "match", title: "الشروق يفوز بالكأس", paragraphs: ["فاز الشروق بالكأس."], meta: { publisher: "الملاعب" } },
    ),
  );

  it("answers from the front matter of the article the question names, labelled, and says so", () => {
    const answer = engine.answer("مين كاتب مقال شاومي؟");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({ documentId: "phone", quote: "بقلم: سارة بيريز", source: "details", paragraph: 0 });
    expect(engine.answer("متى نشر خبر الهاتف؟").results[0]!.quote).toContain("2025-03-12");
    expect(engine.answer("اعطني رابط خبر شاومي").results[0]!.quote).toContain("https://example.com/phone");
    // The article is named by the question's other words, not by a word that asks for the author.
    expect(engine.answer("مين الصحفي اللي كتب خبر الشروق؟").results[0]).toMatchObject({ documentId: "match", source: "details" });
  });

  it("says a detail is unknown instead of inventing one", () => {
    const [result] = engine.answer("اعطني رابط خبر الشروق").results;
    expect(result).toMatchObject({ documentId: "match", source: "details" });
    expect(result!.quote).not.toMatch(/https?:/);
    expect(engine.answer("من كتب خبر الشروق؟").results[0]!.quote).toContain("لم يُذكر");
  });

  it("uses the article a follow-up is about, or gives every article's detail when none is named", () => {
    expect(engine.answer("من كتب المقال؟", { within: "match" }).results.map((r) => r.documentId)).toEqual(["match"]);
    expect(engine.answer("وين نشر الخبر؟").results.map((r) => r.documentId)).toEqual(["phone", "match"]);
  });
});
