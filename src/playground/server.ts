// The playground's web server, on 127.0.0.1 only: the page and its files, a JSON API for
// what you do, and server-sent events for what the bot does.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type PlaygroundEvent, PlaygroundRefusal, type PlaygroundSession } from "./session.ts";

const PAGE_DIR = new URL("./page/", import.meta.url);
/** The only files served: name → content type. */
const FILES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "render.js": "text/javascript; charset=utf-8",
  "style.css": "text/css; charset=utf-8",
};
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const MAX_BODY_BYTES = 16 * 1024;
/** SSE comment lines keep idle connections from being closed along the way. */
const HEARTBEAT_MS = 20_000;

export interface PlaygroundServer {
  server: Server;
  close(): Promise<void>;
}

export async function startPlaygroundServer(session: PlaygroundSession, port: number): Promise<PlaygroundServer> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const refused = error instanceof PlaygroundRefusal;
      json(res, refused ? 400 : 500, { error: refused ? error.message : "خطأ داخلي في ساحة التجربة." });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Another site's page (DNS rebinding, a form post) must not drive the playground.
    const address = server.address();
    const ownPort = typeof address === "object" && address ? address.port : port;
    if (![`127.0.0.1:${ownPort}`, `localhost:${ownPort}`].includes(req.headers.host ?? "")) {
      return void json(res, 403, { error: "forbidden" });
    }
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (req.method === "GET") {
      if (path === "/api/state") return void json(res, 200, session.state());
      if (path === "/api/events") return openStream(res);
      const file = path === "/" ? "index.html" : path.slice(1);
      if (!Object.hasOwn(FILES, file)) return void json(res, 404, { error: "not found" });
      const body = await readFile(new URL(file, PAGE_DIR));
      res.writeHead(200, {
        "content-type": FILES[file]!,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": CSP,
      });
      return void res.end(body);
    }
    if (req.method !== "POST") return void json(res, 405, { error: "method not allowed" });
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return void json(res, 415, { error: "JSON only" });
    const body = await readJson(req);
    switch (path) {
      case "/api/send":
        session.send(tabOf(body, ["private", "group"]), text(body.text), Number(body.from), optionalNumber(body.replyTo));
        return void json(res, 200, { ok: true });
      case "/api/press":
        session.press(tabOf(body, ["private", "group", "inline"]), Number(body.messageId), text(body.data));
        return void json(res, 200, { ok: true });
      case "/api/group/open":
        session.openGroup();
        return void json(res, 200, { ok: true });
      case "/api/inline":
        return void json(res, 200, await session.inlineQuery(text(body.query)));
      case "/api/inline/pick":
        session.pickInline(text(body.queryId), text(body.resultId));
        return void json(res, 200, { ok: true });
      default:
        return void json(res, 404, { error: "not found" });
    }
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    const send = (event: PlaygroundEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = session.subscribe(send);
    const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
    streams.add(res);
    res.once("close", () => {
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PlaygroundRefusal("الطلب أكبر من المسموح.");
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new PlaygroundRefusal("طلب غير مفهوم.");
}

function tabOf<T extends string>(body: Record<string, unknown>, tabs: readonly T[]): T {
  if (tabs.includes(body.tab as T)) return body.tab as T;
  throw new PlaygroundRefusal("تبويب غير معروف.");
}

function text(value: unknown): string {
  if (typeof value !== "string") throw new PlaygroundRefusal("طلب غير مفهوم.");
  return value;
}

function optionalNumber(value: unknown): number | undefined {
  return value === undefined || value === null ? undefined : Number(value);
}
