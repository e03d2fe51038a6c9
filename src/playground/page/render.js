// Telegram's formatted text (plain text plus entities, as the Bot API returns a message) as
// a tree of whitelisted elements. The page turns the tree into DOM nodes with createElement
// and textContent only, so nothing the bot sends is ever parsed as HTML by the browser.

/** Entity type → element. Anything else (mentions, hashtags…) is shown as plain text. */
const ELEMENTS = {
  bold: "b",
  italic: "i",
  underline: "u",
  strikethrough: "s",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  expandable_blockquote: "blockquote",
  spoiler: "span",
  text_link: "a",
  url: "a",
};

/**
 * @typedef {{ type: string, offset: number, length: number, url?: string }} Entity
 * @typedef {{ tag: string, attrs: Record<string, string>, children: RenderNode[] }} RenderElement
 * @typedef {string | RenderElement} RenderNode
 */

/**
 * The address a link may open: http(s) only, normalised; undefined for anything else
 * (javascript:, data:, vbscript:, relative or broken addresses).
 * @param {string} url
 * @returns {string | undefined}
 */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} text
 * @param {readonly Entity[] | undefined} entities offsets in UTF-16 units, like the Bot API
 * @returns {RenderNode[]}
 */
export function renderEntities(text, entities = []) {
  const usable = entities
    .filter(
      (e) =>
        Object.hasOwn(ELEMENTS, e.type) &&
        Number.isInteger(e.offset) &&
        Number.isInteger(e.length) &&
        e.offset >= 0 &&
        e.length > 0 &&
        e.offset < text.length,
    )
    .map((e) => ({ ...e, end: Math.min(text.length, e.offset + e.length) }))
    // Outer entities first: same start, longer one first.
    .sort((a, b) => a.offset - b.offset || b.end - a.end);
  return build(text, 0, text.length, usable);
}

/**
 * Nodes for text[start, end) from entities sorted by start. An entity crossing its parent's
 * end is cut there, and one overlapping an earlier sibling starts after it: always a tree.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {Array<Entity & { end: number }>} entities
 * @returns {RenderNode[]}
 */
function build(text, start, end, entities) {
  /** @type {RenderNode[]} */
  const nodes = [];
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const from = Math.max(entity.offset, pos);
    const to = Math.min(entity.end, end);
    i++;
    if (from >= to) continue;
    if (from > pos) nodes.push(text.slice(pos, from));
    const inner = [];
    while (i < entities.length && entities[i].offset < to) inner.push(entities[i++]);
    nodes.push(element(entity, text.slice(from, to), build(text, from, to, inner)));
    pos = to;
  }
  if (pos < end) nodes.push(text.slice(pos, end));
  return nodes;
}

/**
 * @param {Entity} entity
 * @param {string} covered the text under the entity (a bare url entity links to it)
 * @param {RenderNode[]} children
 * @returns {RenderElement}
 */
function element(entity, covered, children) {
  const tag = ELEMENTS[/** @type {keyof typeof ELEMENTS} */ (entity.type)];
  if (entity.type === "spoiler") return { tag, attrs: { class: "tg-spoiler" }, children };
  if (entity.type === "expandable_blockquote") return { tag, attrs: { class: "expandable" }, children };
  if (tag !== "a") return { tag, attrs: {}, children };
  const target = entity.type === "url" ? withScheme(covered) : (entity.url ?? "");
  const href = safeUrl(target);
  // A refused address stays visible text, never something to click.
  if (href === undefined) return { tag: "span", attrs: { class: "refused-link" }, children };
  return { tag, attrs: { href, target: "_blank", rel: "noopener noreferrer" }, children };
}

/** "example.com/x" in a message is a link to http://example.com/x, as Telegram treats it. */
function withScheme(/** @type {string} */ url) {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
}
