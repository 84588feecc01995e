import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import { withArgs } from './with-args.js';

// One dispatcher instead of one Bolt listener per id (issue 17, a lean hot path). Bolt runs every
// registered listener's matchers for every request, copying the whole argument object at each step:
// with some forty buttons, modals, commands and events that was the largest cost of an ack after the
// database, for a click that only needed one map lookup. Capabilities register here with the same calls
// and types as on the App; `dispatch()` is one global middleware that finds the one handler by kind and
// id and calls it with the arguments Bolt gives listeners. Anything without a handler goes on to Bolt
// unchanged (where nothing is registered, as before).

/** What capabilities register on: the App's own methods and types, exact ids only. */
export type Routes = Pick<App, 'action' | 'view' | 'event' | 'command'>;

export type RouteKind = 'action' | 'view' | 'event' | 'command';

type Handler = (args: AnyMiddlewareArgs & { next: () => Promise<void> } & Record<string, unknown>) => Promise<unknown>;

/** The route of one incoming payload: its kind and id, as Bolt matches them for string ids. */
function routeOf(body: unknown): { kind: RouteKind; id: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as {
    type?: unknown;
    command?: unknown;
    actions?: { action_id?: unknown }[];
    view?: { callback_id?: unknown };
    event?: { type?: unknown };
  };
  if (typeof b.command === 'string') return { kind: 'command', id: b.command };
  // Bolt passes the first action of a block_actions payload as `action` (App.processEvent).
  if (b.type === 'block_actions' && typeof b.actions?.[0]?.action_id === 'string') return { kind: 'action', id: b.actions[0].action_id };
  // `app.view('id')` matches view_submission only (Bolt's default constraint type).
  if (b.type === 'view_submission' && typeof b.view?.callback_id === 'string') return { kind: 'view', id: b.view.callback_id };
  if (b.type === 'event_callback' && typeof b.event?.type === 'string') return { kind: 'event', id: b.event.type };
  return undefined;
}

const doNothing = async (): Promise<void> => {};

export class SlackRoutes implements Routes {
  readonly #handlers = new Map<string, Handler>();

  /** Every registered route, for the authorization matrix's completeness check. */
  registered(): { kind: RouteKind; id: string }[] {
    return [...this.#handlers.keys()].map((key) => {
      const at = key.indexOf(':');
      return { kind: key.slice(0, at) as RouteKind, id: key.slice(at + 1) };
    });
  }

  #add(kind: RouteKind, id: unknown, listeners: unknown[]): void {
    if (typeof id !== 'string') throw new TypeError(`${kind} routes take an exact id, not ${String(id)}`);
    if (listeners.length !== 1 || typeof listeners[0] !== 'function') throw new TypeError(`${kind} ${id}: one handler, no listener middleware`);
    const key = `${kind}:${id}`;
    if (this.#handlers.has(key)) throw new Error(`${kind} ${id} is registered twice`);
    this.#handlers.set(key, listeners[0] as Handler);
  }

  readonly action = ((id: unknown, ...listeners: unknown[]) => this.#add('action', id, listeners)) as Routes['action'];
  readonly view = ((id: unknown, ...listeners: unknown[]) => this.#add('view', id, listeners)) as Routes['view'];
  readonly event = ((id: unknown, ...listeners: unknown[]) => this.#add('event', id, listeners)) as Routes['event'];
  readonly command = ((id: unknown, ...listeners: unknown[]) => this.#add('command', id, listeners)) as Routes['command'];

  /** The global middleware that calls the payload's handler; last in the chain, as listeners come after middleware. */
  dispatch(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const route = routeOf(args.body);
      const handler = route ? this.#handlers.get(`${route.kind}:${route.id}`) : undefined;
      if (!handler) {
        await args.next();
        return;
      }
      // As Bolt calls a listener: the same arguments, and a `next` that does nothing. Not `{ ...args, next }`,
      // which gets a new hidden class on every request (src/slack/with-args.ts).
      await handler(withArgs(args, { next: doNothing }) as unknown as Parameters<Handler>[0]);
    };
  }
}
