// The playground page's Telegram renderer: the bot's HTML goes through the emulator's parser
// (which refuses what Telegram refuses), and the page builds elements from the entities.
// Hostile input must never become markup, and only http(s) links may be clickable.
import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../src/playground/fake-telegram.ts";
import { type RenderNode, renderEntities, safeUrl } from "../src/playground/page/render.js";

const ALLOWED = new Map<string, Set<string>>([
  ["b", new Set()],
  ["i", new Set()],
  ["u", new Set()],
  ["s", new Set()],
  ["code", new Set()],
  ["pre", new Set()],
  ["blockquote", new Set(["class"])],
  ["span", new Set(["class"])],
  ["a", new Set(["href", "target", "rel"])],
]);

/** The tree as markup, every text and attribute escaped: what the page's DOM amounts to. */
function markup(nodes: RenderNode[]): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return nodes
    .map((node) => {
      if (typeof node === "string") return escape(node);
      const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join("");
      return `<${node.tag}${attrs}>${markup(node.children)}</${node.tag}>`;
    })
    .join("");
}

function elements(nodes: RenderNode[]): Exclude<RenderNode, string>[] {
  return nodes.flatMap((node) => (typeof node === "string" ? [] : [node, ...elements(node.children)]));
}

/** Bot HTML → what the page shows; throws when Telegram (the emulator) would refuse it. */
function show(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.error);
  return markup(renderEntities(parsed.text, parsed.entities));
}

describe("the playground renderer", () => {
  it("renders Telegram's subset: b, i, u, s, a, code, pre, blockquote, expandable, spoiler", () => {
    expect(show("<b>عريض</b> <i>مائل</i> <u>تحته خط</u> <s>مشطوب</s>")).toBe(
      "<b>عريض</b> <i>مائل</i> <u>تحته خط</u> <s>مشطوب</s>",
    );
    expect(show('<a href="https://example.com/a?b=1&c=2">المصدر</a>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">المصدر</a>',
    );
    expect(show("<code>x</code> <pre>y</pre>")).toBe("<code>x</code> <pre>y</pre>");
    expect(show("<blockquote>اقتباس <b>مهم</b></blockquote>")).toBe("<blockquote>اقتباس <b>مهم</b></blockquote>");
    expect(show("<blockquote expandable>طويل</blockquote>")).toBe('<blockquote class="expandable">طويل</blockquote>');
    expect(show("<tg-spoiler>سرّ</tg-spoiler> <span class=\"tg-spoiler\">آخر</span>")).toBe(
      '<span class="tg-spoiler">سرّ</span> <span class="tg-spoiler">آخر</span>',
    );
  });

  it("keeps nesting, and Arabic with Latin names and digits in one text node", () => {
    expect(show("<blockquote>قال <b>Mark <i>Zuckerberg</i></b> عام 2024</blockquote>")).toBe(
      "<blockquote>قال <b>Mark <i>Zuckerberg</i></b> عام 2024</blockquote>",
    );
  });

  it("<script> is refused like Telegram refuses it, and escaped script text stays text", () => {
    expect(() => show("<script>alert(1)</script>")).toThrow('Unsupported start tag "script"');
    const nodes = renderEntities("<script>alert(1)</script>", []);
    expect(nodes).toEqual(["<script>alert(1)</script>"]);
    expect(show("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(show('&lt;img src=x onerror="alert(1)"&gt;')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("an onerror= attribute never reaches the page", () => {
    expect(() => show('<img src=x onerror="alert(1)">')).toThrow('Unsupported start tag "img"');
    const html = show('<b onerror="alert(1)">x</b><a href="https://e.com" onclick="alert(1)">y</a>');
    expect(html).not.toMatch(/onerror|onclick/);
    expect(html).toBe('<b>x</b><a href="https://e.com/" target="_blank" rel="noopener noreferrer">y</a>');
  });

  it("unbalanced tags are refused, and entities crossing each other still make a tree", () => {
    expect(() => show("<b>x")).toThrow("Can't find end tag");
    expect(() => show("<b><i>x</b></i>")).toThrow("Unmatched end tag");
    expect(() => show("x</b>")).toThrow("Unexpected end tag");
    const crossing = renderEntities("abcdef", [
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 2, length: 4 },
    ]);
    expect(markup(crossing)).toBe("<b>ab<i>cd</i></b>ef");
  });

  it("javascript: and other non-web links are never clickable", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "/relative"]) {
      const html = show(`<a href="${href.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}">انقر</a>`);
      expect(html).toBe('<span class="refused-link">انقر</span>');
      expect(safeUrl(href)).toBeUndefined();
    }
    // An entity straight from the API (a text_link, a bare url) is checked the same way.
    const direct = renderEntities("javascript:alert(1) x", [
      { type: "url", offset: 0, length: 19 },
      { type: "text_link", offset: 20, length: 1, url: "javascript:alert(1)" },
    ]);
    expect(elements(direct).map((e) => e.tag)).toEqual(["span", "span"]);
    expect(markup(renderEntities("example.com", [{ type: "url", offset: 0, length: 11 }]))).toContain('href="http://example.com/"');
  });

  it("only whitelisted elements and attributes come out, whatever the entities", () => {
    const text = "نص تجريبي للاختبار";
    const hostile = [
      { type: "script", offset: 0, length: 2 },
      { type: "__proto__", offset: 0, length: 2 },
      { type: "bold", offset: -3, length: 5 },
      { type: "italic", offset: 5, length: 999 },
      { type: "pre", offset: 1.5, length: 2 },
      { type: "text_link", offset: 3, length: 4, url: "https://e.com/\"><script>" },
      { type: "spoiler", offset: 99, length: 1 },
      { type: "mention", offset: 0, length: 3 },
    ];
    const nodes = renderEntities(text, hostile);
    for (const node of elements(nodes)) {
      expect(ALLOWED.has(node.tag)).toBe(true);
      for (const name of Object.keys(node.attrs)) expect(ALLOWED.get(node.tag)!.has(name)).toBe(true);
    }
    expect(markup(nodes).replace(/<[^>]*>/g, "")).toBe(text);
    expect(markup(nodes)).toContain('href="https://e.com/%22%3E%3Cscript%3E"');
  });
});
