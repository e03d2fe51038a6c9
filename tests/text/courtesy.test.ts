import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/text/analyze.ts";
import { withoutCourtesy } from "../../src/text/courtesy.ts";

const analyze = createAnalyzer();
const kept = (question: string) => withoutCourtesy(analyze.words(question)).map((w) => w.text).join(" ");

describe("courtesy around a question", () => {
  it("drops a greeting or a label before it", () => {
    expect(kept("السلام عليكم ورحمة الله، كم سعر السيارة؟")).toBe("كم سعر السياره");
    expect(kept("مرحبا سؤال: كم سعر السيارة؟")).toBe("كم سعر السياره");
  });
  it("drops laughter and a vocative anywhere", () => {
    expect(kept("كم سعر السيارة هههه")).toBe("كم سعر السياره");
    expect(kept("يا بوت كم سعر السيارة؟")).toBe("كم سعر السياره");
    expect(kept("كم سعر السيارة يا جماعة")).toBe("كم سعر السياره");
  });
  it("keeps a greeting that is the whole message, and the same words inside a question", () => {
    expect(kept("السلام عليكم")).toBe("السلام عليكم");
    expect(kept("من فاز بجائزة نوبل للسلام؟")).toBe("من فاز بجايزه نوبل للسلام");
    expect(kept("ما السؤال الذي طرحته الدراسة؟")).toBe("ما السوال الذي طرحته الدراسه");
  });
});
