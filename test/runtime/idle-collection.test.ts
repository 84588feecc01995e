import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../support/memory-logger.js';
import { IDLE_POLICY, idleCollectionDecider, startIdleCollection, type IdlePolicy } from '../../src/runtime/idle-collection.js';
import { REPO_ROOT } from '../support/app-process.js';

// Issue 17, idle RSS: after a load, the process gives back the young generation V8 grew for it once it
// has idled for half a minute. The decision is plain; the collection is V8's, checked in a fresh process.

const policy: IdlePolicy = { tickMs: 5_000, idleTicks: 3, idleBelow: 0.01, workMs: 1_000 };
const busy = { activeMs: 2_000, utilization: 0.4 };
const idle = { activeMs: 1, utilization: 0.0002 };

function feed(decide: (tick: { activeMs: number; utilization: number }) => boolean, ticks: { activeMs: number; utilization: number }[]): boolean[] {
  return ticks.map((tick) => decide(tick));
}

describe('when to collect', () => {
  it('collects once the loop has been idle for the whole idle spell after some work, and only once', () => {
    const decide = idleCollectionDecider(policy);
    expect(feed(decide, [busy, idle, idle, idle, idle, idle, idle])).toEqual([false, false, false, true, false, false, false]);
  });

  it('never collects in a process that has done no work worth it', () => {
    const decide = idleCollectionDecider(policy);
    expect(feed(decide, Array.from({ length: 50 }, () => idle))).not.toContain(true);
    // Work in small pieces adds up: a trickle of requests is work too.
    const trickle = idleCollectionDecider(policy);
    const ticks = Array.from({ length: 20 }, () => ({ activeMs: 60, utilization: 0.012 }));
    expect(feed(trickle, [...ticks, idle, idle, idle])).toEqual([...ticks.map(() => false), false, false, true]);
  });

  it('starts the idle spell again at a busy tick, and counts a tick at the threshold as busy', () => {
    const decide = idleCollectionDecider(policy);
    const edge = { activeMs: 50, utilization: 0.01 };
    expect(feed(decide, [busy, idle, idle, edge, idle, idle, busy, idle, idle, idle])).toEqual([false, false, false, false, false, false, false, false, false, true]);
  });

  it('collects again only after new work', () => {
    const decide = idleCollectionDecider(policy);
    expect(feed(decide, [busy, idle, idle, idle, idle, idle, idle, busy, idle, idle, idle])).toEqual([false, false, false, true, false, false, false, false, false, false, true]);
  });

  it("by default waits half a minute, longer than V8's 5 s measure of the allocation rate", () => {
    expect(IDLE_POLICY.tickMs * IDLE_POLICY.idleTicks).toBe(30_000);
    expect(IDLE_POLICY.idleBelow).toBe(0.01);
  });
});

describe('the idle collection in a running process', () => {
  const spin = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reads its own event loop: collects after busy work and a quiet spell, logs it at debug, and stops', async () => {
    const { logger, lines } = memoryLogger('debug');
    let collections = 0;
    const running = startIdleCollection(logger, { policy: { tickMs: 40, idleTicks: 3, idleBelow: 0.2, workMs: 40 }, collect: () => void (collections += 1) });
    try {
      await sleep(50);
      spin(80);
      for (let waited = 0; collections === 0 && waited < 5_000; waited += 20) await sleep(20);
      expect(collections).toBe(1);
      await sleep(300);
      expect(collections).toBe(1);
      expect(lines().find((line) => line.msg === 'idle: full collection')).toMatchObject({ level: 20 });
      spin(80);
      for (let waited = 0; collections === 1 && waited < 5_000; waited += 20) await sleep(20);
      expect(collections).toBe(2);
    } finally {
      running.stop();
    }
    spin(80);
    await sleep(400);
    expect(collections).toBe(2);
  });

  it('logs a collection that fails as a warning and keeps going', async () => {
    const { logger, lines } = memoryLogger('debug');
    const running = startIdleCollection(logger, {
      policy: { tickMs: 40, idleTicks: 2, idleBelow: 0.2, workMs: 25 },
      collect: () => {
        throw new Error('no');
      },
    });
    try {
      await sleep(50);
      spin(80);
      for (let waited = 0; !lines().some((line) => line.code === 'idle_collection_failed') && waited < 5_000; waited += 20) await sleep(20);
      expect(lines().find((line) => line.code === 'idle_collection_failed')).toMatchObject({ level: 40, msg: 'could not give memory back while idle' });
    } finally {
      running.stop();
    }
  });

  it("V8's full collection after 6 s of quiet shrinks the grown young generation, with no gc left on any global", () => {
    // A fresh process: the young generation is grown by objects that survive scavenges, then left idle
    // long enough for V8 to see a low allocation rate.
    const out = execFileSync(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        '--input-type=module',
        '-e',
        `
        import v8 from 'node:v8';
        import vm from 'node:vm';
        const { fullCollection } = await import('./dist/runtime/full-collection.js');
        const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
        let keep = new Array(50000);
        for (let i = 0; i < 3e6; i++) keep[i % keep.length] = { i, s: 'x' + i };
        const grown = young();
        keep = undefined;
        await new Promise((resolve) => setTimeout(resolve, 6000));
        fullCollection();
        const after = young();
        fullCollection();
        console.log(JSON.stringify({ grown, after, global: typeof globalThis.gc, other: vm.runInNewContext('typeof gc') }));
        process.exit(0);
        `,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const seen = JSON.parse(out.trim().split('\n').pop()!) as { grown: number; after: number; global: string; other: string };
    expect(seen.grown).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(seen.after).toBeLessThanOrEqual(seen.grown / 4);
    expect(seen.global).toBe('undefined');
    expect(seen.other).toBe('undefined');
  }, 70_000);
});
