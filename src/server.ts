// Webhook mode: a plain node:http server that does the HTTP hygiene first — secret header,
// method, body size, JSON — then answers Telegram at once and handles the update after.
// (An answer that waits for a slow send makes Telegram resend the update; the bot drops
// repeated update_ids anyway, see redelivery.ts.)
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "./logger.ts";

export interface WebhookServerOptions {
  secretToken: string;
  logger: Logger;
  /** Only this path accepts updates (the path of WEBHOOK_URL); any path when undefined. */
  path?: string;
  /** Telegram's updates are a few kB; anything much bigger is not from Telegram. */
  maxBodyBytes?: number;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

export interface WebhookServer extends Server {
  /** Resolves once no accepted update is being handled any more (for a graceful stop). */
  drain(): Promise<void>;
}

export function createWebhookServer(bot: Bot, options: WebhookServerOptions): WebhookServer {
  const { secretToken, logger, path, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const handling = new Set<Promise<void>>();
  const handleLater = (update: Update) => {
    const work = bot.handleUpdate(update).catch((error: unknown) => {
      // The bot's error boundary has logged feature errors; this is the rest.
      logger.error({ err: error, update: update.update_id }, "webhook update failed");
    });
    handling.add(work);
    void work.finally(() => handling.delete(work));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed", { allow: "GET, HEAD" });
      return send(res, 200, "ok");
    }
    if (path !== undefined && url.pathname !== path) return send(res, 404, "not found");
    if (req.method !== "POST") return send(res, 405, "method not allowed", { allow: "POST" });
    if (!secretMatches(req.headers[SECRET_HEADER], secretToken)) return send(res, 401, "unauthorized");

    let update: Update;
    try {
      update = JSON.parse(await readBody(req, maxBodyBytes)) as Update;
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(res, 413, "payload too large", { connection: "close" });
      return send(res, 400, "invalid JSON");
    }
    if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
      return send(res, 400, "not a Telegram update");
    }
    send(res, 200, "");
    handleLater(update);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Still 200: a 5xx would make Telegram redeliver the same failing update again and again.
      logger.error({ err: error }, "webhook request failed");
      if (!res.headersSent) send(res, 200, "");
    });
  });
  return Object.assign(server, {
    async drain() {
      while (handling.size > 0) await Promise.allSettled([...handling]);
    },
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? header[0] ?? "" : header ?? "");
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The request body as text; rejects with BodyTooLarge past `limit` bytes (and stops reading). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
