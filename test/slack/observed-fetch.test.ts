import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { SlackCall } from '../../src/metrics/metrics.js';
import { createBulkSender } from '../../src/slack/bulk-sender.js';
import { sameTokenEverywhere } from '../../src/slack/workspace-tokens.js';
import { methodOf, observeSlackCalls, outcomeOfBody } from '../../src/slack/observed-fetch.js';

// Every Web API call passes one wrapped fetch (issue 16 metrics): the wrapper must report the method
// and outcome of each HTTP request, change nothing the client sees, and never let an id out as a label.

const SLACK = 'http://slack.test';
const API_URL = `${SLACK}/api/`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function observed() {
  const calls: SlackCall[] = [];
  const fetch = observeSlackCalls((call) => void calls.push(call));
  return { calls, fetch };
}

function reply(method: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  return nock(SLACK)
    .post(`/api/${method}`)
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

describe('methodOf', () => {
  it.each([
    ['https://slack.com/api/chat.postMessage', 'chat.postMessage'],
    ['https://slack.com/api/oauth.v2.access', 'oauth.v2.access'],
    ['http://127.0.0.1:4000/api/views.publish?x=1', 'views.publish'],
    ['https://slack-gov.com/api/admin.conversations.setTeams', 'admin.conversations.setTeams'],
  ])('reads the Web API method from %s', (url, method) => {
    expect(methodOf(url)).toBe(method);
    expect(methodOf(new URL(url))).toBe(method);
  });

  it.each([
    // A response_url carries the team id and a secret; the fake's carries the user id.
    ['https://hooks.slack.com/commands/T0FAKE0001/1234567890/AbCdEfGhIjKlMnOp', 'response_url'],
    ['https://hooks.slack.com/actions/T0FAKE0001/1234567890/AbCdEfGhIjKlMnOp', 'response_url'],
    ['http://127.0.0.1:4000/response/U0SEEKER01~click~ab12cd34', 'response_url'],
    ['https://files.slack.com/upload/v1/CwABAAAAXQoAAZm1', 'file_upload'],
    ['http://127.0.0.1:4000/upload/F0FILE0001', 'file_upload'],
    ['https://slack.com/api/U0SEEKER01', 'response_url'],
    ['https://slack.com/api/C0CHANNEL1.U0SEEKER01', 'response_url'],
  ])('never turns a URL that is not a method into a label (%s)', (url, label) => {
    expect(methodOf(url)).toBe(label);
  });
});

describe('outcomeOfBody', () => {
  it.each([
    ['{"ok":true,"ts":"1.2"}', 'ok'],
    ['{ "channel": "D1", "ok": true }', 'ok'],
    ['{"ok":false,"error":"channel_not_found"}', 'slack_error'],
    ['{"ok":false,"error":"invalid_blocks"}', 'slack_error'],
    ['{"ok":false,"error":"invalid_auth"}', 'auth_error'],
    ['{"ok":false,"error":"token_revoked"}', 'auth_error'],
    ['{"ok":false,"error":"missing_scope"}', 'auth_error'],
    ['{"ok":false,"error":"ratelimited"}', 'rate_limited'],
    ['not json at all', 'slack_error'],
    ['null', 'slack_error'],
  ] as const)('classifies %s as %s', (text, outcome) => {
    expect(outcomeOfBody(text)).toBe(outcome);
  });
});

describe('observeSlackCalls with a real WebClient', () => {
  it('reports a successful call and hands the client the same answer, headers included', async () => {
    const { calls, fetch } = observed();
    reply('chat.postMessage', 200, { ok: true, channel: 'D0SEEKER01', ts: '1700000000.000100' }, { 'x-oauth-scopes': 'chat:write,im:write' });
    const client = new WebClient('xoxb-test', { slackApiUrl: API_URL, fetch, retryConfig: { retries: 0 } });

    const result = await client.chat.postMessage({ channel: 'D0SEEKER01', text: 'hello' });

    expect(result.ts).toBe('1700000000.000100');
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'im:write']);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'chat.postMessage', outcome: 'ok' });
    expect(calls[0]!.seconds).toBeGreaterThanOrEqual(0);
    expect(calls[0]!.seconds).toBeLessThan(5);
  });

  it('reports Slack refusing a call, and the client still throws its platform error', async () => {
    const { calls, fetch } = observed();
    reply('chat.postMessage', 200, { ok: false, error: 'channel_not_found' });
    const client = new WebClient('xoxb-test', { slackApiUrl: API_URL, fetch, retryConfig: { retries: 0 } });

    const error = await client.chat.postMessage({ channel: 'D0GONE0001', text: 'hello' }).catch((e: unknown) => e);

    expect((error as { code?: string }).code).toBe(ErrorCode.PlatformError);
    expect((error as { data?: { error?: string } }).data?.error).toBe('channel_not_found');
    expect(calls.map((c) => [c.method, c.outcome])).toEqual([['chat.postMessage', 'slack_error']]);
  });

  it('reports a 429 as rate_limited, and the bulk sender still sees Retry-After', async () => {
    const { calls, fetch } = observed();
    reply('chat.postMessage', 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
    const sender = createBulkSender({ tokens: sameTokenEverywhere('xoxb-test'), slackApiUrl: API_URL, logger: createLogger('silent'), timeoutMs: 2_000, fetch });

    const error = await sender.paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: 'hi' })).catch((e: unknown) => e);

    expect((error as { code?: string }).code).toBe(ErrorCode.RateLimitedError);
    expect((error as { retryAfter?: number }).retryAfter).toBe(7);
    expect(calls.map((c) => [c.method, c.outcome])).toEqual([['chat.postMessage', 'rate_limited']]);
  });

  it('counts each attempt of a retried call, and HTTP errors apart from Slack errors', async () => {
    const { calls, fetch } = observed();
    reply('views.open', 503, 'unavailable');
    reply('views.open', 200, { ok: true, view: { id: 'V1' } });
    const client = new WebClient('xoxb-test', { slackApiUrl: API_URL, fetch, retryConfig: { retries: 1, minTimeout: 1, maxTimeout: 1, factor: 1 } });

    await client.views.open({ trigger_id: 't1', view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } });

    expect(calls.map((c) => [c.method, c.outcome])).toEqual([
      ['views.open', 'http_error'],
      ['views.open', 'ok'],
    ]);
  });

  it('reports a request that never got an answer as network_error', async () => {
    const { calls, fetch } = observed();
    nock(SLACK).post('/api/users.info').replyWithError('connect ECONNREFUSED');
    const client = new WebClient('xoxb-test', { slackApiUrl: API_URL, fetch, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

    await expect(client.users.info({ user: 'U0SEEKER01' })).rejects.toMatchObject({ code: ErrorCode.RequestError });

    expect(calls.map((c) => [c.method, c.outcome])).toEqual([['users.info', 'network_error']]);
  });

  it('passes a non-JSON answer through untouched', async () => {
    const { calls, fetch } = observed();
    nock(SLACK).post('/upload/F0FILE0001').reply(200, 'OK - 12', { 'content-type': 'text/plain' });

    const response = await fetch(`${SLACK}/upload/F0FILE0001`, { method: 'POST', body: 'a,b\n1,2\n' });

    expect(await response.text()).toBe('OK - 12');
    expect(calls.map((c) => [c.method, c.outcome])).toEqual([['file_upload', 'ok']]);
  });

  it('never lets a failing observer break the call', async () => {
    const fetch = observeSlackCalls(() => {
      throw new Error('observer broke');
    });
    reply('auth.test', 200, { ok: true, team_id: 'T0FAKE0001' });
    const client = new WebClient('xoxb-test', { slackApiUrl: API_URL, fetch, retryConfig: { retries: 0 } });

    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, team_id: 'T0FAKE0001' });
  });
});
