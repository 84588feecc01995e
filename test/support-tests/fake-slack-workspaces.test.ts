import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_BOT_TOKEN } from '../support/app-process.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';

// The fake Slack with several workspaces (issue 16): strict the way Slack is about which token acts where.

const ALPHA = { teamId: 'T0ALPHA001', botToken: 'xoxb-alpha-token', botUserId: 'U0ALPHABOT' };
const BRAVO = { teamId: 'T0BRAVO001', botToken: 'xoxb-bravo-token', botUserId: 'U0BRAVOBOT', enterpriseId: 'E0ORG00001', rotation: true };
const CLIENT = { clientId: '1234.5678', clientSecret: 'fake-client-secret' };

let fake: FakeSlack;

function clientFor(token?: string): WebClient {
  return new WebClient(token, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
}

async function platformError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return error.data.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  fake = await startFakeSlack({
    workspaces: [ALPHA, BRAVO],
    oauth: CLIENT,
    users: [
      { id: 'U0ALICE', team_id: ALPHA.teamId, real_name: 'Alice Alpha' },
      { id: 'U0BOB', team_id: BRAVO.teamId, real_name: 'Bob Bravo' },
    ],
  });
});

afterEach(() => {
  fake.reset();
  fake.clearResponse();
});

afterAll(async () => {
  await fake.close();
});

