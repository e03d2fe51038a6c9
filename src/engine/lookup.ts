// Question words the knowledge does not hold as written, matched another way. The
// look-ups are tried in order; the first that finds a form wins. They see every word,
// stop words included: a dialect or English word can be a stop word in another language
// («open») or stand for one («ليش» → لماذا).
import type { Analyzer, Word } from "../text/analyze.ts";
import { arabicForEnglish } from "../text/english.ts";
import { dialectVariants } from "../text/dialect.ts";
import { synonymsOf } from "../text/synonyms.ts";
import { rootTerm } from "../text/expand.ts";
import { tokenize } from "../text/tokenize.ts";
import { isArabicWord, shareRoot } from "../text/words.ts";
import { isStopWord } from "../text/stopwords.ts";
import { isLatinWord, nameKeys, onsetsAgree, vowelsAgree, vowelsKept } from "../text/transliterate.ts";
import { letterSlips, MAX_FUZZY_LENGTH, MIN_FUZZY_LENGTH, type FuzzyVocabulary } from "../search/fuzzy.ts";
import type { AliasGroup } from "../types.ts";

/** What the index holds: its terms, and how common each is (rarer is more telling). */
export interface Vocabulary {
  has(term: string): boolean;
  sentenceDf(term: string): number;
}

export interface LookupContext {
  vocabulary: Vocabulary;
  analyze: Analyzer;
  /** Single-word alias spellings → their canonical term, and a typo-tolerant list of them. */
  aliasOf: Map<string, string>;
  aliasSpellings: FuzzyVocabulary;
  /** The index's words (no root keys), for typo correction; undefined turns it off. */
  words: FuzzyVocabulary | undefined;
  /** The index's words by their name skeletons (transliterate.ts), built on first need. */
  names(): Map<string, string[]>;
  /** The words of the text an index term stands for, where its stem cut a name short («نادين» → «ناد»). */
  spellings(term: string): string[];
  /** Do two index terms meet in some paragraph? (False for a term the index lacks.) */
  meetInParagraph(a: string, b: string): boolean;
  /** The index terms found right before (side -1) or after (side 1) an index term in the text. */
  wordsBeside(term: string, side: -1 | 1): Set<string>;
  /** What the look-ups found for a word before (query.ts), by its text and term. */
  found: Map<string, Found | undefined>;
}

/**
 * Index terms by name skeleton, for finding a name written in the other script: the
 * skeletons of each term and of the words of the text it stands for (`spellings`), since a
 * light stem takes a name's ending for a suffix («نادين» → «ناد», «خوري» → «خور»).
 */
export function namesByKey(terms: Iterable<string>, spellings: (term: string) => string[] = () => []): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const term of terms) {
    for (const key of new Set([term, ...spellings(term)].flatMap((w) => nameKeys(w)))) {
      const list = byKey.get(key);
      if (list) list.push(term);
      else byKey.set(key, [term]);
    }
  }
  return byKey;
}

/**
 * The word's index form (exact, or known only by its root key), or a particle to drop.
 * `needsContext`: the form stands only if it meets another of the question's words in some
 * paragraph (query.ts): a real word read as another word of the text.
 */
export type Found = { term: string; needsContext?: boolean } | "particle";

export interface Lookup {
  name: string;
  /** Stop words go through the look-ups that rewrite a word, not those that correct one. */
  forStopWords: boolean;
  find(word: Word, context: LookupContext): Found | undefined;
}

export const PARTICLE = "particle" as const;

/** Dialect, then English forms of the word, as index terms: a phrase stands for its rarest known word. */
function standardForms(word: Word, context: LookupContext, known: (term: string) => boolean): Found | undefined {
  for (const variant of [...dialectVariants(word.text), ...arabicForEnglish(word.text)]) {
    const terms = context.analyze(variant).map((t) => t.term);
    if (terms.length === 0) return PARTICLE;
    const found = terms.filter(known);
    if (found.length) return { term: found.reduce((a, b) => (context.vocabulary.sentenceDf(a) <= context.vocabulary.sentenceDf(b) ? a : b)) };
  }
  return undefined;
}

const knownByRoot = (vocabulary: Vocabulary) => (term: string) => vocabulary.has(term) || vocabulary.has(rootTerm(term));

