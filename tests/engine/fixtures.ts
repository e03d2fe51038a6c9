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
