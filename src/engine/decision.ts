// Stage 6, the answer/abstain decision. Confidence says how much of the question the
// first quote holds; below `minConfidence` the engine abstains rather than quote
// something that does not answer. Its inputs are computed here, in the open.
import type { Bm25Index, Hit } from "../search/bm25.ts";
import type { Analyzer } from "../text/analyze.ts";
import { answersMeasure, asksShare, bracketedLife, holdsAnswerType, isAskingNoun, isMeasure, isShareOrYear, lifeEvent, ordinalRank, type QuestionKind } from "../text/answer-type.ts";
import { isCountryName } from "../text/countries.ts";
import { withRootKeys } from "../text/expand.ts";
import { coverage } from "./coverage.ts";
import type { EngineOptions } from "./options.ts";
import { focusOf, holdsWord, saysAmountAsked, type Query, type QueryWord } from "./query.ts";
import type { Question } from "./question.ts";
import type { SentenceTable } from "./sentences.ts";

export interface DecisionInputs {
  /** Share of the question's weight the quote holds, each word weighed within the quote's article (`weightsWithin`). */
  quoteCoverage: number;
  /** Share (each word weighed over the shelf) that the title of the quote's article holds. */
  titleCoverage: number;
  /** Does the quote hold the number or time the question asks for? Undefined: it asks for neither. */
  holdsAskedType: boolean | undefined;
  /** What the question word asks for. */
  kind: QuestionKind | undefined;
  /** Does the quote hold the question's focus, its first content word after the question word? Undefined: none. */
  focusInQuote: boolean | undefined;
  /**
   * A how-many question: does a number stand within `countSpan` words of the focus (what is
   * counted) in the quote? Undefined: not asked, or the quote lacks the focus or any number.
   */
  numberBesideFocus: boolean | undefined;
  /** A definition question about the article's subject, answered by its opening sentence. */
  definesSubject: boolean;
  /** How many of the question's content words the quote holds, of how many. */
  wordsHeld: number;
  words: number;
  /** The best other paragraph's score as a share of the quote's (`runnerUpShare`). */
  runnerUp: number;
  /**
   * The question names nothing: its one word is a verb no title holds («متى توفي؟», «من
   * رسمها؟»), asked on a shelf of several articles and not as a follow-up. Whose death, whose
   * painting, is anybody's guess.
   */
  namesNothing: boolean;
  /**
   * Every Latin-script name in the question («Tesla», «PayPal») is one the shelf lacks in every
   * spelling, and no look-up found it, or a short question names a country the shelf lacks
   * (`namesUnknownCountry`): the question is about something the articles never name.
   */
  namesUnknown: boolean;
  /**
   * The quote is its article's opening and holds none of the question's words but those the
   * title holds, while the question asks for more: the opening restates the headline, and what
   * is asked beyond it the article may not say at all.
   */
  restatesTitle: boolean;
  /**
   * The question asks for one rank of a thing («النسخة الخامسة») and the quote names another
   * («النسخة السادسة»), never the one asked: it is about another edition, round or place.
   */
  otherRank: boolean;
}

export function confidence(inputs: DecisionInputs, options: EngineOptions): number {
  // «ما هو X؟» answered by the opening of the article titled X: the title holds the subject.
  let value = inputs.definesSubject ? Math.max(inputs.quoteCoverage, inputs.titleCoverage) : inputs.quoteCoverage;
  // "How many"/"when" with no number or time in the quote: it matches the topic, not the answer.
  if (inputs.holdsAskedType === false) value *= options.missingTypePenalty;
  // «كم سعر…؟» answered by a quote that does not name the price: its number is another one.
  if (inputs.kind === "how many" && inputs.focusInQuote === false) value *= options.answerTypePenalty;
  // «كم عدد المزارع؟» quoted from a sentence whose number counts something else: an amount
  // stands beside what it counts («1,240 مشاركاً», «عدد سكانها 11 مليونا»).
  if (inputs.numberBesideFocus === false) value *= options.answerTypePenalty;
  // One word of a longer question is a passing mention, not an answer.
  if (inputs.wordsHeld <= 1 && inputs.words >= options.loneWordQuestion) value *= options.answerTypePenalty;
  // Another paragraph matches as well: the question's words are spread over the articles,
  // not answered in one place (a near-topic question whose asked-for part is absent).
  if (inputs.runnerUp >= options.runnerUpTie) value *= options.runnerUpPenalty;
  if (inputs.namesNothing) value *= options.namesNothingPenalty;
  if (inputs.namesUnknown) value *= options.unknownNamePenalty;
  // Unless it holds the number or time asked for: a lede gives the headline's figures.
  if (inputs.restatesTitle && !inputs.numberBesideFocus && inputs.holdsAskedType !== true) value *= options.restatesTitlePenalty;
  // «من فاز بالنسخة الخامسة؟» quoted from the sixth edition's report: another edition's winner.
  if (inputs.otherRank) value *= options.answerTypePenalty;
  return value;
}

