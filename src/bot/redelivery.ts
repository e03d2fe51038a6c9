// Telegram redelivers an update when it thinks the bot did not get it (a slow webhook,
// a restart before getUpdates confirmed it). Each update_id is handled once.

/** update_ids seen in the last `ttlMs`, at most `max` of them. */
export class RecentUpdates {
  private readonly seenAt = new Map<number, number>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (within the window), false for a repeat. */
  firstTime(id: number): boolean {
    const now = this.now();
    const at = this.seenAt.get(id);
    if (at !== undefined && at > now - this.ttlMs) return false;
    this.seenAt.delete(id);
    this.seenAt.set(id, now);
    // Oldest first (insertion order): drop what is too old or too many.
    for (const [old, time] of this.seenAt) {
      if (this.seenAt.size <= this.max && time > now - this.ttlMs) break;
      this.seenAt.delete(old);
    }
    return true;
  }

  get size(): number {
    return this.seenAt.size;
  }
}
