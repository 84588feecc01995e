// An adaptive send pacer, one independent state per key (a workspace). Slack limits chat.postMessage
// per workspace with a token bucket that tolerates bursts and answers 429 with Retry-After above it;
// the limit is not published, so the pacer learns it. Plain TypeScript with time injected, so it is
// unit-tested on a simulated clock.
//
// Why it works this way:
// - Until a key has seen a 429 it grows fast (x1.5 per second): most workspaces never push back. The
//   first 429 comes late, because the server's burst allowance hides the limit while it drains, so the
//   rate that provoked it can be far above the limit: the first cut is deep (x0.7).
// - Each later 429 closes a window that opened at the previous one, when the server's bucket was
//   empty; since then it can have granted at most its rate times the window (the refill during the
//   Retry-After pause included). Successes over the window therefore do not overestimate the limit,
//   and match it when we kept sending above it. The pacer drops to that figure (within x0.5 to x0.95
//   of the provoking rate) and remembers it as the key's ceiling.
// - Above the ceiling it probes slowly, starting at x1.01 per second and speeding up the longer no 429
//   comes: a little over the limit costs only a rare 429, as the pause refills the bucket we then use,
//   while under it capacity is lost for good.
// - 429s that arrive while the key is paused answer sends made before the cut: they extend the pause
//   but do not cut again. The rate grows only while callers wait for it, so an idle key does not drift
//   up to a rate it never tried.

export interface PacerOptions {
  /** Milliseconds on any monotonic scale. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Sends per second for a key that has no history. */
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** Growth per second before the first 429 (slow start). */
  startupGrowth?: number;
  /** Growth per second just after a later 429; it speeds up the longer no 429 comes. */
  probeGrowth?: number;
}

export interface PacerKeyState {
  /** Sends per second allowed now. */
  readonly rate: number;
  /** The sustainable rate learned from 429s, or null before the first one. */
  readonly ceiling: number | null;
  /** Until when (on the pacer's clock) the key is paused after a 429; 0 when never. */
  readonly pausedUntil: number;
}

export interface RatePacer {
  /** Resolves when a send for `key` is allowed. Waiters are served in order. */
  acquire(key: string): Promise<void>;
  /** Slack answered 429: pause `key` for Retry-After and slow it down. Other keys are unaffected. */
  rateLimited(key: string, retryAfterSeconds: number): void;
  /** A send for `key` went through: the rate may grow. */
  succeeded(key: string): void;
  /** What the pacer believes about `key`, for metrics and tests. */
  state(key: string): PacerKeyState;
}

const FIRST_CUT = 0.7;
const DEEPEST_CUT = 0.5;
const SHALLOWEST_CUT = 0.95;
const LOOSE_ESTIMATE = 1.05;
/** A window shorter than this says too little to estimate a rate from. */
const MIN_WINDOW_MS = 500;
/** Releases may catch up this much when a timer fires late, so timer jitter does not cost throughput. */
const CATCH_UP_MS = 25;
/** The rate grows only if a caller had to wait for it this recently. */
const BUSY_WINDOW_MS = 1000;
const SEND_RATE_WINDOW_MS = 500;

interface KeyState {
  rate: number;
  ceiling: number | null;
  nextAt: number;
  pausedUntil: number;
  lastGrowthAt: number;
  lastWaitAt: number;
  /** Start of the estimation window: the last cut, or the key's first send. */
  windowStart: number;
  windowSuccesses: number;
  /** Recent release times (from `releasedHead` on), to measure the rate actually sent. */
  released: number[];
  releasedHead: number;
  waiters: (() => void)[];
  pumping: boolean;
}

