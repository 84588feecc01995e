import { SCAVENGE, type Pause } from './gc-pauses.js';

// V8's own account of a process's collections (issue 17): with LOAD_APP_NODE_ARGS="--trace-gc", the app
// prints a line per collection, and a full collection's line says how long its marking ran before the
// final pause ("walltime since start of marking"). Marking runs on V8's other threads while the main thread
// goes on, so bench/hooks/gc.mjs (which sees pauses only) cannot show it; on 2 cores those threads take
// a core the main thread may be waiting for. Laid over a window's requests with bench/gc-pauses.ts.

const LINE = /\]\s+(\d+) ms: (Scavenge|Mark-Compact|Minor Mark-Compact|Mark-Sweep)\b.*?MB, ([\d.]+) \/ [\d.]+ ms/;
const MARKING = /walltime since start of marking (\d+) ms/;
/** Node's kind for a mark-compact. */
const FULL = 4;

/**
 * The collections in `output` (V8's --trace-gc lines) as pauses in ms since the epoch: a scavenge as its
 * pause, a full collection from the start of its marking to the end of its final pause. V8 stamps a line
 * with the time since the isolate began, at the end of the collection; `isolateStart` (the process's
 * `performance.timeOrigin`, which bench/hooks/requests.mjs writes) stands in for it, a few ms early.
 */
export function traceGcPauses(output: string, isolateStart: number): Pause[] {
  const pauses: Pause[] = [];
  for (const line of output.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const end = isolateStart + Number(match[1]);
    const pause = Number(match[3]);
    if (match[2] === 'Scavenge') {
      pauses.push([end - pause, pause, SCAVENGE]);
      continue;
    }
    const marking = Number(MARKING.exec(line)?.[1] ?? 0);
    pauses.push([end - pause - marking, marking + pause, FULL]);
  }
  return pauses;
}
