// What the operator reads from the question log: `npm run report`, /stats and /unanswered.
import type Database from "better-sqlite3";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UnansweredRow {
  /** The latest spelling of the question. */
  question: string;
  asked: number;
  last: number;
}

export interface DownvotedRow {
  question: string;
  documentId: string | null;
  paragraph: number | null;
  down: number;
  up: number;
}

export interface ArticleRow {
  documentId: string;
  answers: number;
  up: number;
  down: number;
}

export interface DayRow {
  day: string;
  asked: number;
  answered: number;
}

export interface Summary {
  asked: number;
  answered: number;
  up: number;
  down: number;
}

/** Unanswered questions grouped by their normalised text, most asked first. */
export function topUnanswered(db: Database.Database, limit: number, since = 0): UnansweredRow[] {
  // SQLite returns the bare `question` from the row holding MAX(at): the latest spelling.
  return db
    .prepare(
      `SELECT question, COUNT(*) AS asked, MAX(at) AS last FROM questions
       WHERE answered = 0 AND at >= ? GROUP BY grouped ORDER BY asked DESC, last DESC LIMIT ?`,
    )
    .all(since, limit) as UnansweredRow[];
}

export function downvoted(db: Database.Database, limit: number): DownvotedRow[] {
  return db
    .prepare(
      `SELECT q.question, q.document_id AS documentId, q.paragraph,
              SUM(v.vote = -1) AS down, SUM(v.vote = 1) AS up
       FROM votes v JOIN questions q ON q.id = v.question_id
       GROUP BY q.id HAVING down > 0 ORDER BY down DESC, q.at DESC LIMIT ?`,
    )
    .all(limit) as DownvotedRow[];
}

export function perArticle(db: Database.Database, since = 0): ArticleRow[] {
  return db
    .prepare(
      `SELECT q.document_id AS documentId, COUNT(*) AS answers,
              COALESCE(SUM(v.up), 0) AS up, COALESCE(SUM(v.down), 0) AS down
       FROM questions q
       LEFT JOIN (SELECT question_id, SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM votes GROUP BY question_id) v
         ON v.question_id = q.id
       WHERE q.answered = 1 AND q.document_id IS NOT NULL AND q.at >= ?
       GROUP BY q.document_id ORDER BY answers DESC, documentId`,
    )
    .all(since) as ArticleRow[];
}

/** One row per UTC day, the last `days` days including today, days without questions too. */
export function lastDays(db: Database.Database, days: number, now = Date.now()): DayRow[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const since = today - (days - 1) * DAY_MS;
  const rows = db
    .prepare(
      `SELECT date(at / 1000, 'unixepoch') AS day, COUNT(*) AS asked, SUM(answered) AS answered
       FROM questions WHERE at >= ? GROUP BY day`,
    )
    .all(since) as DayRow[];
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since + i * DAY_MS).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, asked: 0, answered: 0 };
  });
}

export function summary(db: Database.Database, since: number): Summary {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS asked, COALESCE(SUM(answered), 0) AS answered,
              (SELECT COUNT(*) FROM votes WHERE vote = 1 AND at >= @since) AS up,
              (SELECT COUNT(*) FROM votes WHERE vote = -1 AND at >= @since) AS down
       FROM questions WHERE at >= @since`,
    )
    .get({ since }) as Summary;
  return row;
}
