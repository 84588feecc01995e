import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt';
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import {
  blockAction,
  eventCallback,
  sendToApp,
  signSlackRequest,
  slashCommand,
  stateValue,
  viewSubmission,
} from '../support/slack-requests.js';

const TOKEN = 'xoxb-fake-token';

let fake: FakeSlack;

function clientFor(server: FakeSlack, token: string | null = TOKEN, rejectRateLimitedCalls = false): WebClient {
  // No retries: a test must see the fake's first answer, never wait out a retry backoff.
  return new WebClient(token ?? undefined, { slackApiUrl: server.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function platformError(promise: Promise<unknown>): Promise<string> {
  const error = await caught(promise);
  if (!(error instanceof WebAPIPlatformError)) throw error;
  return error.data.error;
}

beforeAll(async () => {
  fake = await startFakeSlack({
    teamId: 'T0TEST',
    botUserId: 'U0BOT',
    users: [{ id: 'U0ALEX', real_name: 'Alex Example', email: 'alex@example.com', tz: 'Europe/Berlin', tz_offset: 3600 }],
  });
});

afterEach(() => {
  fake.reset();
  fake.clearResponse();
});

afterAll(async () => {
  await fake.close();
});

describe('fake Slack Web API', () => {
  it('hands out a base URL the web client can append method names to', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers auth.test with the configured team and bot user', async () => {
    const result = await clientFor(fake).auth.test();

    expect(result).toMatchObject({
      ok: true,
      team_id: 'T0TEST',
      user_id: 'U0BOT',
      bot_id: expect.any(String),
      is_enterprise_install: false,
    });
    expect(fake.callsTo('auth.test')[0]?.token).toBe(TOKEN);
  });

  it('gives each posted message a unique, increasing ts and records its parsed blocks', async () => {
    const client = clientFor(fake);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }];

    const first = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'Hello', blocks });
    const second = await client.chat.postMessage({ channel: 'U0ALEX', text: 'Hi again' });

    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(second.ts).not.toBe(first.ts);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first).toMatchObject({ channel: 'C0GENERAL', message: { text: 'Hello', blocks } });
    // Posting to a user id lands in their DM, as on Slack.
    expect(second.channel).toBe('DU0ALEX');

    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C0GENERAL', text: 'Hello', blocks });
    expect(call?.args).not.toHaveProperty('token');
  });

  it('answers a method Slack does not have with unknown_method', async () => {
    expect(await platformError(clientFor(fake).apiCall('chat.postMesage', { channel: 'C1' }))).toBe('unknown_method');
  });

  it('rejects a call missing a required argument with invalid_arguments, and still records it', async () => {
    const call = clientFor(fake).apiCall('chat.postMessage', { text: 'no channel' });

    expect(await platformError(call)).toBe('invalid_arguments');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a call without a token with not_authed', async () => {
    expect(await platformError(clientFor(fake, null).auth.test())).toBe('not_authed');
  });

  it('answers users.info from its user table', async () => {
    const client = clientFor(fake);

    const { user } = await client.users.info({ user: 'U0ALEX' });
    expect(user).toMatchObject({
      id: 'U0ALEX',
      team_id: 'T0TEST',
      real_name: 'Alex Example',
      tz: 'Europe/Berlin',
      tz_offset: 3600,
      is_bot: false,
      profile: { email: 'alex@example.com', real_name: 'Alex Example' },
    });

    expect(await platformError(client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');

    fake.addUser({ id: 'U0SAM' });
    const added = await client.users.info({ user: 'U0SAM' });
    expect(added.user).toMatchObject({ tz: 'Europe/London', tz_offset: 0 });
  });

  it('opens the same DM channel for a user every time', async () => {
    const client = clientFor(fake);
    const first = await client.conversations.open({ users: 'U0ALEX' });
    const second = await client.conversations.open({ users: 'U0ALEX' });

    expect(first.channel?.id).toBe('DU0ALEX');
    expect(second.channel?.id).toBe(first.channel?.id);
  });

  it('returns the opened view with an id and keeps that id on update', async () => {
    const client = clientFor(fake);
    const view = {
      type: 'modal' as const,
      callback_id: 'request',
      title: { type: 'plain_text' as const, text: 'Request' },
      blocks: [],
    };

    const opened = await client.views.open({ trigger_id: '1.2.abc', view });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'request' });

    const viewId = opened.view?.id ?? '';
    const updated = await client.views.update({ view_id: viewId, view });
    expect(updated.view?.id).toBe(viewId);

    // A trigger id (or interactivity pointer) is required even though the method list cannot say so.
    expect(await platformError(client.apiCall('views.open', { view }))).toBe('invalid_arguments');
  });

  it('rate-limits with HTTP 429 and Retry-After when told to', async () => {
    fake.setResponse('chat.postMessage', () => ({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { ok: false, error: 'ratelimited' },
    }));

    const error = await caught(clientFor(fake, TOKEN, true).chat.postMessage({ channel: 'C1', text: 'hi' }));
    if (!(error instanceof WebAPIRateLimitedError)) throw error;
    expect(error.retryAfter).toBe(7);

    const raw = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C1', text: 'hi' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('lets an override fail once and then fall back to the normal answer', async () => {
    let failuresLeft = 1;
    fake.setResponse('chat.update', (_call, defaultReply) =>
      failuresLeft-- > 0 ? { body: { ok: false, error: 'message_not_found' } } : defaultReply(),
    );
    const client = clientFor(fake);

    expect(await platformError(client.chat.update({ channel: 'C1', ts: '1.000100', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await client.chat.update({ channel: 'C1', ts: '1.000100', text: 'x' })).toMatchObject({
      ok: true,
      ts: '1.000100',
    });
  });

  it('takes a file upload through the v2 upload flow', async () => {
    const result = await clientFor(fake).filesUploadV2({
      channel_id: 'C1',
      filename: 'report.csv',
      content: 'a,b\n1,2\n',
    });

    expect(result.ok).toBe(true);
    expect(fake.calls.map((call) => call.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(fake.callsTo('upload')[0]?.args.bytes).toBeGreaterThan(0);
    expect(fake.callsTo('upload')[0]?.args.content).toBe('a,b\n1,2\n');
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args.files).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^F/) }),
    ]);
  });

  it('waitFor resolves on a later call and explains a timeout', async () => {
    const waiting = fake.waitFor('reactions.add', (call) => call.args.name === 'wave');
    await clientFor(fake).reactions.add({ channel: 'C1', timestamp: '1.000100', name: 'wave' });
    expect((await waiting).args.channel).toBe('C1');

    await expect(fake.waitFor('chat.delete', undefined, 20)).rejects.toThrow(/chat\.delete.*reactions\.add/);
  });
});

