// Live knowledge: the bot answers through a stable Engine that reads whichever engine is
// current. A change in KNOWLEDGE_DIR is loaded and built apart from any request (after a
// short quiet time, so a burst of saves is one reload), then swapped in by one assignment:
// a question is answered wholly by the old engine or wholly by the new one. A broken file
// leaves the current engine serving, with one error line naming the file and the fix.
// (Building runs on the event loop: for a few hundred articles it takes milliseconds.)
import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "../logger.ts";
import type { Engine, KnowledgeBase, KnowledgeDocument } from "../types.ts";
import { KnowledgeError, loadKnowledge } from "./load.ts";

export const RELOAD_QUIET_MS = 300;

export interface KnowledgeChange {
  added: string[];
  changed: string[];
  removed: string[];
  aliases: boolean;
}

export type ReloadOutcome = { ok: true; change: KnowledgeChange; documents: number } | { ok: false; error: string };

export interface LiveKnowledge {
  /** Always the current engine's answers: hand this to the bot once. */
  readonly engine: Engine;
  /** Loads and swaps now; what /reload and an admin's upload call. */
  reload(): ReloadOutcome;
  close(): void;
}

/** A change in these names is not a change of the knowledge: hidden and temporary files. */
export function isKnowledgeFile(name: string | null): boolean {
  return name === null || (!name.startsWith(".") && /\.(?:md|ya?ml|json)$/i.test(name));
}

export function startLiveKnowledge(
  dir: string,
  initial: Engine,
  build: (knowledge: KnowledgeBase) => Engine,
  logger: Logger,
  options: { watch?: boolean; quietMs?: number } = {},
): LiveKnowledge {
  let current = initial;
  let lastError: string | undefined;

  const engine: Engine = {
    get knowledge() {
      return current.knowledge;
    },
    answer: (question, answerOptions) => current.answer(question, answerOptions),
    paragraph: (documentId, paragraph) => current.paragraph(documentId, paragraph),
    examples: (limit, near) => current.examples(limit, near),
  };

  function reload(): ReloadOutcome {
    let next: Engine;
    try {
      next = build(loadKnowledge(dir));
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      // Once per distinct problem: saving the same broken file again says nothing new.
      if (error.message !== lastError) logger.error(`knowledge not reloaded, the previous version keeps serving: ${error.message}`);
      lastError = error.message;
      return { ok: false, error: error.message };
    }
    lastError = undefined;
    const change = diffKnowledge(current.knowledge, next.knowledge);
    current = next;
    const documents = next.knowledge.documents.length;
    // A save that changed nothing (or a reload after an admin upload already swapped it) is no news.
    const changed = change.added.length + change.changed.length + change.removed.length > 0 || change.aliases;
    logger[changed ? "info" : "debug"]({ ...change, documents }, `knowledge reloaded: ${describeChange(change)}`);
    for (const warning of next.knowledge.warnings ?? []) logger.warn(`${warning.file}: ${warning.message}`);
    return { ok: true, change, documents };
  }

  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    try {
      watcher = watch(dir, onChange);
      watcher.on("error", (error) => logger.error({ err: error }, `stopped watching ${dir}; /reload or a restart takes changes`));
    } catch (error) {
      // Out of inotify watches, say: the bot still answers from what it loaded.
      logger.error({ err: error }, `cannot watch ${dir}; /reload or a restart takes changes`);
    }
  }

  function onChange(_event: string, name: string | Buffer | null): void {
    if (!isKnowledgeFile(typeof name === "string" ? name : null)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        reload();
      } catch (error) {
        logger.error({ err: error }, "knowledge reload failed; the previous version keeps serving");
      }
    }, options.quietMs ?? RELOAD_QUIET_MS);
  }

  return {
    engine,
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeChange {
  const old = new Map(before.documents.map((doc) => [doc.id, fingerprint(doc)]));
  const now = new Map(after.documents.map((doc) => [doc.id, fingerprint(doc)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    aliases: JSON.stringify(before.aliases) !== JSON.stringify(after.aliases),
  };
}

function fingerprint(doc: KnowledgeDocument): string {
  return JSON.stringify([doc.meta, doc.paragraphs]);
}

function describeChange(change: KnowledgeChange): string {
  const parts = [
    change.added.length > 0 && `added ${change.added.join(", ")}`,
    change.changed.length > 0 && `changed ${change.changed.join(", ")}`,
    change.removed.length > 0 && `removed ${change.removed.join(", ")}`,
    change.aliases && "aliases changed",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "no change";
}
