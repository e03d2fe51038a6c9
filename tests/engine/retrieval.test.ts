import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.ts";
import { shelf } from "./fixtures.ts";

// The lion's article never names the lion in its text; words of the question tie it with another article.
const knowledge = shelf(
  { id: "hero", title: "عمر المختار", paragraphs: ["لقب عمر المختار بشيخ المجاهدين، وكان الذكر الحسن له في البرية.", "قاد المقاومة عشرين عاما."] },
  { id: "lion", title: "الأسد", paragraphs: ["يعيش الذكر في البرية عادة بين عشر سنوات واثنتي عشرة سنة.", "تصطاد الإناث في جماعات."] },
);
const question = "ذكر الأسد في البرية";

describe("candidate retrieval", () => {
  it("reaches an article through its title when its text does not name the subject", () => {
    expect(createEngine(knowledge).rankParagraphs(question, 1)[0]).toMatchObject({ documentId: "lion", paragraph: 1 });
  });

  it("adds the title's score to every sentence of the titled article, and to no other", () => {
    const score = (titleWeight: number, id: string) =>
      createEngine(knowledge, { titleWeight }).rankParagraphs(question, 4).find((r) => r.documentId === id && r.paragraph === 1)!.score;
    expect(score(1, "lion")).toBeGreaterThan(score(0, "lion"));
    expect(score(1, "hero")).toBe(score(0, "hero"));
  });

  it("ranks at most one entry per paragraph, best first", () => {
    const ranked = createEngine(knowledge).rankParagraphs("عمر المختار الذكر", 4);
    const keys = ranked.map((r) => `${r.documentId}:${r.paragraph}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
  });
});
