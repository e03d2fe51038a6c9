// Arabic as a language, beyond the articles: is a word a real word (Ayaspell's list, see
// data/README.md), and are two words forms of one root? Typo correction asks both: a real
// word the articles lack («صداع») is no typo of one they have («صناع»), unless the two are
// forms of one word («تدرب» ~ «تدريب»).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { rootKey, stem } from "./stem.ts";

const read = (file: string) => new Set(gunzipSync(readFileSync(new URL(`./data/${file}`, import.meta.url))).toString("utf8").split("\n"));
let list: Set<string> | undefined;
let verbList: Set<string> | undefined;
const dictionary = () => (list ??= read("ayaspell-ar.txt.gz"));
const verbs = () => (verbList ??= read("ayaspell-ar-verbs.txt.gz"));

// The list holds stems without their clitics: «الصداع», «وبصداعه» are looked up as «صداع».
const PROCLITICS = /^(?:وال|بال|كال|فال|ال|لل|[وفبلك])/;
const ENDINGS = /(?:هما|هم|ها|ه|ات|ين|ون|ان|ي|ا)$/;
/** Shorter forms are too often a word by chance. */
const MIN_LENGTH = 3;

/** Is the (normalised) word, or it without its clitics, in the Arabic word list? */
export function isArabicWord(word: string): boolean {
  if (!/^[\u0621-\u064A]+$/.test(word)) return false;
  const bare = word.replace(PROCLITICS, "");
  const forms = [word, bare, word.replace(ENDINGS, ""), bare.replace(ENDINGS, "")];
  const known = dictionary();
  return forms.some((form) => form.length >= MIN_LENGTH && known.has(form));
}

// A verb's subject and object endings: «أسست», «رسمها», «اخترعوه».
const VERB_ENDINGS = /(?:ها|هم|هما|ه|ني|نا|كم|ك|وه|وها|وا|تم|ت)$/;

/** Is the (normalised) word a form of a verb in the word list («توفي», «رسمها», «أسست»)? */
export function isVerb(word: string): boolean {
  const bare = word.replace(/^[وف](?=...)/, "");
  const known = verbs();
  return [word, bare, bare.replace(VERB_ENDINGS, "")].some((form) => form.length >= MIN_LENGTH && known.has(form));
}

// Letters people type for one another (ض/ظ, ذ/ز), and hamza, which they leave out.
const FOLD: Record<string, string> = { ظ: "ض", ذ: "ز", ء: "" };

/**
 * The word's root consonants, roughly: its root key (stem.ts), also without the prefix of a
 * participle or verbal noun (م ت ا ي ن) or a final ه, and with its long vowels dropped
 * but a first or last one (a radical: «وفر», «جرى»).
 */
function roots(word: string): Set<string> {
  const keys = new Set<string>();
  const add = (form: string) => {
    const key = rootKey(stem(form));
    for (const k of [key, key.replace(/^[متاين](?=...)/, ""), key.replace(/ه$/, "")]) {
      keys.add([...k.replace(/(?<=.)[اوي](?=.)/g, "")].map((c) => FOLD[c] ?? c).join(""));
    }
  };
  add(word);
  if (/^[وفبلك].{3,}/.test(word)) add(word.slice(1));
  return keys;
}

/** Could the two words be forms of one root («تحذر» ~ «يحذر», «ساعد» ~ «مساعد»)? */
export function shareRoot(a: string, b: string): boolean {
  const ofA = roots(a);
  return [...roots(b)].some((key) => key.length >= 2 && ofA.has(key));
}
