// What an importer makes of a source, before the file is written.
import type { DocumentMeta } from "../types.ts";

export interface ImportedArticle {
  /** Details found in the source; flags fill and override them. */
  meta: Partial<Pick<DocumentMeta, "title" | "publisher" | "author" | "published" | "url" | "original" | "examples">>;
  paragraphs: string[];
  /** One line per thing left out (a menu, a subscribe line…), for the operator to see. */
  dropped: string[];
}
