import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../src/simulator/free-port.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';
import {
  blockAction,
  eventCallback,
  sendToApp,
  signSlackRequest,
  slashCommand,
  stateValue,
  viewSubmission,
} from '../../src/simulator/requests.js';

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

describe('fake Slack refuses what Slack refuses (Block Kit)', () => {
  const button = (actionId: string, text = 'Go') => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text } });
  const section = (text: string, blockId?: string) => ({ type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text } });
  const modal = (extra: Record<string, unknown>) => ({ type: 'modal', title: { type: 'plain_text', text: 'Request' }, blocks: [], ...extra });
  const input = {
    type: 'input',
    block_id: 'topic',
    label: { type: 'plain_text', text: 'Topic' },
    element: { type: 'plain_text_input', action_id: 'value' },
  };

  /** The whole body Slack answers a refused call with. */
  async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
    const error = await caught(promise);
    if (!(error instanceof WebAPIPlatformError)) throw error;
    return error.data as unknown as Record<string, unknown>;
  }

  it('refuses a message whose block repeats an action_id with invalid_blocks, naming the place', async () => {
    const blocks = [{ type: 'actions', elements: [button('checkin.answer', 'Helpful'), button('checkin.answer', 'Not yet')] }];

    const body = await refusal(clientFor(fake).apiCall('chat.postMessage', { channel: 'C1', text: 'How is it going?', blocks }));

    expect(body).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(body.errors).toEqual([expect.stringMatching(/duplicate action_id "checkin\.answer".*json-pointer:\/blocks\/0\/elements\/1\/action_id/)]);
    // Recorded, but marked: nobody received it.
    expect(fake.callsTo('chat.postMessage')[0]?.refusal?.error).toBe('invalid_blocks');
  });

  it('accepts the same buttons once each has its own action_id', async () => {
    const blocks = [{ type: 'actions', elements: [button('checkin.answer.helpful', 'Helpful'), button('checkin.answer.not_yet', 'Not yet')] }];
    await expect(clientFor(fake).chat.postMessage({ channel: 'C1', text: 'How is it going?', blocks })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a message that repeats a block_id', async () => {
    const blocks = [section('One', 'intro'), section('Two', 'intro')];

    const body = await refusal(clientFor(fake).apiCall('chat.postMessage', { channel: 'C1', text: 'x', blocks }));

    expect(body.error).toBe('invalid_blocks');
    expect(body.errors).toEqual([expect.stringContaining('duplicate block_id "intro"')]);
  });

  it('refuses a Home tab that repeats a block_id with invalid_arguments', async () => {
    const view = { type: 'home', blocks: [section('One', 'intro'), { type: 'divider', block_id: 'intro' }] };

    const body = await refusal(clientFor(fake).apiCall('views.publish', { user_id: 'U0ALEX', view }));

    expect(body).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(body.response_metadata).toEqual({ messages: [expect.stringContaining('duplicate block_id "intro"')] });
  });

  it('refuses a message of 51 blocks, and takes one of 50', async () => {
    const client = clientFor(fake);
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => section(`Line ${i}`));

    const body = await refusal(client.apiCall('chat.postMessage', { channel: 'C1', text: 'x', blocks: blocks(51) }));
    expect(body.error).toBe('invalid_blocks');
    expect(body.errors).toEqual([expect.stringMatching(/no more than 50 items.*json-pointer:\/blocks\]/)]);

    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: blocks(50) })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a modal with an input block and no submit button', async () => {
    const client = clientFor(fake);

    const body = await refusal(client.apiCall('views.open', { trigger_id: '1.2.abc', view: modal({ blocks: [input] }) }));
    expect(body).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(body.response_metadata).toEqual({ messages: [expect.stringMatching(/^\[ERROR\] required when the modal has an input block.*\/view\/submit/)] });

    const fixed = modal({ blocks: [input], submit: { type: 'plain_text', text: 'Send' } });
    await expect(client.apiCall('views.open', { trigger_id: '1.2.abc', view: fixed })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a modal title of 25 characters on open, push and update', async () => {
    const client = clientFor(fake);
    const view = modal({ title: { type: 'plain_text', text: 'A'.repeat(25) } });

    for (const [method, args] of [
      ['views.open', { trigger_id: '1.2.abc' }],
      ['views.push', { trigger_id: '1.2.abc' }],
      ['views.update', { view_id: 'V1' }],
    ] as const) {
      const body = await refusal(client.apiCall(method, { ...args, view }));
      expect(body.error).toBe('invalid_arguments');
      expect(body.response_metadata).toEqual({ messages: [expect.stringContaining('must be less than 25 characters (is 25) [json-pointer:/view/title/text]')] });
    }
    await expect(client.apiCall('views.open', { trigger_id: '1.2.abc', view: modal({ title: { type: 'plain_text', text: 'A'.repeat(24) } }) })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a button text of 76 characters in an ephemeral message and in an update', async () => {
    const client = clientFor(fake);
    const blocks = [{ type: 'actions', elements: [button('pairing.end', 'E'.repeat(76))] }];

    const ephemeral = await refusal(client.apiCall('chat.postEphemeral', { channel: 'C1', user: 'U0ALEX', text: 'x', blocks }));
    expect(ephemeral).toMatchObject({ error: 'invalid_blocks', errors: [expect.stringContaining('/blocks/0/elements/0/text/text')] });

    const update = await refusal(client.apiCall('chat.update', { channel: 'C1', ts: '1.000100', text: 'x', blocks }));
    expect(update.error).toBe('invalid_blocks');
  });

  it('refuses a message with neither text nor blocks with no_text', async () => {
    expect(await platformError(clientFor(fake).apiCall('chat.postMessage', { channel: 'C1' }))).toBe('no_text');
    expect(await platformError(clientFor(fake).apiCall('chat.update', { channel: 'C1', ts: '1.000100', text: '' }))).toBe('no_text');
  });

  it('checks before an override answers, as Slack refuses the call before anything else happens', async () => {
    let overridden = 0;
    fake.setResponse('chat.postMessage', (_call, defaultReply) => {
      overridden += 1;
      return defaultReply();
    });
    const blocks = [section('One', 'x'), section('Two', 'x')];

    expect(await platformError(clientFor(fake).apiCall('chat.postMessage', { channel: 'C1', text: 'x', blocks }))).toBe('invalid_blocks');
    expect(overridden).toBe(0);
  });

  it('answers a response_url post with invalid blocks HTTP 200 invalid_blocks, and records it', async () => {
    const post = (payload: unknown) =>
      fetch(fake.responseUrl('click-1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const blocks = [{ type: 'actions', elements: [button('listener.pause', 'Pause: A'), button('listener.pause', 'Pause: B')] }];

    const refused = await post({ text: 'Which one?', blocks, response_type: 'ephemeral' });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ ok: false, error: 'invalid_blocks' });

    const accepted = await post({ text: 'Done.', replace_original: true });
    expect(await accepted.json()).toEqual({ ok: true });
    const deleted = await post({ delete_original: true });
    expect(await deleted.json()).toEqual({ ok: true });

    expect(fake.callsTo('response_url').map((c) => c.refusal?.error)).toEqual(['invalid_blocks', undefined, undefined]);
  });

  it('waitFor fails at once, with Slack\'s reasons, on a refused call instead of resolving with it', async () => {
    const waiting = expect(fake.waitFor('chat.postMessage', (call) => call.args.channel === 'C9', 2000)).rejects.toThrow(
      /refused.*invalid_blocks: must be plain_text \[json-pointer:\/blocks\/0\/text\/type\]/,
    );
    const blocks = [{ type: 'header', text: { type: 'mrkdwn', text: 'Hi' } }];
    await caught(clientFor(fake).apiCall('chat.postMessage', { channel: 'C9', text: 'x', blocks }));

    await waiting;
    await expect(fake.waitFor('chat.postMessage', (call) => call.args.channel === 'C9', 20)).rejects.toThrow(/refused/);
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
    const baseUrl = `http://127.0.0.1:${await listenOnLoopback(server)}`;

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
