import { describe, expect, it } from "vitest";
import { createEngine, MAX_QUOTE_LENGTH } from "../../src/engine.ts";
import { shelf } from "./fixtures.ts";

const filler = (n: number) => Array.from({ length: n }, (_, i) => `كلمة${i % 10}`).join(" ");

describe("quote building", () => {
  it("cuts a very long sentence around its match, and never spills into the next sentence", () => {
    const long = `${filler(60)} ذكر التقرير أن المصنع الجديد ينتج السيارات الكهربائية ${filler(40)}.`;
    const paragraph = `${long} وهذه جملة تالية عن موضوع مختلف تماما.`;
    const engine = createEngine(shelf({ id: "doc", paragraphs: [paragraph] }));
    const [result] = engine.answer("ماذا ينتج المصنع الجديد؟").results;
    expect(result!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(paragraph).toContain(result!.quote);
    expect(result!.quote).toContain("المصنع الجديد");
    expect(result!.quote).not.toContain("جملة تالية");
  });

  it("quotes a short sentence with the one after it, and highlights exactly the matched words", () => {
    const engine = createEngine(shelf({ id: "doc", paragraphs: ["افتتح المحافظ المكتبة العامة صباح اليوم. وحضر الافتتاح مئات الزوار."] }));
    const [result] = engine.answer("من افتتح المكتبة العامة؟").results;
    expect(result!.quote).toBe("افتتح المحافظ المكتبة العامة صباح اليوم. وحضر الافتتاح مئات الزوار.");
    expect(result!.highlights.map(([s, e]) => result!.quote.slice(s, e))).toEqual(["افتتح", "المكتبة", "العامة"]);
  });

  it("keeps a short sentence alone at its paragraph's end, and a long one alone", () => {
    const long = "وحضر الافتتاح مئات الزوار من سكان المدينة والقرى المجاورة، إلى جانب عدد من المسؤولين والكتاب والفنانين الذين شاركوا في جولة داخل أقسام المكتبة.";
    const engine = createEngine(shelf({ id: "doc", paragraphs: ["وحضر الافتتاح مئات الزوار. افتتح المحافظ المكتبة العامة صباح اليوم.", `${long} وقدمت فرقة محلية عرضا موسيقيا.`] }));
    expect(engine.answer("من افتتح المكتبة العامة؟").results[0]!.quote).toBe("افتتح المحافظ المكتبة العامة صباح اليوم.");
    expect(engine.answer("كم عدد الزوار من سكان المدينة والقرى المجاورة؟").results[0]!.quote).toBe(long);
  });

  it("quotes a huge sentence without analysing all of it, still an exact slice", () => {
    const huge = `${filler(200)} المصنع الجديد ${filler(400_000)}.`;
    const engine = createEngine(shelf({ id: "doc", paragraphs: [huge] }));
    const [result] = engine.answer("المصنع الجديد").results;
    expect(result!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(huge).toContain(result!.quote);
    expect(result!.quote).toContain("المصنع الجديد");
  });
});
