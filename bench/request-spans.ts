import type { Sent } from './gc-pauses.js';
import { readHookFile } from './hook-files.js';
import { median } from './report.js';

// Where a measured window's slowest acks spent their time (issue 17): bench/hooks/requests.mjs keeps, in
// each process, when its server began on each request and when it wrote the answer, with its main
// thread's run and run-queue times at both moments, and bench/load.ts numbers every request
// (`x-bench-seq`). An ack's time is then the way to the server (the bench's write, the kernel and the
// time before the server's main thread got to it), the server's own time on it, and the way back to the
// bench; and while a request waited for its server, the main thread either ran (other requests, the
// collector, work after an earlier ack), waited for a core, or slept.

/**
 * [seq, began, answered, ran by began, waited by began, ran by answered, waited by answered]: times in ms
 * since the epoch, and how long the main thread had run and waited for a core so far (ms), as
 * bench/hooks/requests.mjs writes them.
 */
export type Span = readonly [seq: number, began: number, answered: number, ranByBegan: number, waitedByBegan: number, ranByAnswered: number, waitedByAnswered: number];

/** A moment the hook read the main thread's times: [ms since the epoch, ran so far, waited so far]. */
type Mark = readonly [at: number, ran: number, waited: number];

/** A process's spans by seq, and every moment they read the main thread's times, in time order. */
export interface Spans {
  readonly bySeq: ReadonlyMap<number, Span>;
  readonly marks: readonly Mark[];
  /** The process's `performance.timeOrigin` (ms since the epoch), when the hook wrote it. */
  readonly timeOrigin?: number;
}

/** What the main thread did from the last reading before a request was sent until it began on it (ms). */
export interface Thread {
  readonly ms: number;
  readonly ran: number;
  readonly waited: number;
}

/** A request of a window, numbered as its `x-bench-seq` header. */
export interface NumberedSent extends Sent {
  readonly seq: number;
}

/** An ack's time in three parts (ms). */
export interface Parts {
  readonly toServer: number;
  readonly inServer: number;
  readonly back: number;
}

export interface WindowSpans {
  /** Requests at or above the window's p99, and how many of them the server's spans account for. */
  readonly tail: number;
  readonly tailMatched: number;
  /** The median of each part over the tail, and over all the window's requests. */
  readonly tailMedian: Parts;
  readonly allMedian: Parts;
  /** How many of the tail spent most of their time in each part. */
  readonly tailMostly: Record<keyof Parts, number>;
  /** The main thread while the tail, and all requests, waited for their server: summed over them. */
  readonly tailThread: Thread;
  readonly allThread: Thread;
}

/** A process's spans, as bench/hooks/requests.mjs writes them. */
export function spansOf(spans: readonly Span[], timeOrigin?: number): Spans {
  const marks: Mark[] = spans.flatMap(([, began, answered, ranByBegan, waitedByBegan, ranByAnswered, waitedByAnswered]) => [
    [began, ranByBegan, waitedByBegan] as const,
    [answered, ranByAnswered, waitedByAnswered] as const,
  ]);
  marks.sort((a, b) => a[0] - b[0]);
  return { bySeq: new Map(spans.map((span) => [span[0], span])), marks, ...(timeOrigin === undefined ? {} : { timeOrigin }) };
}

/** The spans a process wrote through bench/hooks/requests.mjs into `dir`; undefined if it wrote none. */
export function readSpans(dir: string, pid: number): Spans | undefined {
  const written = readHookFile<{ spans?: Span[]; timeOrigin?: number }>(dir, 'requests', pid);
  return written && spansOf(written.spans ?? [], written.timeOrigin);
}

/** The last mark at or before `at` (binary search), or undefined. */
function markBefore(marks: readonly Mark[], at: number): Mark | undefined {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (marks[middle]![0] <= at) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : marks[low - 1];
}

/** What the main thread did from the last reading before `request` was sent until its server began on it. */
export function threadBefore(marks: readonly Mark[], request: Sent, span: Span): Thread | undefined {
  const mark = markBefore(marks, request.at);
  if (!mark) return undefined;
  return { ms: span[1] - mark[0], ran: span[3] - mark[1], waited: span[4] - mark[2] };
}

/** A request's ack time split by its server's span. */
export function partsOf(request: Sent, span: Span): Parts {
  const [, began, answered] = span;
  return { toServer: began - request.at, inServer: answered - began, back: request.at + request.ms - answered };
}

function medianParts(parts: Parts[]): Parts {
  return {
    toServer: median(parts.map((p) => p.toServer)),
    inServer: median(parts.map((p) => p.inServer)),
    back: median(parts.map((p) => p.back)),
  };
}

function summed(threads: Thread[]): Thread {
  return threads.reduce((a, b) => ({ ms: a.ms + b.ms, ran: a.ran + b.ran, waited: a.waited + b.waited }), { ms: 0, ran: 0, waited: 0 });
}

/** The window's requests (its p99 given) split by their server's spans; requests without a span are left out. */
export function windowSpans(requests: readonly NumberedSent[], spans: Spans, p99: number): WindowSpans {
  const matched = (list: readonly NumberedSent[]) =>
    list.flatMap((request) => {
      const span = spans.bySeq.get(request.seq);
      return span ? [{ request, span }] : [];
    });
  const split = (list: readonly NumberedSent[]) => matched(list).map(({ request, span }) => partsOf(request, span));
  const thread = (list: readonly NumberedSent[]) =>
    summed(matched(list).flatMap(({ request, span }) => threadBefore(spans.marks, request, span) ?? []));
  const tailRequests = requests.filter((r) => r.ms >= p99);
  const tail = split(tailRequests);
  const tailMostly = { toServer: 0, inServer: 0, back: 0 };
  for (const parts of tail) {
    const largest = (Object.keys(tailMostly) as (keyof Parts)[]).reduce((a, b) => (parts[b] > parts[a] ? b : a));
    tailMostly[largest] += 1;
  }
  return {
    tail: tailRequests.length,
    tailMatched: tail.length,
    tailMedian: medianParts(tail),
    allMedian: medianParts(split(requests)),
    tailMostly,
    tailThread: thread(tailRequests),
    allThread: thread(requests),
  };
}
