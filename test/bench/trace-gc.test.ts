import { describe, expect, it } from 'vitest';
import { traceGcPauses } from '../../bench/trace-gc.js';

// The load bench's reading of V8's --trace-gc lines (issue 17), as Node 20 prints them.

const OUTPUT = [
  '{"level":30,"msg":"listening"}',
  '[11389:0x38840fc0]     3688 ms: Scavenge 45.3 (66.6) -> 33.8 (66.6) MB, 2.49 / 0.10 ms  (average mu = 0.977, current mu = 0.977) task; ',
  '[11389:0x38840fc0]    35066 ms: Mark-Compact 38.6 (46.6) -> 32.8 (54.6) MB, 6.51 / 0.16 ms  (+ 10.6 ms in 27 steps since start of marking, biggest step 8.1 ms, walltime since start of marking 25 ms) (average mu = 0.994, current mu = 0.987) finalize incremental marking via task; GC in old space requested',
  '[11389:0x38840fc0]    36000 ms: Mark-Compact (reduce) 46.0 (77.8) -> 37.8 (46.8) MB, 6.13 / 0.08 ms  (+ 13.9 ms in 78 steps since start of marking, biggest step 10.1 ms, walltime since start of marking 24 ms) (average mu = 0.998, current mu = 0.999) finalize incremental marking via task; GC in old space requested',
  '[11389:0x38840fc0]    37000 ms: Mark-Compact 20.0 (30.0) -> 10.0 (30.0) MB, 7.00 / 0.00 ms  (average mu = 1.000, current mu = 1.000) low memory notification; GC in old space requested',
].join('\n');

describe('traceGcPauses', () => {
  const pauses = traceGcPauses(OUTPUT, 1_000_000);

  it('reads a scavenge as its pause, ending at the line’s time', () => {
    expect(pauses[0]![0]).toBeCloseTo(1_003_688 - 2.49);
    expect(pauses[0]![1]).toBeCloseTo(2.49);
    expect(pauses[0]![2]).toBe(1);
  });

  it('reads a full collection from the start of its marking to the end of its final pause', () => {
    expect(pauses[1]![0]).toBeCloseTo(1_035_066 - 6.51 - 25);
    expect(pauses[1]![1]).toBeCloseTo(31.51);
    expect(pauses[1]![2]).toBe(4);
    // The memory reducer's collections ("(reduce)") are full ones too.
    expect(pauses[2]![1]).toBeCloseTo(30.13);
  });

  it('reads a full collection without incremental marking as its pause, and skips other lines', () => {
    expect(pauses).toHaveLength(4);
    expect(pauses[3]).toEqual([1_037_000 - 7, 7, 4]);
  });
});
