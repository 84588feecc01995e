// Small-number suppression for aggregates (DESIGN.md invariant 4).
//
// - A count from 1 to k-1 is hidden (primary suppression).
// - Where counts add up to a total that is shown (a group), one hidden member could be worked out by
//   subtraction, so a second member is hidden too (complementary suppression); repeated until every
//   group has no hidden member, or at least two.
// - A group whose total is under k (a whole breakdown with fewer than k people) is hidden entirely.
// - Every hidden cell reads the same, whichever rule hid it: a cell hidden to protect another usually
//   holds k or more, so labelling hidden cells "fewer than k" would be false for those, and a reader
//   who checks the labels against a shown total could tell the two kinds apart.
// Plain data in, plain data out; no Slack or Prisma.

export type Shown = { kind: 'count'; value: number } | { kind: 'suppressed' };

/** How every hidden cell reads, in the view, the CSV and the chart's alt text. */
export const HIDDEN = 'hidden';

export interface Group {
  /** The cell holding the total of `parts`. */
  total: string;
  parts: readonly string[];
}

export const MIN_K = 3;

/** The minimum group size actually applied: the initiative's, never below 3. */
export function groupSize(k: number): number {
  return Math.max(MIN_K, Math.floor(k));
}

/**
 * Medians and percentiles need at least 2k values: with fewer, the median of a small group is close to
 * one person's own wait, and one more value moves it by an amount that can be read off.
 */
export function percentileMinimum(k: number): number {
  return 2 * groupSize(k);
}

/** Suppresses counts for minimum group size `k` (never below 3). Every cell in `groups` must exist. */
export function suppress(cells: ReadonlyMap<string, number>, groups: readonly Group[], k: number): Map<string, Shown> {
  const threshold = groupSize(k);
  const hidden = new Set<string>();
  for (const [id, value] of cells) if (value >= 1 && value < threshold) hidden.add(id);

  // A breakdown of fewer than k people is hidden whole.
  for (const g of groups) {
    const total = cells.get(g.total) ?? 0;
    if (total >= 1 && total < threshold) for (const p of g.parts) if ((cells.get(p) ?? 0) > 0) hidden.add(p);
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      const members = [g.total, ...g.parts];
      const hiddenMembers = members.filter((m) => hidden.has(m));
      if (hiddenMembers.length !== 1) continue;
      const next = complement(g, cells, hidden, threshold);
      if (next) {
        hidden.add(next);
        changed = true;
      }
    }
  }

  const shown = new Map<string, Shown>();
  for (const [id, value] of cells) shown.set(id, hidden.has(id) ? { kind: 'suppressed' } : { kind: 'count', value });
  return shown;
}

/**
 * The cell to hide alongside the one hidden member of `g`: the smallest visible part, preferring one
 * that makes the hidden parts add up to at least k (so their sum says little), else the total.
 */
function complement(g: Group, cells: ReadonlyMap<string, number>, hidden: ReadonlySet<string>, k: number): string | null {
  const visibleParts = g.parts.filter((p) => !hidden.has(p)).sort((a, b) => (cells.get(a) ?? 0) - (cells.get(b) ?? 0) || (a < b ? -1 : 1));
  if (visibleParts.length === 0) return hidden.has(g.total) ? null : g.total;
  const hiddenSum = g.parts.filter((p) => hidden.has(p)).reduce((sum, p) => sum + (cells.get(p) ?? 0), 0);
  const enough = visibleParts.find((p) => hiddenSum + (cells.get(p) ?? 0) >= k);
  return enough ?? visibleParts[visibleParts.length - 1]!;
}

/** How a shown count reads: the number, or the one word every hidden cell reads, whatever hid it. */
export function formatShown(shown: Shown): string {
  return shown.kind === 'count' ? String(shown.value) : HIDDEN;
}

/** Median and 90th percentile of minutes, or null when fewer than 2k values (they would describe people). */
export function percentiles(sortedMinutes: readonly number[], k: number): { median: number; p90: number } | null {
  if (sortedMinutes.length < percentileMinimum(k)) return null;
  const at = (p: number) => sortedMinutes[Math.min(sortedMinutes.length - 1, Math.max(0, Math.ceil(p * sortedMinutes.length) - 1))]!;
  return { median: at(0.5), p90: at(0.9) };
}

/** The same, from (minutes, how many) pairs in ascending order, as an aggregation query returns them. */
export function percentilesFromCounts(pairs: readonly { minutes: number; count: number }[], k: number): { median: number; p90: number } | null {
  const n = pairs.reduce((sum, p) => sum + p.count, 0);
  if (n < percentileMinimum(k)) return null;
  const at = (p: number) => {
    const rank = Math.min(n, Math.max(1, Math.ceil(p * n)));
    let seen = 0;
    for (const pair of pairs) {
      seen += pair.count;
      if (seen >= rank) return pair.minutes;
    }
    return pairs[pairs.length - 1]!.minutes;
  };
  return { median: at(0.5), p90: at(0.9) };
}