/**
 * Does a number stand within `span` words of the focus in the quote? Undefined when the
 * quote holds no number or not the focus (other inputs say so).
 */
export function numberBeside(quote: string, focus: QueryWord, analyze: Analyzer, span: number, sharesCount = false): boolean | undefined {
  const words = analyze.words(quote);
  const at = (test: (i: number) => boolean) => words.flatMap((_, i) => (test(i) ? [i] : []));
  const focusAt = at((i) => words[i]!.term !== undefined && withRootKeys([words[i]!.term!]).some((key) => focus.terms.includes(key)));
  const numberAt = at((i) => holdsAnswerType(words[i]!.text, "number"));
  if (!focusAt.length || !numberAt.length) return undefined;
  const texts = words.map((w) => w.text);
  // A share or a year counts nothing: «كم حاوية…؟» is not answered by «الحاويات بنسبة 17 بالمئة».
  return focusAt.some((f) => numberAt.some((n) => Math.abs(f - n) <= span && (sharesCount || !isShareOrYear(texts, n))));
}

/** Does the quote give the question's ranked noun («النسخة الخامسة») only with other ranks? */
export function otherRank(question: Question, quote: string, analyze: Analyzer): boolean {
  const asked = question.words.flatMap((w, i) => {
    const rank = ordinalRank(w.text);
    const noun = question.words[i - 1]?.term;
    return rank !== undefined && noun ? [{ rank, noun }] : [];
  });
  if (!asked.length) return false;
  const words = analyze.words(quote);
  const ranks = new Set(words.map((w) => ordinalRank(w.text)));
  return asked.some(({ rank, noun }) => !ranks.has(rank) && words.some((w, i) => w.term === noun && ordinalRank(words[i + 1]?.text ?? "") !== undefined));
}

/** A Latin-script word of three letters or more: a name or an English word. */
const LATIN_NAME = /^[a-z][a-z0-9]{2,}$/;

/** Does the question write Latin-script words, none of which the articles or their titles hold in any form? */
export function namesUnknown(question: Question, query: Query, titleMask: Map<number, number>): boolean {
  const inTitles = inAnyTitle(titleMask);
  const latin = query.words.flatMap((w, i) => (LATIN_NAME.test(question.words[w.position]!.text) ? [i] : []));
  return latin.length > 0 && latin.every((i) => unknownWord(query.words[i]!, i, inTitles));
}

/**
 * Does a short question («ما عاصمة أستراليا؟») name a country that no article or title holds
 * in any form? Only when the quote holds at most one other word of it: a longer question
 * names its article's country as context, which the article may never write («…على مستوى
 * العراق في امتحان القبول؟» of a story told from Baghdad).
 */
export function namesUnknownCountry(question: Question, query: Query, titleMask: Map<number, number>, wordsHeld: number): boolean {
  if (wordsHeld > 1) return false;
  const inTitles = inAnyTitle(titleMask);
  return query.words.some((w, i) => isCountryName(question.words[w.position]!.text) && unknownWord(w, i, inTitles));
}

/** The question words (by bit) that some article's title holds. */
const inAnyTitle = (titleMask: Map<number, number>) => [...titleMask.values()].reduce((all, mask) => all | mask, 0);

/** The articles lack the word in every form and every look-up, and no title holds it. */
function unknownWord(w: QueryWord, i: number, inTitles: number): boolean {
  return w.form === undefined && w.rootId === undefined && !(inTitles & (1 << i));
}

/** Near-copies passed over before giving up: an archive of one text many times over has no rival to it. */
const MAX_COPIES = 10;

/**
 * The best-ranked sentence of another paragraph, its score as a share of the first's. A
 * near-copy of the first paragraph (most of the words of the shorter one in the other)
 * does not count: two copies of one answer are one place that answers.
 */
