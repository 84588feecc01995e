import { ErrorCode } from '@slack/web-api';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createBulkSender, errorCodeOf, retryAfterOf } from '../../src/slack/bulk-sender.js';
import { createRatePacer } from '../../src/slack/pacer.js';
import { sameTokenEverywhere } from '../../src/slack/workspace-tokens.js';

const SLACK = 'http://slack.test';
const API_URL = `${SLACK}/api/`;
const RELAYED = 'words only the two of them should ever see';

function captureLogs() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) };
}

function sender(timeoutMs = 200) {
  const logs = captureLogs();
  const pacer = createRatePacer();
  return { ...createBulkSender({ tokens: sameTokenEverywhere('xoxb-test'), slackApiUrl: API_URL, logger: logs.logger, timeoutMs, pacer }), pacer, logs };
}

/** Counts requests to a method, so a test can tell a retry happened. */
function counted(method: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen = { requests: 0 };
  const scope = nock(SLACK)
    .post(`/api/${method}`)
    .times(5)
    .reply(() => {
      seen.requests += 1;
      return [status, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', ...headers }];
    });
  return { seen, scope };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('bulk sender', () => {
  it('rejects a 429 at once with Retry-After, without pausing a views.open on the same client', async () => {
    const { paced, clientFor, pacer } = sender(2_000);
    const client = await clientFor('T0TEST');
    const post = counted('chat.postMessage', 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' });
    nock(SLACK).post('/api/views.open').times(2).reply(200, { ok: true, view: { id: 'V1' } });

    const started = Date.now();
    const [sent, opened] = await Promise.allSettled([
      paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED })),
      client.views.open({ trigger_id: 't1', view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } }),
    ]);
    // Bolt's client would pause its queue for 7 s here; this one does not.
    await client.views.open({ trigger_id: 't2', view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] } });
    expect(Date.now() - started).toBeLessThan(1_000);

    expect(sent.status).toBe('rejected');
    const error = (sent as PromiseRejectedResult).reason;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(retryAfterOf(error)).toBe(7);
    expect(post.seen.requests).toBe(1);
    expect(opened.status).toBe('fulfilled');

    // Only that workspace waits out Retry-After.
    expect(pacer.state('T1').pausedUntil).toBeGreaterThan(performance.now() + 5_000);
    expect(pacer.state('T2').pausedUntil).toBe(0);
  });

  it('gives up on a hung server after timeoutMs', async () => {
    const { paced } = sender(200);
    let requests = 0;
    nock(SLACK)
      .post('/api/chat.postMessage', () => {
        requests += 1;
        return true;
      })
      .times(3)
      .delay(5_000)
      .reply(200, { ok: true, ts: '1.0' });

    const started = Date.now();
    const error = await paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED })).catch((e: unknown) => e);
    const elapsed = Date.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1_500);
    expect(requests).toBe(1);
    expect(errorCodeOf(error)).toBe(ErrorCode.RequestError);
    expect(retryAfterOf(error)).toBeNull();
  });

  it('fails a 500 at once, without retrying', async () => {
    const { paced } = sender();
    const post = counted('chat.postMessage', 500, 'upstream broke');

    const error = await paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED })).catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe(ErrorCode.HTTPError);
    expect(retryAfterOf(error)).toBeNull();
    expect(post.seen.requests).toBe(1);
  });

  it("gives Slack's own error code for a refused message, not the error's message", async () => {
    const { paced } = sender();
    counted('chat.postMessage', 200, { ok: false, error: 'invalid_blocks' });

    const error = await paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED })).catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('invalid_blocks');
    expect(retryAfterOf(error)).toBeNull();
  });

  it('returns the result of a paced call', async () => {
    const { paced } = sender();
    counted('chat.postMessage', 200, { ok: true, channel: 'D1', ts: '171.1' });

    const posted = await paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED }));

    expect(posted).toMatchObject({ ok: true, channel: 'D1', ts: '171.1' });
  });

  it('never logs a request or response body, even at debug level (invariant 2)', async () => {
    const { paced, logs } = sender();
    nock(SLACK)
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, ts: '1.0', message: { text: RELAYED } })
      .post('/api/chat.postMessage')
      .reply(200, { ok: false, error: 'invalid_blocks', response_metadata: { warnings: ['missing_charset'] } })
      .post('/api/chat.postMessage')
      .delay(1_000)
      .reply(200, { ok: true });

    for (let i = 0; i < 3; i += 1) {
      await paced('T1', (c) => c.chat.postMessage({ channel: 'D1', text: RELAYED })).catch(() => undefined);
    }

    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.join('\n')).not.toContain(RELAYED);
    expect(logs.lines.join('\n')).not.toContain('xoxb-test');
  });

  it('errorCodeOf falls back to send_failed for anything without a code', () => {
    expect(errorCodeOf(new Error(RELAYED))).toBe('send_failed');
    expect(errorCodeOf('nope')).toBe('send_failed');
    expect(errorCodeOf({ code: 'has spaces and words' })).toBe('send_failed');
    expect(retryAfterOf(new Error('A rate limit was exceeded'))).toBeNull();
  });
});
