import { resolve } from 'node:path';
import { z } from 'zod';
import { EncryptionKeysError, parseEncryptionKeys } from './slack/token-crypto.js';

// The only module that reads the environment (STYLE.md: config parsed once into a frozen typed object).

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface Config {
  readonly slack: {
    /** SLACK_BOT_TOKEN: one workspace, its token from the environment. Undefined in OAuth mode. */
    readonly botToken: string | undefined;
    /**
     * OAuth installs (issue 16), many workspaces, their tokens stored sealed: set instead of botToken,
     * never both. Secrets: never log them.
     */
    readonly oauth: { readonly clientId: string; readonly clientSecret: string; readonly stateSecret: string } | null;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string | undefined;
  };
  readonly mode: 'socket' | 'http';
  readonly database: { readonly provider: DatabaseProvider; readonly url: string };
  readonly port: number;
  /** Port of the Prometheus endpoint (`GET /metrics`); no metrics server when unset. */
  readonly metricsPort: number | undefined;
  /** How often the scheduler wakes up to claim due work from the database. */
  readonly schedulerTickSeconds: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Slack user ids who may create initiatives besides workspace admins, owners and existing coordinators. */
  readonly initiativeCreators: readonly string[];
  /**
   * TOKEN_ENCRYPTION_KEYS, newest first (issue 16: Slack tokens stored for OAuth installs); null when unset.
   * Secret: never log it.
   */
  readonly tokenEncryptionKeys: readonly Buffer[] | null;
  /** Days between an uninstall (or a revoked token) and the erasure of that workspace's data. */
  readonly uninstallGraceDays: number;
}

export const DEFAULT_SQLITE_FILE = 'data/peer-support.db';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(
    z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token starting with "xoxb-"'),
  ),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9]{8,}$/, 'must be the app\'s signing secret (letters and digits)'),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token starting with "xapp-"'),
  ),
  SLACK_CLIENT_ID: optional(
    z.string().regex(/^\d+\.\d+$/, 'must be the app\'s Client ID (digits, a dot, digits: Basic Information > App Credentials)'),
  ),
  SLACK_CLIENT_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9]{8,}$/, 'must be the app\'s Client Secret (letters and digits: Basic Information > App Credentials)'),
  ),
  SLACK_STATE_SECRET: optional(
    z
      .string()
      .regex(/^\S{16,}$/, 'must be a random string of at least 16 characters without spaces (generate one with `openssl rand -hex 32`)'),
  ),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^(file:.+|postgres(ql)?:\/\/.+)$/,
        'must be "file:<path>" for SQLite or "postgres://..." for PostgreSQL',
      ),
  ),
  PORT: optional(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')),
  ),
  METRICS_PORT: optional(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535')),
  ),
  SCHEDULER_TICK_SECONDS: optional(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be between 1 and 3600').max(3600, 'must be between 1 and 3600')),
  ),
  INITIATIVE_CREATORS: optional(
    z
      .string()
      .transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine(
        (ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)),
        'must be Slack user IDs separated by commas, such as U012ABCDEF,U034GHIJKL',
      ),
  ),
  TOKEN_ENCRYPTION_KEYS: optional(
    z.string().transform((value, ctx) => {
      try {
        return parseEncryptionKeys(value);
      } catch (error) {
        if (!(error instanceof EncryptionKeysError)) throw error;
        // The detail names the key's position only: the value is a secret and never goes into a message.
        ctx.addIssue({ code: 'custom', message: error.detail });
        return z.NEVER;
      }
    }),
  ),
  UNINSTALL_GRACE_DAYS: optional(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of days from 0 to 365')
      .transform(Number)
      .pipe(z.number().int().max(365, 'must be a whole number of days from 0 to 365')),
  ),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  ),
});

