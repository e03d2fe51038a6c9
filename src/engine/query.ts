// From the analysed question to the terms BM25 searches for: each content word as its
// index term (exact, or found by a look-up) and as its root key, with the weight each
// counts for in the confidence.
import { rootTerm } from "../text/expand.ts";
import { normalize } from "../text/normalize.ts";
import { MAX_QUERY_TERMS, type QueryTerm } from "../search/bm25.ts";
import { isLatinWord, nameKeys, onsetsAgree } from "../text/transliterate.ts";
import { LOOKUPS, PARTICLE, type Lookup, type LookupContext } from "./lookup.ts";
import type { Question } from "./question.ts";
import type { EngineOptions } from "./options.ts";

export interface QueryWord {
  /** Its place among the question's words. */
  position: number;
  /** The terms it is searched as in other fields (the title): its form, and its root key. */
  terms: string[];
  /** The index term the word is matched as (its form), and the term its root key comes from. */
  form: string | undefined;
  formId: number | undefined;
  rootId: number | undefined;
  /** 1 when written as the text has it, `fuzzyWeight` when a look-up found it. */
  formWeight: number;
  /** Bits of the word's form and root-key terms in the query's term list (0: not searched). */
  formBit: number;
  rootBit: number;
  /** × on the word's idf: `unknownNameBoost` for a Latin name the knowledge lacks, else 1. */
  boost: number;
}

export interface Query {
  terms: Array<QueryTerm & { term: string }>;
  words: QueryWord[];
  /** Index terms the question matched: what a quote highlights. */
  matched: Set<string>;
}

export interface TermIndex {
  termIds: Map<string, number>;
}

/** `titles`: the other field's terms; a word found there is known as written, even when no sentence holds it. */
export function buildQuery(question: Question, index: TermIndex, titles: TermIndex, lookup: LookupContext, options: EngineOptions): Query {
  const query: Query = { terms: [], words: [], matched: new Set() };
  const seen = new Set<string>();
  const add = (term: string, weight: number) => {
    const termId = index.termIds.get(term);
    if (termId === undefined) return { id: undefined, bit: 0 };
    query.terms.push({ termId, weight, term });
    return { id: termId, bit: 1 << (query.terms.length - 1) };
  };
  const known = (term: string | undefined) => term !== undefined && (index.termIds.has(term) || titles.termIds.has(term));
  for (const { position, form, formWeight } of chooseForms(question, known, lookup, options)) {
    if (query.terms.length + 2 > MAX_QUERY_TERMS) break;
    const exact = add(form, formWeight);
    const root = options.rootWeight ? add(rootTerm(form), options.rootWeight * formWeight) : { id: undefined, bit: 0 };
    // «لدوري», «بترجمة»: the root key of the word without its preposition too, as the index
    // holds the text's words (expand.ts); a form known elsewhere on the shelf hid it.
    const bare = options.rootWeight && PREPOSITION.test(form) ? rootTerm(form.slice(1)) : undefined;
    const bareRoot = bare && bare !== rootTerm(form) && !seen.has(bare) ? add(bare, 0) : { id: undefined, bit: 0 };
    if (bare) seen.add(bare);
    if (exact.id !== undefined) query.matched.add(form);
    // A Latin-script word is nearly always a name, and a number of two digits or more a year,
    // an amount or a model: one the knowledge lacks means the question is about something else.
    const unknownName = !known(form) && root.id === undefined && /^(?:[a-z]|\d{2,}$)/.test(form);
    query.words.push({
      position,
      terms: options.rootWeight ? [form, rootTerm(form)] : [form],
      form: exact.id === undefined ? undefined : form,
      formId: exact.id,
      rootId: root.id ?? bareRoot.id,
      formWeight,
      formBit: exact.bit,
      rootBit: root.bit | bareRoot.bit,
      boost: unknownName ? options.unknownNameBoost : 1,
    });
  }
  return query;
}

interface Chosen {
  position: number;
  form: string;
  formWeight: number;
  needsContext: boolean;
}

/** Each content word once, as the index term it is searched as: as written, or as a look-up found it. */
function chooseForms(question: Question, known: (term: string | undefined) => boolean, lookup: LookupContext, options: EngineOptions): Chosen[] {
  const chosen: Chosen[] = [];
  const seen = new Set<string>();
  question.words.forEach((word, position) => {
    const key = word.term ?? word.text;
    if (seen.has(key) || chosen.length >= MAX_QUERY_TERMS) return;
    seen.add(key);
    if (known(word.term)) return void chosen.push({ position, form: word.term!, formWeight: 1, needsContext: false });
    const found = findForm(word, lookup);
    if (found === PARTICLE || (!found && !word.term)) return; // a particle, or a stop word
    chosen.push({ position, form: found?.term ?? word.term!, formWeight: options.fuzzyWeight, needsContext: found?.needsContext ?? false });
  });
  // A real word read as another word of the text stands only if that word shares a paragraph
  // with another of the question's: «صداع» is no «صناع» in a question about walking.
  const kept = chosen.map((c) => (c.needsContext && !meetsAnother(c, chosen, lookup) ? { ...c, form: question.words[c.position]!.term!, needsContext: false } : c));
  // Twice: a half of a name found beside the other in the first pass lets the other be found beside it in the second.
  for (let pass = 0; pass < 2; pass++) kept.forEach((c, i) => void (known(c.form) || (kept[i] = nameBeside(c, kept, question, known, lookup) ?? c)));
  return kept;
}

