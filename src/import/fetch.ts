// http(s) sources: fetched once, with a size cap and a timeout, decoded by their charset.
import type { ImportedArticle } from "./types.ts";
import { extractHtml } from "./html.ts";
import { extractText } from "./text.ts";

const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export class FetchError extends Error {
  override name = "FetchError";
}

export async function fetchArticle(url: string): Promise<ImportedArticle> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: "follow",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9", "user-agent": "arabic-qa-bot importer" },
    });
  } catch (error) {
    // undici says "fetch failed"; the reason (refused, not found, timed out) is its cause.
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new FetchError(`${url}: could not fetch (${cause}).`);
  }
  if (!response.ok) throw new FetchError(`${url}: the server answered ${response.status} ${response.statusText}.`);
  const type = response.headers.get("content-type") ?? "";
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new FetchError(`${url}: the page is over ${MAX_BYTES / 1024 / 1024} MB; save the article's text to a file and import that.`);
  const charset = /charset=["']?([\w-]+)/i.exec(type)?.[1] ?? "utf-8";
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    text = new TextDecoder("utf-8").decode(bytes);
  }
  if (/text\/plain/i.test(type)) return extractText(text);
  if (!/html|xml/i.test(type) && !/^\s*</.test(text)) throw new FetchError(`${url}: not a web page (${type || "no content type"}).`);
  return extractHtml(text, response.url || url);
}
