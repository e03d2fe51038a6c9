import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError, loadKnowledge } from "../src/knowledge/load.ts";
import { splitSentences } from "../src/knowledge/sentences.ts";
import { readFileSync } from "node:fs";

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "knowledge-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const doc = (body = "فقرة أولى.\n\nفقرة ثانية.") => `---\ntitle: عنوان\npublisher: ناشر\nlanguage: ar\n---\n\n${body}\n`;

describe("loadKnowledge", () => {
  it("loads the article with its facts, and leaves out the site's chrome", () => {
    const kb = loadKnowledge("tests/fixtures/article");
    const [article] = kb.documents;
    expect(article!.id).toBe("meta-spotify-eu-ai");
    expect(article!.meta.publisher).toBe("شعاع للمعلوماتية");
    expect(article!.meta.url).toBeUndefined();
    expect(article!.meta.original).toEqual({
      title: "Meta and Spotify CEOs criticize AI regulation in the EU",
      publisher: "TechCrunch",
      author: "Sarah Perez",
      published: "2024-08-23",
    });
    const source = readFileSync("tests/fixtures/source/article.ar.txt", "utf8").split("\n");
    expect(article!.paragraphs).toEqual(source.slice(0, 9));
    expect(article!.paragraphs.join("\n")).not.toContain("اشترك للحصول");
    expect(kb.aliases.find((a) => a.canonical === "spotify")?.spellings).toContain("سبوتيفي");
  });

  it("numbers paragraphs from the blank-line separated body", () => {
    const kb = loadKnowledge(folder({ "a.md": doc("واحد.\n\n\nاثنان.\n  \nثلاثة.") }));
    expect(kb.documents[0]!.paragraphs).toEqual(["واحد.", "اثنان.", "ثلاثة."]);
  });

  it.each([
    ["no front matter", { "bad.md": "just text" }, /bad\.md: no front matter/],
    ["bad YAML", { "bad.md": "---\ntitle: [oops\n---\nنص" }, /bad\.md:2: bad front matter/],
    ["missing title", { "bad.md": "---\npublisher: ناشر\n---\nنص" }, /bad\.md: front matter lacks "title"/],
    ["no body", { "bad.md": "---\ntitle: ع\npublisher: ن\n---\n\n  \n" }, /bad\.md: no body/],
    ["not UTF-8", { "bad.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, /bad\.md: not valid UTF-8/],
    ["duplicate id", { "Same.md": doc(), "same.md": doc() }, /duplicate document id/],
    ["bad alias table", { "a.md": doc(), "aliases.yaml": "- canonical: x\n  spellings: nope\n" }, /aliases\.yaml: entry 1/],
  ])("fails start-up on %s, naming the file", (_, files, message) => {
    expect(() => loadKnowledge(folder(files))).toThrow(message);
    expect(() => loadKnowledge(folder(files))).toThrow(KnowledgeError);
  });

  it("has its own error for an empty or missing folder", () => {
    expect(() => loadKnowledge(folder({}))).toThrow(/holds no \.md files/);
    expect(() => loadKnowledge(join(tmpdir(), "no-such-knowledge-dir"))).toThrow(/does not exist/);
  });

  it("an operator adds an article by dropping a file in", () => {
    const kb = loadKnowledge("tests/fixtures/sample-knowledge");
    expect(kb.documents.map((d) => d.id)).toEqual(["meta-spotify-eu-ai", "olive-harvest"]);
    expect(kb.documents[1]!.meta.url).toBe("https://example.org/olive-harvest");
  });
});

describe("loadKnowledge: what operators actually write", () => {
  it("ignores hidden files: Finder's ._x.md and an editor's .#x.md", () => {
    const kb = loadKnowledge(folder({ "a.md": doc(), "._a.md": Buffer.from([0x00, 0x05, 0x16, 0x07, 0xff]), ".#a.md": "user@host.1234" }));
    expect(kb.documents.map((d) => d.id)).toEqual(["a"]);
  });

  it("quotes Markdown as plain text, and a leading # heading is the title, not paragraph 1", () => {
    const body = "# عنوان من النص\n\nقال **زوكربيرج** إن [ميتا](https://meta.com) ستحجب `Llama`.\n\n## قسم ثان\n\n> اقتباس _مهم_ هنا\n\n- بند أول";
    const kb = loadKnowledge(folder({ "a.md": `---\npublisher: ناشر\n---\n\n${body}\n` }));
    const [article] = kb.documents;
    expect(article!.meta.title).toBe("عنوان من النص");
    expect(article!.paragraphs).toEqual(["قال زوكربيرج إن ميتا ستحجب Llama.", "قسم ثان", "اقتباس مهم هنا", "بند أول"]);
  });

  it("keeps the front matter's title over a leading heading", () => {
    const kb = loadKnowledge(folder({ "a.md": doc("# عنوان آخر\n\nنص.") }));
    expect(kb.documents[0]!.meta.title).toBe("عنوان");
    expect(kb.documents[0]!.paragraphs).toEqual(["نص."]);
  });

  it("leaves arithmetic and snake_case alone", () => {
    const kb = loadKnowledge(folder({ "a.md": doc("ضرب 5 * 3 * 2 في some_file_name.") }));
    expect(kb.documents[0]!.paragraphs).toEqual(["ضرب 5 * 3 * 2 في some_file_name."]);
  });

  it("gives a YAML error's line in the file, and tells to quote a title holding a colon", () => {
    const dir = folder({ "a.md": "---\npublisher: ناشر\ntitle: Meta: the story\n---\n\nنص.\n" });
    expect(() => loadKnowledge(dir)).toThrow(/a\.md:3: bad front matter: .*put it in quotes, e\.g\. title: "Meta: the story"/);
  });

  it("accepts a date not YYYY-MM-DD with a warning naming the file", () => {
    const kb = loadKnowledge(folder({ "a.md": "---\ntitle: ع\npublisher: ن\npublished: 12 مارس 2025\n---\n\nنص.\n", "b.md": doc() }));
    expect(kb.documents).toHaveLength(2);
    expect(kb.warnings).toEqual([{ file: expect.stringMatching(/a\.md$/), message: expect.stringMatching(/"published: 12 مارس 2025" is not a date as YYYY-MM-DD/) }]);
    const impossible = loadKnowledge(folder({ "a.md": "---\ntitle: ع\npublisher: ن\npublished: 2025-02-30\n---\n\nنص.\n" }));
    expect(impossible.warnings).toHaveLength(1);
    expect(loadKnowledge("tests/fixtures/article").warnings).toEqual([]);
  });
});

describe("splitSentences", () => {
  const sentences = (p: string) => splitSentences(p).map((s) => p.slice(s.start, s.end));
  it("splits on . ؟ ! ؛ and keeps closing quotes with their sentence", () => {
    expect(sentences("أولى. ثانية؟ ثالثة! رابعة؛ “خامسة.” سادسة")).toEqual(["أولى.", "ثانية؟", "ثالثة!", "رابعة؛", "“خامسة.”", "سادسة"]);
  });
  it("keeps a piece that opens with a comma with the sentence before it", () => {
    expect(sentences("أنظمة الدفع. ، من بين أمور أخرى. جملة تالية.")).toEqual(["أنظمة الدفع. ، من بين أمور أخرى.", "جملة تالية."]);
  });
  it("does not split inside numbers or domains", () => {
    expect(sentences("ارتفع 3.5 بالمئة على Meta.com اليوم.")).toHaveLength(1);
  });
  it("returns exact slices of the paragraph", () => {
    const p = readFileSync("tests/fixtures/source/article.ar.txt", "utf8").split("\n")[7]!;
    const spans = splitSentences(p);
    expect(spans.length).toBeGreaterThan(3);
    for (const s of spans) expect(p.includes(p.slice(s.start, s.end))).toBe(true);
  });
});