/**
 * A Latin name too short to match by its sounds alone («Rui», «Eva», «Leo»: one consonant)
 * found where the text writes it: beside the other half of the name the text holds
 * («Rui Almeida» → «روي» before «ألميدا»).
 */
function nameBeside(word: Chosen, chosen: Chosen[], question: Question, known: (term: string | undefined) => boolean, lookup: LookupContext): Chosen | undefined {
  const text = question.words[word.position]!.text;
  if (!isLatinWord(text)) return undefined;
  const keys = nameKeys(text, 1);
  const likeThis = (term: string) => !isLatinWord(term) && nameKeys(term, 1).some((k) => keys.includes(k)) && onsetsAgree(text, term);
  for (const side of [1, -1] as const) {
    const other = chosen.find((c) => c.position === word.position + side && isLatinWord(question.words[c.position]!.text));
    if (!other) continue;
    // The other half as the text has it, or, when no look-up found it either, the words of the
    // text that sound like it: the word beside one of them is this half of the name.
    const halves = known(other.form) ? [other.form] : nameKeys(question.words[other.position]!.text).flatMap((k) => lookup.names().get(k) ?? []);
    for (const half of halves.slice(0, 20)) {
      const found = [...lookup.wordsBeside(half, side === 1 ? -1 : 1)].find(likeThis);
      if (found) return { ...word, form: found };
    }
  }
  return undefined;
}

function meetsAnother(word: Chosen, chosen: Chosen[], lookup: LookupContext): boolean {
  return chosen.some((other) => other !== word && [other.form, rootTerm(other.form)].some((term) => lookup.meetInParagraph(word.form, term)));
}

/** Words whose look-up an engine remembers: people ask with the same words again and again. */
const MAX_FOUND = 20_000;

function findForm(word: Question["words"][number], lookup: LookupContext) {
  // A look-up depends on the word alone (its text and index term) and on the knowledge.
  const key = `${word.text}\u0000${word.term ?? ""}`;
  if (lookup.found.has(key)) return lookup.found.get(key);
  let found: ReturnType<Lookup["find"]>;
  for (const { find, forStopWords } of LOOKUPS) {
    if (!word.term && !forStopWords) continue;
    found = find(word, lookup);
    if (found) break;
  }
  if (lookup.found.size >= MAX_FOUND) lookup.found.clear();
  lookup.found.set(key, found);
  return found;
}

const PREPOSITION = /^[بلك][\u0621-\u064A]{3}/;

/**
 * «كم عدد X؟» asks about X: «عدد» only says a count is wanted; «كم يبلغ راتب…؟», «كم تبلغ
 * مساحة…؟»: the verb only says an amount is.
 */
const NOT_FOCUS = new Set(
  [
    "عدد", "يبلغ", "تبلغ", "بلغ", "بلغت", "يصل", "تصل", "وصل", "وصلت",
    // «كم زاد المحصول؟», «بكم انخفض الاستهلاك؟»: by how much what changed, which is the focus.
    "زاد", "زادت", "يزيد", "تزيد", "ارتفع", "ارتفعت", "يرتفع", "ترتفع", "انخفض", "انخفضت", "ينخفض", "تنخفض",
    "قل", "قلت", "نقص", "نقصت", "تراجع", "تراجعت",
  ].map(normalize),
);

/** Is the word one that only says an amount is asked («كم [يبلغ] عدد…», «كم [تبلغ] مساحة…»), before the focus? */
export function saysAmountAsked(question: Question, word: QueryWord, focus: QueryWord | undefined): boolean {
  return question.kind === "how many" && focus !== undefined && word.position > question.kindAt && word.position < focus.position && NOT_FOCUS.has(question.words[word.position]!.text);
}

/**
 * The question's focus: its first content word after the question word («كم سعر…» → سعر),
 * or, with the question word last, as the spoken dialects put it, the one before it
 * («التعويض كام؟», «الماتش امتى؟» → التعويض, الماتش).
 */
export function focusOf(question: Question, query: Query): QueryWord | undefined {
  if (question.kindAt < 0) return undefined;
  const candidate = (w: QueryWord) => !NOT_FOCUS.has(question.words[w.position]!.text);
  return query.words.find((w) => w.position > question.kindAt && candidate(w)) ?? [...query.words].reverse().find((w) => w.position < question.kindAt && candidate(w));
}

/** Does a sentence or paragraph mask hold the word, in its form or its root key? */
export const holdsWord = (mask: number, word: QueryWord): boolean => (mask & (word.formBit | word.rootBit)) !== 0;
