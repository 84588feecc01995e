import { performance } from 'node:perf_hooks';

// How busy the event loop was, tick by tick: what the idle collection (idle-collection.ts)
// decides on. One `eventLoopUtilization()` a tick, on a timer that keeps nobody alive.

/** One tick's reading: how long the loop was busy and the share of the tick that was. */
export interface LoopTick {
  readonly activeMs: number;
  readonly utilization: number;
}

export interface LoopTicks {
  stop(): void;
}

export function everyLoopTick(tickMs: number, onTick: (tick: LoopTick) => void): LoopTicks {
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { active, utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    onTick({ activeMs: active, utilization });
  }, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
