/**
 * The Slack simulator's Web API: a local Slack for end-to-end runs of the real app process and for
 * `npm run demo` (issue 18), one implementation for both.
 *
 * Slack is never reachable from development or CI machines (DESIGN.md), so the app is started with
 * `SLACK_API_URL` pointing here. The fake checks every call against Slack's published method list
 * (`slack-methods.json`, see slack-methods.ts), so a misspelt method or a forgotten required argument
 * fails the test the way it would fail against Slack, instead of passing silently. Messages and views go through
 * the same Block Kit validation as `test/slack/surfaces.test.ts` (`src/slack/block-kit.ts`): what Slack
 * would refuse is refused here too, and `waitFor` never mistakes a refused message for one that arrived.
 *
 * Workspaces (issue 16). By default the fake is one workspace (`teamId`, bot `SIMULATOR_BOT_TOKEN`) and takes
 * any token as that workspace's, so single-workspace tests need not care which token they present. Given
 * `workspaces`, it is strict the way Slack is: each call's token decides its workspace, an unknown token
 * answers `invalid_auth`, a revoked one `token_revoked`, an expired rotating one `token_expired`; a call
 * naming a user, or the DM of a user, of another workspace (or one the fake does not know) is refused
 * with `user_not_found` / `channel_not_found`. Both kinds of refusal are recorded on the call, so
 * `waitFor` fails on them. `oauth.v2.access` installs a workspace from a code `code-<teamId>` (see
 * `authorize`) and refreshes rotating tokens.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './free-port.js';
import { isEmptyMessage, validateMessage, validateView } from '../slack/block-kit.js';
import { SIMULATOR_BOT_TOKEN } from './credentials.js';
import { SLACK_METHODS } from './slack-methods.js';

export interface FakeUser {
  id: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  image?: string;
  tz?: string;
  tz_offset?: number;
  tz_label?: string;
  /** Slack's locale (`de-DE`); users.info returns it only with include_locale, `en-US` when unset. */
  locale?: string;
  is_bot?: boolean;
  /** Workspace admin or owner, as users.info says (who may create initiatives, issue 13). */
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface RecordedCall {
  /** Web API method name (`chat.postMessage`), or `upload` / `response_url` for those endpoints. */
  method: string;
  /** Arguments without the token; JSON-looking form values (`blocks`, `view`, `files`) are parsed. */
  args: Record<string, unknown>;
  token?: string;
  /** The workspace whose token made the call (unset for an unknown token, or none). */
  teamId?: string;
  /** `Date.now()` when the request arrived. */
  at: number;
  /**
   * Set when the fake refused the message or view as Slack would (`invalid_blocks`, `no_text`,
   * `invalid_arguments` for a view), refused the token (`invalid_auth`, `token_revoked`, `token_expired`),
   * or refused to reach a user or DM outside the token's workspace (`user_not_found`, `channel_not_found`):
   * it never reached anyone, so `waitFor` fails on it instead of resolving.
   */
  refusal?: Refusal;
  /** The JSON body the simulator answered with, once it has (`onAnswered` listeners see it set). */
  reply?: unknown;
}

export interface Refusal {
  error: string;
  /** Slack-style reasons, `<what> [json-pointer:<where>]`. */
  errors: string[];
}

/** A full HTTP answer, for overrides that need a status other than 200 or extra headers. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * Computes the answer the fake would have given. Lazy, because building it has side effects
 * (a new `ts` or view id), so an override that does not delegate leaves the sequence untouched.
 */
export type DefaultReply = () => FakeReply;

export type ResponseHandler = (call: RecordedCall, defaultReply: DefaultReply) => FakeReply | Promise<FakeReply>;

/** A workspace the fake knows (issue 16); its users are the FakeUsers whose `team_id` is `teamId`. */
export interface FakeWorkspaceOptions {
  teamId: string;
  /** The bot token an install of this workspace gets (and that the fake accepts from the start). */
  botToken: string;
  botUserId?: string;
  botId?: string;
  /** Set for a workspace inside an Enterprise Grid org (a workspace install, not an org install). */
  enterpriseId?: string;
  /** The team's name, as auth.test and oauth.v2.access give it. */
  name?: string;
  /** Token rotation: an install answers `refresh_token` and `expires_in`, and refreshes give new tokens. */
  rotation?: boolean;
  /** How long a rotating token lives, in seconds (Slack: 12 hours). */
  expiresInSeconds?: number;
}

export interface FakeWorkspace {
  readonly teamId: string;
  /** The token the workspace's first install gets. */
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly enterpriseId: string | undefined;
  readonly name: string;
  /** Every token issued for the workspace, oldest first (installs and refreshes). */
  readonly tokens: readonly string[];
  /** The refresh token of a rotating workspace once installed. */
  readonly refreshToken: string | undefined;
  readonly revoked: boolean;
}

