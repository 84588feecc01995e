// A small per-process cache of reads that stay good for a while (issue 17: /peer help's initiatives;
// issue 19: a person's language). Entries are promises, so concurrent callers share one read; a failed
// read is not kept; the least recently read go first beyond `maxEntries`. No Slack or Prisma here: the
// read is injected, and the clock too (the app's Clock in the app, a monotonic clock by default).

export interface FreshCacheOptions<T> {
  /** How a missing or stale key is read, unless `get` is given its own read. */
  read?: (key: string) => Promise<T>;
  /** How long a read stays good, in ms. */
  freshMs: number;
  /** Keys kept at most; the least recently read go first. */
  maxEntries: number;
  /** The time in ms. */
  now?: () => number;
}

export class FreshCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private readonly now: () => number;

  constructor(private readonly options: FreshCacheOptions<T>) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The value: from memory while fresh, else read once (concurrent callers share the read). */
  get(key: string, read: ((key: string) => Promise<T>) | undefined = this.options.read): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.options.freshMs) {
      // Most recently read last: the first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    if (!read) throw new Error('FreshCache: no read for a missing key');
    const value = read(key);
    // A failed read is not kept: the next caller reads again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Read afresh next time (the value changed here, or must be forgotten). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
