import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/app-process.js';
import { createEmptyDatabase, TEST_PROVIDERS } from '../support/databases.js';

// Issue 17, start-up: in HTTP mode the built app loads neither Socket Mode's client (and undici with it)
// nor Bolt's Express receiver, nor the PostgreSQL driver on SQLite; with a bot token it loads no OAuth
// (@slack/oauth, jsonwebtoken, semver). Socket Mode and OAuth installs still get their real modules
// when they are chosen. Each check runs the built code (`npm test` builds first) in a fresh process,
// whose module cache is its own. Each provider's process loads only its own generated Prisma client
// (its model, schema and query compiler), seen by the one global each generated client sets as it loads
// (`__dirname`, to its own folder), recorded by a setter installed first.

/** Records every generated Prisma client's folder as it loads, in `clientsLoaded`. */
const WATCH_CLIENTS = `
  const clientsLoaded = [];
  Object.defineProperty(globalThis, '__dirname', { configurable: true, get: () => clientsLoaded.at(-1), set: (dir) => clientsLoaded.push(dir.split(/[\\\\/]/).slice(-2).join('/')) });
`;

function inFreshNode(script: string): string {
  return execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
}


describe('what the app loads at start-up', () => {
  it('loads no Socket Mode client, Express or PostgreSQL driver to build the app in HTTP mode', () => {
    const out = inFreshNode(`
      const { socketModeLoaded } = await import('./dist/slack/lazy-bolt-modules.js');
      await import('./dist/app.js');
      const { createRequire } = await import('node:module');
      const paths = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        socketMode: socketModeLoaded(),
        undici: paths.some((p) => p.includes('/node_modules/undici/')),
        express: paths.some((p) => p.includes('/node_modules/express/')),
        pg: paths.some((p) => /\\/node_modules\\/pg\\//.test(p)),
      }));
    `);
    expect(JSON.parse(out)).toEqual({ socketMode: false, undici: false, express: false, pg: false });
  });

  it('loads no OAuth modules for an app with a bot token, and the real InstallProvider for OAuth installs', () => {
    const out = inFreshNode(`
      const { oauthLoaded } = await import('./dist/slack/lazy-bolt-modules.js');
      const { default: bolt } = await import('@slack/bolt/dist/App.js');
      const { createRequire } = await import('node:module');
      const loaded = () => ({ oauth: oauthLoaded(), jwt: Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes('/node_modules/jsonwebtoken/')) });
      new bolt.default({ token: 'xoxb-1-2-abc', signingSecret: 'abcdef0123456789', logLevel: 'error' });
      const withToken = loaded();
      const app = new bolt.default({ signingSecret: 'abcdef0123456789', clientId: '1.2', clientSecret: 'secret', stateSecret: 'state-secret', scopes: ['chat:write'], logLevel: 'error' });
      console.log(JSON.stringify({ withToken, installer: app.receiver.installer.constructor.name, withOAuth: loaded() }));
      process.exit(0);
    `);
    expect(JSON.parse(out)).toEqual({ withToken: { oauth: false, jwt: false }, installer: 'InstallProvider', withOAuth: { oauth: true, jwt: true } });
  });

  it('gives Socket Mode its real client when it is chosen', () => {
    const out = inFreshNode(`
      const { socketModeLoaded } = await import('./dist/slack/lazy-bolt-modules.js');
      const { default: bolt } = await import('@slack/bolt/dist/App.js');
      const app = new bolt.default({ token: 'xoxb-1-2-abc', appToken: 'xapp-1-A0-1-abc', socketMode: true, logLevel: 'error' });
      console.log(JSON.stringify({ client: app.receiver.client.constructor.name, loaded: socketModeLoaded() }));
      // The client keeps the process alive (it would connect on start); this check is done.
      process.exit(0);
    `);
    expect(JSON.parse(out)).toEqual({ client: 'SocketModeClient', loaded: true });
  });

  it('loads neither generated Prisma client to build the app', () => {
    const out = inFreshNode(`${WATCH_CLIENTS}
      await import('./dist/app.js');
      console.log(JSON.stringify(clientsLoaded));
    `);
    expect(JSON.parse(out)).toEqual([]);
  });

  it.each(TEST_PROVIDERS)('loads only the %s client when it opens that database', async (provider) => {
    const database = await createEmptyDatabase(provider);
    try {
      const out = inFreshNode(`${WATCH_CLIENTS}
        const { openDatabase } = await import('./dist/db/client.js');
        const database = await openDatabase(${JSON.stringify(database.url)});
        await database.close();
        console.log(JSON.stringify(clientsLoaded));
      `);
      expect(JSON.parse(out)).toEqual([`generated/${provider}`]);
    } finally {
      await database.drop();
    }
  });
});
