// npm run report [-- --data DIR] [--limit N]
// The question log as terminal tables: top unanswered, answers with 👎, per article, last 7 days.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DATABASE_FILE } from "../questions/log.ts";
import { downvoted, lastDays, perArticle, topUnanswered } from "../questions/report.ts";
import { formatTable } from "./table.ts";

const cut = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function main(): number {
  const { values } = parseArgs({ options: { data: { type: "string" }, limit: { type: "string", default: "20" } } });
  const file = join(values.data ?? process.env.DATA_DIR ?? "data", DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`report: no question log at ${file}. It is made when the bot runs with LOG_QUESTIONS on (the default); set DATA_DIR or --data to read another.`);
    return 1;
  }
  const limit = Number(values.limit);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const sections: Array<[string, string[], Array<Array<string | number>>]> = [
      ["Top unanswered questions (grouped by normalised text)", ["asked", "last asked (UTC)", "question"],
        topUnanswered(db, limit).map((r) => [r.asked, new Date(r.last).toISOString().slice(0, 16).replace("T", " "), cut(r.question)])],
      ["Answers with 👎", ["👎", "👍", "article", "¶", "question"],
        downvoted(db, limit).map((r) => [r.down, r.up, r.documentId ?? "", r.paragraph ?? "", cut(r.question)])],
      ["Per article", ["answers", "👍", "👎", "article"], perArticle(db).map((r) => [r.answers, r.up, r.down, r.documentId])],
      ["Last 7 days", ["day (UTC)", "asked", "answered", "share"],
        lastDays(db, 7).map((r) => [r.day, r.asked, r.answered, r.asked ? `${Math.round((100 * r.answered) / r.asked)}%` : "-"])],
    ];
    for (const [title, headers, rows] of sections) {
      console.log(`\n${title}\n`);
      console.log(rows.length > 0 ? formatTable(headers, rows) : "(none)");
    }
  } finally {
    db.close();
  }
  return 0;
}

process.exitCode = main();
