// Stage 4, ranking: the order of the retrieved sentences. BM25 decides, except where
// its words tie and something else tells which sentence can hold the answer.
import type { Hit } from "../search/bm25.ts";
import { asksShare, isDefinitionWord, isHonorific, isNamingWord } from "../text/answer-type.ts";
import { normalize } from "../text/normalize.ts";
import { isVerb } from "../text/words.ts";
import type { EngineOptions } from "./options.ts";
import type { Question } from "./question.ts";
import { focusOf, holdsWord, type Query } from "./query.ts";
import type { Candidates } from "./retrieval.ts";
import type { SentenceTable } from "./sentences.ts";

/** What the word-pair re-scoring needs: a sentence's term ids in order, each term's root-key id, and the query words' idf within a document. */
export interface PairContext {
  sequenceOf(sentence: number): ArrayLike<number>;
  rootOf(termId: number): number;
  weightsIn(query: Query, document: number): number[];
  /** What a query term adds to the sentence's BM25 score (bm25.ts, `termScore`). */
  termScore(sentence: number, termId: number, weight: number): number;
  /** Does a number stand beside the focus in the sentence (decision.ts, `numberBeside`)? */
  numberBeside?(sentence: number, focus: Query["words"][number], sharesCount: boolean): boolean | undefined;
}

/**
 * Candidates best first:
 * - BM25 score (sentence + paragraph + title fields), ties by position in the knowledge;
 * - among the best `proximityCandidates`, up to `proximityWeight` more for a sentence that
 *   keeps the question's neighbouring words together (`adjacentPairs`). Only the order
 *   changes: a result's score stays BM25's, which the quote and the decision compare;
 * - among the first article's sentences, the question words its title holds (the article's
 *   subject: they said which article) count at `subjectWordsWeight` of their score, so the
 *   sentence holding the rest of the question goes first, not the opening that restates the
 *   title («ما نسبة النجاح العامة في امتحان القبول؟» over «أعلنت… نتائج امتحان القبول…»);
 * - a sentence holding the question's focus (its asked-for word, «مرضعة» in «من هي مرضعة
 *   الملك سعود؟») over a near-tied one of the same paragraph that lacks it: the paragraph
 *   and title fields, which its sentences share, and a name's word pairs had made them tie;
 *   for a who-question asking for a role, over one of the same article within
 *   `focusOtherParagraphTie` (`asksWhoByNoun`);
 * - a definition question («ما هو X؟») whose X is an article's subject (its title; of several,
 *   the shortest title): the article's opening sentence goes first, since that is where an
 *   article says what its subject is;
 * - a "how many" question whose best sentence's numbers count something else: a sentence of
 *   the same paragraph with a number beside what is counted, within `countedNumberTie`;
 * - a "how many"/"when" question whose best sentence holds no number or time: a sentence
 *   that holds one goes first, if it is of the same paragraph and within `answerTypeNearTie`
 *   of its score, or of another within `answerTypeOtherParagraphTie`. Their words about
 *   tie; only that one can hold the answer.
 */
export function rank({ hits, titleMask }: Candidates, question: Question, query: Query, table: SentenceTable, options: EngineOptions, pairs?: PairContext): Hit[] {
  if (pairs && options.proximityWeight > 0) preferAdjacentWords(hits, query, table, pairs, options);
  if (pairs) preferAskedPart(hits, query, titleMask, table, pairs, options);
  preferFocus(hits, question, query, options, table);
  preferOpening(hits, question, query, titleMask, table);
  preferAnswerType(hits, question, table, options);
  if (pairs) preferCounted(hits, question, query, pairs, options.countedNumberTie);
  return hits;
}

/**
 * The question's neighbouring words found next to each other (at most one word apart) in
 * the sentence, as a share of the question's weight: a sentence the question was phrased
 * from keeps its word pairs («الدولة الإسلامية في عهد»), one that merely shares words scatters them.
 */
