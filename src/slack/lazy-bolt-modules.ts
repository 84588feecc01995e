import { createRequire, Module } from 'node:module';

// Bolt's App requires modules that a request may never need: its Socket Mode receiver brings
// @slack/socket-mode (and undici with it), needed only in Socket Mode, and its receivers bring
// @slack/oauth (and jsonwebtoken, semver and lodash with it: about 80 modules), needed only for OAuth
// installs (issue 16). Together they were about a quarter of the process's start-up (issue 17).
// Imported before Bolt, this puts a stand-in for each in Node's module cache; the first property read
// from one (Bolt constructing a SocketModeClient or an InstallProvider) loads the real module in its
// place. Bolt reads these modules' exports only inside its receivers' constructors, never when it loads.

const require = createRequire(import.meta.url);
/** `require` as Bolt's own modules resolve names (src/slack/bolt-middleware-args.ts uses it too). */
export const fromBolt = createRequire(require.resolve('@slack/bolt'));

/** Whether the real module has been loaded in this process (tests). */
export interface Deferred {
  loaded(): boolean;
}

function defer(name: string): Deferred {
  const path = fromBolt.resolve(name);
  let real: Record<string | symbol, unknown> | undefined;
  let standIn: Module | undefined;
  if (require.cache[path] === undefined) {
    const load = (): Record<string | symbol, unknown> => {
      if (real === undefined) {
        delete require.cache[path];
        real = fromBolt(path) as Record<string | symbol, unknown>;
      }
      return real;
    };
    standIn = new Module(path);
    standIn.filename = path;
    standIn.loaded = true;
    standIn.exports = new Proxy({}, { get: (_target, key) => load()[key] });
    require.cache[path] = standIn;
  }
  return { loaded: () => real !== undefined || (require.cache[path] !== undefined && require.cache[path] !== standIn) };
}

const socketMode = defer('@slack/socket-mode');
const oauth = defer('@slack/oauth');

/** Whether @slack/socket-mode itself has been loaded in this process (tests). */
export const socketModeLoaded = (): boolean => socketMode.loaded();
/** Whether @slack/oauth itself has been loaded in this process (tests). */
export const oauthLoaded = (): boolean => oauth.loaded();
