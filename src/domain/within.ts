// Bounded waits: a step that must answer in time (Slack's 3 seconds, a health check) waits for some work
// only so long, then goes on without it. The work itself is not cancelled; its timer always is.

/**
 * `work`'s result, or `late` once `ms` have passed without one; a rejection of `work` in time is passed on.
 * One promise and one timer (not a race and a `finally`): it is on the path of every `/peer help` (issue 17).
 */
export function within<T, L>(work: Promise<T>, ms: number, late: L): Promise<T | L> {
  return new Promise<T | L>((resolve, reject) => {
    const timer = setTimeout(() => resolve(late), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
