import { describe, expect, it } from "vitest";
import { SentenceTable } from "../../src/engine/sentences.ts";
import { shelf } from "./fixtures.ts";

describe("the sentence table", () => {
  const table = new SentenceTable(
    shelf(
      { id: "a", paragraphs: ["الجملة الأولى. الجملة الثانية؟ وهي الثالثة.", "فقرة ثانية فيها 12 مثالا."] },
      { id: "b", paragraphs: ["مقال آخر في يوم الجمعة."] },
    ),
  );

  it("numbers sentences within paragraphs and paragraphs within documents, each document a range", () => {
    expect(table.size).toBe(5);
    expect([...table.numberInParagraph]).toEqual([1, 2, 3, 1, 1]);
    expect([...table.paragraphOf]).toEqual([0, 0, 0, 1, 2]);
    expect([...table.documentOf]).toEqual([0, 0, 1]);
    expect([...table.paragraphNumber]).toEqual([1, 2, 1]);
    expect([...table.firstSentence]).toEqual([0, 4, 5]);
    expect([...table.firstParagraph]).toEqual([0, 2, 3]);
    expect(table.documentOfSentence(4)).toBe(1);
  });

  it("gives each sentence as an exact slice of its paragraph", () => {
    expect(table.text(1)).toBe("الجملة الثانية؟");
    expect(table.paragraphText(1)).toBe("الجملة الأولى. الجملة الثانية؟ وهي الثالثة.");
  });

  it("tells neighbours of one paragraph from those across a boundary", () => {
    expect(table.sameParagraph(1, 2)).toBe(true);
    expect(table.sameParagraph(2, 3)).toBe(false);
    expect(table.sameParagraph(-1, 0)).toBe(false);
    expect(table.sameParagraph(4, 5)).toBe(false);
  });

  it("knows which sentences hold a number, a time, or lean on the one before", () => {
    expect(table.holds(3, "number")).toBe(true);
    expect(table.holds(0, "number")).toBe(false);
    expect(table.holds(4, "time")).toBe(true);
    expect(table.holds(2, "leans on previous")).toBe(true);
    expect(table.holds(1, "leans on previous")).toBe(false);
  });
});
