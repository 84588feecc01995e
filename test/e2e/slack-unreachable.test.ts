import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { E2E_SIGNING_SECRET, startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../src/simulator/web-api.js';
import { eventCallback, sendToApp, slashCommand } from '../../src/simulator/requests.js';
import { TEAM } from '../support/flows.js';
import { person } from '../support/pairing-flows.js';

// Slack's Web API unreachable when the app starts (a network fault, an outage): with SLACK_BOT_TOKEN,
// Bolt's own authorization asked auth.test in its constructor, and the refusal was an unhandled
// rejection that stopped the process half a second after "peer support is running"
// (src/slack/token-authorize.ts). The app must stay up, answer /peer help all the while (its answer
// travels in the acknowledgement, not through the Web API), and handle messages again once Slack is
// back, without a restart. The database plays no part: one provider is enough.

const provider = TEST_PROVIDERS.includes('sqlite') ? 'sqlite' : TEST_PROVIDERS[0]!;
const SEEKER = person('U0UNREACH1', 'Ottoline', 'Fairweather');
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`Slack's Web API unreachable at start-up on ${provider}`, () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let bot: AppProcess;

  beforeAll(async () => {
    slack = await startFakeSlack({ teamId: TEAM, users: [SEEKER] });
    // Every Web API call fails the way an outage does, from before the app starts.
    for (const method of ['auth.test', 'users.info', 'chat.postMessage']) slack.setResponse(method, () => ({ status: 503, body: 'service unavailable' }));
    database = await createTestDatabase(provider, inject('templates'));
    bot = await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url });
  });

  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await database?.drop();
  });

  it('stays up and answers /peer help while Slack cannot be reached', async () => {
    // Bolt's constructor's auth.test failed within half a second and took the process with it.
    await delay(2_000);
    expect(slack.calls.some((c) => c.method === 'auth.test')).toBe(true);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    expect(bot.output()).not.toMatch(/WebAPIRequestError|unhandled/i);

    const res = await sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: SEEKER.id, teamId: TEAM }), { secret: E2E_SIGNING_SECRET });
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/peer request');
  });

  it('answers a message again once Slack is back, without a restart', async () => {
    slack.clearResponse();
    const since = slack.calls.length;
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const event = { type: 'message', channel_type: 'im', channel: `D${SEEKER.id}`, user: SEEKER.id, text: 'is anyone there?', ts, event_ts: ts };
    const res = await sendToApp(bot.baseUrl, eventCallback(event, { teamId: TEAM }), { secret: E2E_SIGNING_SECRET });
    expect(res.status).toBe(200);
    const answered = (c: RecordedCall) => c.method === 'chat.postMessage' && (c.args.channel === SEEKER.id || c.args.channel === `D${SEEKER.id}`);
    const answer = await slack.waitFor('chat.postMessage', (c) => slack.calls.indexOf(c) >= since && answered(c), 8_000);
    expect(answer.args.text).toBeTruthy();
    // The bot's ids were asked again once Slack answered (the failed answer was not kept).
    expect(slack.calls.slice(since).some((c) => c.method === 'auth.test')).toBe(true);
  });
});
