import type { AnyMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackRoutes } from '../../src/slack/routes.js';

// The one dispatcher behind every capability's listeners (issue 17): a payload reaches the handler
// registered for its kind and exact id, with Bolt's listener arguments; anything else goes on to Bolt.

type Args = AnyMiddlewareArgs & { next: () => Promise<void> };

function run(routes: SlackRoutes, body: Record<string, unknown>) {
  let passedOn = false;
  const args = { body, payload: {}, next: async () => void (passedOn = true), extra: 'kept' } as unknown as Args;
  return { passedOn: () => passedOn, go: () => routes.dispatch()(args as never) };
}

describe('SlackRoutes', () => {
  function world() {
    const routes = new SlackRoutes();
    const seen: { route: string; args: Record<string, unknown> }[] = [];
    const record = (route: string) => async (args: unknown) => void seen.push({ route, args: args as Record<string, unknown> });
    routes.action('a.one', record('action a.one'));
    routes.action('a.two', record('action a.two'));
    routes.view('v.modal', record('view v.modal'));
    routes.command('/peer', record('command /peer'));
    routes.event('message', record('event message'));
    routes.event('app_home_opened', record('event app_home_opened'));
    return { routes, seen };
  }

  it.each([
    [{ type: 'block_actions', actions: [{ action_id: 'a.two' }, { action_id: 'a.one' }] }, 'action a.two'],
    [{ type: 'view_submission', view: { callback_id: 'v.modal' } }, 'view v.modal'],
    [{ command: '/peer', text: 'help' }, 'command /peer'],
    [{ type: 'event_callback', event: { type: 'message', channel_type: 'im' } }, 'event message'],
    [{ type: 'event_callback', event: { type: 'app_home_opened' } }, 'event app_home_opened'],
  ])('calls the one handler for %j', async (body, expected) => {
    const { routes, seen } = world();
    const r = run(routes, body);
    await r.go();
    expect(seen.map((s) => s.route)).toEqual([expected]);
    expect(r.passedOn()).toBe(false);
    // Bolt's arguments are passed through; `next` is the listener's no-op, not the chain's.
    expect(seen[0]!.args.extra).toBe('kept');
    expect(seen[0]!.args.body).toBe(body);
    await (seen[0]!.args.next as () => Promise<void>)();
    expect(r.passedOn()).toBe(false);
  });

  it.each([
    [{ type: 'block_actions', actions: [{ action_id: 'a.unknown' }] }],
    [{ type: 'block_actions', actions: [] }],
    [{ type: 'view_closed', view: { callback_id: 'v.modal' } }],
    [{ type: 'view_submission', view: { callback_id: 'v.other' } }],
    [{ command: '/other' }],
    [{ type: 'event_callback', event: { type: 'reaction_added' } }],
    [{ type: 'shortcut', callback_id: 'a.one' }],
  ])('passes %j on to Bolt untouched', async (body) => {
    const { routes, seen } = world();
    const r = run(routes, body);
    await r.go();
    expect(seen).toEqual([]);
    expect(r.passedOn()).toBe(true);
  });

  it('lets a handler\'s failure reach the middleware around it', async () => {
    const routes = new SlackRoutes();
    routes.action('a.fails', async () => {
      throw new Error('boom');
    });
    await expect(run(routes, { type: 'block_actions', actions: [{ action_id: 'a.fails' }] }).go()).rejects.toThrow('boom');
  });

  it('refuses a second handler for an id, a pattern, and listener middleware', () => {
    const routes = new SlackRoutes();
    routes.action('a.one', async () => {});
    expect(() => routes.action('a.one', async () => {})).toThrow(/registered twice/);
    expect(() => routes.action(/a\..*/, async () => {})).toThrow(/exact id/);
    expect(() => routes.view('v.x', async () => {}, async () => {})).toThrow(/one handler/);
    // The same id on another kind is another route.
    routes.view('a.one', async () => {});
    expect(routes.registered()).toEqual([
      { kind: 'action', id: 'a.one' },
      { kind: 'view', id: 'a.one' },
    ]);
  });
});
