// Flood control under the real polling loop: one user spamming 50 messages in 5 seconds
// gets the limit's answers and ONE polite notice; everyone else is served as before.
import { limit } from "@grammyjs/ratelimiter";
import type { Context } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { WindowStore } from "../src/bot/rate-limit.ts";
import { texts } from "../src/bot/texts.ts";
import { answerTo, type PollingBot, sendsTo, sleep, startPollingBot, waitUntil } from "./support/polling-bot.ts";

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";
const SPAMMER = 666;
const LIMIT = 5; // the bot's default: 5 questions per user per 10 s

let b: PollingBot | undefined;
afterEach(async () => {
  await b?.stop();
  b = undefined;
});

/** Asks from `user` and resolves with the time until the accepted answer arrived. */
async function timedQuestion(bot: PollingBot, user: number): Promise<number> {
  const mark = bot.fake.calls.length;
  const sentAt = Date.now();
  bot.fake.sendPrivateText(user, QUESTION);
  const answer = await answerTo(bot.fake, user, mark);
  return answer.at - sentAt;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

describe("a user spamming 50 messages in 5 seconds (default limit, real polling)", () => {
  it("gets 5 answers and one notice; other users' latency is unaffected", async () => {
    b = await startPollingBot();
    const bot = b;
    let nextUser = 2000;

    // Baseline: other users' latency with nobody spamming.
    const baseline: number[] = [];
    for (let round = 0; round < 5; round++) {
      baseline.push(...(await Promise.all([0, 1, 2, 3].map(() => timedQuestion(bot, nextUser++)))));
    }

    const mark = bot.fake.calls.length;
    const spamDone = (async () => {
      for (let i = 0; i < 50; i++) {
        bot.fake.sendPrivateText(SPAMMER, `${QUESTION} ${i}`);
        await sleep(100);
      }
    })();
    const during: number[] = [];
    const others: number[] = [];
    const othersDone = (async () => {
      for (let round = 0; round < 10; round++) {
        const users = [0, 1, 2, 3].map(() => nextUser++);
        others.push(...users);
        during.push(...(await Promise.all(users.map((user) => timedQuestion(bot, user)))));
        await sleep(400);
      }
    })();
    await Promise.all([spamDone, othersDone]);
    await waitUntil(() => sendsTo(bot.fake, SPAMMER, mark).length >= LIMIT + 1, 10_000, "the spammer's replies");
    await sleep(300); // anything more would be a bug

    const spammerTexts = sendsTo(bot.fake, SPAMMER, mark).map((call) => String(call.params.text));
    expect(spammerTexts).toHaveLength(LIMIT + 1);
    expect(spammerTexts.slice(0, LIMIT).every((text) => text.includes("<blockquote>"))).toBe(true);
    expect(spammerTexts[LIMIT]).toBe(texts.rateLimited);
    for (const user of others) expect(sendsTo(bot.fake, user, mark)).toHaveLength(1);

    // Generous on a shared machine: a spammer must not make others wait noticeably longer.
    const [before, after] = [percentile(baseline, 0.9), percentile(during, 0.9)];
    expect(after, `p90 ${before} ms before, ${after} ms during the spam`).toBeLessThanOrEqual(5 * before + 250);
    expect(b.logs.atLeast(40)).toEqual([]);
  }, 30_000);
});

describe("WindowStore: a window per user, from their first question", () => {
  it("50 hits over 5 s pass the limit once and notify once, wherever the clock stands", async () => {
    for (const start of [0, 7_000, 9_999, 123_456]) {
      let now = start;
      const passed: number[] = [];
      let notices = 0;
      const middleware = limit<Context, WindowStore>({
        timeFrame: 10_000,
        limit: LIMIT,
        storageClient: new WindowStore(() => now),
        keyGenerator: () => "user",
        onLimitExceeded: () => void notices++,
      });
      for (let i = 0; i < 50; i++) {
        await middleware({} as Context, async () => void passed.push(i));
        now += 100;
      }
      expect(passed).toEqual([0, 1, 2, 3, 4]);
      expect(notices).toBe(1);
      // 10 s after the first hit the window is over.
      now = start + 10_000;
      await middleware({} as Context, async () => void passed.push(99));
      expect(passed.at(-1)).toBe(99);
    }
  });

  it("keeps users apart and forgets ended windows", async () => {
    let now = 0;
    const store = new WindowStore(() => now);
    for (let user = 0; user < 1000; user++) {
      expect(await store.incr(`u${user}`)).toBe(1);
      await store.pexpire(`u${user}`, 10_000);
    }
    expect(await store.incr("u1")).toBe(2);
    expect(store.size).toBe(1000);
    now = 70_000; // past every window and the sweep interval
    expect(await store.incr("u1")).toBe(1);
    expect(store.size).toBe(1);
  });
});
