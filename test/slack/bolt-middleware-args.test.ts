import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { BOLT_PROCESS_MIDDLEWARE, processMiddleware } from '../../src/slack/bolt-middleware-args.js';
import { REPO_ROOT } from '../support/app-process.js';

// Issue 17: Bolt's global middleware and our handlers get their arguments in one hidden class for every
// request, where Bolt's own `{ ...initialArgs, next, ... }` made a new one each time on Node 20 (and with
// it old-generation garbage that only a full collection clears). The shapes are V8's own, read with its
// natives syntax in a fresh process running the built code through Bolt's real App.

type Args = Parameters<Middleware<AnyMiddlewareArgs>>[0];

/** Bolt 5.1.0's dist/middleware/process.js, which src/slack/bolt-middleware-args.ts stands in for. */
const BOLT_5_1_0_PROCESS_MIDDLEWARE = '2246f23eb0b9f5e4b649f6160a30b1443af63b9f953d0b7ed951a5dc42ec4950';

const noClient = {} as Args['client'];
const noLogger = {} as Args['logger'];

describe("Bolt's global middleware arguments", () => {
  it('stands in for the processMiddleware of the Bolt version it was written from', () => {
    // A new Bolt may change what its middleware are given: read its process.js again before updating this.
    const source = readFileSync(BOLT_PROCESS_MIDDLEWARE);
    expect(createHash('sha256').update(source).digest('hex')).toBe(BOLT_5_1_0_PROCESS_MIDDLEWARE);
  });

  it('runs the middleware in order, each with the arguments, context, client and logger, then the last step', async () => {
    const seen: string[] = [];
    const context = { botId: 'B1' } as unknown as Args['context'];
    const middleware: Middleware<AnyMiddlewareArgs>[] = [
      async (args) => {
        seen.push(`first ${String((args as unknown as { body: { n: number } }).body.n)} ${String(args.context === context)}`);
        await args.next();
        seen.push('first after next');
      },
      async (args) => {
        seen.push(`second ${String(args.client === noClient && args.logger === noLogger)}`);
        await args.next();
      },
    ];
    const initial = { body: { n: 7 } } as unknown as AnyMiddlewareArgs;
    await processMiddleware(middleware, initial, context, noClient, noLogger, async () => void seen.push('last'));
    expect(seen).toEqual(['first 7 true', 'second true', 'last', 'first after next']);
    // Each middleware's arguments are a copy: the initial arguments are not changed.
    expect(Object.keys(initial)).toEqual(['body']);
  });

  it('stops where a middleware does not call next, and refuses a second call of next as Bolt does', async () => {
    let reached = false;
    await processMiddleware([async () => {}], {} as AnyMiddlewareArgs, {} as Args['context'], noClient, noLogger, async () => void (reached = true));
    expect(reached).toBe(false);

    const twice: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
      await next();
      await next();
    };
    await expect(processMiddleware([twice, async ({ next }) => next()], {} as AnyMiddlewareArgs, {} as Args['context'], noClient, noLogger, async () => {})).rejects.toThrow(
      'next() called multiple times',
    );
  });

  it("gives Bolt's real App middleware and our handlers arguments of one shape for every request", () => {
    const out = execFileSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '--disable-warning=ExperimentalWarning',
        '--input-type=module',
        '-e',
        `
        await import('./dist/slack/bolt-middleware-args.js');
        const { SlackRoutes } = await import('./dist/slack/routes.js');
        const { default: bolt } = await import('@slack/bolt/dist/App.js');
        const receiver = { init() {}, async start() {}, async stop() {} };
        const app = new bolt.default({ receiver, authorize: async () => ({ botToken: 'xoxb-1-2-abc', botId: 'BBOT', botUserId: 'UBOT' }), logLevel: 'error' });
        const middlewareArgs = { command: [], click: [], event: [] };
        const handlerArgs = { command: [], click: [], event: [] };
        const kindOf = (body) => (body.command ? 'command' : body.type === 'block_actions' ? 'click' : 'event');
        app.use(async (args) => { middlewareArgs[kindOf(args.body)].push(args); await args.next(); });
        const routes = new SlackRoutes();
        routes.command('/peer', async (args) => { handlerArgs.command.push(args); await args.ack(); });
        routes.action('a.one', async (args) => { handlerArgs.click.push(args); await args.ack(); });
        routes.event('message', async (args) => { handlerArgs.event.push(args); });
        app.use(routes.dispatch());
        const bodies = {
          command: (n) => ({ command: '/peer', text: 'help ' + n, user_id: 'U' + n, team_id: 'T1', channel_id: 'C1', response_url: 'http://slack.test/r', trigger_id: 't' }),
          click: (n) => ({ type: 'block_actions', user: { id: 'U' + n }, team: { id: 'T1' }, actions: [{ action_id: 'a.one', type: 'button' }], response_url: 'http://slack.test/r', trigger_id: 't' }),
          event: (n) => ({ type: 'event_callback', team_id: 'T1', event_id: 'Ev' + n, event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U' + n, text: 'hi', ts: n + '.000001' } }),
        };
        // Kinds in turn, as they come to the app: Bolt's copies of each kind's arguments are built from
        // objects of several shapes, where V8's spread gave up on keeping one.
        for (let n = 1; n <= 4; n++) {
          for (const kind of Object.keys(bodies)) await app.processEvent({ body: bodies[kind](n), ack: async () => {} });
        }
        const same = (lists) => Object.fromEntries(Object.entries(lists).map(([k, list]) => [k, list.length === 4 && %HaveSameMap(list[2], list[3])]));
        console.log(JSON.stringify({ middleware: same(middlewareArgs), handlers: same(handlerArgs) }));
        process.exit(0);
        `,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(JSON.parse(out.trim())).toEqual({
      middleware: { command: true, click: true, event: true },
      handlers: { command: true, click: true, event: true },
    });
  });
});
