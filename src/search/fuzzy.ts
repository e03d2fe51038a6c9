// Typo tolerance: a query word that is not in the index vocabulary is matched to the
// closest vocabulary word, one edit away. Candidates come from a deletion index
// (SymSpell's idea: two words one edit apart share a one-letter deletion), so only a
// handful of words are compared. As in SymSpell, the word the text uses most wins among
// them; fuse.js's score breaks ties. (Fuse alone preferred a word the typo is a part of:
// «الدارسة» became «مدارس», not «الدراسة».)
import Fuse from "fuse.js";

/** Words shorter than this are not corrected: one edit in a short word makes another word. */
export const MIN_FUZZY_LENGTH = 4;
/** Longer "words" are noise (a pasted URL, a key mash): not worth the deletion look-ups. */
export const MAX_FUZZY_LENGTH = 30;

export class FuzzyVocabulary {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly words = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_FUZZY_LENGTH || word.length > MAX_FUZZY_LENGTH || this.words.has(word)) continue;
      this.words.add(word);
      for (const key of deletions(word)) {
        const bucket = this.byDeletion.get(key);
        if (bucket) bucket.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** The vocabulary word one substitution, insertion, deletion or swap from `word` that `preference` rates highest, if any. */
  closest(word: string, preference: (candidate: string) => number = () => 0): string | undefined {
    if (word.length < MIN_FUZZY_LENGTH || word.length > MAX_FUZZY_LENGTH) return undefined;
    if (this.words.has(word)) return word;
    const candidates = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      if (this.words.has(key)) candidates.add(key); // the typo added a letter
      for (const candidate of this.byDeletion.get(key) ?? []) candidates.add(candidate);
    }
    for (const candidate of candidates) if (!isOneEditAway(word, candidate)) candidates.delete(candidate);
    if (candidates.size === 0) return undefined;
    if (candidates.size === 1) return [...candidates][0];
    const ranked = new Fuse([...candidates], { includeScore: true, isCaseSensitive: true, ignoreLocation: true, threshold: 0.5 })
      .search(word)
      .sort((a, b) => preference(b.item) - preference(a.item) || a.score! - b.score!);
    return ranked[0]?.item;
  }
}

function deletions(word: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

// The standard Arabic keyboard's rows (normalised as the text is: ى ئ → ي, ة → ه, ؤ → و).
const KEY_ROWS = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "يءور.يهوزظ"];
// Letters people write for one another by sound: ذ ز د ظ ض, ث س ص ت ط, ق ك ء, ح ه, ع ا ء.
const SOUND_ALIKE = ["ذز", "ذد", "زظ", "ذظ", "ظض", "ضد", "ثس", "ثت", "سص", "تط", "قك", "قء", "حه", "عا", "ءا", "غخ"];

/** Arabic letter pairs a slip of the finger or of the ear turns into one another. */
const LIKELY_SUBSTITUTIONS: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  const add = (x: string | undefined, y: string | undefined) => {
    if (x && y && x !== "." && y !== ".") pairs.add(x + y).add(y + x);
  };
  const [top, home, bottom] = KEY_ROWS as [string, string, string];
  for (const row of KEY_ROWS) for (let i = 1; i < row.length; i++) add(row[i - 1], row[i]);
  // Staggered rows: home key j sits below top keys j and j+1, above bottom keys j-1 and j.
  for (let j = 0; j < home.length; j++) {
    add(home[j], top[j]);
    add(home[j], top[j + 1]);
    add(home[j], bottom[j - 1]);
    add(home[j], bottom[j]);
  }
  for (const pair of SOUND_ALIKE) add(pair[0], pair[1]);
  return pairs;
})();

const isArabicLetter = (ch: string) => ch >= "\u0621" && ch <= "\u064A";

/** Each spelling one likely letter slip from the word (`likelySubstitution`), for words too short for the deletion index. */
export function letterSlips(word: string): string[] {
  const slips: string[] = [];
  for (let i = 0; i < word.length; i++) {
    for (const pair of LIKELY_SUBSTITUTIONS) {
      if (pair[0] === word[i]) slips.push(word.slice(0, i) + pair[1] + word.slice(i + 1));
    }
  }
  return slips;
}

/**
 * Could one letter be a typo for the other? Any two Latin letters; Arabic ones only when
 * neighbours on the keyboard or alike in sound: «عاصمه» is no typo for «عالم».
 */
export function likelySubstitution(x: string, y: string): boolean {
  return !(isArabicLetter(x) && isArabicLetter(y)) || LIKELY_SUBSTITUTIONS.has(x + y);
}

/** Letters that open derived forms of one word (متأثرة، تتأثر، يتأثر; مبسط، ابسط): not typos, but close. */
const isPrefixLetter = (ch: string) => "اتينم".includes(ch);

/**
 * Optimal string alignment distance ≤ 1: one likely substitution (or another opening
 * letter of a derived form), an insertion, a deletion or an adjacent swap.
 */
export function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return likelySubstitution(a[i]!, b[i]!) || (i === 0 && isPrefixLetter(a[0]!) && isPrefixLetter(b[0]!));
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
