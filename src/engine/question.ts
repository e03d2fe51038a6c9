// Stage 2, question analysis: the question's words (stop words kept, for the look-ups
// and the question word), what it asks for, and whether it asks what its subject is.
import type { Analyzer, Word } from "../text/analyze.ts";
import { expectedAnswerType, isDefinitionWord, isHonorific, isNamingWord, questionKind, type AnswerType, type QuestionKind } from "../text/answer-type.ts";
import { withoutCourtesy } from "../text/courtesy.ts";
import { isVerb } from "../text/words.ts";
import type { EngineOptions } from "./options.ts";

export interface Question {
  /** The question as asked, cut to the longest the engine reads. */
  text: string;
  words: Word[];
  kind: QuestionKind | undefined;
  /** A number, a time or a price, when the question word asks for one («كم», «متى», «بكم»). */
  type: AnswerType | undefined;
  /**
   * «ما هو X؟», «من هو X؟», «ما الاسم الكامل لـ X؟»: a question naming only its subject (in at
   * most `definitionWords` words), and perhaps asking what it is or is called.
   */
  definition: boolean;
  /** Where the question word stands among the words (-1: none). */
  kindAt: number;
  /** Its one content word is a verb («متى توفي؟», «من رسمها؟»): it names nothing to look for. */
  loneVerb: boolean;
}

export function analyzeQuestion(text: string, analyze: Analyzer, { maxQuestionLength, definitionWords }: Pick<EngineOptions, "maxQuestionLength" | "definitionWords">): Question {
  // An @handle addresses someone («@bot», «@ali»); it names nothing to look for.
  const cut = text.slice(0, maxQuestionLength).replace(/@\w+/g, (handle) => " ".repeat(handle.length));
  const words = withoutCourtesy(analyze.words(cut)).map((w, i, all) => (w.term && asksHowLong(all, i) ? { ...w, term: undefined } : w));
  const kind = questionKind(cut);
  const kindAt = kind ? words.findIndex((w) => questionKind(w.text) === kind) : -1;
  const content = words.filter((w) => w.term);
  // The words that name the subject, not those asking what it is or is called («الاسم الكامل لـ…»),
  // nor an honorific before a name («العلامة»).
  const subject = content.filter((w) => !isDefinitionWord(w.text) && !isNamingWord(w.text) && !isHonorific(w.text));
  return {
    text: cut,
    words,
    kind,
    kindAt,
    type: expectedAnswerType(cut),
    definition: (kind === "what" || kind === "who") && subject.length > 0 && subject.length <= definitionWords,
    // A noun with the article («السعر؟») or a Latin name names something; a verb alone does not.
    loneVerb: content.length === 1 && !/^(?:[وفبك]?ال|لل)/.test(content[0]!.text) && isVerb(content[0]!.text),
  };
}

// The how-many question words, formal and dialect (answer-type.ts).
const asksHowMuch = (word: string | undefined) => word !== undefined && questionKind(word) === "how many";
const HOW_LONG = new Set(["الوقت", "الزمن"]);
const TAKES = new Set(["يستغرق", "تستغرق", "استغرق", "استغرقت", "يستغرقها", "تستغرقه"]);

/**
 * Is word i part of a how-long question word? «كم من الوقت…؟», «كم تستغرق الرحلة؟»: «الوقت»
 * and «تستغرق» say a duration is asked, which the answer gives («خلال 28 دقيقة») without them.
 */
function asksHowLong(words: Word[], i: number): boolean {
  const word = words[i]!.text;
  if (HOW_LONG.has(word)) return words[i - 1]?.text === "من" && asksHowMuch(words[i - 2]?.text);
  return TAKES.has(word) && words.slice(Math.max(0, i - 3), i).some((w) => asksHowMuch(w.text));
}