export interface FakeSlackOptions {
  /** The default workspace when no `workspaces` are given. */
  teamId?: string;
  botUserId?: string;
  users?: FakeUser[];
  /**
   * The workspaces the fake knows, strictly (see the file comment); the first is the default for users
   * without a `team_id` and for `teamId` / `botUserId` / `botId`. Without it, one lenient workspace.
   */
  workspaces?: FakeWorkspaceOptions[];
  /** The app's credentials; when given, oauth.v2.access refuses any other (any non-empty pair otherwise). */
  oauth?: { clientId: string; clientSecret: string };
  /** The app id oauth.v2.access and views answer with. */
  appId?: string;
}

/** What Slack's authorize page gives back when a person approves an install: the redirect with the code. */
export interface Authorized {
  code: string;
  state: string | undefined;
  /** The authorize URL's `redirect_uri` with `code` and `state` added, or undefined if it had none. */
  redirectUrl: string | undefined;
}

export interface FakeSlack {
  /** Base URL for `SLACK_API_URL` / `slackApiUrl`; ends with `/api/` as the client appends the method. */
  readonly url: string;
  /** Every request received, in arrival order, including rejected ones. */
  readonly calls: RecordedCall[];
  /** The default workspace's (the first of `workspaces`). */
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  callsTo(method: string): RecordedCall[];
  /** Calls made with any token of workspace `teamId` (refused ones included). */
  callsFor(teamId: string): RecordedCall[];
  /** The workspace as the fake knows it now (its tokens, whether revoked). */
  workspace(teamId: string): FakeWorkspace;
  /**
   * Revokes every token the workspace has (as uninstalling the app does): calls with them answer
   * `token_revoked`, a refresh `invalid_refresh_token`. A later install through oauth.v2.access gets a
   * new token.
   */
  revoke(teamId: string): void;
  /**
   * A person of `teamId` approves the install Slack's authorize page shows for `authorizeUrl` (the app's
   * `https://slack.com/oauth/v2/authorize?...` link): checks its client id and scopes, remembers the
   * scopes and redirect_uri for the code, and answers the redirect Slack would send the browser to.
   */
  authorize(authorizeUrl: string, install: { teamId: string; userId?: string }): Authorized;
  /**
   * Resolves with the first recorded call (past or future) to `method` that matches `predicate`; rejects
   * at once, with Slack's reasons, when the matching call was refused as Slack would refuse it.
   */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Forgets recorded calls; users and overrides stay. */
  reset(): void;
  /** Answers `method` with this JSON body (HTTP 200), or with whatever `handler` returns. */
  setResponse(method: string, response: ResponseHandler | Record<string, unknown>): void;
  /** Removes the override for `method`, or every override when no method is given. */
  clearResponse(method?: string): void;
  addUser(user: FakeUser): void;
  /** The user as the fake knows them, if it does. */
  user(id: string): FakeUser | undefined;
  /** A URL to use as a payload's `response_url`; posts to it are recorded as method `response_url`. */
  responseUrl(key?: string): string;
  /** An uploaded file's name and bytes (the insights chart, a CSV), once its upload arrived. */
  file(id: string): { filename: string; bytes: Buffer } | undefined;
  /** Calls `listener` with each Web API call and response_url post once answered (`reply` set); returns the unsubscribe. */
  onAnswered(listener: (call: RecordedCall) => void): () => void;
  close(): Promise<void>;
}

interface MethodSpec {
  readonly required: readonly string[];
}

const METHODS: ReadonlyMap<string, MethodSpec> = new Map(Object.entries(SLACK_METHODS));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArg(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The web client JSON-encodes object arguments inside form bodies; recover them so tests can assert on blocks. */
function decodeFormValue(key: string, value: string): unknown {
  // A message's text is words even when they look like JSON ("[1]").
  if (key === 'text') return value;
  const trimmed = value.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<unknown>) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
}

async function parseArgs(req: IncomingMessage, body: Buffer, query: URLSearchParams): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = {};
  // Slack accepts arguments in the query string too (GET methods), so merge them under the body's.
  for (const [key, value] of query) args[key] = decodeFormValue(key, value);
  if (body.length === 0) return args;

  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (isRecord(parsed)) Object.assign(args, parsed);
  } else if (contentType.startsWith('multipart/form-data')) {
    // The client switches to multipart when an argument is a Buffer; keep files as their size only.
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form) {
      args[key] = typeof value === 'string' ? decodeFormValue(key, value) : { filename: value.name, bytes: value.size };
    }
  } else {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) args[key] = decodeFormValue(key, value);
  }
  return args;
}