describe('fake Slack with several workspaces', () => {
  it("answers auth.test with the token's own workspace and bot, and refuses a token it does not know", async () => {
    expect(await clientFor(ALPHA.botToken).auth.test()).toMatchObject({ team_id: ALPHA.teamId, user_id: ALPHA.botUserId, bot_id: 'B0ALPHA001' });
    expect(await clientFor(BRAVO.botToken).auth.test()).toMatchObject({ team_id: BRAVO.teamId, user_id: BRAVO.botUserId, enterprise_id: 'E0ORG00001' });

    expect(await platformError(clientFor('xoxb-nobody').auth.test())).toBe('invalid_auth');
    // The default single-workspace token is just another unknown token here.
    expect(await platformError(clientFor(E2E_BOT_TOKEN).chat.postMessage({ channel: 'U0ALICE', text: 'hi' }))).toBe('invalid_auth');
    expect(fake.calls.at(-1)?.refusal?.error).toBe('invalid_auth');
    expect(fake.calls.at(-1)?.teamId).toBeUndefined();
  });

  it("refuses to reach a person, or their DM, of another workspace, and waitFor fails on it", async () => {
    const alpha = clientFor(ALPHA.botToken);

    expect(await alpha.chat.postMessage({ channel: 'U0ALICE', text: 'hi' })).toMatchObject({ ok: true, channel: 'DU0ALICE', message: { team: ALPHA.teamId } });
    expect(await platformError(alpha.chat.postMessage({ channel: 'U0BOB', text: 'hi' }))).toBe('channel_not_found');
    expect(await platformError(alpha.chat.postMessage({ channel: 'DU0BOB', text: 'hi' }))).toBe('channel_not_found');
    expect(await platformError(alpha.users.info({ user: 'U0BOB' }))).toBe('user_not_found');
    expect(await platformError(alpha.conversations.open({ users: 'U0BOB' }))).toBe('user_not_found');
    expect(await platformError(alpha.views.publish({ user_id: 'U0BOB', view: { type: 'home', blocks: [] } }))).toBe('user_not_found');
    // Strictly, a person the fake does not know at all is nobody's.
    expect(await platformError(alpha.users.info({ user: 'U0STRANGER' }))).toBe('user_not_found');

    await expect(fake.waitFor('chat.postMessage', (call) => call.args.channel === 'U0BOB')).rejects.toThrow(/channel_not_found.*U0BOB.*T0ALPHA001/);
    await expect(fake.waitFor('users.info')).rejects.toThrow(/user_not_found/);

    // The DM conversations.open gives belongs to the person's workspace: Bravo may post there, Alpha may not.
    const opened = await clientFor(BRAVO.botToken).conversations.open({ users: 'U0BOB' });
    const dm = opened.channel?.id ?? '';
    expect(await clientFor(BRAVO.botToken).chat.postMessage({ channel: dm, text: 'hi' })).toMatchObject({ ok: true });
    expect(await platformError(alpha.chat.update({ channel: dm, ts: '1.000100', text: 'x' }))).toBe('channel_not_found');
  });

  it('checks the address before an override answers', async () => {
    fake.setResponse('chat.postMessage', { ok: true, channel: 'X', ts: '1.000100' });
    expect(await platformError(clientFor(ALPHA.botToken).chat.postMessage({ channel: 'U0BOB', text: 'hi' }))).toBe('channel_not_found');
  });

  it('tells the calls of each workspace apart', async () => {
    await clientFor(ALPHA.botToken).chat.postMessage({ channel: 'U0ALICE', text: 'a' });
    await clientFor(BRAVO.botToken).chat.postMessage({ channel: 'U0BOB', text: 'b' });
    await clientFor(BRAVO.botToken).users.info({ user: 'U0BOB' });

    expect(fake.callsFor(ALPHA.teamId).map((call) => call.args.channel ?? call.args.user)).toEqual(['U0ALICE']);
    expect(fake.callsFor(BRAVO.teamId).map((call) => call.args.channel ?? call.args.user)).toEqual(['U0BOB', 'U0BOB']);
    expect(() => fake.callsFor('T0NOBODY')).toThrow(/no workspace/);
  });

  it('installs a workspace through the authorize page and oauth.v2.access, with the scopes asked for', async () => {
    const link =
      'https://slack.com/oauth/v2/authorize?client_id=1234.5678&scope=chat:write,commands,users:read&state=s1&redirect_uri=' +
      encodeURIComponent('http://127.0.0.1:3000/slack/oauth_redirect');
    const approved = fake.authorize(link, { teamId: ALPHA.teamId, userId: 'U0ALICE' });
    expect(approved.code).toBe('code-T0ALPHA001');
    expect(approved.redirectUrl).toBe('http://127.0.0.1:3000/slack/oauth_redirect?code=code-T0ALPHA001&state=s1');
    expect(() => fake.authorize(link.replace('1234.5678', '9999'), { teamId: ALPHA.teamId })).toThrow(/client_id/);
    expect(() => fake.authorize(link, { teamId: ALPHA.teamId, userId: 'U0BOB' })).toThrow(/not a person of T0ALPHA001/);

    const noToken = clientFor();
    const access = { code: approved.code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, redirect_uri: 'http://127.0.0.1:3000/slack/oauth_redirect' };
    const installed = await noToken.oauth.v2.access(access);
    expect(installed).toMatchObject({
      ok: true,
      access_token: ALPHA.botToken,
      token_type: 'bot',
      scope: 'chat:write,commands,users:read',
      bot_user_id: ALPHA.botUserId,
      app_id: 'A0FAKEAPP1',
      team: { id: ALPHA.teamId },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0ALICE' },
    });
    expect(installed).not.toHaveProperty('refresh_token');
    // The secret is a credential: it is checked, never recorded.
    expect(JSON.stringify(fake.callsTo('oauth.v2.access'))).not.toContain(CLIENT.clientSecret);

    expect(await platformError(noToken.oauth.v2.access({ ...access, client_secret: 'wrong' }))).toBe('bad_client_secret');
    expect(await platformError(noToken.oauth.v2.access({ ...access, client_id: '9999' }))).toBe('invalid_client_id');
    expect(await platformError(noToken.oauth.v2.access({ ...access, code: 'code-T0NOBODY' }))).toBe('invalid_code');
    expect(await platformError(noToken.oauth.v2.access({ ...access, redirect_uri: 'http://elsewhere/' }))).toBe('bad_redirect_uri');

    // Client credentials as HTTP basic auth, which Slack takes as well.
    const basic = await fetch(`${fake.url}oauth.v2.access`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ code: approved.code, redirect_uri: access.redirect_uri }).toString(),
    });
    expect(await basic.json()).toMatchObject({ ok: true, access_token: ALPHA.botToken });
  });

  it('rotates tokens: an install answers a refresh token, a refresh a new token, and the old one still works', async () => {
    const noToken = clientFor();
    const installed = await noToken.oauth.v2.access({ code: `code-${BRAVO.teamId}`, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(installed).toMatchObject({ access_token: BRAVO.botToken, expires_in: 43_200, enterprise: { id: 'E0ORG00001' } });
    const refreshToken = String(installed.refresh_token);

    const refreshed = await noToken.oauth.v2.access({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    const newToken = String(refreshed.access_token);
    expect(newToken).not.toBe(BRAVO.botToken);
    expect(refreshed).toMatchObject({ token_type: 'bot', team: { id: BRAVO.teamId }, refresh_token: refreshToken, expires_in: 43_200 });

    expect(await clientFor(newToken).auth.test()).toMatchObject({ team_id: BRAVO.teamId });
    expect(await clientFor(BRAVO.botToken).auth.test()).toMatchObject({ team_id: BRAVO.teamId });
    expect(fake.callsFor(BRAVO.teamId).map((call) => call.token)).toEqual([newToken, BRAVO.botToken]);

    expect(
      await platformError(noToken.oauth.v2.access({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-forged', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret })),
    ).toBe('invalid_refresh_token');
    // Alpha does not rotate: it has no refresh token to use.
    expect(fake.workspace(ALPHA.teamId).refreshToken).toBeUndefined();
  });

  it('answers token_revoked once a workspace is revoked, leaves the other alone, and a reinstall gets a new token', async () => {
    const client = await startFakeSlack({ workspaces: [{ teamId: 'T0ONE00001', botToken: 'xoxb-one' }, { teamId: 'T0TWO00001', botToken: 'xoxb-two' }] });
    try {
      const call = (token: string) => new WebClient(token, { slackApiUrl: client.url, retryConfig: { retries: 0 } }).auth.test();
      client.revoke('T0ONE00001');

      expect(await platformError(call('xoxb-one'))).toBe('token_revoked');
      expect(client.calls.at(-1)).toMatchObject({ teamId: 'T0ONE00001', refusal: { error: 'token_revoked' } });
      expect(await call('xoxb-two')).toMatchObject({ team_id: 'T0TWO00001' });
      expect(client.workspace('T0ONE00001').revoked).toBe(true);

      const reinstalled = await new WebClient(undefined, { slackApiUrl: client.url, retryConfig: { retries: 0 } }).oauth.v2.access({
        code: 'code-T0ONE00001',
        client_id: 'any',
        client_secret: 'any',
      });
      const token = String(reinstalled.access_token);
      expect(token).not.toBe('xoxb-one');
      expect(await call(token)).toMatchObject({ team_id: 'T0ONE00001' });
      expect(await platformError(call('xoxb-one'))).toBe('token_revoked');
      // The install took no token, so it is none of the workspace's calls.
      expect(client.callsFor('T0ONE00001').map((c) => c.token)).toEqual(['xoxb-one', token, 'xoxb-one']);
    } finally {
      await client.close();
    }
  });

  it('expires a rotating token after its lifetime with token_expired', async () => {
    // A lifetime of 0 seconds: expired as soon as it is issued, so no test has to wait.
    const client = await startFakeSlack({ workspaces: [{ teamId: 'T0ROT00001', botToken: 'xoxe.xoxb-rot', rotation: true, expiresInSeconds: 0 }] });
    try {
      const installed = await new WebClient(undefined, { slackApiUrl: client.url, retryConfig: { retries: 0 } }).oauth.v2.access({
        code: 'code-T0ROT00001',
        client_id: 'any',
        client_secret: 'any',
      });
      expect(installed.expires_in).toBe(0);
      expect(await platformError(new WebClient('xoxe.xoxb-rot', { slackApiUrl: client.url, retryConfig: { retries: 0 } }).auth.test())).toBe('token_expired');
    } finally {
      await client.close();
    }
  });
});

describe('fake Slack with its one default workspace', () => {
  it('takes any token as the one workspace, as single-workspace tests expect, until it is revoked', async () => {
    const single = await startFakeSlack({ teamId: 'T0SINGLE01', users: [{ id: 'U0SAM' }, { id: 'U0FAR', team_id: 'T0ELSEWHERE' }] });
    try {
      const client = (token: string) => new WebClient(token, { slackApiUrl: single.url, retryConfig: { retries: 0 } });
      expect(await client('xoxb-anything').auth.test()).toMatchObject({ team_id: 'T0SINGLE01', user_id: 'U0FAKEBOT1' });
      // People the fake was never told about stay reachable, as before.
      expect(await client(E2E_BOT_TOKEN).chat.postMessage({ channel: 'U0UNLISTED', text: 'hi' })).toMatchObject({ ok: true });
      expect(await client(E2E_BOT_TOKEN).chat.postMessage({ channel: 'U0SAM', text: 'hi' })).toMatchObject({ ok: true });
      // A person it knows to be of another workspace is not.
      expect(await platformError(client(E2E_BOT_TOKEN).chat.postMessage({ channel: 'U0FAR', text: 'hi' }))).toBe('channel_not_found');
      expect(single.callsFor('T0SINGLE01')).toHaveLength(4);

      single.revoke('T0SINGLE01');
      expect(await platformError(client('xoxb-anything').auth.test())).toBe('token_revoked');
    } finally {
      await single.close();
    }
  });
});
