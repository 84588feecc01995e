import { createRequire, Module } from 'node:module';

// Bolt's App requires its Socket Mode receiver, and with it @slack/socket-mode and undici: about a fifth
// of the process's start-up (issue 17), even in HTTP mode, where no request needs them. Imported before
// Bolt, this puts a stand-in for @slack/socket-mode in Node's module cache; the first property read from
// it (Bolt constructing a SocketModeClient, in Socket Mode only) loads the real module in its place.
// Bolt reads the module's exports only inside the receiver's constructor, never when it is loaded.

const require = createRequire(import.meta.url);
const fromBolt = createRequire(require.resolve('@slack/bolt'));
const path = fromBolt.resolve('@slack/socket-mode');

/** Whether @slack/socket-mode itself has been loaded in this process (tests). */
export function socketModeLoaded(): boolean {
  return real !== undefined || (require.cache[path] !== undefined && require.cache[path] !== standIn);
}

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
