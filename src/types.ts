// The shapes that flow through the product: knowledge/ → loader → passages → index → answer.
// Nothing here knows about Telegram.

export interface OriginalSource {
  title: string;
  publisher: string;
  author?: string;
  published?: string;
}

/** Front matter of one knowledge document. */
export interface DocumentMeta {
  title: string;
  publisher: string;
  url?: string;
  author?: string;
  published?: string;
  language: string;
  original?: OriginalSource;
  /** Example questions this document answers, for /start and empty inline queries. */
  examples?: string[];
}

export interface KnowledgeDocument {
  /** File name without `.md`. */
  id: string;
  /** Path of the file it was read from, for error messages. */
  file: string;
  meta: DocumentMeta;
  /** Paragraph texts, exactly as written; paragraph n is paragraphs[n - 1]. */
  paragraphs: string[];
}

export interface KnowledgeBase {
  dir: string;
  documents: KnowledgeDocument[];
  /** Alias table: every spelling → its canonical term. */
  aliases: AliasGroup[];
  /** What the loader accepted but an operator should fix (a date not YYYY-MM-DD…). */
  warnings?: KnowledgeWarning[];
}

export interface KnowledgeWarning {
  file: string;
  message: string;
}

export interface AliasGroup {
  canonical: string;
  spellings: string[];
}

export interface Result {
  /**
   * Exact text of the article: one sentence, or two adjacent ones. For a question about the
   * article itself (`source: "details"`), the detail from its front matter with its label.
   */
  quote: string;
  /** Where the quote comes from: the article's text (the default), or its details (paragraph and sentence 0). */
  source?: "text" | "details";
  documentId: string;
  /** 1-based within the document. */
  paragraph: number;
  /** 1-based within the paragraph: the first sentence of the quote. */
  sentence: number;
  /** The sentence's retrieval score (BM25 over sentence, paragraph and title). Results are in ranking order, which word pairs and the answer type can change among close scores. */
  score: number;
  /** [start, end) character ranges of `quote` holding words that matched the question. */
  highlights: Array<[number, number]>;
  document: Omit<DocumentMeta, "examples" | "language"> & { language?: string };
}

export interface Answer {
  question: string;
  answered: boolean;
  /** Share of the question's weight found in the best paragraph, 0…1; `answered` is its threshold. */
  confidence: number;
  results: Result[];
}

export interface AnswerOptions {
  /**
   * A follow-up: the id of the document the conversation is about (the article of the answer
   * the question replies to). It is searched first; the whole shelf only when it cannot answer.
   */
  within?: string;
}

/** The answer engine, built once from a knowledge base. Pure and synchronous. */
export interface Engine {
  readonly knowledge: KnowledgeBase;
  /** Up to 5 results, best first; `answered` is false when nothing is confident enough. */
  answer(question: string, options?: AnswerOptions): Answer;
  /** The whole text of a paragraph (1-based), or undefined when there is none. */
  paragraph(documentId: string, paragraph: number): string | undefined;
  /**
   * Example questions the knowledge can answer (from documents' `examples`); with `near`,
   * those closest to that question (its candidates' articles) come first.
   */
  examples(limit?: number, near?: string): string[];
}
