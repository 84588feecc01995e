import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../src/delivery/dispatcher.js';
import { createLogger } from '../../src/logger.js';
import { noMetrics } from '../../src/metrics/metrics.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';

// The Prometheus side of the app's metrics (issue 16): one registry per call, names and labels as the
// README lists them, and no label that could name a workspace, person, channel or initiative.

const logger = createLogger('silent');

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Every label name used by the app's own metrics. */
function appLabelNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('peer_support_')) continue;
    const labels = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    for (const pair of labels.split(',').filter(Boolean)) names.add(pair.split('=')[0]!);
  }
  return names;
}

describe('createPrometheusMetrics', () => {
  it('gives each call a registry of its own, not the global one', async () => {
    const a = createPrometheusMetrics({ logger, defaultMetrics: false });
    const b = createPrometheusMetrics({ logger, defaultMetrics: false });
    a.metrics.requestCreated();
    a.metrics.requestCreated();

    expect(sample(await a.registry.metrics(), 'peer_support_requests_created_total')).toBe(2);
    expect(sample(await b.registry.metrics(), 'peer_support_requests_created_total')).toBe(0);
    expect(a.registry.contentType).toContain('text/plain');
  });

  it('counts Slack calls by method and outcome, rate-limited ones apart, with their durations', async () => {
    const { metrics, registry } = createPrometheusMetrics({ logger, defaultMetrics: false });
    metrics.slackCall({ method: 'chat.postMessage', outcome: 'ok', seconds: 0.04 });
    metrics.slackCall({ method: 'chat.postMessage', outcome: 'ok', seconds: 0.2 });
    metrics.slackCall({ method: 'chat.postMessage', outcome: 'rate_limited', seconds: 0.01 });
    metrics.slackCall({ method: 'views.open', outcome: 'auth_error', seconds: 0.03 });

    const text = await registry.metrics();
    expect(sample(text, 'peer_support_slack_api_calls_total{method="chat.postMessage",outcome="ok"}')).toBe(2);
    expect(sample(text, 'peer_support_slack_api_calls_total{method="chat.postMessage",outcome="rate_limited"}')).toBe(1);
    expect(sample(text, 'peer_support_slack_api_calls_total{method="views.open",outcome="auth_error"}')).toBe(1);
    expect(sample(text, 'peer_support_slack_api_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(sample(text, 'peer_support_slack_api_rate_limited_total{method="views.open"}')).toBeUndefined();
    expect(sample(text, 'peer_support_slack_api_call_duration_seconds_count{method="chat.postMessage"}')).toBe(3);
    expect(sample(text, 'peer_support_slack_api_call_duration_seconds_bucket{le="0.05",method="chat.postMessage"}')).toBe(2);
  });

  it('counts dispatcher reports by queue under the names operators read', async () => {
    const { metrics, registry } = createPrometheusMetrics({ logger, defaultMetrics: false });
    metrics.dispatched('outbox', { ...emptyReport(), sent: 3, retried: 1, failed: 1, 'rate-limited': 2 });
    metrics.dispatched('check_in', { ...emptyReport(), sent: 1, postponed: 4, cancelled: 1, 'lease-lost': 1 });
    metrics.dispatched('outbox', { ...emptyReport(), sent: 2 });

    const text = await registry.metrics();
    const deliveries = (queue: string, outcome: string) => sample(text, `peer_support_deliveries_total{queue="${queue}",outcome="${outcome}"}`);
    expect(deliveries('outbox', 'sent')).toBe(5);
    expect(deliveries('outbox', 'retry')).toBe(1);
    expect(deliveries('outbox', 'gave_up')).toBe(1);
    expect(deliveries('outbox', 'rate_limited')).toBe(2);
    expect(deliveries('outbox', 'postponed')).toBe(0);
    expect(deliveries('check_in', 'sent')).toBe(1);
    expect(deliveries('check_in', 'postponed')).toBe(4);
    expect(deliveries('check_in', 'cancelled')).toBe(1);
    expect(deliveries('check_in', 'lease_lost')).toBe(1);
    expect(text).not.toMatch(/outcome="(failed|retried|rate-limited|lease-lost)"/);
  });

  it('counts requests, offers and pairings with no label but the reason a pairing ended', async () => {
    const { metrics, registry } = createPrometheusMetrics({ logger, defaultMetrics: false });
    metrics.requestCreated();
    metrics.offersMade(3);
    metrics.offersMade(0);
    metrics.pairingStarted();
    metrics.pairingsEnded('someone_else');
    metrics.pairingsEnded('erased', 2);
    metrics.pairingsEnded('ended', 0);

    const text = await registry.metrics();
    expect(sample(text, 'peer_support_requests_created_total')).toBe(1);
    expect(sample(text, 'peer_support_offers_made_total')).toBe(3);
    expect(sample(text, 'peer_support_pairings_started_total')).toBe(1);
    expect(sample(text, 'peer_support_pairings_ended_total{reason="someone_else"}')).toBe(1);
    expect(sample(text, 'peer_support_pairings_ended_total{reason="erased"}')).toBe(2);
    expect(sample(text, 'peer_support_pairings_ended_total{reason="ended"}')).toBe(0);
    expect(sample(text, 'peer_support_pairings_ended_total{reason="planned"}')).toBe(0);
  });

  it('uses no label but method, outcome, queue and reason (no team, user, channel or initiative)', async () => {
    const { metrics, registry } = createPrometheusMetrics({ logger, defaultMetrics: false, oldestDue: async () => ({ check_in: 1, outbox: 2 }) });
    metrics.slackCall({ method: 'chat.postMessage', outcome: 'ok', seconds: 0.1 });
    metrics.dispatched('outbox', { ...emptyReport(), sent: 1 });
    metrics.pairingsEnded('reported');

    expect([...appLabelNames(await registry.metrics())].sort()).toEqual(['le', 'method', 'outcome', 'queue', 'reason']);
  });

  it('reads the oldest due lag on each scrape', async () => {
    let lag = { check_in: 0, outbox: 0 };
    const { registry } = createPrometheusMetrics({ logger, defaultMetrics: false, oldestDue: async () => lag });

    expect(sample(await registry.metrics(), 'peer_support_oldest_due_seconds{queue="outbox"}')).toBe(0);
    lag = { check_in: 90, outbox: 12.5 };
    const text = await registry.metrics();
    expect(sample(text, 'peer_support_oldest_due_seconds{queue="check_in"}')).toBe(90);
    expect(sample(text, 'peer_support_oldest_due_seconds{queue="outbox"}')).toBe(12.5);
  });

  it('still answers a scrape when the lag cannot be read, without a stale figure', async () => {
    let fail = false;
    const lines: string[] = [];
    const { metrics, registry } = createPrometheusMetrics({
      logger: createLogger('warn', { write: (line: string) => void lines.push(line) }),
      defaultMetrics: false,
      oldestDue: async () => {
        if (fail) throw Object.assign(new Error('database is down'), { code: 'P1001' });
        return { check_in: 30, outbox: 0 };
      },
    });
    expect(sample(await registry.metrics(), 'peer_support_oldest_due_seconds{queue="check_in"}')).toBe(30);

    fail = true;
    metrics.requestCreated();
    const text = await registry.metrics();
    expect(sample(text, 'peer_support_oldest_due_seconds{queue="check_in"}')).toBeUndefined();
    expect(sample(text, 'peer_support_requests_created_total')).toBe(1);
    expect(lines.join('\n')).toContain('metrics_lag_unavailable');
  });

  it("includes the process's default metrics on its own registry", async () => {
    const { registry } = createPrometheusMetrics({ logger });
    const text = await registry.metrics();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('has a no-op stand-in for when metrics are off', () => {
    expect(() => {
      noMetrics.slackCall({ method: 'chat.postMessage', outcome: 'ok', seconds: 0 });
      noMetrics.dispatched('outbox', emptyReport());
      noMetrics.requestCreated();
      noMetrics.offersMade(1);
      noMetrics.pairingStarted();
      noMetrics.pairingsEnded('ended');
    }).not.toThrow();
  });
});
