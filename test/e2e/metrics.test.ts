import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import { E2E_BOT_TOKEN, E2E_SIGNING_SECRET, runToExit } from '../support/app-process.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { command, setUpInitiative, startE2E, TEAM, volunteer } from '../support/flows.js';
import { acceptOffer, askForListener, clickAs, eventually, nextOffer, person, type PairingE2E } from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';

// Issue 16, "Operations": the real process with METRICS_PORT set serves Prometheus text at GET /metrics
// on that port. After a short journey (help, setup, a volunteer, a request, an offer accepted, the
// pairing ended, a rate-limited Home tab) the counters have moved, and no line of the page, label or
// value, carries a Slack id: nothing there can tell anyone who asked for support.

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const LISTENER = person('U0LISTNA01', 'Perpetua', 'Lindqvist');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const PEOPLE = [COORDINATOR, LISTENER, SEEKER];
const TOPIC = 'Anxiety';

/** Anything shaped like a Slack id: a user, team, workspace, channel, DM, group or enterprise. */
const SLACK_ID = /\b[UTWCDGE][A-Z0-9]{8,}\b/;

const toUser = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

/** Samples of the page: `name{labels}` to value. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    found.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return found;
}

describe('npm start with a malformed METRICS_PORT', () => {
  it.each(['nine-one-hundred', '70000', '3000'])('METRICS_PORT=%s: one line naming METRICS_PORT, exit 2', async (value) => {
    const result = await runToExit({ SLACK_BOT_TOKEN: E2E_BOT_TOKEN, SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET, METRICS_PORT: value });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('METRICS_PORT');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.each(TEST_PROVIDERS)('Prometheus metrics of the running bot on %s', (provider) => {
  let e2e: PairingE2E;
  let metricsUrl = '';

  async function scrape(): Promise<{ status: number; contentType: string | null; text: string }> {
    const res = await fetch(metricsUrl);
    return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
  }

  /** Scrapes until `ready` holds of the samples (sends finish a moment after Slack records them). */
  async function scrapeUntil(ready: (s: Map<string, number>) => boolean): Promise<{ text: string; samples: Map<string, number> }> {
    return eventually(async () => {
      const { text } = await scrape();
      const s = samples(text);
      return ready(s) ? { text, samples: s } : null;
    }, 10_000);
  }

  beforeAll(async () => {
    e2e = { ...(await startE2E(provider, inject('templates'), { users: PEOPLE, env: { SCHEDULER_TICK_SECONDS: '1' }, metrics: true })), owners: new Map() };
    metricsUrl = e2e.bot.metricsUrl!;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('serves Prometheus text on METRICS_PORT, and nothing else there', async () => {
    const { status, contentType, text } = await scrape();
    expect(status).toBe(200);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE peer_support_slack_api_calls_total counter');
    expect(text).toContain('# TYPE peer_support_oldest_due_seconds gauge');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect((await fetch(metricsUrl.replace(/\/metrics$/, '/healthz'))).status).toBe(404);
    // The public port does not serve them.
    expect((await fetch(`${e2e.bot.baseUrl}/metrics`)).status).toBe(404);
  });

  it('counts a journey: help, setup, volunteer, request, offer, accept, end, and a rate-limited Home tab', async () => {
    const help = await command(e2e, SEEKER.id, 'help');
    expect(help.response.status).toBe(200);

    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.topics]: `${TOPIC}\nBereavement`,
      [InitiativeIds.blocks.resources]: 'Samaritans 116 123.',
      [InitiativeIds.blocks.approval]: [],
    });
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: [TOPIC] } });

    const asking = e2e.mark();
    const asked = await askForListener(e2e, SEEKER.id, { topic: TOPIC });
    const offer = asked.offer ?? (await nextOffer(e2e, asking, LISTENER.id, 15_000));
    const { pairingId } = await acceptOffer(e2e, offer, SEEKER.id);

    let since = e2e.mark();
    await clickAs(e2e, SEEKER.id, { actionId: PairingIds.end, value: pairingId, channelId: `D${SEEKER.id}` });
    await eventually(() => e2e.db.pairing.findFirst({ where: { id: pairingId, status: 'ended' } }));
    await e2e.next('chat.postMessage', since, toUser(LISTENER.id));

    // Slack rate-limits a Home tab: counted as rate_limited, apart from the calls that went through.
    e2e.slack.setResponse('views.publish', () => ({ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }));
    since = e2e.mark();
    await e2e.send(eventCallback({ type: 'app_home_opened', user: SEEKER.id, channel: `D${SEEKER.id}`, tab: 'home' }, { teamId: TEAM }));
    await e2e.next('views.publish', since, (c) => c.args.user_id === SEEKER.id);

    const { samples: s } = await scrapeUntil(
      (m) => (m.get('peer_support_slack_api_rate_limited_total{method="views.publish"}') ?? 0) > 0 && (m.get('peer_support_pairings_ended_total{reason="ended"}') ?? 0) > 0,
    );
    e2e.slack.clearResponse('views.publish');

    const positive = [
      'peer_support_slack_api_calls_total{method="views.open",outcome="ok"}',
      'peer_support_slack_api_calls_total{method="views.update",outcome="ok"}',
      'peer_support_slack_api_calls_total{method="chat.postMessage",outcome="ok"}',
      'peer_support_slack_api_calls_total{method="views.publish",outcome="rate_limited"}',
      'peer_support_slack_api_rate_limited_total{method="views.publish"}',
      'peer_support_slack_api_call_duration_seconds_count{method="chat.postMessage"}',
      'peer_support_deliveries_total{queue="outbox",outcome="sent"}',
      'peer_support_requests_created_total',
      'peer_support_offers_made_total',
      'peer_support_pairings_started_total',
      'peer_support_pairings_ended_total{reason="ended"}',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ];
    for (const series of positive) expect(s.get(series), series).toBeGreaterThan(0);
    expect(s.get('peer_support_requests_created_total')).toBe(1);
    expect(s.get('peer_support_pairings_started_total')).toBe(1);
    expect(s.get('peer_support_deliveries_total{queue="outbox",outcome="gave_up"}')).toBe(0);
    // Nothing is waiting: every due row went out.
    expect(s.get('peer_support_oldest_due_seconds{queue="outbox"}')).toBe(0);
    expect(s.get('peer_support_oldest_due_seconds{queue="check_in"}')).toBe(0);
  });

  it('puts no Slack id, token or secret on any line of the page, label or value', async () => {
    const { text } = await scrape();
    const known = [TEAM, ...PEOPLE.map((p) => p.id), e2e.slack.botUserId, e2e.slack.botId, E2E_BOT_TOKEN, E2E_SIGNING_SECRET];
    for (const line of text.split('\n')) {
      expect(line, line).not.toMatch(SLACK_ID);
      for (const id of known) expect(line.includes(id), `${id} in ${line}`).toBe(false);
    }
    // The only labels of the app's own metrics.
    const labels = new Set(
      text
        .split('\n')
        .filter((l) => l.startsWith('peer_support_'))
        .flatMap((l) => [...(/\{([^}]*)\}/.exec(l)?.[1] ?? '').matchAll(/(\w+)="/g)].map((m) => m[1]!)),
    );
    expect([...labels].sort()).toEqual(['le', 'method', 'outcome', 'queue', 'reason']);
    // Methods are Web API method names or the two URL kinds, never a URL or an id.
    const methods = new Set([...text.matchAll(/method="([^"]*)"/g)].map((m) => m[1]!));
    for (const method of methods) expect(method).toMatch(/^([a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+|response_url|file_upload)$/);
  });
});
