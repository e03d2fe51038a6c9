import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/engine/question.ts";
import { DEFAULTS } from "../../src/engine/options.ts";
import { createAnalyzer } from "../../src/text/analyze.ts";

const analyze = createAnalyzer([{ canonical: "spotify", spellings: ["سبوتيفاي"] }]);
const question = (text: string) => analyzeQuestion(text, analyze, DEFAULTS);

describe("question analysis", () => {
  it.each([
    ["من هو جمال خاشقجي؟", "who"],
    ["مين كاتب المقال؟", "who"],
    ["متى نشر البيان؟", "when"],
    ["امتى ينزل الجوال؟", "when"],
    ["وين الملعب؟", "where"],
    ["من وين الخبر؟", "where"],
    ["من أين هذا الخبر؟", "where"],
    ["من أي فترة امتد حكم السلطان؟", "what"],
    // «أي» asks which; the «من» after it is "of", not "who".
    ["في أي موعد ستقام الدورة الثامنة من المهرجان؟", "what"],
    ["كم سعر الهاتف؟", "how many"],
    ["بكام التذكرة؟", "how many"],
    ["ليش تأخر الإطلاق؟", "why"],
    ["شو قال المدرب؟", "what"],
    ["هل فاز الفريق؟", "yes/no"],
  ])("%s asks %s", (text, kind) => {
    expect(question(text).kind).toBe(kind);
  });

  it("keeps the stop words, for the look-ups and the question word, with no index term", () => {
    const q = question("ليش سبوتيفاي غاضبة؟");
    expect(q.words.map((w) => w.text)).toEqual(["ليش", "spotify", "غاضبه"]);
    expect(q.words[0]!.term).toBeUndefined();
    expect(q.words[1]).toMatchObject({ term: "spotify", alias: true });
  });

  it("reads «كم من الوقت» and «كم تستغرق» as how long: «الوقت» and «تستغرق» are part of the question word", () => {
    const q = question("كم من الوقت يستغرق الشحن؟");
    expect(q.words.filter((w) => w.term).map((w) => w.text)).toEqual(["الشحن"]);
    expect(question("كم تستغرق الرحلة؟").words.filter((w) => w.term).map((w) => w.text)).toEqual(["الرحله"]);
    expect(question("لماذا تستغرق الرحلة وقتا طويلا؟").words.find((w) => w.text === "تستغرق")?.term).toBeDefined();
    expect(question("ما الوقت المناسب للشحن؟").words.find((w) => w.text === "الوقت")?.term).toBeDefined();
  });

  it("says when a number or a time is asked for", () => {
    expect(question("كم عدد المشاركين؟").type).toBe("number");
    expect(question("متى يبدأ القانون؟").type).toBe("time");
    expect(question("من فاز؟").type).toBeUndefined();
  });

  it("recognises a definition question: its subject named and little else", () => {
    expect(question("ما هي البيتكوين؟").definition).toBe(true);
    expect(question("من هو نجيب محفوظ؟").definition).toBe(true);
    expect(question("ما الذي قاله المدرب عن خطة الفريق في الشوط الثاني؟").definition).toBe(false);
    expect(question("لماذا البيتكوين؟").definition).toBe(false);
    // Asking what the subject is called leaves the subject: «العلامة ابن خلدون».
    expect(question("ماهو الإسم الكامل للعلامة ابن خلدون؟").definition).toBe(true);
    expect(question("ما اسم الموناليزا بالفرنسية؟").definition).toBe(true);
  });

  it("cuts a huge question to the longest the engine reads", () => {
    expect(analyzeQuestion("كلمة ".repeat(1000), analyze, { ...DEFAULTS, maxQuestionLength: 100 }).text).toHaveLength(100);
  });
});
