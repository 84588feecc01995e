import type { App, Receiver } from '@slack/bolt';
import nock from 'nock';
import { buildApp } from '../../src/app.js';
import type { SlackRoutes } from '../../src/slack/routes.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { memoryLogger } from './memory-logger.js';

// The real app in process: payloads go through Bolt's router via a receiver of our own, and Slack's Web
// API is faked at the HTTP boundary with nock on SLACK_API_URL (STYLE.md "Listeners").

export const SLACK_API = 'http://slack.test';
export const SLACK_API_URL = `${SLACK_API}/api/`;

class TestReceiver implements Receiver {
  app: App | undefined;
  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

export interface InProcessApp {
  readonly app: App;
  /** What the capabilities registered, by kind and id. */
  readonly routes: SlackRoutes;
  readonly clock: ReturnType<typeof fixedClock>;
  /** Everything the app logged, one JSON object per line. */
  logs(): string;
  /** Delivers a payload as Slack would and returns what the listener acknowledged with. */
  deliver(body: Record<string, unknown>): Promise<{ acked: boolean; response: unknown }>;
}

export function createInProcessApp(database: Database, now = '2026-03-02T10:00:00Z'): InProcessApp {
  const logs = memoryLogger('debug');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-in-process-fake',
    SLACK_SIGNING_SECRET: 'inProcessSecret123',
    SLACK_API_URL,
    DATABASE_URL: 'postgres://unused',
    LOG_LEVEL: 'debug',
  });
  const clock = fixedClock(now);
  const receiver = new TestReceiver();
  const { app, routes } = buildApp(
    { config, database, logger: logs.logger, clock, random: () => 0.5 },
    { receiver },
  );
  return {
    app,
    routes,
    clock,
    logs: logs.output,
    async deliver(body) {
      let acked = false;
      let response: unknown;
      await app.processEvent({
        body,
        ack: async (r?: unknown) => {
          acked = true;
          response = r;
        },
      });
      return { acked, response };
    },
  };
}

/** Nock scope for Slack's Web API; `auth.test` is answered for Bolt's token verification. */
export function slackApi(): nock.Scope {
  return nock(SLACK_API)
    .persist()
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: 'U0BOT00001', bot_id: 'B0BOT00001', team_id: 'T0FAKE0001' });
}

export function commandBody(text: string, userId = 'U0PERSON01', teamId = 'T0FAKE0001'): Record<string, unknown> {
  return {
    command: '/peer',
    text,
    user_id: userId,
    user_name: 'someone',
    team_id: teamId,
    team_domain: 'fake',
    channel_id: 'C0GENERAL1',
    channel_name: 'general',
    trigger_id: '1234.5678.abcdef',
    response_url: `${SLACK_API}/response/1`,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
  };
}