/** A setting that stops start-up; `message` is one line meant for the person starting the bot. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const HOW_TO_CREATE_APP =
  'Create the Slack app from manifest.yml (https://api.slack.com/apps > Create New App > From a manifest), ' +
  'install it to your workspace, then set the variables and start again. See README.md.';

function databaseSettings(url: string | undefined, cwd: string): Config['database'] {
  const databaseUrl = url ?? `file:${resolve(cwd, DEFAULT_SQLITE_FILE)}`;
  const provider: DatabaseProvider = databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql';
  return Object.freeze({ provider, url: databaseUrl });
}

/** Only the database settings, for tools such as `npm run db:migrate` that need no Slack credentials. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config['database'] {
  const parsed = envSchema.pick({ DATABASE_URL: true }).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL ${parsed.error.issues[0]!.message}.`);
  }
  return databaseSettings(parsed.data.DATABASE_URL, cwd);
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, `${variable} ${issue.message}.`);
  }
  const e = parsed.data;

  const oauth = oauthSettings(e);
  const mode = e.SLACK_APP_TOKEN ? 'socket' : 'http';
  if (!oauth && mode === 'http' && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', `Missing SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode). ${HOW_TO_CREATE_APP}`);
  }
  const port = e.PORT ?? 3000;
  // Both servers listen on every interface: one port cannot serve both.
  if (e.METRICS_PORT === port) {
    throw new ConfigError('METRICS_PORT', `METRICS_PORT must differ from PORT (${port}): metrics have a port of their own.`);
  }


  return Object.freeze({
    slack: Object.freeze({
      botToken: oauth ? undefined : e.SLACK_BOT_TOKEN,
      oauth,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    }),
    mode,
    database: databaseSettings(e.DATABASE_URL, cwd),
    port,
    metricsPort: e.METRICS_PORT,
    schedulerTickSeconds: e.SCHEDULER_TICK_SECONDS ?? 60,
    logLevel: e.LOG_LEVEL ?? 'info',
    initiativeCreators: Object.freeze([...new Set(e.INITIATIVE_CREATORS ?? [])]),
    tokenEncryptionKeys: e.TOKEN_ENCRYPTION_KEYS ? Object.freeze(e.TOKEN_ENCRYPTION_KEYS) : null,
    uninstallGraceDays: e.UNINSTALL_GRACE_DAYS ?? 30,
  });
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const OAUTH_LIST = 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET';

/**
 * Exactly one of the two ways to run (issue 16): SLACK_BOT_TOKEN for one workspace, or the three OAuth
 * variables for installs into many workspaces, whose tokens are stored encrypted and which needs HTTP
 * mode. Null in SLACK_BOT_TOKEN mode; anything else is a ConfigError saying what to change. Messages
 * name variables, never their values.
 */
function oauthSettings(e: z.infer<typeof envSchema>): Config['slack']['oauth'] {
  const given = OAUTH_VARIABLES.filter((name) => e[name] !== undefined);
  if (e.SLACK_BOT_TOKEN && given.length > 0) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      `SLACK_BOT_TOKEN and ${given.join(', ')} are both set: choose one way to run. ` +
        `For one workspace keep SLACK_BOT_TOKEN and unset ${OAUTH_LIST}; ` +
        `for OAuth installs into many workspaces unset SLACK_BOT_TOKEN.`,
    );
  }
  if (given.length === 0) {
    if (e.SLACK_BOT_TOKEN) return null;
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      `Missing SLACK_BOT_TOKEN (one workspace), or ${OAUTH_LIST} (OAuth installs into many workspaces). ${HOW_TO_CREATE_APP}`,
    );
  }
  const missing = OAUTH_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      missing[0]!,
      `OAuth installs need all of ${OAUTH_LIST}: ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set, ` +
        `but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing (or unset them all and set SLACK_BOT_TOKEN for one workspace).`,
    );
  }
  if (e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'SLACK_APP_TOKEN',
      'OAuth installs need HTTP mode: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET ' +
        '(Socket Mode runs one instance for one workspace: use SLACK_BOT_TOKEN for it).',
    );
  }
  if (!e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'OAuth installs need SLACK_SIGNING_SECRET: they run in HTTP mode ' +
        '(Socket Mode runs one instance for one workspace: use SLACK_BOT_TOKEN for it).',
    );
  }
  if (!e.TOKEN_ENCRYPTION_KEYS) {
    throw new ConfigError(
      'TOKEN_ENCRYPTION_KEYS',
      'OAuth installs need TOKEN_ENCRYPTION_KEYS: each workspace\'s Slack token is stored encrypted ' +
        '(generate a key with `openssl rand -base64 32`).',
    );
  }
  return Object.freeze({ clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET! });
}