export function adjacentPairs(query: Query, sequence: ArrayLike<number>, rootOf: (termId: number) => number, weights: number[]): number {
  const at = (w: Query["words"][number]) => {
    const places: number[] = [];
    for (let i = 0; i < sequence.length; i++) {
      if (sequence[i] === w.formId || (w.rootId !== undefined && rootOf(sequence[i]!) === w.rootId)) places.push(i);
    }
    return places;
  };
  const places = query.words.map(at);
  let held = 0;
  for (let i = 1; i < places.length; i++) {
    // A pair weighs as its commoner word in the article: a name of two common words
    // («الاتحاد الأوروبي», «السيارة الكهربائية») is the article's topic, not the question.
    if (places[i - 1]!.some((a) => places[i]!.some((b) => a !== b && Math.abs(a - b) <= 2))) held += Math.min(weights[i - 1]!, weights[i]!);
  }
  // Out of the question's whole weight, not of its pairs': when every pair holds a topic
  // word, keeping them together says little about the asked-for part.
  const total = weights.reduce((a, b) => a + b, 0);
  return total ? held / total : 0;
}

function preferAdjacentWords(hits: Hit[], query: Query, table: SentenceTable, pairs: PairContext, options: EngineOptions): void {
  if (query.words.length < 2) return;
  const n = Math.min(hits.length, options.proximityCandidates);
  const weightsByDocument = new Map<number, number[]>();
  const weightsOf = (d: number) => weightsByDocument.get(d) ?? weightsByDocument.set(d, pairs.weightsIn(query, d)).get(d)!;
  // Only the order changes: the scores stay BM25's, which the quote compares with its neighbours'.
  const key = new Map(
    hits.slice(0, n).map((h) => {
      const held = adjacentPairs(query, pairs.sequenceOf(h.unit), pairs.rootOf, weightsOf(table.documentOfSentence(h.unit)));
      return [h, h.score * (1 + options.proximityWeight * held)];
    }),
  );
  const head = hits.slice(0, n).sort((a, b) => key.get(b)! - key.get(a)! || a.unit - b.unit);
  hits.splice(0, n, ...head);
}

/** Does a definition question name the subject of document d (its title), and little else? */
export function asksForSubject(question: Question, query: Query, titleMask: Map<number, number>, d: number): boolean {
  const inTitle = titleMask.get(d) ?? 0;
  if (!question.definition || !inTitle) return false;
  // Every word names the subject (a person's honorific too: «العلامة»), but for a word that
  // asks for a definition («تعريف», «معنى») or for what the subject is called («الاسم الكامل»,
  // «بالفرنسية»): an opening says both.
  // Any other word («مساحة», «تزوجت») asks for something about the subject, which its
  // opening sentence rarely says.
  return query.words.every((w, i) => {
    const word = question.words[w.position]!.text;
    return inTitle & (1 << i) || isDefinitionWord(word) || isNamingWord(word) || isHonorific(word);
  });
}

function preferOpening(hits: Hit[], question: Question, query: Query, titleMask: Map<number, number>, table: SentenceTable): void {
  // Of the articles whose title names the subject, the one whose title says least else: «ما
  // هو الأسد؟» is answered by «أسد», not by «بشار الأسد», however often the latter says الأسد.
  const subjects = [...titleMask.keys()].filter((d) => asksForSubject(question, query, titleMask, d));
  if (!subjects.length) return;
  const words = (d: number) => table.documents[d]!.meta.title.split(/\s+/).length;
  const d = subjects.reduce((a, b) => (words(b) < words(a) ? b : a));
  const at = hits.findIndex((h) => h.unit === table.firstSentence[d]);
  if (at > 0) hits.unshift(...hits.splice(at, 1));
}

function preferFocus(hits: Hit[], question: Question, query: Query, options: EngineOptions, table: SentenceTable): void {
  const top = hits[0];
  const focus = focusOf(question, query);
  if (!top || !focus || holdsWord(top.unitMask, focus)) return;
  const near = hits.findIndex((h) => h.group === top.group && h.score >= options.focusNearTie * top.score && holdsWord(h.unitMask, focus));
  if (near > 0) return void hits.unshift(...hits.splice(near, 1));
  if (!asksWhoByNoun(question, focus)) return;
  const d = table.documentOfSentence(top.unit);
  const far = hits.findIndex((h) => h.group !== top.group && h.score >= options.focusOtherParagraphTie * top.score && holdsWord(h.unitMask, focus) && table.documentOfSentence(h.unit) === d);
  if (far > 0) hits.unshift(...hits.splice(far, 1));
}

