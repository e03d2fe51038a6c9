// Knowledge made in a test: a few generated articles, or many, with the real engine over them.
import { createEngine } from "../../src/engine.ts";
import type { Engine, KnowledgeDocument } from "../../src/types.ts";

export interface ArticleSpec {
  id: string;
  title: string;
  paragraphs: string[];
  examples?: string[];
  publisher?: string;
}

export function article(spec: ArticleSpec): KnowledgeDocument {
  return {
    id: spec.id,
    file: `${spec.id}.md`,
    meta: {
      title: spec.title,
      publisher: spec.publisher ?? "ناشر الاختبار",
      language: "ar",
      ...(spec.examples && { examples: spec.examples }),
    },
    paragraphs: spec.paragraphs,
  };
}

export function engineOver(specs: ArticleSpec[]): Engine {
  return createEngine({ dir: "generated", documents: specs.map(article), aliases: [] });
}

/** `count` distinct articles, each on its own made-up town, with one example each. */
export function manyArticles(count: number): ArticleSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `town-${i + 1}`,
    title: `مدينة رقم ${i + 1} وأسواقها القديمة ومهرجاناتها السنوية`,
    paragraphs: [
      `تقع المدينة رقم ${i + 1} على ضفة النهر، ويبلغ عدد سكانها ${1000 + i} نسمة.`,
      `يقام في المدينة رقم ${i + 1} مهرجان سنوي للتمور في فصل الخريف.`,
    ],
    examples: [`كم عدد سكان المدينة رقم ${i + 1}؟`],
  }));
}