export function createRatePacer(options: PacerOptions = {}): RatePacer {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const minRate = options.minRate ?? 1;
  const maxRate = options.maxRate ?? 1000;
  const initialRate = clamp(options.initialRate ?? 50, minRate, maxRate);
  const startupGrowth = options.startupGrowth ?? 1.5;
  const probeGrowth = options.probeGrowth ?? 1.01;
  const keys = new Map<string, KeyState>();

  function stateOf(key: string): KeyState {
    let s = keys.get(key);
    if (!s) {
      const t = now();
      s = {
        rate: initialRate,
        ceiling: null,
        nextAt: t,
        pausedUntil: 0,
        lastGrowthAt: t,
        lastWaitAt: -Infinity,
        windowStart: t,
        windowSuccesses: 0,
        released: [],
        releasedHead: 0,
        waiters: [],
        pumping: false,
      };
      keys.set(key, s);
    }
    return s;
  }

  /** How many sends were released in the last SEND_RATE_WINDOW_MS; drops older entries. */
  function sentRecently(s: KeyState, t: number): number {
    while (s.releasedHead < s.released.length && s.released[s.releasedHead]! <= t - SEND_RATE_WINDOW_MS) s.releasedHead += 1;
    if (s.releasedHead > 1024 && s.releasedHead * 2 > s.released.length) {
      s.released = s.released.slice(s.releasedHead);
      s.releasedHead = 0;
    }
    return s.released.length - s.releasedHead;
  }

  // One pump per key with waiters releases them at the key's pace; it re-reads the state after every
  // sleep, so a 429 or a new rate takes effect for callers already queued.
  async function pump(s: KeyState): Promise<void> {
    s.pumping = true;
    try {
      while (s.waiters.length > 0) {
        const t = now();
        const at = Math.max(s.nextAt, s.pausedUntil);
        if (at > t) {
          if (s.pausedUntil <= t) s.lastWaitAt = t;
          await sleep(at - t);
          continue;
        }
        s.nextAt = Math.max(s.nextAt, t - CATCH_UP_MS) + 1000 / s.rate;
        s.released.push(t);
        sentRecently(s, t);
        s.waiters.shift()!();
      }
    } finally {
      s.pumping = false;
    }
  }

  return {
    acquire(key) {
      const s = stateOf(key);
      return new Promise<void>((resolve) => {
        s.waiters.push(resolve);
        if (!s.pumping) void pump(s);
      });
    },

    rateLimited(key, retryAfterSeconds) {
      const s = stateOf(key);
      const t = now();
      // Slack's Retry-After is whole seconds; a missing or zero one still pauses for a second.
      const retryAfterMs = Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 1000;
      const alreadyPaused = t < s.pausedUntil;
      s.pausedUntil = Math.max(s.pausedUntil, t + retryAfterMs);
      s.nextAt = Math.max(s.nextAt, s.pausedUntil);
      s.lastGrowthAt = s.pausedUntil;
      if (alreadyPaused) return;

      const provoking = clamp(Math.min(s.rate, sentRecently(s, t) * (1000 / SEND_RATE_WINDOW_MS)), minRate, maxRate);
      const windowMs = t - s.windowStart;
      let next = provoking * FIRST_CUT;
      if (s.ceiling !== null && windowMs >= MIN_WINDOW_MS) {
        const granted = (s.windowSuccesses * 1000) / windowMs;
        // Granted well above the rate we resumed at: our own pace, not the server, held part of the
        // window back, so the limit lies somewhere between what was granted and what provoked the 429.
        const estimate = granted > s.ceiling * LOOSE_ESTIMATE ? (granted + provoking) / 2 : granted;
        next = clamp(estimate, provoking * DEEPEST_CUT, provoking * SHALLOWEST_CUT);
      }
      s.rate = clamp(next, minRate, maxRate);
      s.ceiling = s.rate;
      s.windowStart = t;
      s.windowSuccesses = 0;
    },

    succeeded(key) {
      const s = stateOf(key);
      const t = now();
      s.windowSuccesses += 1;
      if (t < s.pausedUntil) return;
      const elapsed = Math.min(t - s.lastGrowthAt, 1000);
      s.lastGrowthAt = t;
      if (elapsed <= 0 || t - s.lastWaitAt > BUSY_WINDOW_MS) return;
      // Probing speeds up the longer no 429 came, so a ceiling learned too low does not hold on for long.
      const sinceCut = (t - s.windowStart) / 1000;
      const exponent = s.ceiling === null ? Math.log(startupGrowth) : Math.log(probeGrowth) * (1 + sinceCut / 5);
      s.rate = clamp(s.rate * Math.exp(exponent * (elapsed / 1000)), minRate, maxRate);
    },

    state(key) {
      const s = keys.get(key);
      return s ? { rate: s.rate, ceiling: s.ceiling, pausedUntil: s.pausedUntil } : { rate: initialRate, ceiling: null, pausedUntil: 0 };
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
