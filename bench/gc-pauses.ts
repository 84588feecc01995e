import { readHookFile } from './hook-files.js';

// What a measured window's slowest requests met in their process (issue 17): bench/hooks/gc.mjs keeps every
// garbage-collection pause of a process, and bench/load.ts lays the window's requests over them. A request
// whose time from send to ack overlaps a pause waited for it; if most of a window's p99 tail did, the tail is
// the collector's, and the share of all requests that overlapped one says how much that is above chance.

/** [start (ms since the epoch), duration (ms), kind (1 scavenge, 4 mark-compact, 8 incremental marking)]. */
export type Pause = readonly [startMs: number, durationMs: number, kind: number];

/** One request: when it was sent (ms since the epoch) and how long its ack took (ms). */
export interface Sent {
  readonly at: number;
  readonly ms: number;
}

export interface WindowPauses {
  /** Requests at or above the window's p99, and how many of them overlapped a pause. */
  readonly tail: number;
  readonly tailInPause: number;
  /** The share of all the window's requests that overlapped a pause. */
  readonly allInPause: number;
  readonly scavenges: { readonly count: number; readonly meanMs: number; readonly maxMs: number };
  /** Mark-compact and incremental-marking pauses together. */
  readonly full: { readonly count: number; readonly totalMs: number; readonly maxMs: number };
}

/** A pause's kind for a scavenge (a young-generation collection), as Node's `gc` performance entries give it. */
export const SCAVENGE = 1;

/** The pauses of a process written by bench/hooks/gc.mjs into `dir`; undefined if it wrote none. */
export function readPauses(dir: string, pid: number): Pause[] | undefined {
  return readHookFile<{ pauses?: Pause[] }>(dir, 'gc', pid)?.pauses;
}

/** Whether [from, to] overlaps any of `pauses`. */
export function overlapsPause(pauses: readonly Pause[], from: number, to: number): boolean {
  return pauses.some(([start, duration]) => start <= to && start + duration >= from);
}

/** The window [from, to]'s pauses and how its requests (its p99 given) met them. */
export function windowPauses(requests: readonly Sent[], pauses: readonly Pause[], p99: number, from: number, to: number): WindowPauses {
  const during = pauses.filter(([start, duration]) => start + duration >= from && start <= to);
  const scavenges = during.filter((p) => p[2] === SCAVENGE).map((p) => p[1]);
  const full = during.filter((p) => p[2] !== SCAVENGE).map((p) => p[1]);
  const inPause = (r: Sent) => overlapsPause(during, r.at, r.at + r.ms);
  const tail = requests.filter((r) => r.ms >= p99);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    tail: tail.length,
    tailInPause: tail.filter(inPause).length,
    allInPause: requests.length === 0 ? 0 : requests.filter(inPause).length / requests.length,
    scavenges: { count: scavenges.length, meanMs: scavenges.length ? sum(scavenges) / scavenges.length : 0, maxMs: Math.max(0, ...scavenges) },
    full: { count: full.length, totalMs: sum(full), maxMs: Math.max(0, ...full) },
  };
}
