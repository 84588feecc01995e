// Bounded waits: a step that must answer in time (Slack's 3 seconds, a health check) waits for some work
// only so long, then goes on without it. The work itself is not cancelled; its timer always is.

/** `work`'s result, or `late` once `ms` have passed without one; a rejection of `work` in time is passed on. */
export function within<T, L>(work: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}
