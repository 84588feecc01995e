import type { Db } from '../../src/db/client.js';

/**
 * The client, counting the queries made through it: each model method call (`pairing.findMany`) and each
 * raw statement (`$queryRaw`, `$executeRaw`) is one entry. Prisma's own internals (`_engine`, ...) and
 * what runs inside a `$transaction` (on its own client) are not counted.
 */
export function countingQueries(db: Db): { db: Db; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(db, {
    get(target, model, receiver) {
      const delegate = Reflect.get(target, model, receiver) as unknown;
      if (model === '$queryRaw' || model === '$executeRaw') {
        return (...args: unknown[]) => {
          calls.push(model);
          return (delegate as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (typeof model !== 'string' || model.startsWith('$') || model.startsWith('_') || typeof delegate !== 'object' || delegate === null) return delegate;
      return new Proxy(delegate, {
        get(d, method, r) {
          const fn = Reflect.get(d, method, r) as unknown;
          if (typeof fn !== 'function') return fn;
          return (...args: unknown[]) => {
            calls.push(`${model}.${String(method)}`);
            return (fn as (...a: unknown[]) => unknown).apply(d, args);
          };
        },
      });
    },
  });
  return { db: proxy, calls };
}
