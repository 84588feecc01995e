import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseConfig } from '../src/config.js';

const CWD = '/srv/peer-support';
const HTTP_ENV = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789' };
const SOCKET_ENV = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_APP_TOKEN: 'xapp-1-A0-123-abc' };
const OAUTH_VARS = {
  SLACK_CLIENT_ID: '1234567890.9876543210',
  SLACK_CLIENT_SECRET: 'c0ffee0123456789abcdef0123456789',
  SLACK_STATE_SECRET: 'st4te-secret-never-in-a-message',
};
const KEY = Buffer.alloc(32, 0x42).toString('base64');
const OAUTH_ENV = { ...OAUTH_VARS, SLACK_SIGNING_SECRET: HTTP_ENV.SLACK_SIGNING_SECRET, TOKEN_ENCRYPTION_KEYS: KEY };
const SECRET_VALUES = [HTTP_ENV.SLACK_BOT_TOKEN, HTTP_ENV.SLACK_SIGNING_SECRET, OAUTH_VARS.SLACK_CLIENT_SECRET, OAUTH_VARS.SLACK_STATE_SECRET, KEY];

function configErrorFrom(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('loadConfig', () => {
  it('refuses to start without credentials, naming SLACK_BOT_TOKEN and pointing at manifest.yml', () => {
    const error = configErrorFrom(() => loadConfig({}, CWD));
    expect(error.variable).toBe('SLACK_BOT_TOKEN');
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).toContain('manifest.yml');
    expect(error.message).not.toContain('\n');
  });

  it('needs SLACK_SIGNING_SECRET in HTTP mode', () => {
    const error = configErrorFrom(() => loadConfig({ SLACK_BOT_TOKEN: HTTP_ENV.SLACK_BOT_TOKEN }, CWD));
    expect(error.variable).toBe('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('SLACK_APP_TOKEN');
    expect(error.message).not.toContain('\n');
  });

  it('runs in HTTP mode on port 3000 with info logs when only the bot token and signing secret are set', () => {
    const config = loadConfig(HTTP_ENV, CWD);
    expect(config.mode).toBe('http');
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.slack).toEqual({
      botToken: HTTP_ENV.SLACK_BOT_TOKEN,
      oauth: null,
      signingSecret: HTTP_ENV.SLACK_SIGNING_SECRET,
      appToken: undefined,
      apiUrl: undefined,
    });
  });

  it('selects Socket Mode when SLACK_APP_TOKEN is set, without needing a signing secret', () => {
    const config = loadConfig(SOCKET_ENV, CWD);
    expect(config.mode).toBe('socket');
    expect(config.slack.appToken).toBe(SOCKET_ENV.SLACK_APP_TOKEN);
    expect(config.slack.signingSecret).toBeUndefined();
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-user-token'],
    ['SLACK_APP_TOKEN', 'xoxb-not-an-app-token'],
    ['SLACK_SIGNING_SECRET', 'short'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['METRICS_PORT', 'nine-one-hundred'],
    ['METRICS_PORT', '65536'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '-9100'],
    ['LOG_LEVEL', 'loud'],
    ['SLACK_API_URL', 'ftp://x'],
    ['SLACK_API_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x'],
    ['INITIATIVE_CREATORS', 'alice'],
    ['INITIATIVE_CREATORS', 'U012ABCDEF;U034GHIJKL'],
    ['UNINSTALL_GRACE_DAYS', '366'],
    ['UNINSTALL_GRACE_DAYS', '-1'],
    ['UNINSTALL_GRACE_DAYS', '1.5'],
    ['UNINSTALL_GRACE_DAYS', 'thirty'],
    ['SLACK_CLIENT_ID', 'my-client'],
    ['SLACK_CLIENT_SECRET', 'short'],
    ['SLACK_STATE_SECRET', 'too short'],
  ])('rejects %s=%j with a one-line ConfigError naming that variable', (variable, value) => {
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, [variable]: value }, CWD));
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.message.trim()).toBe(error.message);
  });

  it('reads INITIATIVE_CREATORS as a list of Slack user IDs (none when unset), and says what it expects when malformed', () => {
    expect(loadConfig(HTTP_ENV, CWD).initiativeCreators).toEqual([]);
    expect(loadConfig({ ...HTTP_ENV, INITIATIVE_CREATORS: ' U012ABCDEF, W034GHIJKL,U012ABCDEF,' }, CWD).initiativeCreators).toEqual([
      'U012ABCDEF',
      'W034GHIJKL',
    ]);
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, INITIATIVE_CREATORS: '@alice' }, CWD));
    expect(error.message).toBe('INITIATIVE_CREATORS must be Slack user IDs separated by commas, such as U012ABCDEF,U034GHIJKL.');
  });

  it('reads TOKEN_ENCRYPTION_KEYS as 32-byte keys newest first, and null when unset or blank', () => {
    expect(loadConfig(HTTP_ENV, CWD).tokenEncryptionKeys).toBeNull();
    expect(loadConfig({ ...HTTP_ENV, TOKEN_ENCRYPTION_KEYS: '  ' }, CWD).tokenEncryptionKeys).toBeNull();
    const newest = Buffer.alloc(32, 0x22);
    const older = Buffer.alloc(32, 0x11);
    const config = loadConfig(
      { ...HTTP_ENV, TOKEN_ENCRYPTION_KEYS: ` ${newest.toString('base64')}, ${older.toString('base64')} ` },
      CWD,
    );
    expect(config.tokenEncryptionKeys).toEqual([newest, older]);
    expect(Object.isFrozen(config.tokenEncryptionKeys)).toBe(true);
    expect(loadConfig({ ...SOCKET_ENV, TOKEN_ENCRYPTION_KEYS: newest.toString('base64') }, CWD).tokenEncryptionKeys).toEqual([newest]);
  });

  it.each([
    ['not base64', () => `${Buffer.alloc(32, 0x22).toString('base64')},not*base64*at*all`, 'TOKEN_ENCRYPTION_KEYS key 2 of 2 is not base64'],
    ['31 bytes', () => Buffer.alloc(31, 0x5a).toString('base64'), 'TOKEN_ENCRYPTION_KEYS key 1 is 31 bytes, but each key must be exactly 32'],
    ['33 bytes', () => Buffer.alloc(33, 0x5a).toString('base64'), 'TOKEN_ENCRYPTION_KEYS key 1 is 33 bytes, but each key must be exactly 32'],
    ['a repeated key', () => `${Buffer.alloc(32, 0x5a).toString('base64')},${Buffer.alloc(32, 0x5a).toString('base64')}`, 'TOKEN_ENCRYPTION_KEYS key 2 of 2 repeats key 1'],
    ['an empty entry', () => `${Buffer.alloc(32, 0x5a).toString('base64')},`, 'TOKEN_ENCRYPTION_KEYS key 2 of 2 is empty'],
  ])('stops start-up on a TOKEN_ENCRYPTION_KEYS with %s: one line naming the variable and the key, not the key itself', (_name, value, start) => {
    const keys = value();
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, TOKEN_ENCRYPTION_KEYS: keys }, CWD));
    expect(error.variable).toBe('TOKEN_ENCRYPTION_KEYS');
    expect(error.code).toBe('config_invalid');
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.message.endsWith('.')).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.message.trim()).toBe(error.message);
    for (const key of keys.split(',').filter((entry) => entry.trim() !== '')) {
      expect(error.message).not.toContain(key.trim());
      expect(error.message).not.toContain(key.trim().slice(0, 12));
    }
  });

  it('prints the whole TOKEN_ENCRYPTION_KEYS message as start-up shows it', () => {
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, TOKEN_ENCRYPTION_KEYS: Buffer.alloc(16, 1).toString('base64') }, CWD));
    expect(error.message).toBe(
      'TOKEN_ENCRYPTION_KEYS key 1 is 16 bytes, but each key must be exactly 32 (generate one with `openssl rand -base64 32`).',
    );
  });

  it('never echoes a malformed secret back in the error message', () => {
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, SLACK_BOT_TOKEN: 'xoxp-secret-user-token' }, CWD));
    expect(error.message).not.toContain('xoxp-secret-user-token');
  });

  it('reads UNINSTALL_GRACE_DAYS as whole days from 0 to 365, 30 when unset or blank', () => {
    expect(loadConfig(HTTP_ENV, CWD).uninstallGraceDays).toBe(30);
    expect(loadConfig({ ...HTTP_ENV, UNINSTALL_GRACE_DAYS: ' ' }, CWD).uninstallGraceDays).toBe(30);
    expect(loadConfig({ ...HTTP_ENV, UNINSTALL_GRACE_DAYS: '0' }, CWD).uninstallGraceDays).toBe(0);
    expect(loadConfig({ ...HTTP_ENV, UNINSTALL_GRACE_DAYS: '365' }, CWD).uninstallGraceDays).toBe(365);
    const error = configErrorFrom(() => loadConfig({ ...HTTP_ENV, UNINSTALL_GRACE_DAYS: '400' }, CWD));
    expect(error.message).toBe('UNINSTALL_GRACE_DAYS must be a whole number of days from 0 to 365.');
  });

  it('defaults the database to a SQLite file under <cwd>/data/', () => {
    const config = loadConfig(HTTP_ENV, CWD);
    expect(config.database.provider).toBe('sqlite');
    expect(config.database.url.startsWith(`file:${join(CWD, 'data')}/`)).toBe(true);
  });

  it.each(['postgres://postgres@127.0.0.1:5432/peer', 'postgresql://postgres@127.0.0.1:5432/peer'])(
    'selects PostgreSQL for DATABASE_URL=%s and keeps the URL as given',
    (url) => {
      const config = loadConfig({ ...HTTP_ENV, DATABASE_URL: url }, CWD);
      expect(config.database).toEqual({ provider: 'postgresql', url });
    },
  );

  it('keeps an explicit SQLite file: URL', () => {
    const config = loadConfig({ ...HTTP_ENV, DATABASE_URL: 'file:/tmp/peer.db' }, CWD);
    expect(config.database).toEqual({ provider: 'sqlite', url: 'file:/tmp/peer.db' });
  });

  it('adds a trailing slash to SLACK_API_URL and leaves one that has it alone', () => {
    expect(loadConfig({ ...HTTP_ENV, SLACK_API_URL: 'http://127.0.0.1:9999/api' }, CWD).slack.apiUrl).toBe(
      'http://127.0.0.1:9999/api/',
    );
    expect(loadConfig({ ...HTTP_ENV, SLACK_API_URL: 'https://slack-gov.com/api/' }, CWD).slack.apiUrl).toBe(
      'https://slack-gov.com/api/',
    );
  });

  it('serves no metrics unless METRICS_PORT is set, and reads it when it is', () => {
    expect(loadConfig(HTTP_ENV, CWD).metricsPort).toBeUndefined();
    expect(loadConfig({ ...HTTP_ENV, METRICS_PORT: '' }, CWD).metricsPort).toBeUndefined();
    expect(loadConfig({ ...HTTP_ENV, METRICS_PORT: '9100' }, CWD).metricsPort).toBe(9100);
    expect(loadConfig({ ...SOCKET_ENV, METRICS_PORT: '9100' }, CWD).metricsPort).toBe(9100);
  });

  it('refuses METRICS_PORT equal to PORT (given or the default 3000), naming METRICS_PORT', () => {
    for (const env of [{ ...HTTP_ENV, PORT: '8080', METRICS_PORT: '8080' }, { ...SOCKET_ENV, METRICS_PORT: '3000' }]) {
      const error = configErrorFrom(() => loadConfig(env, CWD));
      expect(error.variable).toBe('METRICS_PORT');
      expect(error.message.startsWith('METRICS_PORT ')).toBe(true);
      expect(error.message).toContain('PORT');
      expect(error.message).not.toContain('\n');
    }
  });

  it('reads PORT and LOG_LEVEL when they are valid', () => {
    const config = loadConfig({ ...HTTP_ENV, PORT: '8080', LOG_LEVEL: 'debug' }, CWD);
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
  });

  it('treats empty and blank strings as unset', () => {
    const config = loadConfig(
      {
        ...HTTP_ENV,
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: '',
        DATABASE_URL: '  ',
        PORT: '',
        LOG_LEVEL: '',
      },
      CWD,
    );
    expect(config.mode).toBe('http');
    expect(config.slack.appToken).toBeUndefined();
    expect(config.slack.apiUrl).toBeUndefined();
    expect(config.database.provider).toBe('sqlite');
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');

    const error = configErrorFrom(() => loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' }, CWD));
    expect(error.variable).toBe('SLACK_BOT_TOKEN');
  });

  it('returns a frozen object, down to its nested settings', () => {
    const config = loadConfig(HTTP_ENV, CWD);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slack)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });
});

