// An honest estimate of how long a seeker may wait: the median of past waits, rounded up to whole
// hours, and only when at least k matches exist (k: the initiative's minimum group size), so a figure
// never describes one or two people's waits (DESIGN.md invariant 4).

/** Whole hours (at least 1), or null when fewer than k past matches exist. */
export function waitEstimateHours(minutes: readonly number[], k: number): number | null {
  if (minutes.length === 0 || minutes.length < k) return null;
  const sorted = [...minutes].sort((a, b) => a - b);
  const median = sorted[Math.ceil(sorted.length / 2) - 1]!;
  return Math.max(1, Math.ceil(median / 60));
}
