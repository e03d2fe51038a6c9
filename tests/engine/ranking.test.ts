import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.ts";
import { shelf } from "./fixtures.ts";

describe("ranking", () => {
  it("answers a definition question about an article's subject with its opening sentence", () => {
    const engine = createEngine(
      shelf(
        {
          id: "bitcoin",
          title: "بيتكوين",
          paragraphs: [
            "بيتكوين عملة معماة ونظام دفع عالمي.",
            "يتم إنشاء البيتكوين كمكافأة لعملية التعدين، ويقبل التجار البيتكوين في الدفع، وتتقلب قيمة البيتكوين كثيرا.",
          ],
        },
        { id: "gold", title: "الذهب", paragraphs: ["الذهب معدن نفيس يستعمل في الحلي."] },
      ),
    );
    const answer = engine.answer("ما هي البيتكوين؟");
    expect(answer.results[0]).toMatchObject({ documentId: "bitcoin", paragraph: 1, sentence: 1 });
    expect(answer.answered).toBe(true);
  });

  it("puts first the near-tied sentence holding the number a how-many question asks for", () => {
    const engine = createEngine(
      shelf({
        id: "phone",
        paragraphs: ["تأتي بطارية الهاتف الجديد أكبر من بطارية الجيل السابق. وتبلغ سعة بطارية الهاتف 5410 مللي أمبير."],
      }),
    );
    expect(engine.answer("كم سعة بطارية الهاتف؟").results[0]!.quote).toContain("5410");
  });
});
