import type { AnyMiddlewareArgs, Context, Logger, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { fromBolt } from './lazy-bolt-modules.js';
import { withArgs } from './with-args.js';

// Bolt runs every global middleware through `processMiddleware` (@slack/bolt/dist/middleware/process.js),
// which builds each one's arguments as `{ ...initialArgs, next, context, client, logger }`. On Node 20's
// V8 such a spread followed by more properties gets a new hidden class (a map and its descriptor array)
// on nearly every run: seen for Bolt's arguments of commands, clicks and events alike once requests of
// several kinds have come, and for plain literals too (src/slack/with-args.ts). Five global middlewares
// made five maps a request. Maps live in the old generation and point at their descriptor arrays, so those
// survived every scavenge until a full collection: `/peer help` moved 4.8 KiB a request into the old
// generation and a click 4.2, the promotion behind the full collections the slowest acks fell in (issue
// 17). This is the same function with the arguments built one property at a time, in one map for each
// kind of request: 0.55 KiB a help request and 0.51 a click. App.js reads this module's `default` at every
// call, so replacing it works whenever this module is imported; test/slack/bolt-middleware-args.test.ts
// checks that Bolt's file is still the one this stands in for.

type ProcessMiddleware = (
  middleware: Middleware<AnyMiddlewareArgs>[],
  initialArgs: AnyMiddlewareArgs,
  context: Context,
  client: WebClient,
  logger: Logger,
  last: () => Promise<void>,
) => Promise<void>;

/** Bolt's `processMiddleware`, as in @slack/bolt 5.1.0, with arguments that keep one shape. */
export const processMiddleware: ProcessMiddleware = async (middleware, initialArgs, context, client, logger, last) => {
  let lastCalledMiddlewareIndex = -1;
  const invokeMiddleware = async (toCallMiddlewareIndex: number): Promise<void> => {
    if (lastCalledMiddlewareIndex >= toCallMiddlewareIndex) {
      // Bolt's own words for the same mistake.
      throw Error('next() called multiple times');
    }
    if (toCallMiddlewareIndex < middleware.length) {
      lastCalledMiddlewareIndex = toCallMiddlewareIndex;
      return middleware[toCallMiddlewareIndex]!(
        withArgs(initialArgs, { next: () => invokeMiddleware(toCallMiddlewareIndex + 1), context, client, logger }),
      );
    }
    return last();
  };
  return invokeMiddleware(0);
};

/** Where Bolt's own `processMiddleware` lives (the test reads it). */
export const BOLT_PROCESS_MIDDLEWARE = fromBolt.resolve('./middleware/process.js');

(fromBolt(BOLT_PROCESS_MIDDLEWARE) as { default: ProcessMiddleware }).default = processMiddleware;
