// The answer engine's entry point; its stages live in engine/.
export { createEngine, type AnswerEngine, type RankedParagraph } from "./engine/index.ts";
export { DEFAULTS, type EngineOptions } from "./engine/options.ts";
import { DEFAULTS } from "./engine/options.ts";

export const DEFAULT_MIN_CONFIDENCE = DEFAULTS.minConfidence;
export const MAX_RESULTS = DEFAULTS.maxResults;
export const MAX_QUOTE_LENGTH = DEFAULTS.maxQuoteLength;
export const MAX_QUESTION_LENGTH = DEFAULTS.maxQuestionLength;
