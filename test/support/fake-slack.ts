/**
 * A local fake of the Slack Web API for end-to-end runs of the real app process.
 *
 * Slack is never reachable from development or CI machines (DESIGN.md), so the app is started with
 * `SLACK_API_URL` pointing here. The fake checks every call against the published method list in
 * `../shared/slack-api/methods.json`, so a misspelt method or a forgotten required argument fails the
 * test the way it would fail against Slack, instead of passing silently. Messages and views go through
 * the same Block Kit validation as `test/slack/surfaces.test.ts` (`src/slack/block-kit.ts`): what Slack
 * would refuse is refused here too, and `waitFor` never mistakes a refused message for one that arrived.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isEmptyMessage, validateMessage, validateView } from '../../src/slack/block-kit.js';
import { REPO_ROOT as repoRoot } from './app-process.js';

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
  /** `Date.now()` when the request arrived. */
  at: number;
  /**
   * Set when the fake refused the message or view as Slack would (`invalid_blocks`, `no_text`,
   * `invalid_arguments` for a view): it never reached anyone, so `waitFor` fails on it instead of resolving.
   */
  refusal?: Refusal;
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

export interface FakeSlackOptions {
  teamId?: string;
  botUserId?: string;
  users?: FakeUser[];
}

export interface FakeSlack {
  /** Base URL for `SLACK_API_URL` / `slackApiUrl`; ends with `/api/` as the client appends the method. */
  readonly url: string;
  /** Every request received, in arrival order, including rejected ones. */
  readonly calls: RecordedCall[];
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  callsTo(method: string): RecordedCall[];
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
  close(): Promise<void>;
}

interface MethodSpec {
  required: string[];
}

const methodsJsonPath = path.resolve(repoRoot, '..', 'shared', 'slack-api', 'methods.json');

let cachedMethods: ReadonlyMap<string, MethodSpec> | undefined;

function loadMethods(): ReadonlyMap<string, MethodSpec> {
  if (cachedMethods) return cachedMethods;
  const parsed: unknown = JSON.parse(readFileSync(methodsJsonPath, 'utf8'));
  if (!isRecord(parsed)) throw new Error(`${methodsJsonPath}: expected an object of methods`);
  const methods = new Map<string, MethodSpec>();
  for (const [name, spec] of Object.entries(parsed)) {
    const required = isRecord(spec) && Array.isArray(spec.required) ? spec.required : [];
    methods.set(name, { required: required.filter((arg): arg is string => typeof arg === 'string') });
  }
  cachedMethods = methods;
  return methods;
}

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
async function uploadedText(req: IncomingMessage, body: Buffer): Promise<string> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('multipart/form-data')) return body.toString('utf8');
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) return typeof value === 'string' ? value : value.text();
  return '';
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
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

/** The DM channel with a user is stable in Slack, so the fake derives it from the user id. */
function dmChannelFor(userId: string): string {
  return `D${userId}`;
}

