// The question log: what users asked and whether it was answered, in SQLite (WAL, so a
// crash mid-write loses at most that row). Users are a salted hash, never a name or an id;
// the salt is made once and kept beside the database. Logging never stands in the way of
// answering: a locked or unwritable database is logged once and the bot answers on.
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "../logger.ts";
import { groupKey } from "./group.ts";

export const DATABASE_FILE = "questions.sqlite";
export const SALT_FILE = "user-hash.salt";
const DAY_MS = 24 * 60 * 60 * 1000;
/** A locked database is waited for this long at most: the answer is waiting too. */
const BUSY_TIMEOUT_MS = 50;

export interface QuestionEntry {
  chatType: string;
  userId?: number;
  question: string;
  answered: boolean;
  confidence: number;
  documentId?: string;
  paragraph?: number;
}

export interface QuestionLog {
  /** The row's id (for feedback), or undefined when the log is off or failing. */
  record(entry: QuestionEntry, at?: number): number | undefined;
  /** One vote per user per answer: a second vote replaces the first. */
  vote(questionId: number, userId: number, vote: 1 | -1, at?: number): boolean;
  /** Deletes rows older than the retention; returns how many. */
  prune(now?: number): number;
  /** The open database for reports, or undefined. */
  readonly database: Database.Database | undefined;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,            -- ms since 1970, UTC
  chat_type TEXT NOT NULL,        -- private, group, supergroup
  user_hash TEXT,                 -- HMAC-SHA256(salt, user id), shortened
  question TEXT NOT NULL,
  grouped TEXT NOT NULL,          -- the normalised text that groups a question's spellings
  answered INTEGER NOT NULL,
  confidence REAL NOT NULL,
  document_id TEXT,
  paragraph INTEGER
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS votes (
  question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  user_hash TEXT NOT NULL,
  vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, user_hash)
);`;

export interface QuestionLogOptions {
  retentionDays: number;
  logger: Logger;
}

export function openQuestionLog(dataDir: string, { retentionDays, logger }: QuestionLogOptions): QuestionLog {
  let failing = false;
  /** Runs a database step; the first failure in a row is logged, the rest are quiet. */
  function safely<T>(what: string, step: () => T): T | undefined {
    try {
      const result = step();
      if (failing) logger.info("question log: writing works again");
      failing = false;
      return result;
    } catch (error) {
      if (!failing) logger.error({ err: error }, `question log: cannot ${what}; the bot answers on, without logging, until it works again`);
      failing = true;
      return undefined;
    }
  }

  const opened = safely("open the database", () => {
    mkdirSync(dataDir, { recursive: true });
    const salt = readOrCreateSalt(join(dataDir, SALT_FILE));
    const db = new Database(join(dataDir, DATABASE_FILE), { timeout: BUSY_TIMEOUT_MS });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.exec(SCHEMA);
    return { db, salt };
  });
  const db = opened?.db;
  const hash = (userId: number) => createHmac("sha256", opened!.salt).update(String(userId)).digest("hex").slice(0, 32);
  const insert = db?.prepare(
    `INSERT INTO questions (at, chat_type, user_hash, question, grouped, answered, confidence, document_id, paragraph)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertVote = db?.prepare(
    `INSERT INTO votes (question_id, user_hash, vote, at) SELECT id, ?, ?, ? FROM questions WHERE id = ?
     ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
  );
  const deleteOld = db?.prepare("DELETE FROM questions WHERE at < ?");

  const log: QuestionLog = {
    database: db,
    record(entry, at = Date.now()) {
      if (!insert) return undefined;
      return safely("write a question", () => {
        const row = insert.run(
          at,
          entry.chatType,
          entry.userId === undefined ? null : hash(entry.userId),
          entry.question,
          groupKey(entry.question),
          entry.answered ? 1 : 0,
          entry.confidence,
          entry.documentId ?? null,
          entry.paragraph ?? null,
        );
        return Number(row.lastInsertRowid);
      });
    },
    vote(questionId, userId, vote, at = Date.now()) {
      if (!upsertVote) return false;
      return safely("write a vote", () => upsertVote.run(hash(userId), vote, at, questionId).changes > 0) ?? false;
    },
    prune(now = Date.now()) {
      if (!deleteOld) return 0;
      return safely("prune old questions", () => deleteOld.run(now - retentionDays * DAY_MS).changes) ?? 0;
    },
    close() {
      clearInterval(daily);
      db?.close();
    },
  };
  log.prune();
  const daily = setInterval(() => log.prune(), DAY_MS);
  daily.unref();
  return log;
}

/** The salt is made once: a new one would split every user's history in two. */
function readOrCreateSalt(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const salt = randomBytes(32).toString("hex");
  try {
    writeFileSync(file, `${salt}\n`, { flag: "wx", mode: 0o600 });
    return salt;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

/** A log that keeps nothing: LOG_QUESTIONS=false. */
export const noQuestionLog: QuestionLog = {
  database: undefined,
  record: () => undefined,
  vote: () => false,
  prune: () => 0,
  close: () => {},
};
