import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../src/engine.ts";
import { isChromeLine } from "../src/import/chrome.ts";
import { extractHtml } from "../src/import/html.ts";
import { importSource } from "../src/import/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";

const run = promisify(execFile);
const SOURCE = readFileSync("tests/fixtures/source/article.ar.txt", "utf8").split("\n");
const ARTICLE = SOURCE.slice(0, 9);
const PAGE = readFileSync("tests/fixtures/source/article.wordpress.html", "utf8");
const CHROME = ["اشترك", "اكتشاف المزيد من موقع", "شارك هذا", "ذات صلة", "OpenAI تطلق", "مقال رائع", "متى سيصل", "اترك تعليق", "جميع الحقوق", "الحماية والأمان", "تابعنا"];

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "import-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/2024/08/23/meta-spotify-eu-ai/") res.writeHead(200, { "content-type": "text/html; charset=UTF-8" }).end(PAGE);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("npm run add", () => {
  it("imports a WordPress news page by its address: the article's text and details, none of the site's chrome", async () => {
    const dir = tempDir();
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli/add.ts", `${base}/2024/08/23/meta-spotify-eu-ai/`, "--knowledge", dir]);
    expect(stdout).toMatch(/Saved .*meta-spotify-eu-ai\.md: 9 paragraphs/);
    // What was dropped is printed: the subscribe box, the comments, the menu, the footer.
    for (const dropped of ["div.wp-block-jetpack-subscriptions__container", "div#comments", "nav#site-navigation", "footer#colophon", "div#jp-relatedposts", "div.sharedaddy"]) {
      expect(stdout).toContain(dropped);
    }
    const kb = loadKnowledge(dir);
    const [article] = kb.documents;
    expect(article!.paragraphs).toEqual(ARTICLE);
    expect(article!.meta).toEqual({
      title: "الرئيسان التنفيذيان لميتا وسبوتيفاي ينتقدان تنظيم الذكاء الاصطناعي في الاتحاد الأوروبي",
      publisher: "شعاع للمعلوماتية",
      language: "ar",
      author: "Sarah Perez",
      published: "2024-08-23",
      url: "https://shuaa.example/2024/08/23/meta-spotify-eu-ai/",
    });
    const file = readFileSync(article!.file, "utf8");
    for (const chrome of CHROME) expect(file).not.toContain(chrome);

    const answer = createEngine(kb).answer("من هو الرئيس التنفيذي لشركة سبوتيفاي؟");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.quote).toContain("دانييل إيك");
  });

  it("imports a .txt with one paragraph a line, drops its closing subscribe lines, and answers from it", async () => {
    const dir = tempDir();
    const result = await importSource("tests/fixtures/source/article.ar.txt", dir, { title: "ميتا وسبوتيفاي وأوروبا", publisher: "شعاع للمعلوماتية", published: "2024-08-23" });
    expect(result.file).toBe(join(dir, "article-ar.md"));
    expect(result.dropped).toEqual([`line: ${SOURCE[9]}`, `line: ${SOURCE[10]}`]);
    const kb = loadKnowledge(dir);
    expect(kb.documents[0]!.paragraphs).toEqual(ARTICLE);
    expect(kb.documents[0]!.meta.published).toBe("2024-08-23");
    const answer = createEngine(kb).answer("لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.documentId).toBe("article-ar");
  });

  it("lets flags override what the page says, and refuses to overwrite without --force", async () => {
    const dir = tempDir();
    const url = `${base}/2024/08/23/meta-spotify-eu-ai/`;
    await importSource(url, dir, { id: "eu-ai", published: "2024-08-24", author: "فريق التحرير" });
    expect(loadKnowledge(dir).documents[0]!.meta).toMatchObject({ published: "2024-08-24", author: "فريق التحرير" });
    await expect(importSource(url, dir, { id: "eu-ai" })).rejects.toThrow(/eu-ai\.md exists already: pass --force/);
    await importSource(url, dir, { id: "eu-ai", force: true });
    expect(loadKnowledge(dir).documents[0]!.meta.published).toBe("2024-08-23");
  });

  it("says what to pass when the source has no publisher, and names a page that is not there", async () => {
    const dir = tempDir();
    await expect(importSource("tests/fixtures/source/article.ar.txt", dir, { title: "ع" })).rejects.toThrow(/--publisher/);
    await expect(importSource(`${base}/missing`, dir)).rejects.toThrow(/answered 404/);
  });

  it("keeps a Markdown file's own front matter: examples and the original it translates", async () => {
    const dir = tempDir();
    const result = await importSource("tests/fixtures/article/meta-spotify-eu-ai.md", dir, { id: "copy" });
    const [copy] = loadKnowledge(dir).documents;
    const [shipped] = loadKnowledge("tests/fixtures/article").documents;
    expect(result.file).toBe(join(dir, "copy.md"));
    expect(copy!.meta).toEqual(shipped!.meta);
    expect(copy!.paragraphs).toEqual(shipped!.paragraphs);
  });

  it("imports Markdown: a leading # heading is the title, and the text's own marks survive the round trip", async () => {
    const dir = tempDir();
    const source = join(tempDir(), "olives.md");
    writeFileSync(source, "# موسم الزيتون\n\nيبدأ **القطف** في [أكتوبر](https://example.org).\n\n- 3 * 4 = 12 و_x_ [1]\n");
    const result = await importSource(source, dir, { publisher: "ناشر" });
    expect(result.document.meta.title).toBe("موسم الزيتون");
    expect(loadKnowledge(dir).documents[0]!.paragraphs).toEqual(["يبدأ القطف في أكتوبر.", "3 * 4 = 12 و_x_ [1]"]);
  });
});

describe("extractHtml", () => {
  it("reads a page too short for Readability from its blocks, still without its chrome", () => {
    const page = '<html><head><meta property="og:title" content="قصير"><meta property="og:site_name" content="موقع"></head><body><nav><a href="/">الرئيسية</a></nav><p>يبدأ الموسم في أكتوبر.</p><p>تابعنا على تويتر</p></body></html>';
    const { meta, paragraphs, dropped } = extractHtml(page);
    expect(meta).toEqual({ title: "قصير", publisher: "موقع" });
    expect(paragraphs).toEqual(["يبدأ الموسم في أكتوبر."]);
    expect(dropped).toEqual(["nav: الرئيسية", "line: تابعنا على تويتر"]);
  });
});

describe("chrome lines", () => {
  it("are short subscribe, follow and share lines, not the article's paragraphs", () => {
    expect(isChromeLine(SOURCE[9]!)).toBe(true);
    expect(isChromeLine(SOURCE[10]!)).toBe(true);
    expect(isChromeLine("تابعنا على تويتر")).toBe(true);
    expect(isChromeLine(`اشترك ${"الطلاب في المسابقة التي نظمتها الجامعة ".repeat(5)}`)).toBe(false);
    for (const paragraph of ARTICLE) expect(isChromeLine(paragraph)).toBe(false);
  });
});