/** Posting to a user id lands in the DM with that user; Slack answers with the DM channel id. */
function resolveChannel(channel: string): string {
  return /^[UW]/.test(channel) ? dmChannelFor(channel) : channel;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const methods = loadMethods();
  const teamId = options.teamId ?? 'T0FAKE0001';
  const botUserId = options.botUserId ?? 'U0FAKEBOT1';
  const botId = 'B0FAKEBOT1';

  const calls: RecordedCall[] = [];
  const overrides = new Map<string, ResponseHandler>();
  const users = new Map<string, FakeUser>();
  const uploads = new Map<string, { filename: string }>();
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
  addUser({ id: botUserId, name: 'peer-support', real_name: 'Peer Support', is_bot: true });
  for (const user of options.users ?? []) addUser(user);

  const record = (method: string, args: Record<string, unknown>, token: string | undefined, refusal?: Refusal): RecordedCall => {
    const call: RecordedCall = { method, args, at: Date.now() };
    if (token !== undefined) call.token = token;
    // Set before anyone is told of the call, so a waiting test never takes a refused one.
    if (refusal !== undefined) call.refusal = refusal;
    calls.push(call);
    events.emit('call', call);
    return call;
  };

  const renderUser = (user: FakeUser): Record<string, unknown> => {
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
      profile: {
        display_name: user.display_name ?? '',
        real_name: realName,
        image_72: user.image ?? `https://avatars.example.invalid/${user.id}_72.png`,
        ...(user.email !== undefined ? { email: user.email } : {}),
        team: user.team_id ?? teamId,
      },
    };
  };

  const renderView = (args: Record<string, unknown>, id: string): FakeReply => {
    const view = isRecord(args.view) ? args.view : {};
    return ok({
      view: {
        id,
        team_id: teamId,
        app_id: 'A0FAKEAPP1',
        bot_id: botId,
        hash: `${Date.now()}.fakehash`,
        private_metadata: '',
        callback_id: '',
        external_id: stringArg(args, 'external_id') ?? '',
        state: { values: {} },
        ...view,
      },
    });
  };

  /** What Slack itself would answer for a call that passed validation. */
  const defaultReply = (call: RecordedCall): FakeReply => {
    const { args } = call;
    switch (call.method) {
      case 'auth.test':
        return ok({
          url: 'https://fake-team.slack.com/',
          team: 'Fake Team',
          user: 'peer-support',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const channel = resolveChannel(stringArg(args, 'channel') ?? '');
        const ts = nextTs();
        const message: Record<string, unknown> = {
          type: 'message',
          user: botUserId,
          bot_id: botId,
          team: teamId,
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
        return ok({ channel: stringArg(args, 'channel'), ts, text, message: { text, user: botUserId, bot_id: botId } });
      }
      case 'chat.delete':
        return ok({ channel: stringArg(args, 'channel'), ts: stringArg(args, 'ts') });
      case 'conversations.open': {
        const channel = stringArg(args, 'channel');
        if (channel !== undefined) return ok({ channel: { id: channel } });
        const ids = (stringArg(args, 'users') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        if (ids.length === 0) return fail('users_list_not_supplied');
        const [only] = ids;
        const id = ids.length === 1 && only !== undefined ? dmChannelFor(only) : `G${[...ids].sort().join('')}`;
        return ok({ channel: { id } });
      }
      case 'users.info': {
        const user = users.get(stringArg(args, 'user') ?? '');
        return user ? ok({ user: renderUser(user) }) : fail('user_not_found');
      }
      case 'views.open':
      case 'views.push':
        // A trigger id or an interactivity pointer is required, but the method list cannot express "one of".
        if (args.trigger_id === undefined && args.interactivity_pointer === undefined) return fail('invalid_arguments');
        return renderView(args, nextViewId());
      case 'views.update': {
        if (args.view_id === undefined && args.external_id === undefined) return fail('invalid_arguments');
        return renderView(args, stringArg(args, 'view_id') ?? nextViewId());
      }
      case 'views.publish':
        return renderView(args, nextViewId());
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

  const answerApiCall = async (method: string, call: RecordedCall): Promise<FakeReply> => {
    const override = overrides.get(method);
    const spec = methods.get(method);
    // An override makes a method known, so a test can stand in for one newer than the snapshot.
    if (!spec && !override) return fail('unknown_method');
    if (call.token === undefined || call.token === '') return fail('not_authed');
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
      // `content` is the uploaded file as text, so a test can check what a person was sent.
      record('upload', { file_id: upload[1], bytes: body.length, content: await uploadedText(req, body) }, bearerToken(req));
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
      record('response_url', { key: decodeURIComponent(response[1]), ...args }, undefined, refusal);
      // A response_url answers HTTP 200 even when it refuses the message.
      sendJson(res, { body: refusal ? { ok: false, error: refusal.error } : { ok: true } });
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
    const call = record(method, args, bearerToken(req) ?? tokenArg, apiRefusal(method, args));
    sendJson(res, await answerApiCall(method, call));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake must surface in the test output rather than hang the client.
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake-slack error: ${message}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  const callsTo = (method: string): RecordedCall[] => calls.filter((call) => call.method === method);

  const describeRefusal = (call: RecordedCall): string =>
    `fake-slack: the matching ${call.method} call was refused as Slack would refuse it: ` +
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
            `fake-slack: no matching ${method} call within ${timeoutMs} ms; ` +
              `recorded ${seen.length} call(s): ${seen.length > 0 ? seen.join(', ') : '(none)'}`,
          ),
        );
      }, timeoutMs);
      events.on('call', onCall);
    });
  };

  return {
    url: `${origin}/api/`,
    calls,
    teamId,
    botUserId,
    botId,
    callsTo,
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() waits for them to idle out.
        server.closeAllConnections();
      }),
  };
}
