import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { DatabaseProvider } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import type { PacedSender } from '../../src/delivery/dispatcher.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createBulkSender } from '../../src/slack/bulk-sender.js';
import { sameTokenEverywhere } from '../../src/slack/workspace-tokens.js';
import { openTestDatabase } from './databases.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';
// The type of inject('templates') (global-setup.ts): test/support is also compiled for the benchmarks.
import type {} from '../global-setup.js';

// What a service test calls against, per provider: a fresh database, the fake Slack and a sender pointed
// at it, a fixed clock set back to `start` before each test (with the fake's recorded calls and response
// overrides cleared), and the deps services take. Call it inside `describe.each(TEST_PROVIDERS)`; it
// registers the hooks. The database, Slack and sender exist only once beforeAll has run, so read them
// from the world inside tests and helpers, not at describe time.

export interface ServiceWorldOptions {
  /** Where the fixed clock starts, and where it is set back to before each test. */
  start: string;
  /**
   * 'direct' (the default): a plain WebClient with no pacing, for tests about what is sent, not how fast.
   * 'bulk': the app's bulk sender (pacer, no retries, 429s rejected at once, a 2-second timeout).
   */
  sender?: 'direct' | 'bulk';
  /** The bot token the sender presents. */
  token?: string;
  /** Silent unless given. */
  logger?: Logger;
}

export interface ServiceWorld {
  readonly database: Awaited<ReturnType<typeof openTestDatabase>>;
  readonly db: Db;
  readonly slack: FakeSlack;
  readonly sender: PacedSender;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly logger: Logger;
  /** What services take: this world's database (or `db`, say a second connection), clock and logger, and fixed randomness. */
  deps(db?: Db): { db: Db; clock: ReturnType<typeof fixedClock>; logger: Logger; random: () => number };
}

export function serviceWorld(provider: DatabaseProvider, options: ServiceWorldOptions): ServiceWorld {
  const { start, token = 'xoxb-test-fake' } = options;
  const clock = fixedClock(start);
  const logger = options.logger ?? createLogger('silent');
  let database: ServiceWorld['database'] | undefined;
  let slack: FakeSlack | undefined;
  let sender: PacedSender | undefined;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
    slack = await startFakeSlack();
    if (options.sender === 'bulk') {
      sender = createBulkSender({ tokens: sameTokenEverywhere(token), slackApiUrl: slack.url, logger, timeoutMs: 2_000 });
    } else {
      const client = new WebClient(token, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
      sender = { clientFor: async () => client, paced: (_workspace, call) => call(client) };
    }
  });
  afterAll(async () => {
    await slack?.close();
    await database?.drop();
  });
  beforeEach(() => {
    slack!.reset();
    slack!.clearResponse();
    clock.set(start);
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`serviceWorld: ${what} is not ready before beforeAll has run`);
    return value;
  };

  return {
    get database() {
      return ready(database, 'the database');
    },
    get db() {
      return ready(database, 'the database').db;
    },
    get slack() {
      return ready(slack, 'the fake Slack');
    },
    get sender() {
      return ready(sender, 'the sender');
    },
    clock,
    logger,
    deps: (db) => ({ db: db ?? ready(database, 'the database').db, clock, logger, random: () => 0.3 }),
  };
}
