import { ErrorCode, LogLevel, WebClient, type FetchFunction, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { createRatePacer, type RatePacer } from './pacer.js';
import { boundedCalls } from './fetch-within.js';
import { WorkspaceUnavailableError, type WorkspaceTokens } from './workspace-tokens.js';

// A Web API client for bulk sends (check-ins, the outbox), separate from Bolt's. Bolt's client answers a
// 429 by pausing its whole queue for Retry-After and retrying for up to half an hour without a timeout:
// that would hold up interactive calls (a views.open has 3 seconds before its trigger_id expires) and
// let a send outlive the lease on the row being sent. This one never retries, gives up after a bounded
// time and rejects a 429 at once; the pacer slows down only the workspace that got it, and the caller
// puts the row back for Retry-After.
//
// Each call acts with its own workspace's token (issue 16): one client per workspace, made when its token
// is first asked for and again when the token changes. Slack refusing the token (revoked, uninstalled)
// stops all sends for that workspace: `revoked` is told once and the call fails as WorkspaceUnavailableError.

export interface BulkSenderOptions {
  /** Each workspace's bot token. */
  tokens: WorkspaceTokens;
  /** Slack refused a workspace's token (token_revoked, invalid_auth ...): handled as an uninstall. */
  revoked?: (workspaceId: string, code: string) => Promise<void>;
  /** Web API base URL; Slack's by default (DESIGN.md: SLACK_API_URL). */
  slackApiUrl?: string;
  logger: Logger;
  /** Whole-request timeout per call. */
  timeoutMs?: number;
  pacer?: RatePacer;
  /** The HTTP function for every call; metrics wrap it to count calls (src/slack/observed-fetch.ts). */
  fetch?: FetchFunction;
}

export interface BulkSender {
  /** A client acting in the workspace: bounded timeout, no retries, 429 rejected at once. */
  clientFor(workspaceId: string): Promise<WebClient>;
  /** Waits for the workspace's pace, then makes the call; a 429 slows that workspace only and is rethrown. */
  paced<T>(workspaceId: string, call: (client: WebClient) => Promise<T>): Promise<T>;
}

/** Slack's answers that say the token will never work again: the app was uninstalled or its token revoked. */
export const REVOKED_TOKEN_CODES: ReadonlySet<string> = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'team_disabled']);

export function createBulkSender(options: BulkSenderOptions): BulkSender {
  const { tokens, slackApiUrl, logger, timeoutMs = 10_000 } = options;
  const pacer = options.pacer ?? createRatePacer();
  const clientLogger = webClientLogger(logger);
  const clients = new Map<string, { token: string; client: WebClient }>();

  async function clientFor(workspaceId: string): Promise<WebClient> {
    let token: string;
    try {
      token = await tokens.botToken(workspaceId);
    } catch (error) {
      // Slack refused to refresh the token: the workspace revoked it, as good as an uninstall.
      if (error instanceof WorkspaceUnavailableError && error.reason === 'refused') return refused(workspaceId, null, error);
      throw error;
    }
    const known = clients.get(workspaceId);
    if (known?.token === token) return known.client;
    const client = new WebClient(token, {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      ...boundedCalls(timeoutMs, options.fetch),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: clientLogger,
    });
    clients.set(workspaceId, { token, client });
    return client;
  }

  /** Slack said the token is dead: stop using it here and tell whoever stops the workspace's work. */
  async function refused(workspaceId: string, client: WebClient | null, error: unknown): Promise<never> {
    // Calls in flight with the same dead token are all refused: only the first tells `revoked`.
    if (client === null || clients.get(workspaceId)?.client === client) {
      clients.delete(workspaceId);
      tokens.forget(workspaceId);
      try {
        await options.revoked?.(workspaceId, errorCodeOf(error));
      } catch (failure) {
        logger.error({ err: failure, code: 'revocation_not_recorded' }, 'could not record a revoked token');
      }
      // Read again now the uninstall is recorded (a read made meanwhile may have cached the workspace as usable).
      tokens.forget(workspaceId);
    }
    throw new WorkspaceUnavailableError(workspaceId, 'refused');
  }

  return {
    async clientFor(workspaceId) {
      return clientFor(workspaceId);
    },
    async paced(workspaceId, call) {
      const client = await clientFor(workspaceId);
      await pacer.acquire(workspaceId);
      try {
        const result = await call(client);
        pacer.succeeded(workspaceId);
        return result;
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== null) pacer.rateLimited(workspaceId, retryAfter);
        // Slack refusing the call (invalid_blocks, channel_not_found) still passed its rate limiter.
        else if (codeOf(error) === ErrorCode.PlatformError) {
          pacer.succeeded(workspaceId);
          if (REVOKED_TOKEN_CODES.has(errorCodeOf(error))) return refused(workspaceId, client, error);
        }
        throw error;
      }
    },
  };
}

/** Seconds Slack asked us to wait when it rate-limited a call, else null. */
export function retryAfterOf(error: unknown): number | null {
  if (!isRecord(error)) return null;
  if (error.code === ErrorCode.RateLimitedError) {
    const seconds = error.retryAfter;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  }
  // Some methods answer `ok: false, error: 'ratelimited'` with HTTP 200; Retry-After then sits in the metadata.
  if (error.code === ErrorCode.PlatformError && isRecord(error.data) && error.data.error === 'ratelimited') {
    const seconds = isRecord(error.data.response_metadata) ? error.data.response_metadata.retryAfter : undefined;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
  }
  return null;
}

const SAFE_CODE = /^[a-z0-9_.-]{1,80}$/i;

/**
 * A short, stable code for logs and the row's last error: Slack's own (`invalid_blocks`), else the
 * client's (`slack_webapi_request_error` on a timeout), else `send_failed`. Never the error's message,
 * which can quote a request.
 */
export function errorCodeOf(error: unknown): string {
  if (!isRecord(error)) return 'send_failed';
  if (isRecord(error.data) && typeof error.data.error === 'string' && SAFE_CODE.test(error.data.error)) return error.data.error;
  const code = codeOf(error);
  return code !== null && SAFE_CODE.test(code) ? code : 'send_failed';
}

function codeOf(error: unknown): string | null {
  return isRecord(error) && typeof error.code === 'string' ? error.code : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The web client's debug and info lines quote every request and response body, which carry check-ins,
 * introductions and relayed notes (DESIGN.md invariant 2), so they are dropped whatever the level.
 * Warnings and errors keep only their leading text (Slack's warning codes, a fixed sentence) and, for
 * an error object, its name and code: a message's further arguments can quote a payload.
 */
function webClientLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'bulk-sender' });
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => {
    const [first] = msg;
    if (typeof first === 'string') return first.slice(0, 200);
    if (first instanceof Error) return `${first.name}${codeOf(first) ? ` (${codeOf(first)})` : ''}`;
    return '[object]';
  };
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
