import cron from 'node-cron';
import {
  deliverJob,
  eraseUninstalledJob,
  expireInvitationsJob,
  expireOffersJob,
  insightsSnapshotJob,
  matchWaitingJob,
  resumePausesJob,
  retentionJob,
  type JobDeps,
} from './jobs.js';

// node-cron only wakes the scheduler; the database decides what is due (issue 5).

export interface Scheduler {
  stop(): Promise<void>;
}

type Job = (deps: JobDeps) => Promise<number>;

/** Jobs and how many ticks apart they run. */
const JOBS: { name: string; everyTicks: number; run: Job }[] = [
  { name: 'expire-offers', everyTicks: 1, run: expireOffersJob },
  { name: 'deliver', everyTicks: 1, run: deliverJob },
  { name: 'match-waiting', everyTicks: 5, run: matchWaitingJob },
  // A pause ends at the start of the listener's chosen day: within five ticks of it (five minutes by default).
  { name: 'resume-pauses', everyTicks: 5, run: resumePausesJob },
  { name: 'retention', everyTicks: 60, run: retentionJob },
  // Hourly with the default tick: the day's snapshot is taken within the first hour of the UTC day.
  { name: 'insights-snapshot', everyTicks: 60, run: insightsSnapshotJob },
  { name: 'expire-invitations', everyTicks: 60, run: expireInvitationsJob },
  // An indexed look at eraseAfter; often enough that a grace period of 0 days means minutes.
  { name: 'erase-uninstalled', everyTicks: 5, run: eraseUninstalledJob },
];

/** A node-cron expression for "every n seconds" (a six-field expression with seconds). */
export function everySeconds(n: number): string {
  if (n < 60) return `*/${n} * * * * *`;
  const minutes = Math.max(1, Math.round(n / 60));
  return minutes >= 60 ? '0 0 * * * *' : `0 */${minutes} * * * *`;
}

export function startScheduler(deps: JobDeps, tickSeconds: number): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks = JOBS.map((job) =>
    cron.schedule(
      everySeconds(tickSeconds * job.everyTicks),
      async () => {
        const work = job.run(deps).catch((error: unknown) => {
          deps.logger.error({ err: error, code: 'job_failed', job: job.name }, 'scheduled job failed');
        });
        running.add(work);
        await work;
        running.delete(work);
      },
      { name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all(running);
    },
  };
}