describe('signed Slack requests', () => {
  it("signs exactly like Slack's documented example", () => {
    // The example from Slack's "Verifying requests from Slack" guide.
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const independent = createHmac('sha256', secret).update(`v0:1531420618:${body}`).digest('hex');

    const headers = signSlackRequest(secret, body, 1531420618);

    expect(independent).toBe('a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    expect(headers).toEqual({
      'x-slack-signature': `v0=${independent}`,
      'x-slack-request-timestamp': '1531420618',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });

  it('builds payloads in the shapes Slack sends', () => {
    const command = new URLSearchParams(slashCommand({ text: 'help me', userId: 'U1', teamId: 'T1' }).raw);
    expect(Object.fromEntries(command)).toMatchObject({ command: '/peer', text: 'help me', user_id: 'U1', team_id: 'T1' });
    expect(command.get('trigger_id')).toBeTruthy();

    const action: unknown = JSON.parse(
      new URLSearchParams(blockAction({ actionId: 'pairing.accept', value: 'p1', userId: 'U1', teamId: 'T1' }).raw).get(
        'payload',
      ) ?? '',
    );
    expect(action).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1' },
      container: { type: 'message' },
      actions: [{ action_id: 'pairing.accept', value: 'p1', type: 'button' }],
    });

    const submission: unknown = JSON.parse(
      new URLSearchParams(
        viewSubmission({
          callbackId: 'request',
          userId: 'U1',
          teamId: 'T1',
          values: { topic: { topic_input: stateValue.plainText('grief') } },
          privateMetadata: '{"i":1}',
        }).raw,
      ).get('payload') ?? '',
    );
    expect(submission).toMatchObject({
      type: 'view_submission',
      view: {
        type: 'modal',
        callback_id: 'request',
        private_metadata: '{"i":1}',
        team_id: 'T1',
        state: { values: { topic: { topic_input: { type: 'plain_text_input', value: 'grief' } } } },
      },
    });

    const event: unknown = JSON.parse(eventCallback({ type: 'app_home_opened', user: 'U1' }, { teamId: 'T1' }).raw);
    expect(event).toMatchObject({ type: 'event_callback', team_id: 'T1', event_id: expect.stringMatching(/^Ev/) });
  });

  it("sends requests that Bolt's own verifier accepts, and bad signatures it rejects", async () => {
    const secret = 'test-signing-secret';
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const valid = isValidSlackRequest({
          signingSecret: secret,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: {
            'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
            'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
          },
        });
        res.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url, valid }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    try {
      const body = slashCommand({ text: 'hi', userId: 'U1', teamId: 'T1' });
      const good = await sendToApp(baseUrl, body, { secret });
      expect(good).toMatchObject({ status: 200, json: { path: '/slack/events', valid: true } });

      const bad = await sendToApp(baseUrl, body, { secret, badSignature: true });
      expect(bad.status).toBe(401);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
