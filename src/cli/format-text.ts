// The Answer object as plain text for a terminal. The strings are the bot's own.
import type { Answer, Engine } from "../types.ts";
import { texts } from "../bot/texts.ts";

/** Plain text for a terminal: the quote, then an Arabic source line. */
export function formatAnswerText(answer: Answer, engine: Engine): string {
  const best = answer.results[0];
  if (!answer.answered || !best) {
    const examples = engine.examples(3, answer.question).map((q) => `  • ${q}`);
    return [texts.noAnswer(engine.knowledge.documents.length, examples.length > 0), ...examples].join("\n");
  }
  const { title, publisher, url, original } = best.document;
  const source = [`«${title}»`, publisher, texts.paragraphLabel(best.paragraph)].join("، ");
  const lines = [`«${best.quote}»`, "", `${texts.sourceLabel}: ${source}`];
  if (url) lines.push(url);
  if (original) lines.push(`${texts.originalLabel}: ${original.title} — ${original.publisher}${original.author ? `، ${original.author}` : ""}${original.published ? `، ${original.published}` : ""}`);
  return lines.join("\n");
}

