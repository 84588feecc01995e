import { describe, expect, it } from 'vitest';
import { createRatePacer, type PacerOptions, type RatePacer } from '../../src/slack/pacer.js';

// The pacer runs on a simulated clock: sleeps are timers in a queue and time jumps to the next one once
// every promise has settled, so 50 simulated seconds take a fraction of a real one.

function simulatedClock() {
  let current = 0;
  let seq = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => current,
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const timer = { at: current + Math.max(ms, 0), seq: seq++, resolve };
        let i = timers.length;
        while (i > 0 && (timers[i - 1]!.at > timer.at || (timers[i - 1]!.at === timer.at && timers[i - 1]!.seq > timer.seq))) i -= 1;
        timers.splice(i, 0, timer);
      });
    },
    /** Fires timers in order until none is due at or before `end`, then sets the time to `end`. */
    async runUntil(end: number): Promise<void> {
      for (;;) {
        await settle();
        const next = timers[0];
        if (!next || next.at > end) {
          current = Math.max(current, end);
          return;
        }
        timers.shift();
        current = next.at;
        next.resolve();
      }
    },
  };
}

type Clock = ReturnType<typeof simulatedClock>;

/** Slack's limiter as a token bucket: `rate` per second, `burst` at most, 429 when empty. */
function tokenBucketServer(clock: Clock, rate: number, burst: number) {
  let tokens = burst;
  let last = clock.now();
  return {
    take(): boolean {
      const t = clock.now();
      tokens = Math.min(burst, tokens + ((t - last) * rate) / 1000);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

interface RunResult {
  successes: number;
  rateLimited: number;
}

/** `senders` virtual senders send to `key` as fast as the pacer lets them, each send taking `latencyMs`. */
function startSenders(opts: {
  clock: Clock;
  pacer: RatePacer;
  key: string;
  senders: number;
  latencyMs: number;
  endMs: number;
  take: () => boolean;
  retryAfterSeconds?: number;
  onSuccess?: (at: number) => void;
}): RunResult {
  const result: RunResult = { successes: 0, rateLimited: 0 };
  const { clock, pacer, key, endMs } = opts;
  const one = async () => {
    while (clock.now() < endMs) {
      await pacer.acquire(key);
      if (clock.now() >= endMs) return;
      await clock.sleep(opts.latencyMs / 2);
      const ok = opts.take();
      await clock.sleep(opts.latencyMs / 2);
      if (ok) {
        pacer.succeeded(key);
        result.successes += 1;
        opts.onSuccess?.(clock.now());
      } else {
        pacer.rateLimited(key, opts.retryAfterSeconds ?? 1);
        result.rateLimited += 1;
      }
    }
  };
  for (let i = 0; i < opts.senders; i += 1) void one();
  return result;
}

async function simulate(server: { rate: number; burst: number }, pacerOptions: PacerOptions = {}, seconds = 50) {
  const clock = simulatedClock();
  const pacer = createRatePacer({ now: clock.now, sleep: clock.sleep, ...pacerOptions });
  const bucket = tokenBucketServer(clock, server.rate, server.burst);
  const endMs = seconds * 1000;
  const result = startSenders({ clock, pacer, key: 'T1', senders: 16, latencyMs: 20, endMs, take: bucket.take });
  await clock.runUntil(endMs + 1000);
  return { ...result, perSecond: result.successes / seconds, pacer };
}

describe('rate pacer', () => {
  it('sustains at least 95 % of a token-bucket limit of 200/s over 50 s with only a handful of 429s', async () => {
    const run = await simulate({ rate: 200, burst: 200 });
    console.info(`simulated 200/s, burst 200: ${run.perSecond.toFixed(1)}/s sent, ${run.rateLimited} answers were 429`);
    expect(run.perSecond).toBeGreaterThanOrEqual(0.95 * 200);
    expect(run.rateLimited).toBeLessThanOrEqual(15);
    // It learned the limit, not the rate the burst allowance let it reach first.
    expect(run.pacer.state('T1').ceiling).toBeGreaterThan(180);
    expect(run.pacer.state('T1').ceiling).toBeLessThan(220);
  });

  it('finds a lower limit from the same default start', async () => {
    const run = await simulate({ rate: 50, burst: 50 });
    expect(run.perSecond).toBeGreaterThanOrEqual(0.95 * 50);
    expect(run.rateLimited).toBeLessThanOrEqual(15);
  });

  it('grows x1.5 per second from the initial rate while no 429 has been seen', async () => {
    const clock = simulatedClock();
    const pacer = createRatePacer({ now: clock.now, sleep: clock.sleep, initialRate: 50 });
    startSenders({ clock, pacer, key: 'T1', senders: 16, latencyMs: 20, endMs: 2000, take: () => true });
    await clock.runUntil(2000);
    expect(pacer.state('T1').rate).toBeGreaterThan(50 * 1.5 ** 2 * 0.9);
    expect(pacer.state('T1').rate).toBeLessThan(50 * 1.5 ** 2 * 1.1);
  });

  it('pauses only the rate-limited key: a 429 on one workspace does not delay another', async () => {
    const clock = simulatedClock();
    const pacer = createRatePacer({ now: clock.now, sleep: clock.sleep });
    const released: string[] = [];
    const take = (key: string) => pacer.acquire(key).then(() => released.push(`${key}@${clock.now()}`));

    await Promise.all([take('A'), take('B')]);
    pacer.rateLimited('A', 30);
    void take('A');
    void take('B');
    await clock.runUntil(100);
    expect(released).toEqual(['A@0', 'B@0', 'B@20']);

    await clock.runUntil(40_000);
    expect(released).toEqual(['A@0', 'B@0', 'B@20', 'A@30000']);
    expect(pacer.state('A').pausedUntil).toBe(30_000);
    expect(pacer.state('B')).toEqual({ rate: 50, ceiling: null, pausedUntil: 0 });
  });

  it('cuts once per 429 episode: answers to sends made before the pause only extend it', async () => {
    const clock = simulatedClock();
    const pacer = createRatePacer({ now: clock.now, sleep: clock.sleep, initialRate: 100 });
    const sent = Promise.all(Array.from({ length: 10 }, () => pacer.acquire('T1')));
    await clock.runUntil(200);
    await sent;
    pacer.rateLimited('T1', 1);
    const afterFirst = pacer.state('T1').rate;
    expect(afterFirst).toBeLessThan(100);
    pacer.rateLimited('T1', 2);
    pacer.rateLimited('T1', 1);
    expect(pacer.state('T1').rate).toBe(afterFirst);
    expect(pacer.state('T1').pausedUntil).toBe(200 + 2000);
  });

  it('lets the rate grow back after a 429, slowly above the learned ceiling', async () => {
    const clock = simulatedClock();
    const pacer = createRatePacer({ now: clock.now, sleep: clock.sleep });
    const bucket = tokenBucketServer(clock, 200, 200);
    let open = false;
    startSenders({ clock, pacer, key: 'T1', senders: 16, latencyMs: 20, endMs: 40_000, take: () => open || bucket.take() });
    await clock.runUntil(15_000);
    const learned = pacer.state('T1');
    expect(learned.ceiling).not.toBeNull();

    // Slack raises no more 429s (another app stopped sharing the limit, say): the pacer speeds up again.
    open = true;
    const before = pacer.state('T1').rate;
    await clock.runUntil(25_000);
    const after = pacer.state('T1').rate;
    expect(after).toBeGreaterThan(before * 1.1);
    expect(after).toBeLessThan(before * 1.5 ** 10);
    expect(pacer.state('T1').ceiling).toBe(learned.ceiling);
  });
});