/** The file in an upload: the client sends it as the one file part of a multipart form, or as the raw body. */
/** The uploaded file's bytes: the first part of a multipart form, or the whole body. */
async function uploadedBytes(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(await value.arrayBuffer());
  return Buffer.alloc(0);
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** OAuth client credentials sent as HTTP basic auth (`client_id:client_secret`), which Slack also takes. */
function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function sendJson(res: ServerResponse, reply: FakeReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(text);
}

const ok = (body: Record<string, unknown>): FakeReply => ({ body: { ok: true, ...body } });
const fail = (error: string): FakeReply => ({ body: { ok: false, error } });

/** Slack message timestamps: seconds, a dot, six digits; strictly increasing so ordering assertions hold. */
function createTsSequence(): () => string {
  let micros = 1_700_000_000_000_000;
  return () => {
    micros += 100;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
}

function createIdSequence(prefix: string): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${String(n).padStart(8, '0')}`;
  };
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);
const VIEW_METHODS = new Set(['views.open', 'views.push', 'views.update', 'views.publish']);

/** A message Slack would not deliver: neither text nor blocks (`no_text`), or blocks it refuses (`invalid_blocks`). */
function messageRefusal(args: Record<string, unknown>): Refusal | undefined {
  if (isEmptyMessage(args)) return { error: 'no_text', errors: [] };
  const errors = validateMessage(args);
  return errors.length > 0 ? { error: 'invalid_blocks', errors } : undefined;
}

/** What Slack would refuse in a Web API call's message or view, checked before any override answers. */
function apiRefusal(method: string, args: Record<string, unknown>): Refusal | undefined {
  if (MESSAGE_METHODS.has(method)) return messageRefusal(args);
  if (VIEW_METHODS.has(method)) {
    const errors = validateView(args.view);
    return errors.length > 0 ? { error: 'invalid_arguments', errors } : undefined;
  }
  return undefined;
}

/** Slack's shapes: views list their reasons in `response_metadata.messages`, messages in `errors` as well. */
function refusalReply(method: string, refusal: Refusal): FakeReply {
  const messages = refusal.errors.map((error) => `[ERROR] ${error}`);
  if (VIEW_METHODS.has(method)) return { body: { ok: false, error: refusal.error, response_metadata: { messages } } };
  if (refusal.errors.length === 0) return fail(refusal.error);
  return { body: { ok: false, error: refusal.error, errors: refusal.errors, response_metadata: { messages } } };
}

/** Token answers: checked before anything else about the call, as Slack does. */
const AUTH_ERRORS = new Set(['invalid_auth', 'token_revoked', 'token_expired']);
/** Methods that take the app's client credentials instead of a token. */
const NO_TOKEN_METHODS = new Set(['oauth.v2.access']);
/** The scopes an install answers with when the test did not go through `authorize`. */
const DEFAULT_SCOPES = 'chat:write,commands,im:history,im:write,users:read';
/** Slack's lifetime of a rotating token: 12 hours. */
const ROTATING_TOKEN_SECONDS = 43_200;

/** The DM channel with a user is stable in Slack, so the fake derives it from the user id. */
function dmChannelFor(userId: string): string {
  return `D${userId}`;
}

/** Posting to a user id lands in the DM with that user; Slack answers with the DM channel id. */
function resolveChannel(channel: string): string {
  return /^[UW]/.test(channel) ? dmChannelFor(channel) : channel;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const methods = METHODS;
  const strict = options.workspaces !== undefined;
  const appId = options.appId ?? 'A0FAKEAPP1';

  interface WorkspaceState {
    teamId: string;
    botToken: string;
    botUserId: string;
    botId: string;
    enterpriseId: string | undefined;
    name: string;
    rotation: boolean;
    expiresInSeconds: number;
    tokens: string[];
    refreshToken: string | undefined;
    /** The scopes the last install answered with. */
    scopes: string;
    revoked: boolean;
  }
  interface TokenState {
    teamId: string;
    revoked: boolean;
    /** `Date.now()` after which a rotating token answers `token_expired`. */
    expiresAt?: number;
  }

  const workspaceOptions: FakeWorkspaceOptions[] = options.workspaces ?? [
    { teamId: options.teamId ?? 'T0FAKE0001', botToken: SIMULATOR_BOT_TOKEN, botUserId: options.botUserId ?? 'U0FAKEBOT1', botId: 'B0FAKEBOT1' },
  ];
  const [first] = workspaceOptions;
  if (first === undefined) throw new Error('simulator: `workspaces` needs at least one workspace');
  const workspaces = new Map<string, WorkspaceState>();
  const tokens = new Map<string, TokenState>();
  for (const w of workspaceOptions) {
    if (workspaces.has(w.teamId)) throw new Error(`simulator: workspace ${w.teamId} is listed twice`);
    if (tokens.has(w.botToken)) throw new Error(`simulator: two workspaces share the bot token of ${w.teamId}`);
    const suffix = w.teamId.slice(1);
    workspaces.set(w.teamId, {
      teamId: w.teamId,
      botToken: w.botToken,
      botUserId: w.botUserId ?? `U${suffix}B`,
      botId: w.botId ?? `B${suffix}`,
      enterpriseId: w.enterpriseId,
      name: w.name ?? (w === first && !strict ? 'Fake Team' : `Team ${w.teamId}`),
      rotation: w.rotation ?? false,
      expiresInSeconds: w.expiresInSeconds ?? ROTATING_TOKEN_SECONDS,
      tokens: [w.botToken],
      refreshToken: undefined,
      scopes: DEFAULT_SCOPES,
      revoked: false,
    });
    tokens.set(w.botToken, { teamId: w.teamId, revoked: false });
  }
  const defaultWorkspace = workspaces.get(first.teamId)!;
  const teamId = defaultWorkspace.teamId;
  const botUserId = defaultWorkspace.botUserId;
  const botId = defaultWorkspace.botId;
  const workspaceState = (id: string): WorkspaceState => {
    const found = workspaces.get(id);
    if (!found) throw new Error(`simulator: no workspace ${id}`);
    return found;
  };

  const calls: RecordedCall[] = [];
  const overrides = new Map<string, ResponseHandler>();
  const users = new Map<string, FakeUser>();
  const uploads = new Map<string, { filename: string; bytes?: Buffer }>();
  /** Multi-person DMs the fake opened, to their members. */
  const groups = new Map<string, string[]>();
  /** What a person approved on the authorize page, per workspace, until the code is exchanged again. */
  const approved = new Map<string, { scopes: string; redirectUri: string | undefined; userId: string | undefined }>();
  const events = new EventEmitter();
  // waitFor callers each add a listener; many concurrent waits in one test are normal.
  events.setMaxListeners(0);
  const nextTs = createTsSequence();
  const nextViewId = createIdSequence('V');
  const nextFileId = createIdSequence('F');

  let origin = '';

  const addUser = (user: FakeUser): void => {
    users.set(user.id, user);
  };
  for (const w of workspaces.values()) {
    addUser({ id: w.botUserId, ...(strict ? { team_id: w.teamId } : {}), name: 'peer-support', real_name: 'Peer Support', is_bot: true });
  }
  for (const user of options.users ?? []) addUser(user);

  // ---- Workspaces: tokens, and who a call may reach --------------------------------------------------

  const teamOfUser = (id: string): string | undefined => {
    const user = users.get(id);
    return user ? (user.team_id ?? teamId) : undefined;
  };

  /** Which workspace a token acts in, or why Slack would refuse it. */
  const authenticate = (token: string | undefined): { teamId?: string; refusal?: Refusal } => {
    if (token === undefined || token === '') return {};
    const known = tokens.get(token);
    if (!known) {
      if (strict) return { refusal: { error: 'invalid_auth', errors: ['the token belongs to no workspace'] } };
      // One lenient workspace: any token is its token, until the workspace is revoked.
      return defaultWorkspace.revoked
        ? { teamId, refusal: { error: 'token_revoked', errors: [`the tokens of ${teamId} were revoked`] } }
        : { teamId };
    }
    if (known.revoked) return { teamId: known.teamId, refusal: { error: 'token_revoked', errors: [`the token of ${known.teamId} was revoked`] } };
    if (known.expiresAt !== undefined && Date.now() >= known.expiresAt) {
      return { teamId: known.teamId, refusal: { error: 'token_expired', errors: [`the token of ${known.teamId} expired`] } };
    }
    return { teamId: known.teamId };
  };

  /** A user the call's workspace cannot reach: another workspace's, or (strictly) one nobody knows. */
  const userOutside = (team: string, userId: string): boolean => {
    const owner = teamOfUser(userId);
    return owner === undefined ? strict : owner !== team;
  };

  const channelOutside = (team: string, channel: string): boolean => {
    if (/^[UW]/.test(channel)) return userOutside(team, channel);
    // A DM is `D` + the user's id (dmChannelFor), whichever way it was opened.
    if (channel.startsWith('D')) return userOutside(team, channel.slice(1));
    const members = groups.get(channel);
    if (members) return members.some((member) => userOutside(team, member));
    // The fake keeps no list of channels; a channel id names no person.
    return false;
  };

  /** Slack answers a person or DM outside the token's workspace as if it did not exist. */
  const reachRefusal = (team: string, args: Record<string, unknown>): Refusal | undefined => {
    const listed = (name: string): string[] =>
      (stringArg(args, name) ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    for (const name of ['channel', 'channel_id', 'channels']) {
      const outside = listed(name).find((channel) => channelOutside(team, channel));
      if (outside !== undefined) return { error: 'channel_not_found', errors: [`${name} ${outside} is not in workspace ${team}`] };
    }
    for (const name of ['user', 'user_id', 'users']) {
      const outside = listed(name).find((user) => userOutside(team, user));
      if (outside !== undefined) return { error: 'user_not_found', errors: [`${name} ${outside} is not in workspace ${team}`] };
    }
    return undefined;
  };

  const issueToken = (w: WorkspaceState, token: string): void => {
    const state: TokenState = { teamId: w.teamId, revoked: false };
    if (w.rotation) state.expiresAt = Date.now() + w.expiresInSeconds * 1000;
    tokens.set(token, state);
    if (!w.tokens.includes(token)) w.tokens.push(token);
  };

  const record = (
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
    refusal?: Refusal,
    team?: string,
  ): RecordedCall => {
    const call: RecordedCall = { method, args, at: Date.now() };
    if (token !== undefined) call.token = token;
    if (team !== undefined) call.teamId = team;
    // Set before anyone is told of the call, so a waiting test never takes a refused one.
    if (refusal !== undefined) call.refusal = refusal;
    calls.push(call);
    events.emit('call', call);
    return call;
  };

  const workspaceOf = (call: RecordedCall): WorkspaceState => (call.teamId !== undefined ? workspaceState(call.teamId) : defaultWorkspace);

  const renderUser = (user: FakeUser, includeLocale = false): Record<string, unknown> => {
    const realName = user.real_name ?? `User ${user.id}`;
    const tz = user.tz ?? 'Europe/London';
    const tzOffset = user.tz_offset ?? 0;
    return {
      id: user.id,
      team_id: user.team_id ?? teamId,
      name: user.name ?? user.id.toLowerCase(),
      deleted: false,
      real_name: realName,
      tz,
      tz_offset: tzOffset,
      tz_label: user.tz_label ?? (tz === 'Europe/London' && tzOffset === 0 ? 'Greenwich Mean Time' : tz),
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      is_admin: user.is_admin ?? user.is_owner ?? false,
      is_owner: user.is_owner ?? false,
      ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
      profile: {
        display_name: user.display_name ?? '',
        real_name: realName,
        image_72: user.image ?? `https://avatars.example.invalid/${user.id}_72.png`,
        ...(user.email !== undefined ? { email: user.email } : {}),
        team: user.team_id ?? teamId,
      },
    };
  };

  const renderView = (call: RecordedCall, id: string): FakeReply => {
    const { args } = call;
    const w = workspaceOf(call);
    const view = isRecord(args.view) ? args.view : {};
    return ok({
      view: {
        id,
        team_id: w.teamId,
        app_id: appId,
        bot_id: w.botId,
        hash: `${Date.now()}.fakehash`,
        private_metadata: '',
        callback_id: '',
        external_id: stringArg(args, 'external_id') ?? '',
        state: { values: {} },
        ...view,
      },
    });
  };

  // ---- OAuth ------------------------------------------------------------------------------------------

  const teamAnswer = (w: WorkspaceState): Record<string, unknown> => ({
    team: { id: w.teamId, name: w.name },
    enterprise: w.enterpriseId !== undefined ? { id: w.enterpriseId, name: `Org ${w.enterpriseId}` } : null,
    is_enterprise_install: false,
  });

  /** oauth.v2.access as Slack answers a bot install (`code`) or a refresh of a rotating token. */
  const oauthAccess = (call: RecordedCall, basic: { id: string; secret: string } | undefined): FakeReply => {
    const { args } = call;
    const clientId = basic?.id ?? stringArg(args, 'client_id');
    const clientSecret = basic?.secret ?? stringArg(args, 'client_secret');
    if (!clientId || (options.oauth && clientId !== options.oauth.clientId)) return fail('invalid_client_id');
    if (!clientSecret || (options.oauth && clientSecret !== options.oauth.clientSecret)) return fail('bad_client_secret');

    const grantType = stringArg(args, 'grant_type') ?? 'authorization_code';
    if (grantType === 'refresh_token') {
      const refreshToken = stringArg(args, 'refresh_token');
      const w = [...workspaces.values()].find((candidate) => candidate.refreshToken !== undefined && candidate.refreshToken === refreshToken);
      if (!w || w.revoked) return fail('invalid_refresh_token');
      // The old token keeps working until it expires.
      const token = `${w.botToken}.r${w.tokens.length}`;
      issueToken(w, token);
      return ok({
        app_id: appId,
        scope: w.scopes,
        token_type: 'bot',
        access_token: token,
        bot_user_id: w.botUserId,
        refresh_token: w.refreshToken,
        expires_in: w.expiresInSeconds,
        ...teamAnswer(w),
      });
    }
    if (grantType !== 'authorization_code') return fail('invalid_grant_type');

    const named = /^code-(.+)$/.exec(stringArg(args, 'code') ?? '');
    const w = named?.[1] !== undefined ? workspaces.get(named[1]) : undefined;
    if (!w) return fail('invalid_code');
    const approval = approved.get(w.teamId);
    // Slack insists on the redirect_uri the authorize page was given, when it was given one.
    if (approval?.redirectUri !== undefined && stringArg(args, 'redirect_uri') !== approval.redirectUri) return fail('bad_redirect_uri');

    // A reinstall after the tokens were revoked gets a new token; otherwise the workspace keeps its own.
    let token = w.tokens[w.tokens.length - 1] ?? w.botToken;
    if (w.revoked) {
      w.revoked = false;
      token = `${w.botToken}-${w.tokens.length + 1}`;
    }
    issueToken(w, token);
    w.scopes = approval?.scopes ?? DEFAULT_SCOPES;
    if (w.rotation) w.refreshToken ??= `xoxe-1-${w.teamId}-refresh`;
    const installer =
      approval?.userId ?? [...users.values()].find((user) => !user.is_bot && (user.team_id ?? teamId) === w.teamId)?.id ?? `U${w.teamId.slice(1)}I`;
    return ok({
      app_id: appId,
      authed_user: { id: installer },
      scope: w.scopes,
      token_type: 'bot',
      access_token: token,
      bot_user_id: w.botUserId,
      ...teamAnswer(w),
      ...(w.rotation ? { refresh_token: w.refreshToken, expires_in: w.expiresInSeconds } : {}),
    });
  };

  const authorize = (authorizeUrl: string, install: { teamId: string; userId?: string }): Authorized => {
    const url = new URL(authorizeUrl);
    if (!url.pathname.endsWith('/oauth/v2/authorize')) throw new Error(`simulator: ${authorizeUrl} is not an oauth/v2/authorize link`);
    const clientId = url.searchParams.get('client_id');
    if (!clientId || (options.oauth && clientId !== options.oauth.clientId)) throw new Error(`simulator: the authorize link has the wrong client_id`);
    const scopes = url.searchParams.get('scope') ?? '';
    if (scopes === '') throw new Error('simulator: the authorize link asks for no bot scopes (Slack shows no_scopes)');
    const w = workspaceState(install.teamId);
    if (install.userId !== undefined && teamOfUser(install.userId) !== w.teamId) {
      throw new Error(`simulator: ${install.userId} is not a person of ${w.teamId}`);
    }
    const redirectUri = url.searchParams.get('redirect_uri') ?? undefined;
    approved.set(w.teamId, { scopes, redirectUri, userId: install.userId });
    const code = `code-${w.teamId}`;
    const state = url.searchParams.get('state') ?? undefined;
    let redirectUrl: string | undefined;
    if (redirectUri !== undefined) {
      const redirect = new URL(redirectUri);
      redirect.searchParams.set('code', code);
      if (state !== undefined) redirect.searchParams.set('state', state);
      redirectUrl = redirect.toString();
    }
    return { code, state, redirectUrl };
  };

  // ---- Answers ----------------------------------------------------------------------------------------

  /** What Slack itself would answer for a call that passed validation. */
  const defaultReply = (call: RecordedCall): FakeReply => {
    const { args } = call;
    const w = workspaceOf(call);
    switch (call.method) {
      case 'auth.test':
        return ok({
          url: w === defaultWorkspace && !strict ? 'https://fake-team.slack.com/' : `https://${w.teamId.toLowerCase()}.slack.com/`,
          team: w.name,
          user: 'peer-support',
          team_id: w.teamId,
          user_id: w.botUserId,
          bot_id: w.botId,
          ...(w.enterpriseId !== undefined ? { enterprise_id: w.enterpriseId } : {}),
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const channel = resolveChannel(stringArg(args, 'channel') ?? '');
        const ts = nextTs();
        const message: Record<string, unknown> = {
          type: 'message',
          user: w.botUserId,
          bot_id: w.botId,
          team: w.teamId,
          text: stringArg(args, 'text') ?? '',
          ts,
        };
        if (args.blocks !== undefined) message.blocks = args.blocks;
        const threadTs = stringArg(args, 'thread_ts');
        if (threadTs !== undefined) message.thread_ts = threadTs;
        return ok({ channel, ts, message });
      }
      case 'chat.postEphemeral':
        // Slack answers postEphemeral with `message_ts` only; mirroring that keeps the app from relying on more.
        return ok({ message_ts: nextTs() });
      case 'chat.update': {
        // An edited message keeps its ts.
        const ts = stringArg(args, 'ts') ?? '';
        const text = stringArg(args, 'text') ?? '';
        return ok({ channel: stringArg(args, 'channel'), ts, text, message: { text, user: w.botUserId, bot_id: w.botId } });
      }
      case 'chat.delete':
        return ok({ channel: stringArg(args, 'channel'), ts: stringArg(args, 'ts') });
      case 'conversations.open': {
        const channel = stringArg(args, 'channel');
        if (channel !== undefined) return ok({ channel: { id: channel } });
        const ids = (stringArg(args, 'users') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        if (ids.length === 0) return fail('users_list_not_supplied');
        const [only] = ids;
        if (ids.length === 1 && only !== undefined) return ok({ channel: { id: dmChannelFor(only) } });
        const id = `G${[...ids].sort().join('')}`;
        groups.set(id, ids);
        return ok({ channel: { id } });
      }
      case 'users.info': {
        const user = users.get(stringArg(args, 'user') ?? '');
        // Slack adds the locale only when asked (include_locale), as a boolean or its string form.
        const includeLocale = args.include_locale === true || args.include_locale === 'true' || args.include_locale === '1';
        return user ? ok({ user: renderUser(user, includeLocale) }) : fail('user_not_found');
      }
      case 'views.open':
      case 'views.push':
        // A trigger id or an interactivity pointer is required, but the method list cannot express "one of".
        if (args.trigger_id === undefined && args.interactivity_pointer === undefined) return fail('invalid_arguments');
        return renderView(call, nextViewId());
      case 'views.update': {
        if (args.view_id === undefined && args.external_id === undefined) return fail('invalid_arguments');
        return renderView(call, stringArg(args, 'view_id') ?? nextViewId());
      }
      case 'views.publish':
        return renderView(call, nextViewId());
      case 'files.getUploadURLExternal': {
        const fileId = nextFileId();
        uploads.set(fileId, { filename: stringArg(args, 'filename') ?? '' });
        return ok({ upload_url: `${origin}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        const requested = Array.isArray(args.files) ? args.files : [];
        const files = requested.filter(isRecord).map((file) => {
          const id = stringArg(file, 'id') ?? '';
          return { id, title: stringArg(file, 'title') ?? uploads.get(id)?.filename ?? '' };
        });
        return ok({ files });
      }
      default:
        return ok({});
    }
  };

  const answerApiCall = async (method: string, call: RecordedCall, basic: { id: string; secret: string } | undefined): Promise<FakeReply> => {
    const override = overrides.get(method);
    const spec = methods.get(method);
    // An override makes a method known, so a test can stand in for one newer than the snapshot.
    if (!spec && !override) return fail('unknown_method');
    if (NO_TOKEN_METHODS.has(method)) return override ? override(call, () => oauthAccess(call, basic)) : oauthAccess(call, basic);
    if (call.token === undefined || call.token === '') return fail('not_authed');
    if (call.refusal && AUTH_ERRORS.has(call.refusal.error)) return fail(call.refusal.error);
    const missing = (spec?.required ?? []).filter((arg) => call.args[arg] === undefined || call.args[arg] === '');
    if (missing.length > 0) return fail('invalid_arguments');
    if (call.refusal) return refusalReply(method, call.refusal);
    return override ? override(call, () => defaultReply(call)) : defaultReply(call);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestUrl = new URL(req.url ?? '/', origin);
    const body = await readBody(req);

    const upload = /^\/upload\/([^/]+)$/.exec(requestUrl.pathname);
    if (upload?.[1] !== undefined) {
      const token = bearerToken(req);
      // `content` is the uploaded file as text, so a test can check what a person was sent.
      const bytes = await uploadedBytes(req, body);
      const known = uploads.get(upload[1]);
      if (known) known.bytes = bytes;
      record('upload', { file_id: upload[1], bytes: body.length, content: bytes.toString('utf8') }, token, undefined, authenticate(token).teamId);
      // Slack's upload endpoint answers plain text, not JSON.
      res.writeHead(uploads.has(upload[1]) ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(`OK - ${body.length}`);
      return;
    }

    const response = /^\/response\/([^/]*)$/.exec(requestUrl.pathname);
    if (response?.[1] !== undefined) {
      const args = await parseArgs(req, body, requestUrl.searchParams);
      // Deleting the original needs no content; anything else is a message like any other.
      const refusal = args.delete_original === true ? undefined : messageRefusal(args);
      const call = record('response_url', { key: decodeURIComponent(response[1]), ...args }, undefined, refusal);
      // A response_url answers HTTP 200 even when it refuses the message.
      answered(res, call, { body: refusal ? { ok: false, error: refusal.error } : { ok: true } });
      return;
    }

    const api = /^\/api\/([^/]+)$/.exec(requestUrl.pathname);
    if (api?.[1] === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const method = api[1];
    const args = await parseArgs(req, body, requestUrl.searchParams);
    const tokenArg = stringArg(args, 'token');
    delete args.token;
    const token = bearerToken(req) ?? tokenArg;
    if (NO_TOKEN_METHODS.has(method)) {
      // The client secret is a credential like a token: keep it out of the record.
      const basic = basicCredentials(req);
      const secret = args.client_secret;
      delete args.client_secret;
      const call = record(method, args, token);
      answered(res, call, await answerApiCall(method, call, basic ?? (typeof secret === 'string' ? { id: stringArg(args, 'client_id') ?? '', secret } : undefined)));
      return;
    }
    const auth = authenticate(token);
    const refusal = auth.refusal ?? (auth.teamId !== undefined ? reachRefusal(auth.teamId, args) : undefined) ?? apiRefusal(method, args);
    const call = record(method, args, token, refusal, auth.teamId);
    answered(res, call, await answerApiCall(method, call, undefined));
  };

  /** Sends the answer, after noting it on the call for the `onAnswered` listeners. */
  const answered = (res: ServerResponse, call: RecordedCall, reply: FakeReply): void => {
    call.reply = reply.body;
    events.emit('answered', call);
    sendJson(res, reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake must surface in the test output rather than hang the client.
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`simulator error: ${message}`);
    });
  });

  origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;

  const callsTo = (method: string): RecordedCall[] => calls.filter((call) => call.method === method);

  const describeRefusal = (call: RecordedCall): string =>
    `simulator: the matching ${call.method} call was refused as Slack would refuse it: ` +
    `${call.refusal?.error ?? ''}${call.refusal?.errors.length ? `: ${call.refusal.errors.join('; ')}` : ''}`;

  const waitFor = (
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> => {
    const matches = (call: RecordedCall): boolean => call.method === method && predicate(call);
    const existing = calls.find((call) => matches(call) && call.refusal === undefined);
    if (existing) return Promise.resolve(existing);
    // A refused call never reached anyone: fail at once with Slack's reasons instead of waiting out the timeout.
    const refused = calls.find(matches);
    if (refused) return Promise.reject(new Error(describeRefusal(refused)));
    return new Promise<RecordedCall>((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!matches(call)) return;
        clearTimeout(timer);
        events.off('call', onCall);
        if (call.refusal) reject(new Error(describeRefusal(call)));
        else resolve(call);
      };
      const timer = setTimeout(() => {
        events.off('call', onCall);
        const seen = calls.map((call) => call.method);
        reject(
          new Error(
            `simulator: no matching ${method} call within ${timeoutMs} ms; ` +
              `recorded ${seen.length} call(s): ${seen.length > 0 ? seen.join(', ') : '(none)'}`,
          ),
        );
      }, timeoutMs);
      events.on('call', onCall);
    });
  };

  const describeWorkspace = (w: WorkspaceState): FakeWorkspace => ({
    teamId: w.teamId,
    botToken: w.botToken,
    botUserId: w.botUserId,
    botId: w.botId,
    enterpriseId: w.enterpriseId,
    name: w.name,
    tokens: [...w.tokens],
    refreshToken: w.refreshToken,
    revoked: w.revoked,
  });

  return {
    url: `${origin}/api/`,
    calls,
    teamId,
    botUserId,
    botId,
    callsTo,
    callsFor: (team) => {
      workspaceState(team);
      return calls.filter((call) => call.teamId === team);
    },
    workspace: (team) => describeWorkspace(workspaceState(team)),
    revoke: (team) => {
      const w = workspaceState(team);
      w.revoked = true;
      for (const state of tokens.values()) if (state.teamId === team) state.revoked = true;
    },
    authorize,
    waitFor,
    reset: () => {
      // Truncate in place: callers may hold the `calls` array.
      calls.length = 0;
    },
    setResponse: (method, response) => {
      overrides.set(method, typeof response === 'function' ? response : () => ({ body: response }));
    },
    clearResponse: (method) => {
      if (method === undefined) overrides.clear();
      else overrides.delete(method);
    },
    addUser,
    user: (id) => users.get(id),
    responseUrl: (key = 'default') => `${origin}/response/${encodeURIComponent(key)}`,
    file: (id) => {
      const known = uploads.get(id);
      return known?.bytes ? { filename: known.filename, bytes: known.bytes } : undefined;
    },
    onAnswered: (listener) => {
      events.on('answered', listener);
      return () => events.off('answered', listener);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() waits for them to idle out.
        server.closeAllConnections();
      }),
  };
}
