import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createEngine } from "../src/engine.ts";
import { checkKnowledge } from "../src/knowledge/check.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";

const run = promisify(execFile);
const dirs: string[] = [];
/** The sample shelf (the article and the olive harvest) plus `files`. */
function shelf(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "check-"));
  dirs.push(dir);
  cpSync("tests/fixtures/sample-knowledge", dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const article = (front: string, body: string) => `---\ntitle: عنوان\npublisher: ناشر\n${front}---\n\n${body}\n`;
const messages = (dir: string) => checkKnowledge(createEngine(loadKnowledge(dir))).map((w) => `${w.file.split("/").at(-1)}: ${w.message}`);

describe("checkKnowledge", () => {
  it("finds nothing to say about a good shelf", () => {
    expect(messages(shelf())).toEqual([]);
  });

  it("warns about a single paragraph, a bad date and no examples", () => {
    const found = messages(shelf({ "bees.md": article("published: 12 مارس 2025\n", "يربي النحالون النحل في الجبال ويجمعون العسل في الصيف.") }));
    expect(found).toEqual([
      expect.stringMatching(/^bees\.md: "published: 12 مارس 2025" is not a date as YYYY-MM-DD/),
      expect.stringMatching(/^bees\.md: the article is a single paragraph/),
      expect.stringMatching(/^bees\.md: no "examples"/),
    ]);
  });

  it("warns about an example the engine refuses, and one it answers from another article", () => {
    const body = "يربي النحالون النحل في الجبال ويجمعون العسل في الصيف.\n\nيباع العسل في سوق المدينة كل أسبوع.";
    const examples = 'examples:\n  - "ما لون السماء على المريخ؟"\n  - "متى يبدأ موسم قطف الزيتون؟"\n  - "أين يباع العسل؟"\n';
    const found = messages(shelf({ "bees.md": article(examples, body) }));
    expect(found).toEqual([
      expect.stringMatching(/^bees\.md: example "ما لون السماء على المريخ؟" is not answered/),
      expect.stringMatching(/^bees\.md: example "متى يبدأ موسم قطف الزيتون؟" is answered from olive-harvest/),
    ]);
  });

  it("warns about duplicate and near-duplicate articles", () => {
    const olive = readFileSync("tests/fixtures/sample-knowledge/olive-harvest.md", "utf8");
    const edited = olive.replace("لأن الزيت يفقد جودته إذا تأخر العصر.", "لأن الزيت يفقد جودته إذا تأخر.");
    const found = messages(shelf({ "olive-copy.md": olive, "olive-edited.md": edited }));
    expect(found).toContainEqual(expect.stringMatching(/^olive-harvest\.md: duplicate of .*olive-copy\.md/));
    expect(found).toContainEqual(expect.stringMatching(/^olive-harvest\.md: near-duplicate of .*olive-edited\.md \(\d+% the same text\)/));
    expect(found.filter((m) => /duplicate/.test(m))).toHaveLength(3);
  });

  it("warns about a spelling two names share in the alias table", () => {
    const dir = shelf();
    writeFileSync(join(dir, "aliases.yaml"), "- canonical: meta\n  spellings: [Meta, ميتا]\n- canonical: metaverse\n  spellings: [ميتا, ميتافيرس]\n");
    // (Renaming «ميتا» also changes how the article's examples are answered: only the alias warning is checked here.)
    expect(messages(dir).filter((m) => m.startsWith("aliases.yaml"))).toEqual([expect.stringMatching(/^aliases\.yaml: the spelling "ميتا" belongs to "meta" and "metaverse"/)]);
  });
});

describe("npm run check", () => {
  it("exits non-zero naming every broken file and what to fix", async () => {
    const dir = shelf({ "a.md": "---\ntitle: Meta: the story\npublisher: ن\n---\n\nنص.\n", "b.md": "no front matter" });
    const failure = await run(process.execPath, ["--import", "tsx", "src/cli/check.ts", "--knowledge", dir]).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stderr).toMatch(/a\.md:2: bad front matter: .*put it in quotes/);
    expect(failure.stderr).toMatch(/b\.md: no front matter/);
    expect(failure.stderr).toMatch(/2 broken files/);
  });
});