export function runnerUpShare(hits: Hit[], table: SentenceTable, index: Bm25Index, duplicateShare: number, scoreInArticle?: (hit: Hit) => number): number {
  const top = hits[0];
  if (!top || top.score <= 0) return 0;
  // A paragraph of the quote's article that BM25 put above the quote, and ranking below it,
  // compares without the title's words (`askedPartScore`): it outscored the quote on them,
  // and they say which article, not where in it the answer is.
  const d = table.documentOfSentence(top.unit);
  const share = (hit: Hit) => {
    if (!scoreInArticle || hit.score <= top.score || table.documentOfSentence(hit.unit) !== d) return hit.score / top.score;
    const base = scoreInArticle(top);
    return base > 0 ? scoreInArticle(hit) / base : hit.score / top.score;
  };
  const wordsOf = (sentence: number) => {
    const [first, end] = table.paragraphSentences(sentence);
    const words = new Set<number>();
    for (let s = first; s < end; s++) for (const id of index.unitSequence(s)) words.add(id);
    return words;
  };
  let topWords: Set<number> | undefined;
  const seen = new Set([top.group]);
  for (const hit of hits) {
    if (seen.has(hit.group)) continue;
    if (seen.size > MAX_COPIES) return 0;
    seen.add(hit.group);
    topWords ??= wordsOf(top.unit);
    const words = wordsOf(hit.unit);
    let shared = 0;
    for (const id of words) if (topWords.has(id)) shared++;
    if (shared >= duplicateShare * Math.min(words.size, topWords.size)) continue;
    return share(hit);
  }
  return 0;
}

/**
 * The question's words weighed by idf among the paragraphs of one document. A word common
 * in that article (its topic) then counts little whatever else the knowledge holds, so a
 * question on the article's topic that the article does not answer still fails.
 */
export function weightsWithin(query: Query, document: number, table: SentenceTable, index: Bm25Index, missingWordWeight: number): number[] {
  const first = table.firstSentence[document]!;
  const end = table.firstSentence[document + 1]!;
  const paragraphs = table.firstParagraph[document + 1]! - table.firstParagraph[document]!;
  return query.words.map((w) => {
    const df = w.formId === undefined ? 0 : index.groupDfIn(w.formId, first, end);
    const within = Math.log(1 + (paragraphs - df + 0.5) / (df + 0.5)) * w.boost;
    // A word the article lacks in every form weighs at least as much as its rarity on the
    // whole shelf says: in a short article, idf within it barely tells a missing word from
    // a word it holds once.
    return df > 0 || inArticle(w, document, table, index) ? within : Math.max(within, missingWordWeight * index.groupIdf(w.formId ?? w.rootId) * w.boost);
  });
}

/** Does the document hold the word in its form or its root key? */
function inArticle(w: QueryWord, document: number, table: SentenceTable, index: Bm25Index): boolean {
  const [first, end] = [table.firstSentence[document]!, table.firstSentence[document + 1]!];
  return [w.formId, w.rootId].some((id) => id !== undefined && index.groupDfIn(id, first, end) > 0);
}

/** The share of the weights whose bit (by word) is set. */
function share(weights: number[], mask: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return total ? weights.reduce((sum, w, i) => sum + (mask & (1 << i) ? w : 0), 0) / total : 0;
}

/** One question word as the decision saw it (for `npm run ask -- --explain`). */
export interface WordInDecision {
  asked: string;
  /** The index term it was matched as; undefined: the knowledge lacks it. */
  form: string | undefined;
  lookedUp: boolean;
  /** In the quote as its form, only by its root key, or not at all. */
  inQuote: "form" | "root" | "no";
  /** Does the quote's article hold it in some form? */
  inArticle: boolean;
  /** Is it the question's focus, the first content word after the question word? */
  focus: boolean;
  weight: number;
}

export interface Quoted {
  sentences: number[];
  quote: string;
  definesSubject: boolean;
}

