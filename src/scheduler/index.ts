import type { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import type { NotifyDeps } from '../features/requests/notify.js';
import { expireOffersJob, matchWaitingJob } from './jobs.js';

// node-cron only wakes the scheduler; the database decides what is due (issue 5).

export interface Scheduler {
  stop(): Promise<void>;
}

type Job = (client: WebClient, deps: NotifyDeps) => Promise<number>;

const JOBS: { name: string; cron: string; run: Job }[] = [
  { name: 'expire-offers', cron: '* * * * *', run: expireOffersJob },
  { name: 'match-waiting', cron: '*/5 * * * *', run: matchWaitingJob },
];

export function startScheduler(client: WebClient, deps: NotifyDeps): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks = JOBS.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        const work = job.run(client, deps).catch((error: unknown) => {
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
