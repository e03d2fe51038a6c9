// npm run check [-- --knowledge DIR] [--strict]
// Every article with the loader's own rules; exits 1 on a broken file, naming it and what to
// fix. Then warnings (see src/knowledge/check.ts); --strict makes a warning fail too.
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../engine.ts";
import { checkKnowledge } from "../knowledge/check.ts";
import { articleFiles, KnowledgeError, loadKnowledge, parseDocument, readUtf8 } from "../knowledge/load.ts";

const shown = (file: string) => relative(process.cwd(), file) || file;

function main(): number {
  const { values } = parseArgs({ options: { knowledge: { type: "string" }, strict: { type: "boolean", default: false } } });
  const dir = resolve(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge");

  // Each file on its own first, so one run lists every broken file, not only the first.
  const broken: string[] = [];
  if (existsSync(dir)) {
    for (const name of articleFiles(dir)) {
      const file = join(dir, name);
      try {
        parseDocument(file, readUtf8(file));
      } catch (error) {
        if (!(error instanceof KnowledgeError)) throw error;
        broken.push(error.message);
      }
    }
  }
  let knowledge;
  try {
    if (broken.length === 0) knowledge = loadKnowledge(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    broken.push(error.message);
  }
  if (!knowledge) {
    for (const message of broken) console.error(`✗ ${message}`);
    console.error(`${broken.length} broken file${broken.length === 1 ? "" : "s"}: the bot would not start with this knowledge.`);
    return 1;
  }

  const findings = checkKnowledge(createEngine(knowledge));
  for (const { file, message } of findings) console.log(`warning: ${shown(file)}: ${message}`);
  const paragraphs = knowledge.documents.reduce((sum, doc) => sum + doc.paragraphs.length, 0);
  console.log(
    `${shown(dir)}: ${knowledge.documents.length} article${knowledge.documents.length === 1 ? "" : "s"}, ${paragraphs} paragraphs, ` +
      `${knowledge.aliases.length} alias groups, ${findings.length} warning${findings.length === 1 ? "" : "s"}.`,
  );
  return values.strict && findings.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`check: ${(error as Error).message}`);
  process.exitCode = 1;
}
