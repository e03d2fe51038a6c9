// Configuration from the environment (and .env, loaded by main.ts), validated once at
// start-up. Errors say what to fix and never echo the token.
import type { LogLevel } from "./logger.ts";

export interface WebhookConfig {
  /** Public HTTPS address Telegram posts updates to. */
  url: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  port: number;
}

/** How the bot reaches Telegram (or the playground's emulator). */
export interface TelegramConnection {
  botToken: string;
  /** Bot API server root, e.g. a self-hosted server; Telegram's when undefined. */
  apiRoot?: string;
}

export interface QuestionLogConfig {
  /** Holds the question log and its salt; created on start. */
  dataDir: string;
  enabled: boolean;
  retentionDays: number;
}

interface CommonConfig {
  knowledgeDir: string;
  logLevel: LogLevel;
  questionLog: QuestionLogConfig;
  /** Telegram user ids allowed to add articles and read the log from a private chat. */
  adminUserIds: number[];
}

export interface PollingConfig extends CommonConfig, TelegramConnection {
  mode: "polling";
}

export interface WebhookModeConfig extends CommonConfig, TelegramConnection {
  mode: "webhook";
  webhook: WebhookConfig;
}

/** No token on a developer machine: the bot talks to an in-process emulator behind a local web page. */
export interface PlaygroundConfig extends CommonConfig {
  mode: "playground";
  /** The page's port on 127.0.0.1. */
  port: number;
}

export type Config = PollingConfig | WebhookModeConfig | PlaygroundConfig;

export class ConfigError extends Error {
  override name = "ConfigError";
}

const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
// 123456789:AAE… — digits, a colon, then Telegram's base64url-ish secret part.
const TOKEN_SHAPE = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;
const SECRET_SHAPE = /^[A-Za-z0-9_-]{1,256}$/;
const WHERE_TO_GET_IT =
  "Create a bot with @BotFather in Telegram (send /newbot, or /mybots → your bot → API Token to see an existing one), " +
  "then put the token in .env as BOT_TOKEN=<token> (run `cp .env.example .env` first if you have no .env).";

/**
 * Reads and checks every setting; throws one ConfigError listing all problems.
 * Without a token the playground runs, except for a webhook or NODE_ENV=production: a server
 * must never turn into an open playground because its token went missing.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;

  const botToken = value("BOT_TOKEN");
  const requestedMode = value("BOT_MODE")?.toLowerCase();
  const production = value("NODE_ENV")?.toLowerCase() === "production";
  const mode = requestedMode ?? (botToken || production ? "polling" : "playground");
  const playground = mode === "playground" || (mode === "polling" && !botToken && !production);

  if (!playground) {
    if (!botToken) problems.push(`BOT_TOKEN is missing. ${WHERE_TO_GET_IT}`);
    else if (!TOKEN_SHAPE.test(botToken)) {
      problems.push(
        `BOT_TOKEN is malformed: a token looks like 123456789:AAH… (digits, a colon, then about 35 letters, digits, "-" or "_"; no quotes, no "bot" prefix). ${WHERE_TO_GET_IT}`,
      );
    }
  }
  if (mode === "playground" && production) problems.push("BOT_MODE=playground is for a developer machine, not NODE_ENV=production.");

  const logLevel = (value("LOG_LEVEL") ?? "info").toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.`);

  const apiRoot = value("TELEGRAM_API_ROOT")?.replace(/\/+$/, "");
  if (apiRoot !== undefined && !isHttpUrl(apiRoot)) {
    problems.push("TELEGRAM_API_ROOT must be an http(s) address, e.g. http://127.0.0.1:8081.");
  }

  const port = Number(value("PORT") ?? "8080");
  const portOk = Number.isInteger(port) && port >= 1 && port <= 65535;
  let webhook: WebhookConfig | undefined;
  if (mode === "webhook") {
    const url = value("WEBHOOK_URL");
    const secret = value("WEBHOOK_SECRET");
    // Telegram's own servers only deliver to HTTPS; a self-hosted Bot API server may use http.
    const urlOk = url !== undefined && (apiRoot ? isHttpUrl(url) : url.startsWith("https://") && isHttpUrl(url));
    if (!urlOk) problems.push("WEBHOOK_URL must be the public https:// address Telegram will post updates to.");
    if (!secret || !SECRET_SHAPE.test(secret)) {
      problems.push('WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, "_" or "-" (e.g. from `openssl rand -hex 32`).');
    }
    if (urlOk && secret && SECRET_SHAPE.test(secret)) webhook = { url: url!, secret, port };
  } else if (mode !== "polling" && mode !== "playground") {
    problems.push('BOT_MODE must be "polling" (the default), "webhook" or "playground".');
  }
  if ((mode === "webhook" || playground) && !portOk) problems.push("PORT must be a number from 1 to 65535.");

  const logQuestions = (value("LOG_QUESTIONS") ?? "true").toLowerCase();
  if (!["true", "false", "1", "0", "yes", "no", "on", "off"].includes(logQuestions)) problems.push('LOG_QUESTIONS must be "true" (the default) or "false".');
  const retentionDays = Number(value("LOG_RETENTION_DAYS") ?? "90");
  if (!Number.isInteger(retentionDays) || retentionDays < 1) problems.push("LOG_RETENTION_DAYS must be a whole number of days, 1 or more (default 90).");
  const adminIds = (value("ADMIN_USER_IDS") ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  const badAdmin = adminIds.filter((id) => !/^[1-9]\d{0,15}$/.test(id));
  if (badAdmin.length > 0) {
    problems.push(`ADMIN_USER_IDS must be Telegram user ids (numbers) separated by commas; not a user id: ${badAdmin.map((id) => `"${id.slice(0, 20)}"`).join(", ")}. @userinfobot tells you yours.`);
  }

  if (problems.length > 0) {
    throw new ConfigError(`Configuration problem${problems.length > 1 ? "s" : ""}:\n- ${problems.join("\n- ")}`);
  }
  const common = {
    knowledgeDir: value("KNOWLEDGE_DIR") ?? "./knowledge",
    logLevel,
    questionLog: { dataDir: value("DATA_DIR") ?? "./data", enabled: ["true", "1", "yes", "on"].includes(logQuestions), retentionDays },
    adminUserIds: adminIds.map(Number),
  };
  if (playground) return { mode: "playground", ...common, port };
  const connection = { botToken: botToken!, ...(apiRoot && { apiRoot }) };
  if (webhook) return { mode: "webhook", ...common, ...connection, webhook };
  return { mode: "polling", ...common, ...connection };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
