import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { partsOf, readSpans, spansOf, threadBefore, windowSpans, type Span } from '../../bench/request-spans.js';

// The load bench's split of an ack's time by the server's own record of the request (issue 17).

describe('partsOf', () => {
  it('splits an ack into the way to the server, the server’s time and the way back', () => {
    expect(partsOf({ at: 1_000, ms: 5 }, [7, 1_003, 1_004.5, 0, 0, 0, 0])).toEqual({ toServer: 3, inServer: 1.5, back: 0.5 });
  });
});

describe('threadBefore', () => {
  it('says how long the main thread ran and waited from the last reading before the send until it began', () => {
    const spans = spansOf([
      [1, 990, 991, 100, 50, 100.8, 50],
      [2, 1_006, 1_007, 102, 53, 102.9, 53],
    ]);
    // Sent at 1_001: the last reading was the first answer (991); by 1_006 the thread ran 1.2 ms and waited 3.
    const thread = threadBefore(spans.marks, { at: 1_001, ms: 6.5 }, spans.bySeq.get(2)!);
    expect(thread?.ms).toBeCloseTo(15);
    expect(thread?.ran).toBeCloseTo(1.2);
    expect(thread?.waited).toBeCloseTo(3);
    // Sent before any reading: nothing to say.
    expect(threadBefore(spans.marks, { at: 900, ms: 1 }, spans.bySeq.get(1)!)).toBeUndefined();
  });
});

describe('windowSpans', () => {
  // Main thread: 0.5 ms run per request, and 3.5 ms waiting for a core before the third.
  const spans = spansOf([
    [1, 1_000.1, 1_000.6, 10, 1, 10.5, 1],
    [2, 1_010.1, 1_010.6, 10.5, 1, 11, 1],
    [3, 1_024, 1_024.5, 11.5, 4.5, 12, 4.5], // slow: waited 4 ms for the server
    [4, 1_030.1, 1_035.1, 12, 4.5, 17, 4.5], // slow: 5 ms in the server
    [5, 1_040.1, 1_040.6, 17, 4.5, 17.5, 4.5],
  ] satisfies Span[]);
  const requests = [
    { seq: 1, at: 1_000, ms: 0.7 },
    { seq: 2, at: 1_010, ms: 0.7 },
    { seq: 3, at: 1_020, ms: 4.7 },
    { seq: 4, at: 1_030, ms: 5.2 },
    { seq: 5, at: 1_040, ms: 0.7 },
    { seq: 6, at: 1_050, ms: 9 }, // slow, with no span (its server did not keep one)
  ];

  it('finds where each of the slowest spent most of its time, and the medians of the tail and of all', () => {
    const result = windowSpans(requests, spans, 4.7);
    expect(result.tail).toBe(3);
    expect(result.tailMatched).toBe(2);
    expect(result.tailMostly).toEqual({ toServer: 1, inServer: 1, back: 0 });
    // The median of two is the upper one.
    expect(result.tailMedian.toServer).toBeCloseTo(4);
    expect(result.tailMedian.inServer).toBeCloseTo(5);
    expect(result.allMedian.toServer).toBeCloseTo(0.1);
    expect(result.allMedian.inServer).toBeCloseTo(0.5);
    expect(result.allMedian.back).toBeCloseTo(0.1);
    // The third waited from the second's answer (1_010.6) to 1_024: 0.5 ms run, 3.5 waiting for a core;
    // the fourth from the third's answer to 1_030.1, asleep.
    expect(result.tailThread.ms).toBeCloseTo(13.4 + 5.6);
    expect(result.tailThread.ran).toBeCloseTo(0.5);
    expect(result.tailThread.waited).toBeCloseTo(3.5);
    expect(result.allThread.waited).toBeCloseTo(3.5);
  });

  it('reports a window without spans as unmatched', () => {
    const result = windowSpans(requests, spansOf([]), 4.7);
    expect(result.tail).toBe(3);
    expect(result.tailMatched).toBe(0);
    expect(result.tailMedian.toServer).toBeNaN();
    expect(result.tailMostly).toEqual({ toServer: 0, inServer: 0, back: 0 });
  });
});

describe('readSpans', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the file the hook wrote for a process, by seq, and nothing for another process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spans-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'requests-41-main.js.json'), JSON.stringify({ spans: [[10, 3, 4, 1, 0, 2, 0], [9, 1, 2, 0, 0, 1, 0]] }));
    writeFileSync(join(dir, 'gc-41-main.js.json'), JSON.stringify({ pauses: [] }));
    const spans = readSpans(dir, 41);
    expect(spans?.bySeq.get(10)).toEqual([10, 3, 4, 1, 0, 2, 0]);
    expect(spans?.bySeq.size).toBe(2);
    // Every reading of the main thread's times, in time order.
    expect(spans?.marks.map((mark) => mark[0])).toEqual([1, 2, 3, 4]);
    expect(readSpans(dir, 42)).toBeUndefined();
  });
});
