import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DispatchReport, SendOutcome } from '../delivery/dispatcher.js';
import type { DeliveryQueue } from '../delivery/lag.js';
import type { EndReason } from '../features/pairings/end.js';
import type { Logger } from '../logger.js';
import type { Metrics, SlackCall } from './metrics.js';
import { within } from '../domain/within.js';

// The Prometheus side of src/metrics/metrics.ts: one registry per process (not prom-client's global
// one, so tests can build several), the process's default metrics on it, and the app's own. Labels are
// only ever a Web API method, an outcome, a queue or a reason (metrics.ts): nothing names a workspace,
// person, channel or initiative. A label child is looked up once and kept, so counting a Slack call
// costs a map lookup and two additions.

export const METRIC_PREFIX = 'peer_support_';

/** The dispatcher's outcomes under the names operators read (`failed` means it gave up). */
const DELIVERY_OUTCOMES: Record<SendOutcome, string> = {
  sent: 'sent',
  postponed: 'postponed',
  'rate-limited': 'rate_limited',
  cancelled: 'cancelled',
  retried: 'retry',
  failed: 'gave_up',
  'lease-lost': 'lease_lost',
};

const QUEUES: Record<DeliveryQueue, true> = { check_in: true, outbox: true };

/** Every reason a pairing can end (a Record, so a new reason fails to compile until it is listed). */
const END_REASONS: Record<EndReason, true> = {
  ended: true,
  someone_else: true,
  listener_stopped: true,
  reported: true,
  erased: true,
  planned: true,
};

/** Seconds: Bolt's interactive client gives up after 5, the bulk client after 10. */
const SLACK_DURATION_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PrometheusOptions {
  /** Seconds since each queue's oldest due row was due (src/delivery/lag.ts), read on each scrape. */
  oldestDue?: () => Promise<Record<DeliveryQueue, number>>;
  logger: Logger;
  /** Process metrics (CPU, memory, event loop, GC); on by default. */
  defaultMetrics?: boolean;
}

export interface PrometheusMetrics {
  readonly metrics: Metrics;
  readonly registry: Registry;
}

export function createPrometheusMetrics(options: PrometheusOptions): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const slackCalls = new Counter({
    name: `${METRIC_PREFIX}slack_api_calls_total`,
    help: 'HTTP requests to the Slack Web API (and response_urls), by method and outcome; each retry counts.',
    labelNames: ['method', 'outcome'] as const,
    registers,
  });
  const slackRateLimited = new Counter({
    name: `${METRIC_PREFIX}slack_api_rate_limited_total`,
    help: 'Slack Web API requests answered with HTTP 429 or a ratelimited error, by method.',
    labelNames: ['method'] as const,
    registers,
  });
  const slackDuration = new Histogram({
    name: `${METRIC_PREFIX}slack_api_call_duration_seconds`,
    help: 'Time from sending a Slack Web API request to reading its answer, by method.',
    labelNames: ['method'] as const,
    buckets: SLACK_DURATION_BUCKETS,
    registers,
  });
  const deliveries = new Counter({
    name: `${METRIC_PREFIX}deliveries_total`,
    help: 'Check-ins and outbox messages handled by the dispatcher, by queue and outcome.',
    labelNames: ['queue', 'outcome'] as const,
    registers,
  });
  const oldestDue = new Gauge({
    name: `${METRIC_PREFIX}oldest_due_seconds`,
    help: 'Seconds the oldest due check-in or outbox message has waited (0 when none); the same on every replica.',
    labelNames: ['queue'] as const,
    registers,
    collect: options.oldestDue
      ? async () => {
          try {
            const lag = await withTimeout(options.oldestDue!(), 2_000);
            for (const [queue, seconds] of Object.entries(lag)) oldestDue.set({ queue }, seconds);
          } catch (error) {
            // No figure rather than a stale one; the rest of the scrape still answers.
            oldestDue.reset();
            options.logger.warn({ err: error, code: 'metrics_lag_unavailable' }, 'could not read the delivery lag');
          }
        }
      : undefined,
  });
  const requestsCreated = new Counter({
    name: `${METRIC_PREFIX}requests_created_total`,
    help: 'Requests for a listener stored.',
    registers,
  });
  const offersMade = new Counter({
    name: `${METRIC_PREFIX}offers_made_total`,
    help: 'Offers made to listeners.',
    registers,
  });
  const pairingsStarted = new Counter({
    name: `${METRIC_PREFIX}pairings_started_total`,
    help: 'Pairings begun (a listener accepted an offer).',
    registers,
  });
  const pairingsEnded = new Counter({
    name: `${METRIC_PREFIX}pairings_ended_total`,
    help: 'Pairings ended, by reason.',
    labelNames: ['reason'] as const,
    registers,
  });

  // Known series start at 0, so rate() sees their first increase.
  for (const queue of Object.keys(QUEUES)) {
    for (const outcome of Object.values(DELIVERY_OUTCOMES)) deliveries.inc({ queue, outcome }, 0);
  }
  for (const reason of Object.keys(END_REASONS)) pairingsEnded.inc({ reason }, 0);
  if (!options.oldestDue) for (const queue of Object.keys(QUEUES)) oldestDue.set({ queue }, 0);

  const perCall = new Map<string, { calls: Counter.Internal; duration: Histogram.Internal<'method'> }>();
  const metrics: Metrics = {
    slackCall({ method, outcome, seconds }: SlackCall) {
      const key = `${method} ${outcome}`;
      let children = perCall.get(key);
      if (!children) {
        children = { calls: slackCalls.labels({ method, outcome }), duration: slackDuration.labels({ method }) };
        perCall.set(key, children);
      }
      children.calls.inc();
      children.duration.observe(seconds);
      if (outcome === 'rate_limited') slackRateLimited.inc({ method });
    },
    dispatched(queue: string, report: DispatchReport) {
      for (const [outcome, count] of Object.entries(report) as [SendOutcome, number][]) {
        if (count > 0) deliveries.inc({ queue, outcome: DELIVERY_OUTCOMES[outcome] ?? outcome }, count);
      }
    },
    requestCreated: () => requestsCreated.inc(),
    offersMade: (count: number) => {
      if (count > 0) offersMade.inc(count);
    },
    pairingStarted: () => pairingsStarted.inc(),
    pairingsEnded: (reason: EndReason, count = 1) => {
      if (count > 0) pairingsEnded.inc({ reason }, count);
    },
  };
  return { metrics, registry };
}

const TIMED_OUT = Symbol('timed out');

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const result = await within(work, ms, TIMED_OUT);
  if (result === TIMED_OUT) throw Object.assign(new Error('timed out'), { code: 'timeout' });
  return result;
}
