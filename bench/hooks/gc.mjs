// LOAD_NODE_OPTIONS="--import ./bench/hooks/gc.mjs" BENCH=load npm run bench: each process counts its
// garbage collections by kind (1 young generation, 4 full mark-compact, 8 incremental marking) with their
// pause times, keeps each pause (when it began, in ms since the epoch, how long it was and its kind), and
// writes PROFILE_DIR/gc-<pid>-<script>.json at SIGTERM. bench/load.ts then lays each measured window's
// slowest requests over its process's pauses. (Heap sizes read in the observer's callback are not what the
// collection left: the callback runs later, after more allocation.)
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const kinds = {};
/** [start (ms since the epoch), duration (ms), kind] of every pause. */
const pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = entry.detail?.kind ?? 0;
    const k = (kinds[kind] ??= { count: 0, totalMs: 0, over5Ms: 0, maxMs: 0 });
    k.count += 1;
    k.totalMs += entry.duration;
    if (entry.duration > 5) k.over5Ms += 1;
    k.maxMs = Math.max(k.maxMs, entry.duration);
    pauses.push([Math.round((performance.timeOrigin + entry.startTime) * 1000) / 1000, Math.round(entry.duration * 1000) / 1000, kind]);
  }
}).observe({ entryTypes: ['gc'] });

process.prependListener('SIGTERM', () => {
  const file = join(process.env.PROFILE_DIR ?? tmpdir(), `gc-${process.pid}-${basename(process.argv[1] ?? 'node')}.json`);
  writeFileSync(file, JSON.stringify({ kinds, pauses }));
});
