import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger.js';
import { fullCollection } from './full-collection.js';
import { everyLoopTick, type LoopTick, type LoopTicks } from './loop-ticks.js';

// Issue 17, "idle RSS under 150 MiB": under load V8 grows the young generation to its largest (16 MiB a
// semi-space here) and every page of it becomes resident. Only a full collection at a low allocation
// rate gives those pages back, and since the app promotes so little (stop 39) no full collection comes
// under load to start V8's memory reducer: an idle process held 153-166 MiB a minute after a load, for
// minutes, where it started at 115-120. So the process watches its own event loop and, once it has been
// idle for a while after some work, asks V8 for one full collection (40-75 ms here, while nothing waits).

export interface IdlePolicy {
  /** How often the event loop's utilisation is read. */
  readonly tickMs: number;
  /** How many ticks in a row must each be idle before a collection. */
  readonly idleTicks: number;
  /** A tick is idle when the loop was busy for less than this share of it. */
  readonly idleBelow: number;
  /** Loop time spent working since the last collection (or the start) before another is worth it. */
  readonly workMs: number;
}

/**
 * Half a minute with the loop busy under 1 % of the time (the scheduler's minute tick and the outbox
 * poll use 0.01-0.3 %), after at least a second of work: a burst of requests, a round of check-ins.
 */
export const IDLE_POLICY: IdlePolicy = { tickMs: 5_000, idleTicks: 6, idleBelow: 0.01, workMs: 1_000 };

/**
 * The decision, plain: fed one reading a tick, says when to collect. At most one collection per spell of
 * work: after one, it waits for `workMs` of new work before the next.
 */
export function idleCollectionDecider(policy: IdlePolicy): (tick: LoopTick) => boolean {
  let workMs = 0;
  let idleInARow = 0;
  return (tick) => {
    workMs += tick.activeMs;
    idleInARow = tick.utilization < policy.idleBelow ? idleInARow + 1 : 0;
    if (idleInARow < policy.idleTicks || workMs < policy.workMs) return false;
    workMs = 0;
    return true;
  };
}

/** Reads the event loop every tick and collects when the decider says so. */
export function startIdleCollection(logger: Logger, options: { policy?: IdlePolicy; collect?: () => void } = {}): LoopTicks {
  const policy = options.policy ?? IDLE_POLICY;
  const collect = options.collect ?? fullCollection;
  const decide = idleCollectionDecider(policy);
  return everyLoopTick(policy.tickMs, (tick) => {
    if (!decide(tick)) return;
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapTotal;
    try {
      collect();
    } catch (error) {
      // Nothing depends on it: the process only keeps more memory than it needs.
      logger.warn({ err: error, code: 'idle_collection_failed' }, 'could not give memory back while idle');
      return;
    }
    const mib = (bytes: number) => Math.round(bytes / 104_857.6) / 10;
    logger.debug(
      { ms: Math.round(performance.now() - started), heapMiB: mib(heapBefore), heapAfterMiB: mib(process.memoryUsage().heapTotal) },
      'idle: full collection',
    );
  });
}