describe('loadConfig: one workspace (SLACK_BOT_TOKEN) or OAuth installs, exactly one', () => {
  function expectOneHelpfulLine(error: ConfigError) {
    expect(error.code).toBe('config_invalid');
    expect(error.message).not.toContain('\n');
    expect(error.message.trim()).toBe(error.message);
    for (const secret of SECRET_VALUES) expect(error.message).not.toContain(secret);
  }

  it('runs OAuth installs in HTTP mode with the three variables, a signing secret and encryption keys, and no bot token', () => {
    const config = loadConfig(OAUTH_ENV, CWD);
    expect(config.mode).toBe('http');
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth).toEqual({
      clientId: OAUTH_VARS.SLACK_CLIENT_ID,
      clientSecret: OAUTH_VARS.SLACK_CLIENT_SECRET,
      stateSecret: OAUTH_VARS.SLACK_STATE_SECRET,
    });
    expect(Object.isFrozen(config.slack.oauth)).toBe(true);
    expect(config.tokenEncryptionKeys).toEqual([Buffer.from(KEY, 'base64')]);
  });

  it('treats a blank SLACK_BOT_TOKEN as unset in OAuth mode, and blank OAuth variables as unset beside a bot token', () => {
    expect(loadConfig({ ...OAUTH_ENV, SLACK_BOT_TOKEN: '' }, CWD).slack.oauth).not.toBeNull();
    const single = loadConfig({ ...HTTP_ENV, SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: ' ', SLACK_STATE_SECRET: '' }, CWD);
    expect(single.slack.oauth).toBeNull();
    expect(single.slack.botToken).toBe(HTTP_ENV.SLACK_BOT_TOKEN);
  });

  it('refuses both ways at once, saying which to unset for each', () => {
    const error = configErrorFrom(() => loadConfig({ ...OAUTH_ENV, SLACK_BOT_TOKEN: HTTP_ENV.SLACK_BOT_TOKEN }, CWD));
    expect(error.variable).toBe('SLACK_BOT_TOKEN');
    expect(error.message).toBe(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set: choose one way to run. ' +
        'For one workspace keep SLACK_BOT_TOKEN and unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET; ' +
        'for OAuth installs into many workspaces unset SLACK_BOT_TOKEN.',
    );
    expectOneHelpfulLine(error);
    // One OAuth variable beside a bot token is the same mistake.
    const one = configErrorFrom(() => loadConfig({ ...HTTP_ENV, SLACK_CLIENT_ID: OAUTH_VARS.SLACK_CLIENT_ID }, CWD));
    expect(one.variable).toBe('SLACK_BOT_TOKEN');
    expect(one.message.startsWith('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set')).toBe(true);
  });

  it('refuses neither way, naming both', () => {
    const error = configErrorFrom(() => loadConfig({ SLACK_SIGNING_SECRET: HTTP_ENV.SLACK_SIGNING_SECRET }, CWD));
    expect(error.variable).toBe('SLACK_BOT_TOKEN');
    expect(error.message).toContain('Missing SLACK_BOT_TOKEN (one workspace), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
    expect(error.message).toContain('manifest.yml');
    expectOneHelpfulLine(error);
  });

  it.each([
    [['SLACK_CLIENT_ID'], 'SLACK_CLIENT_SECRET', 'SLACK_CLIENT_ID is set, but SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are missing'],
    [['SLACK_CLIENT_SECRET'], 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET is set, but SLACK_CLIENT_ID and SLACK_STATE_SECRET are missing'],
    [['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET'], 'SLACK_STATE_SECRET', 'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set, but SLACK_STATE_SECRET is missing'],
    [['SLACK_CLIENT_ID', 'SLACK_STATE_SECRET'], 'SLACK_CLIENT_SECRET', 'SLACK_CLIENT_ID and SLACK_STATE_SECRET are set, but SLACK_CLIENT_SECRET is missing'],
  ] as const)('with only %j of the OAuth variables, names the missing ones (%s first)', (given, variable, says) => {
    const env: Record<string, string> = { SLACK_SIGNING_SECRET: HTTP_ENV.SLACK_SIGNING_SECRET, TOKEN_ENCRYPTION_KEYS: KEY };
    for (const name of given) env[name] = OAUTH_VARS[name];
    const error = configErrorFrom(() => loadConfig(env, CWD));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain('OAuth installs need all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
    expect(error.message).toContain(says);
    expect(error.message).toContain('SLACK_BOT_TOKEN for one workspace');
    expectOneHelpfulLine(error);
  });

  it('refuses Socket Mode for OAuth installs: it is one instance for one workspace', () => {
    const error = configErrorFrom(() => loadConfig({ ...OAUTH_ENV, SLACK_APP_TOKEN: SOCKET_ENV.SLACK_APP_TOKEN }, CWD));
    expect(error.variable).toBe('SLACK_APP_TOKEN');
    expect(error.message).toBe(
      'OAuth installs need HTTP mode: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET ' +
        '(Socket Mode runs one instance for one workspace: use SLACK_BOT_TOKEN for it).',
    );
    expectOneHelpfulLine(error);
  });

  it('needs SLACK_SIGNING_SECRET for OAuth installs, without suggesting Socket Mode instead', () => {
    const error = configErrorFrom(() => loadConfig({ ...OAUTH_ENV, SLACK_SIGNING_SECRET: '' }, CWD));
    expect(error.variable).toBe('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('OAuth installs need SLACK_SIGNING_SECRET');
    expect(error.message).not.toContain('or SLACK_APP_TOKEN');
    expectOneHelpfulLine(error);
  });

  it('needs TOKEN_ENCRYPTION_KEYS for OAuth installs, since tokens are stored encrypted', () => {
    const error = configErrorFrom(() => loadConfig({ ...OAUTH_ENV, TOKEN_ENCRYPTION_KEYS: '' }, CWD));
    expect(error.variable).toBe('TOKEN_ENCRYPTION_KEYS');
    expect(error.message).toBe(
      "OAuth installs need TOKEN_ENCRYPTION_KEYS: each workspace's Slack token is stored encrypted (generate a key with `openssl rand -base64 32`).",
    );
    expectOneHelpfulLine(error);
  });

  it('never echoes a malformed OAuth secret', () => {
    for (const [variable, value] of [
      ['SLACK_CLIENT_SECRET', 'not-a-secret-with-dashes'],
      ['SLACK_STATE_SECRET', 'short secret'],
    ] as const) {
      const error = configErrorFrom(() => loadConfig({ ...OAUTH_ENV, [variable]: value }, CWD));
      expect(error.variable).toBe(variable);
      expect(error.message).not.toContain(value);
    }
  });
});

describe('loadDatabaseConfig', () => {
  it('needs no Slack credentials and defaults to a SQLite file under <cwd>/data/', () => {
    const database = loadDatabaseConfig({}, CWD);
    expect(database.provider).toBe('sqlite');
    expect(database.url.startsWith(`file:${join(CWD, 'data')}/`)).toBe(true);
    expect(Object.isFrozen(database)).toBe(true);
  });

  it('selects PostgreSQL for a postgres:// URL', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/peer' }, CWD)).toEqual({
      provider: 'postgresql',
      url: 'postgres://postgres@127.0.0.1:5432/peer',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: '' }, CWD).provider).toBe('sqlite');
  });

  it('rejects DATABASE_URL=mysql://x with a one-line ConfigError naming DATABASE_URL', () => {
    const error = configErrorFrom(() => loadDatabaseConfig({ DATABASE_URL: 'mysql://x' }, CWD));
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('\n');
  });

  it('ignores malformed Slack settings it does not need', () => {
    expect(loadDatabaseConfig({ SLACK_BOT_TOKEN: 'nonsense', PORT: 'eighty' }, CWD).provider).toBe('sqlite');
  });
});
