// Start-up configuration and keeping the token out of logs and errors.
import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { createLogger, redactSecrets, sanitize } from "../src/logger.ts";
import { FakeTelegram } from "../src/playground/fake-telegram.ts";

const TOKEN = "7012345678:AAHk3v_Qx-9bYzT4mN2pLc8rWs6dFgJhKeQ";

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("reads a minimal polling configuration with defaults", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toEqual({
      botToken: TOKEN,
      knowledgeDir: "./knowledge",
      logLevel: "info",
      mode: "polling",
      questionLog: { dataDir: "./data", enabled: true, retentionDays: 90 },
      adminUserIds: [],
    });
  });

  it("without a token on a developer machine, runs the playground on PORT (8080 by default)", () => {
    for (const env of [{}, { BOT_TOKEN: "" }, { BOT_TOKEN: "   " }, { BOT_MODE: "polling" }] as Array<Record<string, string>>) {
      expect(loadConfig(env)).toEqual({
        mode: "playground",
        knowledgeDir: "./knowledge",
        logLevel: "info",
        port: 8080,
        questionLog: { dataDir: "./data", enabled: true, retentionDays: 90 },
        adminUserIds: [],
      });
    }
    expect(loadConfig({ PORT: "9000", KNOWLEDGE_DIR: "./mine" })).toMatchObject({ mode: "playground", port: 9000, knowledgeDir: "./mine" });
    expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "playground" })).toMatchObject({ mode: "playground" });
    expect(configError({ PORT: "0" }).message).toContain("PORT");
  });

  it("with BOT_MODE=webhook or NODE_ENV=production, a missing token stays fatal and says how to get one", () => {
    const envs: Array<Record<string, string>> = [
      { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.com/t", WEBHOOK_SECRET: "s3cret" },
      { NODE_ENV: "production" },
      { NODE_ENV: "production", BOT_MODE: "polling", BOT_TOKEN: " " },
    ];
    for (const env of envs) {
      const { message } = configError(env);
      expect(message).toContain("BOT_TOKEN is missing");
      expect(message).toContain("@BotFather");
      expect(message).toContain(".env");
    }
    expect(configError({ NODE_ENV: "production", BOT_MODE: "playground" }).message).toContain("BOT_MODE=playground");
  });

  it.each([
    "not-a-token",
    "7012345678AAHk3v_Qx-9bYzT4mN2pLc8rWs6dFgJhKeQ",
    `bot${TOKEN}`,
    `"${TOKEN}"`,
    "7012345678:short",
    "7012345678:AAHk3v Qx 9bYzT4mN2pLc8rWs6dFgJhKeQ",
    "123456789:replace-me",
  ])("a malformed token (%s) is refused without echoing it", (token) => {
    const { message } = configError({ BOT_TOKEN: token });
    expect(message).toContain("BOT_TOKEN is malformed");
    expect(message).toContain("@BotFather");
    expect(message).toContain(".env");
    expect(message).not.toContain(token);
    expect(message).not.toContain("AAHk3v");
  });

  it("reads webhook settings and the API root", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.com/telegram",
      WEBHOOK_SECRET: "s3cret_value-1",
      PORT: "3000",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      LOG_LEVEL: "DEBUG",
      KNOWLEDGE_DIR: "/data/knowledge",
    });
    expect(config).toEqual({
      botToken: TOKEN,
      knowledgeDir: "/data/knowledge",
      logLevel: "debug",
      mode: "webhook",
      webhook: { url: "https://bot.example.com/telegram", secret: "s3cret_value-1", port: 3000 },
      apiRoot: "http://127.0.0.1:8081",
      questionLog: { dataDir: "./data", enabled: true, retentionDays: 90 },
      adminUserIds: [],
    });
  });

  it("reads the question log and admin settings, and refuses malformed ones", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN, DATA_DIR: "/var/lib/bot", LOG_QUESTIONS: "false", LOG_RETENTION_DAYS: "30", ADMIN_USER_IDS: "123456789, 42" });
    expect(config.questionLog).toEqual({ dataDir: "/var/lib/bot", enabled: false, retentionDays: 30 });
    expect(config.adminUserIds).toEqual([123456789, 42]);
    const { message } = configError({ BOT_TOKEN: TOKEN, LOG_QUESTIONS: "maybe", LOG_RETENTION_DAYS: "0", ADMIN_USER_IDS: "123,@someone" });
    expect(message).toContain("LOG_QUESTIONS");
    expect(message).toContain("LOG_RETENTION_DAYS");
    expect(message).toMatch(/ADMIN_USER_IDS .*"@someone"/);
  });

  it("lists every webhook problem at once", () => {
    const { message } = configError({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://x.example", WEBHOOK_SECRET: "bad secret!", PORT: "99999" });
    expect(message).toContain("WEBHOOK_URL");
    expect(message).toContain("WEBHOOK_SECRET");
    expect(message).toContain("PORT");
    expect(message).not.toContain(TOKEN);
  });

  it("refuses unknown modes, log levels and API roots", () => {
    expect(configError({ BOT_TOKEN: TOKEN, BOT_MODE: "push" }).message).toContain("BOT_MODE");
    expect(configError({ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }).message).toContain("LOG_LEVEL");
    expect(configError({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" }).message).toContain("TELEGRAM_API_ROOT");
  });
});

describe("token redaction", () => {
  it("redacts tokens in request URLs and on their own, and given secrets", () => {
    const url = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
    expect(redactSecrets(`request to ${url} failed`)).toBe("request to https://api.telegram.org/bot[redacted]/sendMessage failed");
    expect(redactSecrets(`token=${TOKEN}`)).toBe("token=[redacted]");
    expect(redactSecrets("weird-secret-123 here", ["weird-secret-123"])).toBe("[redacted] here");
    expect(redactSecrets("nothing secret")).toBe("nothing secret");
  });

  it("sanitizes nested errors (grammY's HttpError keeps the fetch error, whose message has the URL)", () => {
    const inner = new Error(`request to http://127.0.0.1:9/bot${TOKEN}/getUpdates failed, reason: socket hang up`);
    const error = new HttpError("Network request for 'getUpdates' failed!", inner);
    const clean = JSON.stringify(sanitize({ err: error }));
    expect(clean).not.toContain(TOKEN);
    expect(clean).toContain("bot[redacted]/getUpdates");
  });

  it("drops user and chat identities, such as the payload a refused call carries", () => {
    const refused = Object.assign(new Error("Call to 'sendMessage' failed! (403: Forbidden: bot was blocked by the user)"), {
      method: "sendMessage",
      payload: { chat_id: 987654321, text: "جواب", reply_parameters: { message_id: 5 } },
    });
    const clean = JSON.stringify(sanitize({ err: refused, update: { message: { from: { id: 987654321 }, chat: { id: 987654321 } } } }));
    expect(clean).not.toContain("987654321");
    expect(clean).toContain("sendMessage");
    expect(clean).toContain("bot was blocked by the user");
  });

  it("the logger never prints the token: messages, errors, stacks, nested fields", () => {
    let output = "";
    const destination = new Writable({
      write(chunk, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: "trace", secrets: [TOKEN], destination });
    const url = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
    const httpError = new HttpError("Network request for 'sendMessage' failed!", new Error(`request to ${url} failed`));
    logger.error({ err: httpError }, "send failed");
    logger.error(new Error(`boom at ${url}`));
    logger.warn({ request: { url }, token: TOKEN, nested: { error: new Error(url) } }, `calling ${url}`);
    logger.info("token is %s", TOKEN);
    const grammyError = new GrammyError(`Call to 'sendMessage' failed! (${url})`, { ok: false, error_code: 400, description: url }, "sendMessage", {});
    logger.error({ err: grammyError }, "api error");

    expect(output.split("\n").filter(Boolean)).toHaveLength(5);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(":")[1]);
    expect(output).toContain("[redacted]");
    expect(output).toContain("send failed");
  });
});

describe("starting with a bad token", () => {
  it("stops before connecting, says where to get a token and where to put it, never echoes it", async () => {
    const fake = await FakeTelegram.start();
    const badToken = "7012345678:AAHk3v_Qx-9bYzT4mN2pLc8rWs6dFgJhKeQ!";
    try {
      const root = fileURLToPath(new URL("..", import.meta.url));
      const child = spawn(`${root}node_modules/.bin/tsx`, ["src/main.ts"], {
        cwd: root,
        env: { ...process.env, BOT_TOKEN: badToken, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "polling" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(output).toContain("@BotFather");
      expect(output).toContain(".env");
      expect(output).not.toContain("AAHk3v");
      expect(fake.calls).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
