import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overlapsPause, readPauses, windowPauses, type Pause } from '../../bench/gc-pauses.js';

// The load bench's reading of a window's slowest requests against its process's GC pauses (issue 17).

describe('overlapsPause', () => {
  const pauses: Pause[] = [
    [1_000, 5, 1],
    [2_000, 10, 4],
  ];

  it('counts a request that began before a pause and was answered during or after it', () => {
    expect(overlapsPause(pauses, 998, 1_001)).toBe(true);
    expect(overlapsPause(pauses, 1_990, 2_020)).toBe(true);
  });

  it('counts a request sent during a pause', () => {
    expect(overlapsPause(pauses, 2_009, 2_012)).toBe(true);
  });

  it('does not count a request between pauses, or one answered just before a pause began', () => {
    expect(overlapsPause(pauses, 1_006, 1_999)).toBe(false);
    expect(overlapsPause(pauses, 990, 999.9)).toBe(false);
    expect(overlapsPause([], 0, 10_000)).toBe(false);
  });
});

describe('windowPauses', () => {
  it('takes only the window’s pauses, splits scavenges from full collections and finds the tail in them', () => {
    const pauses: Pause[] = [
      [500, 50, 4], // before the window
      [1_100, 2, 1],
      [1_300, 4, 1],
      [1_500, 8, 4],
      [1_510, 1, 8],
      [5_000, 30, 4], // after it
    ];
    const requests = [
      { at: 1_000, ms: 1 },
      { at: 1_099, ms: 3 }, // slow, in the first scavenge
      { at: 1_200, ms: 1 },
      { at: 1_498, ms: 9 }, // slow, in the mark-compact
      { at: 1_700, ms: 6 }, // slow, in no pause
      { at: 1_800, ms: 1 },
    ];
    const result = windowPauses(requests, pauses, 3, 1_000, 2_000);
    expect(result.tail).toBe(3);
    expect(result.tailInPause).toBe(2);
    expect(result.allInPause).toBeCloseTo(2 / 6);
    expect(result.scavenges).toEqual({ count: 2, meanMs: 3, maxMs: 4 });
    expect(result.full).toEqual({ count: 2, totalMs: 9, maxMs: 8 });
  });

  it('reports an empty window as having nothing in a pause', () => {
    expect(windowPauses([], [], Number.NaN, 0, 1)).toEqual({
      tail: 0,
      tailInPause: 0,
      allInPause: 0,
      scavenges: { count: 0, meanMs: 0, maxMs: 0 },
      full: { count: 0, totalMs: 0, maxMs: 0 },
    });
  });
});

describe('readPauses', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the pauses bench/hooks/gc.mjs wrote for one process, and nothing for another', () => {
    dir = mkdtempSync(join(tmpdir(), 'gc-pauses-'));
    writeFileSync(join(dir, 'gc-1234-main.js.json'), JSON.stringify({ kinds: {}, pauses: [[10, 1, 1]] }));
    writeFileSync(join(dir, 'gc-12345-bare-bolt.js.json'), JSON.stringify({ kinds: {}, pauses: [[20, 2, 4]] }));
    expect(readPauses(dir, 1234)).toEqual([[10, 1, 1]]);
    expect(readPauses(dir, 12345)).toEqual([[20, 2, 4]]);
    expect(readPauses(dir, 99)).toBeUndefined();
  });
});