export const LOOKUPS: readonly Lookup[] = [
  {
    name: "alias spelling one typo away",
    forStopWords: false,
    find: (word, { aliasOf, aliasSpellings }) => {
      const canonical = aliasOf.get(aliasSpellings.closest(word.text) ?? "");
      return canonical === undefined ? undefined : { term: canonical };
    },
  },
  {
    name: "dialect or English word, in the text as such",
    forStopWords: true,
    find: (word, context) => {
      const found = standardForms(word, context, knownByRoot(context.vocabulary));
      return found === PARTICLE || (found && context.vocabulary.has(found.term)) ? found : undefined;
    },
  },
  {
    name: "a name in the other script",
    forStopWords: false,
    find: (word, { names, spellings, vocabulary }) => {
      // A word the text holds in another form (its root key) is no foreign name.
      if (word.term && vocabulary.has(rootTerm(word.term))) return undefined;
      const latin = isLatinWord(word.text);
      const keys = new Set(
        [word.text, word.term ?? ""]
          .flatMap((w) => nameKeys(w))
          // Arabic skeletons of two letters are common words as often as names («عالم» ~ llama).
          .filter((key) => latin || key.length >= 3),
      );
      // Each candidate term by the spelling of it that sounds like the word (its stem, or a word of the text).
      const candidates = [...new Set([...keys].flatMap((key) => names().get(key) ?? []))]
        .flatMap((term) => [term, ...spellings(term)].filter((w) => nameKeys(w).some((key) => keys.has(key))).map((spelling) => ({ term, spelling })))
        .filter(({ spelling }) => isLatinWord(spelling) !== latin && (latin ? vowelsAgree(word.text, spelling) : vowelsAgree(spelling, word.text)));
      if (!candidates.length) return undefined;
      // The spelling that opens alike, of about the same length, that writes the name's vowels;
      // then the most used (a name recurs, a chance match does not).
      const vowels = (spelling: string) => (latin ? vowelsKept(word.text, spelling) : vowelsKept(spelling, word.text));
      const rank = ({ term, spelling }: { term: string; spelling: string }) => [
        onsetsAgree(word.text, spelling) ? 0 : 1,
        -vowels(spelling),
        Math.abs(spelling.length - word.text.length),
        -vocabulary.sentenceDf(term),
      ];
      const better = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || a[3]! - b[3]!;
      const best = candidates.reduce((a, b) => (better(rank(b), rank(a)) < 0 ? b : a));
      return { term: best.term };
    },
  },
  {
    name: "the word without a proclitic light stemming left on",
    forStopWords: false,
    // «بوفاة», «لتركيا»: another form of a word of the text is likelier than a typo.
    find: (word, { analyze, vocabulary }) => {
      const bare = /^[وفبلك](.{3,})$/.exec(word.text)?.[1];
      const term = bare && analyze(bare)[0]?.term;
      return term && vocabulary.has(term) ? { term } : undefined;
    },
  },
  {
    name: "a word of the same meaning",
    forStopWords: false,
    // «الأماكن» of a text that says «المواقع»: it stands only where it meets another of the
    // question's words (query.ts), as a word of another sense seldom does.
    find: (word, { analyze, vocabulary }) => {
      const terms = synonymsOf(word.text).flatMap((w) => analyze(w).flatMap((t) => (t.term ? [t.term] : [])));
      // Else with the «و»/«ف» light stemming leaves on a short word of the text: «وتوّج» for «توج».
      const plain = terms.filter((t) => vocabulary.has(t));
      const known = plain.length ? plain : terms.flatMap((t) => [`و${t}`, `ف${t}`]).filter((t) => vocabulary.has(t));
      if (!known.length) return undefined;
      return { term: known.reduce((a, b) => (vocabulary.sentenceDf(a) <= vocabulary.sentenceDf(b) ? a : b)), needsContext: true };
    },
  },
  {
    name: "a word of the text one typo away",
    forStopWords: false,
    find: (word, { words, vocabulary }) => {
      // A number is never a typo of another: 2022 is not 2025, S7 not S8.
      if (!word.term || /\d/.test(word.term)) return undefined;
      // A stem too short to correct may hide a slip in the letter the stemmer took for a suffix
      // («قطاه» → «قطا»: «قطاع» with its last letter slipped): the word as typed, then.
      const rank = (t: string) => vocabulary.sentenceDf(t);
      const term = words?.closest(word.term, rank) ?? (word.term.length < MIN_FUZZY_LENGTH && /^[\u0621-\u064A]+$/.test(word.text) ? words?.closest(word.text, rank) : undefined);
      if (!term) return undefined;
      // A real word the text lacks («صداع») may be no typo at all, unless the two are forms of one word («تدرب» ~ «تدريب»).
      return isArabicWord(word.text) && !shareRoot(word.text, term) ? { term, needsContext: true } : { term };
    },
  },
  {
    name: "a word of the text with a slip in its ending",
    forStopWords: false,
    // «المفصولبن» for «المفصولين»: the slip hid the plural ending from the stemmer, so the stem
    // is two letters from the text's «مفصول», too far for the correction above. Each likely
    // slip or dropped letter is analysed again; one whose stem the stemmer can cut shorter,
    // into a word of the text, is the word meant.
    find: (word, { analyze, vocabulary }) => {
      if (!word.term || word.text.length < 5 || word.text.length > MAX_FUZZY_LENGTH || !/^[\u0621-\u064A]+$/.test(word.text)) return undefined;
      const dropped = [...word.text].map((_, i) => word.text.slice(0, i) + word.text.slice(i + 1));
      let best: string | undefined;
      for (const spelling of [...letterSlips(word.text), ...dropped]) {
        const term = analyze(spelling)[0]?.term;
        if (!term || term.length >= word.term.length || term.length < 3 || !vocabulary.has(term)) continue;
        if (best === undefined || vocabulary.sentenceDf(term) > vocabulary.sentenceDf(best)) best = term;
      }
      if (!best) return undefined;
      return isArabicWord(word.text) ? { term: best, needsContext: true } : { term: best };
    },
  },
  {
    name: "a function word with a slipped letter",
    forStopWords: false,
    // «عو» for «هو», «التس» for «التي», «كتن» for «كان»: too short for the correction above,
    // and no word at all (no Arabic word list holds it), yet one likely slip from a function
    // word. It is dropped as that word would be, instead of weighing as a word the text lacks.
    find: (word, { analyze }) => {
      if (!word.term || word.term.length >= MIN_FUZZY_LENGTH || !/^[\u0621-\u064A]+$/.test(word.text) || isArabicWord(word.text)) return undefined;
      return letterSlips(word.text).some((spelling) => analyze(spelling).length === 0) ? PARTICLE : undefined;
    },
  },
  {
    name: "two words of the text run together",
    forStopWords: false,
    // «اخرجهجبريل»: a missed space. Both halves must be words of the text; the rarer one
    // stands for the pair, as a phrase's rarest word does.
    find: (word, { analyze, vocabulary }) => {
      // Two words of a text are rarely longer together than a typo worth correcting; a longer
      // "word" is a key mash, whose every split would be analysed (and cached) in vain.
      if (word.text.length < 6 || word.text.length > MAX_FUZZY_LENGTH || !/^[\u0621-\u064A]+$/.test(word.text)) return undefined;
      let best: string | undefined;
      // A short function word run into the next word («ماالاسم», «فيالمدينة»): the word stands
      // for the pair. Not «ال…»: «الا» + «فرع» is «الأفرع», no «إلا فرع».
      for (let i = 2; i <= 3 && !word.text.startsWith("ال"); i++) {
        if (!isStopWord(word.text.slice(0, i))) continue;
        const right = analyze(word.text.slice(i));
        const term = right.length === 1 ? right[0]!.term : undefined;
        if (term && term.length >= 3 && vocabulary.has(term)) return { term };
      }
      for (let i = 3; i <= word.text.length - 3; i++) {
        const [left, right] = [analyze(word.text.slice(0, i)), analyze(word.text.slice(i))];
        if (left.length !== 1 || right.length !== 1) continue;
        const terms = [left[0]!.term, right[0]!.term];
        // Short stems are common words by chance («المناسك» is no «المن» + «اسك»).
        if (!terms.every((t) => t.length >= 3 && vocabulary.has(t))) continue;
        const rarer = terms.reduce((a, b) => (vocabulary.sentenceDf(a) <= vocabulary.sentenceDf(b) ? a : b));
        if (rarer.length >= 4 && (best === undefined || vocabulary.sentenceDf(rarer) < vocabulary.sentenceDf(best))) best = rarer;
      }
      return best === undefined ? undefined : { term: best };
    },
  },
  {
    name: "dialect or English word, in the text in another form",
    forStopWords: true,
    find: (word, context) => {
      const found = standardForms(word, context, knownByRoot(context.vocabulary));
      return found === PARTICLE ? undefined : found;
    },
  },
];

/** Single-word alias spellings → canonical term. */
export function singleWordAliases(aliases: AliasGroup[]): Map<string, string> {
  const aliasOf = new Map<string, string>();
  for (const { canonical, spellings } of aliases) {
    for (const spelling of spellings) {
      const words = tokenize(spelling);
      if (words.length === 1) aliasOf.set(words[0]!.text, canonical.toLowerCase());
    }
  }
  return aliasOf;
}
