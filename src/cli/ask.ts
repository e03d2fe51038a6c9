// npm run ask -- "سؤال"             → the answer as a person reads it: quote, then source
// npm run ask -- --json "سؤال"      → the Answer object
// npm run ask -- --batch FILE       → JSON lines {"id","question"} in, {"id", ...answer} out, streaming
// --knowledge DIR (default: $KNOWLEDGE_DIR or ./knowledge)
// --within ID   a follow-up: search document ID (file name without .md) first, as the bot
//               does for a question that replies to one of its answers
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createEngine } from "../engine.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { formatAnswerText } from "./format-text.ts";

const USAGE = `usage: npm run ask -- [--json | --explain] [--knowledge DIR] [--within ID] "question"
       npm run ask -- --batch FILE [--knowledge DIR]`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        batch: { type: "string" },
        knowledge: { type: "string" },
        within: { type: "string" },
      },
    });
  } catch (error) {
    console.error(`ask: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const question = positionals.join(" ").trim();
  if (!values.batch && !question) {
    console.error(`ask: no question given.\n${USAGE}`);
    return 2;
  }
  const engine = createEngine(loadKnowledge(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge"));

  if (values.batch) {
    const input = createReadStream(values.batch, "utf8");
    const failed = new Promise<never>((_, reject) => input.once("error", reject));
    let lineNumber = 0;
    const lines = (async () => {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        lineNumber++;
        if (!line.trim()) continue;
        let item: { id?: unknown; question?: unknown };
        try {
          item = JSON.parse(line);
        } catch {
          throw new Error(`${values.batch}:${lineNumber}: not valid JSON`);
        }
        if (typeof item?.question !== "string") throw new Error(`${values.batch}:${lineNumber}: needs a "question" string`);
        process.stdout.write(JSON.stringify({ id: item.id, ...engine.answer(item.question, values.within === undefined ? undefined : { within: values.within }) }) + "\n");
      }
    })();
    await Promise.race([lines, failed]);
    return 0;
  }

  if (values.within !== undefined && !engine.knowledge.documents.some((doc) => doc.id === values.within)) {
    console.error(`ask: --within ${values.within}: no such document (ids are file names without .md).`);
    return 2;
  }
  const options = values.within === undefined ? undefined : { within: values.within };
  if (values.explain) {
    // The answer with the inputs of its answer/abstain decision (src/engine/decision.ts).
    console.log(JSON.stringify(engine.explain(question, options), null, 2));
    return 0;
  }
  const answer = engine.answer(question, options);
  console.log(values.json ? JSON.stringify(answer, null, 2) : formatAnswerText(answer, engine));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error & { code?: string }) => {
    console.error(`ask: ${error.code === "ENOENT" ? `cannot read ${error.message.replace(/^.*open '/, "").replace(/'$/, "")}` : error.message}`);
    process.exitCode = 1;
  },
);
