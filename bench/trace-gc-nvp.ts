// V8's name=value line per collection (`node --trace-gc-nvp`), summed for the promotion benchmark (issue 17):
// how much each scavenge moved from the young generation into the old one, and how much was allocated.

export interface Collections {
  scavenges: number;
  /** Mark-compacts: full collections of the old generation. */
  full: number;
  /** Bytes moved from the young generation into the old one (by scavenges, and by full collections, which move the young generation's survivors too). */
  promotedBytes: number;
  /** Bytes allocated in the young generation between the collections (V8's `allocated`). */
  allocatedBytes: number;
}

const KIND = / gc=(\w+) /;
const field = (line: string, name: string): number => Number(new RegExp(` ${name}=(\\d+)`).exec(line)?.[1] ?? 0);

/** The collections of `output`'s --trace-gc-nvp lines; other lines are skipped. */
export function nvpCollections(output: string): Collections {
  const sum: Collections = { scavenges: 0, full: 0, promotedBytes: 0, allocatedBytes: 0 };
  for (const line of output.split('\n')) {
    const kind = KIND.exec(line)?.[1];
    if (kind === undefined) continue;
    sum.allocatedBytes += field(line, 'allocated');
    sum.promotedBytes += field(line, 'promoted');
    if (kind === 's') sum.scavenges += 1;
    else if (kind === 'mc') sum.full += 1;
  }
  return sum;
}
