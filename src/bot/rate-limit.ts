// Hit counter for @grammyjs/ratelimiter with a window per user that starts at the user's
// first question. (The plugin's own memory store clears every user at once every window,
// so a burst that straddles a clear got twice the limit and two notices.) It speaks the
// plugin's Redis interface: incr, and pexpire on the first hit of a window.

export class WindowStore {
  private readonly hits = new Map<string, { count: number; until: number }>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async incr(key: string): Promise<number> {
    const now = this.now();
    this.sweep(now);
    const entry = this.hits.get(key);
    if (!entry || entry.until <= now) {
      // The window ends when pexpire is called for this first hit.
      this.hits.set(key, { count: 1, until: Number.POSITIVE_INFINITY });
      return 1;
    }
    return ++entry.count;
  }

  async pexpire(key: string, milliseconds: number): Promise<number> {
    const entry = this.hits.get(key);
    if (!entry) return 0;
    entry.until = this.now() + milliseconds;
    return 1;
  }

  /** Users with a running window. */
  get size(): number {
    return this.hits.size;
  }

  /** Forgets ended windows, at most once a minute, so memory follows active users only. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    for (const [key, entry] of this.hits) if (entry.until <= now) this.hits.delete(key);
  }
}

/**
 * Paces one group's answers below Telegram's own limit (about 20 messages a minute per
 * group): over `limit` in a sliding `windowMs`, the next answer waits for a free slot
 * instead of being dropped. Slots are reserved in order, so queued answers keep theirs.
 */
export class GroupPace {
  private readonly slots = new Map<number, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reserves this group's next slot; how long to wait for it (0: now). */
  reserve(chat: number): number {
    const now = this.now();
    const taken = (this.slots.get(chat) ?? []).filter((at) => at > now - this.windowMs);
    const slot = taken.length < this.limit ? now : taken[taken.length - this.limit]! + this.windowMs;
    taken.push(slot);
    this.slots.set(chat, taken);
    // Forget quiet groups, so memory follows active ones only.
    if (this.slots.size > 1_000) {
      for (const [key, list] of this.slots) if (list[list.length - 1]! <= now - this.windowMs) this.slots.delete(key);
    }
    return slot - now;
  }
}
