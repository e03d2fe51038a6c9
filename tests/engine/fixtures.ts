// Small knowledge bases written in the test, for one stage at a time.
import type { DocumentMeta, KnowledgeBase } from "../../src/types.ts";

export function shelf(...documents: Array<{ id: string; title?: string; paragraphs: string[]; meta?: Partial<DocumentMeta> }>): KnowledgeBase {
  return {
    dir: "test",
    aliases: [],
    documents: documents.map(({ id, title, paragraphs, meta }) => ({
      id,
      file: `${id}.md`,
      meta: { title: title ?? id, publisher: "ناشر", language: "ar", ...meta },
      paragraphs,
    })),
  };
}

/** A news article whose opening restates its title, beside another: the asked-for part is in its second paragraph. */
export function examShelf(): KnowledgeBase {
  return shelf(
    {
      id: "exam",
      title: "نتائج امتحان القبول الجامعي الموحد",
      paragraphs: [
        "أعلنت هيئة القبول المركزي مساء السبت نتائج امتحان القبول الجامعي الموحد للعام الدراسي الجديد.",
        "وبلغت نسبة النجاح العامة 68.4 في المئة، مقارنة بـ63.9 في المئة في العام الماضي.",
        "وحددت الهيئة فترة الاعتراض على النتائج من 4 إلى 10 أغسطس.",
      ],
    },
    { id: "festival", title: "مهرجان السينما المستقلة", paragraphs: ["اختتم مهرجان السينما المستقلة دورته السابعة بفوز فيلم مغربي.", "وبلغ عدد الأفلام المشاركة 48 فيلماً."] },
  );
}
