import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEngine } from "../src/engine.ts";
import { isKnowledgeFile, type LiveKnowledge, startLiveKnowledge } from "../src/knowledge/live.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { captureLogs, ERROR, INFO } from "./support/log-capture.ts";

const OLIVES = `---
title: موسم قطف الزيتون
publisher: نشرة تجريبية
---

يبدأ موسم قطف الزيتون في القرية مع أول مطر في شهر تشرين الأول.

تعصر الثمار في المعصرة القديمة خلال يومين من قطفها.
`;
const QUESTION = "متى يبدأ موسم قطف الزيتون؟";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function liveShelf(options: { watch?: boolean } = {}): { dir: string; live: LiveKnowledge; logs: ReturnType<typeof captureLogs> } {
  const dir = mkdtempSync(join(tmpdir(), "live-"));
  cpSync("tests/fixtures/article", dir, { recursive: true });
  const logs = captureLogs();
  const live = startLiveKnowledge(dir, createEngine(loadKnowledge(dir)), createEngine, logs.logger, { quietMs: 50, ...options });
  cleanups.push(() => live.close(), () => rmSync(dir, { recursive: true, force: true }));
  return { dir, live, logs };
}

describe("live knowledge", () => {
  it("answers an article dropped into the watched folder, without a restart, and logs one line saying so", async () => {
    const { dir, live, logs } = liveShelf();
    expect(live.engine.answer(QUESTION).answered).toBe(false);
    writeFileSync(join(dir, "olives.md"), OLIVES);
    await vi.waitFor(() => expect(live.engine.answer(QUESTION).results[0]?.documentId).toBe("olives"), { timeout: 10_000, interval: 50 });
    expect(live.engine.knowledge.documents.map((d) => d.id)).toEqual(["meta-spotify-eu-ai", "olives"]);
    const reloads = logs.atLeast(INFO).filter((line) => /^knowledge reloaded/.test(line.msg ?? ""));
    expect(reloads).toHaveLength(1);
    expect(reloads[0]).toMatchObject({ msg: "knowledge reloaded: added olives", added: ["olives"], documents: 2 });
  });

  it("keeps the current knowledge serving when a file is broken, with one error line naming the file", () => {
    const { dir, live, logs } = liveShelf({ watch: false });
    writeFileSync(join(dir, "olives.md"), OLIVES);
    expect(live.reload()).toMatchObject({ ok: true, change: { added: ["olives"] } });
    writeFileSync(join(dir, "broken.md"), "---\ntitle: Meta: the story\npublisher: ن\n---\n\nنص.\n");
    expect(live.reload()).toMatchObject({ ok: false });
    expect(live.reload()).toMatchObject({ ok: false }); // the same problem again: no second line
    expect(live.engine.answer(QUESTION).results[0]?.documentId).toBe("olives");
    const errors = logs.atLeast(ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/previous version keeps serving: .*broken\.md:2: bad front matter.*put it in quotes/);
  });

  it("reports what changed and what was removed", () => {
    const { dir, live } = liveShelf({ watch: false });
    writeFileSync(join(dir, "olives.md"), OLIVES);
    live.reload();
    writeFileSync(join(dir, "olives.md"), OLIVES.replace("القديمة", "الجديدة"));
    expect(live.reload()).toMatchObject({ ok: true, change: { added: [], changed: ["olives"], removed: [] } });
    rmSync(join(dir, "olives.md"));
    expect(live.reload()).toMatchObject({ ok: true, change: { removed: ["olives"] }, documents: 1 });
  });

  it("a folder that cannot be watched is logged, and the bot answers from what it loaded", () => {
    const { dir, live } = liveShelf({ watch: false });
    const logs = captureLogs();
    rmSync(dir, { recursive: true, force: true });
    const unwatched = startLiveKnowledge(dir, live.engine, createEngine, logs.logger);
    cleanups.push(() => unwatched.close());
    expect(logs.atLeast(ERROR).map((line) => line.msg)).toEqual([expect.stringMatching(/^cannot watch .*; \/reload or a restart takes changes/)]);
    expect(unwatched.engine.answer("من هو الرئيس التنفيذي لشركة سبوتيفاي؟").answered).toBe(true);
  });

  it("does not count hidden or temporary files as changes of the knowledge", () => {
    expect(isKnowledgeFile("olives.md")).toBe(true);
    expect(isKnowledgeFile("aliases.yaml")).toBe(true);
    expect(isKnowledgeFile("._olives.md")).toBe(false);
    expect(isKnowledgeFile(".#olives.md")).toBe(false);
    expect(isKnowledgeFile(".olives.md.123.tmp")).toBe(false);
    expect(isKnowledgeFile("olives.md~")).toBe(false);
  });
});