export function decisionInputs(
  question: Question,
  query: Query,
  quoted: Quoted,
  context: {
    table: SentenceTable;
    index: Bm25Index;
    analyze: Analyzer;
    maskOf: (sentence: number) => number;
    titleMask: Map<number, number>;
    /** Each question word's idf over the whole shelf. */
    globalWeights: number[];
    /** The ranked candidates, the quote's first. */
    hits: Hit[];
    /** The quote's article's sentences scored without its title's words (ranking.ts, `askedPartScore`). */
    scoreInArticle?: (hit: Hit) => number;
    /** Asked about one document (a follow-up): what the question leaves unnamed is that document's. */
    followUp: boolean;
    options: EngineOptions;
  },
): { inputs: DecisionInputs; words: WordInDecision[] } {
  const { table, index, options } = context;
  const d = table.documentOfSentence(quoted.sentences[0]!);
  const mask = quoted.sentences.reduce((m, s) => m | context.maskOf(s), 0);
  const focus = focusOf(question, query);
  const weights = weightsWithin(query, d, table, index, options.missingWordWeight);
  // «متى ولد X؟» answered by the opening of X's biography: its bracketed dates say when, though
  // the opening never writes «ولد» or «توفي». The word neither counts for the quote nor against it.
  if (question.type === "time" && quoted.sentences[0] === table.firstSentence[d]) {
    const life = bracketedLife(quoted.quote);
    query.words.forEach((w, i) => {
      const event = lifeEvent(question.words[w.position]!.text);
      if (event && life[event]) weights[i] = 0;
    });
  }
  // «ما اسم مدرب الشروق؟» answered by «المدرب روي ألميدا»: the noun right after the question
  // word only says a name or a kind is asked, which the answer gives without writing it.
  const asked = question.kindAt < 0 ? -1 : query.words.findIndex((w) => w.position > question.kindAt);
  const askedWord = query.words[asked];
  if (askedWord && isAskingNoun(question.words[askedWord.position]!.text) && !holdsWord(mask, askedWord)) weights[asked]! *= options.askingNounWeight;
  // «كم طول الأنبوب؟» answered by «يمتد 1.2 كيلومتر»: the unit says what was measured, so the
  // noun that asked for the measure is answered though the quote never writes it.
  const measured = focus !== undefined && !holdsWord(mask, focus) && answersMeasure(quoted.quote, question.words[focus.position]!.text);
  if (measured) weights[query.words.indexOf(focus!)] = 0;
  // «كم يبلغ عدد محافظات مصر؟» answered by «27 محافظة»: with a number beside what is counted,
  // the words that only asked for an amount are answered, though the quote never writes them.
  const asksAmount = question.type === "number" || question.type === "price" || (question.type !== undefined && isMeasure(question.type));
  const numberBesideFocus = focus && asksAmount && !measured ? numberBeside(quoted.quote, focus, context.analyze, options.countSpan, asksShare(question.words.map((w) => w.text))) : undefined;
  if (numberBesideFocus) query.words.forEach((w, i) => void (saysAmountAsked(question, w, focus) && (weights[i] = 0)));
  const words = query.words.map((w, i): WordInDecision => ({
    asked: question.words[w.position]!.text,
    form: w.form,
    lookedUp: w.formWeight < 1,
    inQuote: mask & w.formBit ? "form" : mask & w.rootBit ? "root" : "no",
    inArticle: inArticle(w, d, table, index),
    focus: w === focus,
    weight: Math.round(weights[i]! * 1000) / 1000,
  }));
  const inTitle = context.titleMask.get(d) ?? 0;
  const wordsHeld = query.words.filter((w) => holdsWord(mask, w)).length;
  const inputs: DecisionInputs = {
    quoteCoverage: coverage(query, weights, mask, options.rootWeight),
    titleCoverage: share(context.globalWeights, context.titleMask.get(d) ?? 0),
    // A measure is also said without its unit («بثلاثين مرة قدر قطر الأرض»): beside the noun
    // that asks for it, any number will do. Without that noun, only a number in the unit
    // answers: «كم عمر العداء؟» is not answered by his time, «ساعتان و6 دقائق».
    holdsAskedType: question.type === undefined ? undefined : holdsAnswerType(quoted.quote, isMeasure(question.type) && (!focus || holdsWord(mask, focus)) ? "number" : question.type),
    kind: question.kind,
    focusInQuote: focus ? measured || holdsWord(mask, focus) : undefined,
    numberBesideFocus,
    definesSubject: quoted.definesSubject,
    wordsHeld,
    words: query.words.length,
    runnerUp: runnerUpShare(context.hits, table, index, options.duplicateShare, focus && mask & focus.formBit ? context.scoreInArticle : undefined),
    namesNothing: question.loneVerb && context.titleMask.size === 0 && table.documents.length > 1 && !context.followUp,
    namesUnknown: namesUnknown(question, query, context.titleMask) || namesUnknownCountry(question, query, context.titleMask, wordsHeld),
    restatesTitle:
      !quoted.definesSubject &&
      quoted.sentences[0] === table.firstSentence[d] &&
      query.words.some((_, i) => !(inTitle & (1 << i))) &&
      query.words.some((w) => holdsWord(mask, w)) &&
      query.words.every((w, i) => !holdsWord(mask, w) || inTitle & (1 << i)),
    otherRank: otherRank(question, quoted.quote, context.analyze),
  };
  return { inputs, words };
}
