import type { WebClient } from '@slack/web-api';
import { settleBounded } from './settle-bounded.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { claimRows, dueIds, renewLeases, RENEW_EVERY_MS, type Claim, type LeasedTable } from './lease.js';

// One dispatcher for every table of rows that are sent once (check-ins, outbox messages): claim due
// rows with a lease, hand each to its queue's sender a few at a time, count what happened. Each queue
// decides how one row is sent and settled; the claim (owner and attempt) fences every settlement.

/** A Web API client for sends, paced per workspace, each with its workspace's token (src/slack/bulk-sender.ts). */
export interface PacedSender {
  /** Bounded timeout, no retries, 429 rejected at once: never pauses interactive calls. Throws WorkspaceUnavailableError. */
  clientFor(workspaceId: string): Promise<WebClient>;
  /** Waits for the workspace's pace, then makes the call; a 429 slows that workspace only. */
  paced<T>(workspaceId: string, call: (client: WebClient) => Promise<T>): Promise<T>;
}

export type SendOutcome = 'sent' | 'postponed' | 'rate-limited' | 'cancelled' | 'retried' | 'failed' | 'lease-lost';

export type DispatchReport = Record<SendOutcome, number>;

export function emptyReport(): DispatchReport {
  return { sent: 0, postponed: 0, 'rate-limited': 0, cancelled: 0, retried: 0, failed: 0, 'lease-lost': 0 };
}

export function addReports(a: DispatchReport, b: DispatchReport): DispatchReport {
  const sum = emptyReport();
  for (const key of Object.keys(sum) as SendOutcome[]) sum[key] = a[key] + b[key];
  return sum;
}

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Each run's report is counted here (deliveries by queue and outcome), whoever started the run. */
  metrics?: Metrics;
}

export interface Queue<T> {
  readonly name: string;
  readonly table: LeasedTable;
  /** Rows due from their writing are left to their writer this long by other senders' ticks (lease.ts `dueIds`). */
  readonly writerGraceMs?: number;
  /** Loads what a batch of claimed rows needs, with a query per table rather than per row, in claim order. */
  load(claims: Claim[]): Promise<T[]>;
  /** Sends one row and settles it under its claim. Must not throw for an expected Slack failure. */
  send(item: T): Promise<SendOutcome>;
}

export interface DispatchOptions {
  owner: string;
  batchSize?: number;
  concurrency?: number;
  /** Stop after this many batches in one tick, so one tick never runs for ever. */
  maxBatches?: number;
  /** Only these rows (sent right after the commit that wrote them), instead of whatever is due. */
  ids?: string[];
}

/** Sends what is due in one queue. Safe to run in any number of processes at once. */
export async function drain<T>(deps: DeliveryDeps, queue: Queue<T>, options: DispatchOptions): Promise<DispatchReport> {
  const report = emptyReport();
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.ids ? 1 : (options.maxBatches ?? 50);
  for (let batch = 0; batch < maxBatches; batch++) {
    const now = deps.clock.now();
    const ids = options.ids ?? (await dueIds(deps.db, queue.table, { now, limit: batchSize, writerGraceMs: queue.writerGraceMs }));
    const claims = await claimRows(deps.db, queue.table, { owner: options.owner, now, ids });
    if (claims.length === 0) break;
    // Rows sent right after their commit go one at a time in the order written (an offer before the
    // seeker's "we asked someone"; the seeker's introduction before the listener's).
    if (options.ids) claims.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const items = await queue.load(claims);
    const concurrency = options.ids ? 1 : (options.concurrency ?? 8);
    // Short leases, renewed while this batch is sent: a dead replica's rows return to the others soon.
    const heartbeat = setInterval(() => {
      renewLeases(deps.db, queue.table, { claims, now: deps.clock.now() }).catch((error: unknown) =>
        deps.logger.warn({ err: error, code: 'lease_renewal_failed' }, 'could not renew leases'),
      );
    }, RENEW_EVERY_MS);
    heartbeat.unref();
    try {
      await settleBounded(items, concurrency, async (item) => {
        try {
          report[await queue.send(item)] += 1;
        } catch (error) {
          // The row keeps its lease and is sent again once it runs out.
          deps.logger.error({ err: error, code: `${queue.name}_dispatch_failed` }, 'dispatch failed');
        }
      });
    } finally {
      clearInterval(heartbeat);
    }
  }
  deps.metrics?.dispatched(queue.name, report);
  return report;
}
