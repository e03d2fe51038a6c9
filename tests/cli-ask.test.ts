// npm run ask -- --within ID: a follow-up searched first in one article, as the bot does.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/bot-process.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ask-within-"));
const article = (title: string, paragraphs: string[]) =>
  `---\ntitle: "${title}"\npublisher: "ناشر الاختبار"\nlanguage: ar\n---\n\n${paragraphs.join("\n\n")}\n`;
writeFileSync(
  join(dir, "nova-phone.md"),
  article("هاتف نوفا الجديد", [
    "كشفت شركة نوفا عن هاتفها الجديد نوفا برو بشاشة كبيرة وكاميرا مطورة.",
    "وقالت الشركة إن الهاتف ينزل إلى المحلات في شهر مارس بسعر ثلاثمئة دولار.",
  ]),
);
writeFileSync(
  join(dir, "zeta-watch.md"),
  article("ساعة زيتا الذكية", [
    "أعلنت شركة زيتا عن ساعتها الذكية الجديدة لمتابعة النوم والرياضة.",
    "وأكدت زيتا أن الساعة تنزل إلى المحلات في شهر يونيو المقبل.",
  ]),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--knowledge", dir, "--json", ...args], { cwd: ROOT });

describe("npm run ask -- --within", () => {
  it("searches the named article first", async () => {
    const followUp = "طيب ومتى ينزل بالمحلات؟";
    const plain = JSON.parse((await ask(followUp)).stdout);
    const within = JSON.parse((await ask("--within", "zeta-watch", followUp)).stdout);
    expect(plain.results[0].documentId).toBe("nova-phone");
    expect(within.results[0].documentId).toBe("zeta-watch");
  }, 30_000);

  it("refuses an id that is not in the knowledge", async () => {
    await expect(ask("--within", "no-such-article", "سؤال")).rejects.toMatchObject({ code: 2 });
  }, 30_000);
});