const RELATIVES = new Set(["الذي", "التي", "اللي", "الي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"].map(normalize));

/**
 * «من هو مدير مستشفى الأمل؟»: a who-question asking for a role (a noun) is answered where the
 * role is named («وقال مدير المستشفى…»), however much better the opening restates the
 * rest, which names the article's subject. Not a verb («من فاز…؟» is answered by «أحرز»), nor a
 * category before a relative («من هو اللاعب الذي…؟»: what he did is asked, not «اللاعب»).
 */
function asksWhoByNoun(question: Question, focus: Query["words"][number]): boolean {
  const word = question.words[focus.position]!.text;
  return question.kind === "who" && !isVerb(word) && !RELATIVES.has(question.words[focus.position + 1]?.text ?? "");
}

function preferAnswerType(hits: Hit[], question: Question, table: SentenceTable, options: EngineOptions): void {
  const type = question.type;
  const top = hits[0];
  if (!type || !top || table.holds(top.unit, type)) return;
  const tie = (h: Hit) => (h.group === top.group ? options.answerTypeNearTie : options.answerTypeOtherParagraphTie);
  const next = hits.findIndex((h) => h.score >= tie(h) * top.score && table.holds(h.unit, type));
  if (next > 0) hits.unshift(...hits.splice(next, 1));
}

/**
 * A sentence's score with the question words its article's title holds counted at `share`
 * of theirs: how the sentences of one article compare (see `rank`). Undefined when the title
 * holds none of the question's words, or all of them (then it changes no order).
 */
export function askedPartScore(query: Query, titleMask: Map<number, number>, document: number, pairs: PairContext, share: number): ((hit: Hit) => number) | undefined {
  const inTitle = titleMask.get(document) ?? 0;
  const all = (1 << query.words.length) - 1;
  if (!inTitle || (inTitle & all) === all || share >= 1) return undefined;
  let termBits = 0;
  query.words.forEach((w, i) => {
    if (inTitle & (1 << i)) termBits |= w.formBit | w.rootBit;
  });
  return (h) => {
    let subject = 0;
    query.terms.forEach(({ termId, weight }, j) => {
      if (termBits & (1 << j)) subject += pairs.termScore(h.unit, termId, weight);
    });
    return h.score - (1 - share) * subject;
  };
}

/**
 * «ما نسبة النجاح العامة في امتحان القبول الجامعي الموحد؟»: the words the article's title
 * holds name its subject, which says which article, not which of its sentences; among the
 * article's sentences, the one holding the rest of the question («نسبة النجاح العامة») goes
 * first, over the opening that restates the title.
 */
function preferAskedPart(hits: Hit[], query: Query, titleMask: Map<number, number>, table: SentenceTable, pairs: PairContext, options: EngineOptions): void {
  const top = hits[0];
  if (!top) return;
  const d = table.documentOfSentence(top.unit);
  const adjusted = askedPartScore(query, titleMask, d, pairs, options.subjectWordsWeight);
  if (!adjusted) return;
  const n = Math.min(hits.length, options.proximityCandidates);
  let best = 0;
  let bestScore = adjusted(top);
  for (let i = 1; i < n; i++) {
    const h = hits[i]!;
    if (table.documentOfSentence(h.unit) !== d) continue;
    const score = adjusted(h);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  if (best > 0) hits.unshift(...hits.splice(best, 1));
}

/**
 * «كم مرة أقيمت البطولة؟»: when the best sentence's numbers count something else (a year, a
 * share, or a number far from what is asked: decision.ts, `numberBeside`), a sentence of the same
 * paragraph with a number beside it («21 مرة») goes first, within `tie` of the best score.
 */
function preferCounted(hits: Hit[], question: Question, query: Query, pairs: PairContext, tie: number): void {
  const top = hits[0];
  const focus = focusOf(question, query);
  if (!top || !focus || question.kind !== "how many" || question.type !== "number" || !pairs.numberBeside) return;
  const shares = asksShare(question.words.map((w) => w.text));
  if (pairs.numberBeside(top.unit, focus, shares) !== false) return;
  const next = hits.findIndex((h) => h.group === top.group && h.score >= tie * top.score && pairs.numberBeside!(h.unit, focus, shares) === true);
  if (next > 0) hits.unshift(...hits.splice(next, 1));
}
