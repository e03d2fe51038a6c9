// Stage 1, the sentence table: every sentence of the knowledge, in order, with its
// paragraph and document. A sentence is the unit of retrieval and of quoting; its
// paragraph is its context. Sentences of a paragraph, and paragraphs of a document, are
// contiguous, so a document is a range of sentence numbers.
import { splitSentences } from "../knowledge/sentences.ts";
import { holdsAnswerType, type AnswerType } from "../text/answer-type.ts";
import { normalize } from "../text/normalize.ts";
import type { KnowledgeBase, KnowledgeDocument } from "../types.ts";

/** A sentence opening with a pronoun or demonstrative («وهو…», «هذه…») leans on the one before it. */
const LEANS_ON_PREVIOUS = /^[\s"“«(]*(?:[وف]?(?:هو|هي|هم|هما|هن|هذا|هذه|ذلك|تلك|هولاء)|كما|لكنه|لكنها|انه|انها|وانه|وانها)(?:\s|$)/;

export type SentenceTrait = AnswerType | "leans on previous";

export class SentenceTable {
  readonly documents: KnowledgeDocument[];
  /** Per sentence: its paragraph (numbered across the knowledge), [start, end) in it, its 1-based number in it. */
  readonly paragraphOf: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly numberInParagraph: Int32Array;
  /** Per paragraph: its document, and its 1-based number in it. */
  readonly documentOf: Int32Array;
  readonly paragraphNumber: Int32Array;
  /** Document d's sentences are [firstSentence[d], firstSentence[d + 1]); its paragraphs likewise. */
  readonly firstSentence: Int32Array;
  readonly firstParagraph: Int32Array;
  /** What a sentence holds, worked out on first need (0 unknown, 1 no, 2 yes). */
  private readonly traits = new Map<SentenceTrait, Int8Array>();

  constructor(knowledge: KnowledgeBase) {
    this.documents = knowledge.documents;
    const paragraphs = this.documents.reduce((n, d) => n + d.paragraphs.length, 0);
    this.documentOf = new Int32Array(paragraphs);
    this.paragraphNumber = new Int32Array(paragraphs);
    this.firstSentence = new Int32Array(this.documents.length + 1);
    this.firstParagraph = new Int32Array(this.documents.length + 1);
    const paragraphOf: number[] = [];
    const start: number[] = [];
    const end: number[] = [];
    const numberInParagraph: number[] = [];
    let paragraph = 0;
    this.documents.forEach((doc, d) => {
      this.firstSentence[d] = paragraphOf.length;
      this.firstParagraph[d] = paragraph;
      doc.paragraphs.forEach((text, p) => {
        this.documentOf[paragraph] = d;
        this.paragraphNumber[paragraph] = p + 1;
        splitSentences(text).forEach((span, s) => {
          paragraphOf.push(paragraph);
          start.push(span.start);
          end.push(span.end);
          numberInParagraph.push(s + 1);
        });
        paragraph++;
      });
    });
    this.firstSentence[this.documents.length] = paragraphOf.length;
    this.firstParagraph[this.documents.length] = paragraph;
    this.paragraphOf = Int32Array.from(paragraphOf);
    this.start = Int32Array.from(start);
    this.end = Int32Array.from(end);
    this.numberInParagraph = Int32Array.from(numberInParagraph);
  }

  get size(): number {
    return this.paragraphOf.length;
  }

  documentOfSentence(sentence: number): number {
    return this.documentOf[this.paragraphOf[sentence]!]!;
  }

  paragraphText(sentence: number): string {
    const paragraph = this.paragraphOf[sentence]!;
    return this.documents[this.documentOf[paragraph]!]!.paragraphs[this.paragraphNumber[paragraph]! - 1]!;
  }

  /** The sentences of the paragraph that holds `sentence`: [first, end). */
  paragraphSentences(sentence: number): [number, number] {
    const paragraph = this.paragraphOf[sentence]!;
    let first = sentence;
    let end = sentence + 1;
    while (first > 0 && this.paragraphOf[first - 1] === paragraph) first--;
    while (end < this.size && this.paragraphOf[end] === paragraph) end++;
    return [first, end];
  }

  text(sentence: number): string {
    return this.paragraphText(sentence).slice(this.start[sentence], this.end[sentence]);
  }

  /** Do the two sentences stand in the same paragraph? (False when one is out of range.) */
  sameParagraph(a: number, b: number): boolean {
    return a >= 0 && b >= 0 && a < this.size && b < this.size && this.paragraphOf[a] === this.paragraphOf[b];
  }

  holds(sentence: number, trait: SentenceTrait): boolean {
    let cache = this.traits.get(trait);
    if (!cache) this.traits.set(trait, (cache = new Int8Array(this.size)));
    if (cache[sentence] === 0) {
      const text = this.text(sentence);
      const yes = trait === "leans on previous" ? LEANS_ON_PREVIOUS.test(normalize(text)) : holdsAnswerType(text, trait);
      cache[sentence] = yes ? 2 : 1;
    }
    return cache[sentence] === 2;
  }
}
