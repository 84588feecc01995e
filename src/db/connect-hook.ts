import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * The factory, calling `hook` with each connection it makes before Prisma gets it; everything else is
 * the factory's own. The app's client uses this to reuse SQLite statements (statement-cache.ts) and to
 * remember its connection for lean reads (lean-read.ts).
 */
export function afterConnect(
  factory: SqlMigrationAwareDriverAdapterFactory,
  hook: (adapter: SqlDriverAdapter) => void,
): SqlMigrationAwareDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => {
          const adapter = await target.connect();
          hook(adapter);
          return adapter;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
