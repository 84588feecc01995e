import type { FetchFunction } from '@slack/web-api';
import { httpFetch } from './http-fetch.js';
import type { SlackCall, SlackCallOutcome } from '../metrics/metrics.js';

// Every Web API request the app makes goes through a WebClient's `fetch` (both Bolt's interactive
// clients, one per token, built from the same clientOptions, and the bulk sender), and Bolt's
// `respond()` uses the same function for response_urls. Wrapping that one function counts every call
// without touching any caller. Only the method name (taken from the URL, and only if it looks like one)
// and the outcome leave this module: never a URL, token, argument or answer, which can hold ids and words.

type FetchHeaders = Awaited<ReturnType<FetchFunction>>['headers'];

/** Slack's method names: `chat.postMessage`, `oauth.v2.access`. A Slack id has no dot, so it never matches. */
const METHOD = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/;

/** Answers that mean the token or its grant is the problem (invalid, revoked, missing a scope). */
const AUTH_ERRORS = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
  'team_access_not_granted',
  'org_login_required',
  'ekm_access_denied',
]);

/** Slack puts `ok` first; the parse is only needed for the rare `ok: false` answer. */
const OK_FIRST = /^\s*\{\s*"ok"\s*:\s*true\b/;

/** The label for a request to `url`: its Web API method, else what kind of URL it is. */
export function methodOf(url: string | URL): string {
  const path = (typeof url === 'string' ? url : url.href).split(/[?#]/, 1)[0]!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.length <= 80 && METHOD.test(last)) return last;
  // files.getUploadURLExternal hands out an upload URL; anything else is a response_url (Bolt's respond()).
  return /\/upload\//.test(path) ? 'file_upload' : 'response_url';
}

/** The outcome of an HTTP 200 answer from its body. */
export function outcomeOfBody(text: string): SlackCallOutcome {
  if (OK_FIRST.test(text)) return 'ok';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'slack_error';
  }
  if (typeof body !== 'object' || body === null) return 'slack_error';
  const { ok, error } = body as { ok?: unknown; error?: unknown };
  if (ok === true) return 'ok';
  if (error === 'ratelimited' || error === 'rate_limited') return 'rate_limited';
  return typeof error === 'string' && AUTH_ERRORS.has(error) ? 'auth_error' : 'slack_error';
}

/**
 * A `fetch` for WebClient's options that reports each request to `observe`. A JSON answer is read here
 * (the client reads the whole text anyway) and handed on as a new Response with the same status and
 * headers; other answers pass through untouched.
 */
export function observeSlackCalls(observe: (call: SlackCall) => void, base: FetchFunction = httpFetch): FetchFunction {
  return async (url, init) => {
    const started = performance.now();
    const method = methodOf(url);
    const report = (outcome: SlackCallOutcome) => {
      try {
        observe({ method, outcome, seconds: (performance.now() - started) / 1000 });
      } catch {
        // Counting must never break a call to Slack.
      }
    };
    let response;
    try {
      response = await base(url, init);
    } catch (error) {
      report('network_error');
      throw error;
    }
    if (response.status === 429) {
      report('rate_limited');
      return response;
    }
    if (response.status !== 200) {
      report('http_error');
      return response;
    }
    if (!(response.headers.get('content-type') ?? '').includes('json')) {
      report('ok');
      return response;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      report('network_error');
      throw error;
    }
    report(outcomeOfBody(text));
    const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: toHeaders(response.headers) });
    // The client looks at the URL for one method (admin.analytics.getFile); keep it.
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  };
}

function toHeaders(headers: FetchHeaders): Headers {
  if (headers instanceof Headers) return headers;
  const copy = new Headers();
  for (const [key, value] of headers.entries()) copy.append(key, value);
  return copy;
}
