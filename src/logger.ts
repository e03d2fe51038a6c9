// pino, with the bot token kept out of every line: grammY errors can carry request
// URLs such as https://api.telegram.org/bot<token>/sendMessage.
import pino, { type DestinationStream, type Level, type Logger } from "pino";

export type { Logger };
export type LogLevel = Level | "silent";

const REDACTED = "[redacted]";
// "bot123456:ABC…" inside URLs, and anything shaped like a token on its own.
const TOKEN_IN_URL = /\bbot\d+:[A-Za-z0-9_-]+/gi;
const TOKEN_ALONE = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/** The text with bot tokens (and the given secrets) replaced by "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let clean = text.replace(TOKEN_IN_URL, `bot${REDACTED}`).replace(TOKEN_ALONE, REDACTED);
  for (const secret of secrets) {
    if (secret.length >= 6) clean = clean.split(secret).join(REDACTED);
  }
  return clean;
}

/**
 * Keys that name a user or a chat (in a private chat the chat id is the user's id). grammY
 * errors carry the refused call's payload, so they reach logs unless dropped here.
 */
const IDENTITY_KEYS = new Set(["chat_id", "user_id", "from_chat_id", "migrate_to_chat_id", "migrate_from_chat_id", "chat", "from", "sender_chat", "user"]);

/** A deep copy of a log value with secrets and identities redacted; errors become plain objects. */
export function sanitize(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return sanitize(pino.stdSerializers.err(value), secrets, depth + 1);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, IDENTITY_KEYS.has(key) ? REDACTED : sanitize(item, secrets, depth + 1)]),
  );
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Exact strings to hide, e.g. the configured token and webhook secret. */
  secrets?: readonly string[];
  /** Where to write; stdout when omitted (tests pass a stream). */
  destination?: DestinationStream;
}

export function createLogger({ level = "info", secrets = [], destination }: LoggerOptions = {}): Logger {
  const serializeError = (error: unknown) => sanitize(error, secrets);
  return pino(
    {
      level,
      redact: {
        paths: ["token", "botToken", "*.token", "*.botToken", "config.webhookSecret", "headers.authorization"],
        censor: REDACTED,
      },
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (object) => sanitize(object, secrets) as Record<string, unknown> },
      hooks: {
        // Messages and interpolation arguments are strings pino writes as they are; a bare
        // error becomes { err } plus its (redacted) message, which pino would copy raw.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const withMessage =
            first instanceof Error && typeof rest[0] !== "string" ? [{ err: first }, first.message, ...rest] : args;
          const clean = withMessage.map((arg) => (typeof arg === "string" ? redactSecrets(arg, secrets) : arg));
          method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
