// npm run add -- SOURCE [--knowledge DIR] [--title … --publisher … --author … --published YYYY-MM-DD --url … --id … --force]
// SOURCE: a .txt, .md or .html file, or an http(s) address. Writes KNOWLEDGE_DIR/<id>.md.
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { FetchError } from "../import/fetch.ts";
import { ImportError, importSource } from "../import/index.ts";

const USAGE =
  "usage: npm run add -- SOURCE [--knowledge DIR] [--title … --publisher … --author … --published YYYY-MM-DD --url … --id … --force]\n" +
  "SOURCE is a .txt, .md or .html file, or an http(s):// address.";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      knowledge: { type: "string" },
      title: { type: "string" },
      publisher: { type: "string" },
      author: { type: "string" },
      published: { type: "string" },
      url: { type: "string" },
      id: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const { knowledge, help: _help, ...flags } = values;
  const dir = knowledge ?? process.env.KNOWLEDGE_DIR ?? "knowledge";
  const result = await importSource(positionals[0]!, dir, flags);
  if (result.dropped.length > 0) {
    console.log(`Dropped (not the article's text):`);
    for (const line of result.dropped) console.log(`  - ${line}`);
  }
  const { meta, paragraphs } = result.document;
  console.log(`Saved ${relative(process.cwd(), result.file) || result.file}: ${paragraphs.length} paragraph${paragraphs.length === 1 ? "" : "s"}`);
  console.log(`  title: ${meta.title}\n  publisher: ${meta.publisher}`);
  for (const key of ["author", "published", "url"] as const) if (meta[key]) console.log(`  ${key}: ${meta[key]}`);
  for (const warning of result.warnings) console.log(`warning: ${warning.message}`);
  if (paragraphs.length === 1) console.log("warning: the article came out as a single paragraph; separate its paragraphs with blank lines.");
  console.log("Add a few example questions under `examples:` in its front matter, then run `npm run check`.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError || error instanceof FetchError) console.error(`add: ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
