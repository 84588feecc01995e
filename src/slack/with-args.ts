// An object copied with more properties: Bolt's arguments for each middleware and handler, a fetch's
// options with a signal (issue 17). On Node 20's V8, `{ ...args, next }` (an object
// spread followed by more properties) gets a new hidden class on nearly every run, even from a plain
// literal (`{ ...{ a: n }, i }` in a loop: a new map each time); the map lands in the old generation and
// keeps its descriptor array alive through every scavenge: old-generation garbage on every request
// (src/slack/bolt-middleware-args.ts).

/**
 * `{ ...base, ...more }`, built one property at a time: every object built from bases of one shape then
 * shares one hidden class, through V8's ordinary transitions. (`Object.assign({}, base)` with the rest
 * assigned after it does not: the copy takes a map of its own, and so does each property added to it.)
 */
export function withArgs<T extends object, M extends object>(base: T, more: M): T & M {
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(base)) args[key] = (base as Record<string, unknown>)[key];
  for (const key of Object.keys(more)) args[key] = (more as Record<string, unknown>)[key];
  return args as T & M;
}
