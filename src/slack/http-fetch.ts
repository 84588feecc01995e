import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import type { FetchFunction } from '@slack/web-api';
import { withArgs } from './with-args.js';

// The HTTP function behind every Web API call, Bolt's respond() and the bulk sender (issue 17). Node 20's
// `fetch` (undici, web streams, an AbortController and finalization registries for every request) moved
// about 18 KiB a request into the old generation, where only a full collection clears it: a DM answered
// with the safety net promoted 23 KiB, so every window of DMs grew the heap and left the full collections
// behind it for the acks that came next. The same POST through node:http promotes 0.06 KiB and allocates a
// third as much. This is what WebClient and respond() use of `fetch` (FetchFunction): a POST or GET of a
// string body, keep-alive connections, the answer read whole (Slack's answers are small JSON) before the
// promise settles, an AbortSignal honoured until then. A FormData body (file uploads) goes to the global
// `fetch`, which builds multipart bodies.

type FetchInit = Parameters<FetchFunction>[1];
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/**
 * Keep-alive connections, closed after 4 s idle: under servers' own idle timeouts (Node's 5 s), so a request
 * is not written on a connection the server is closing.
 */
const IDLE_MS = 4_000;

export interface HttpFetchOptions {
  /** Agents for each scheme (tests give the https one a CA of their own). */
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
  /** For what this does not send: FormData bodies, other schemes. */
  fallback?: FetchFunction;
}

/** A `fetch` for WebClient and respond() on node:http and node:https. */
export function createHttpFetch(options: HttpFetchOptions = {}): FetchFunction {
  const httpAgent = options.httpAgent ?? new HttpAgent({ keepAlive: true, timeout: IDLE_MS });
  const httpsAgent = options.httpsAgent ?? new HttpsAgent({ keepAlive: true, timeout: IDLE_MS });
  const fallback = options.fallback ?? ((url, init) => (globalThis.fetch as FetchFunction)(url, init));
  return (input, init) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    const body: unknown = init?.body;
    const secure = url.protocol === 'https:';
    const plainHeaders = init?.headers === undefined || Object.getPrototypeOf(init.headers) === Object.prototype;
    if ((!secure && url.protocol !== 'http:') || (body !== undefined && body !== null && typeof body !== 'string') || !plainHeaders) return fallback(input, init);
    return send(url, init, secure ? httpsRequest : httpRequest, secure ? httpsAgent : httpAgent);
  };
}

function send(url: URL, init: FetchInit, request: typeof httpRequest, agent: HttpAgent): Promise<FetchResponse> {
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const body = typeof init?.body === 'string' ? init.body : undefined;
  const method = init?.method?.toUpperCase() ?? 'GET';
  const headers: OutgoingHttpHeaders = withArgs(init?.headers ?? {}, {});
  if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) headers['content-length'] = body === undefined ? 0 : Buffer.byteLength(body);
  return new Promise<FetchResponse>((resolve, reject) => {
    const req = request(url, { method, headers, agent });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    const cutShort = () => fail(new TypeError('fetch failed', { cause: new Error('the connection closed before the whole answer came') }));
    function onAbort(): void {
      fail(signal!.reason);
      req.destroy();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
    req.on('response', (res) => {
      if (res.statusCode !== undefined && res.statusCode >= 300 && res.statusCode < 400 && init?.redirect === 'error') {
        res.resume();
        fail(new TypeError('fetch failed', { cause: new Error(`redirected (HTTP ${res.statusCode}) where redirects are refused`) }));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
      // A connection closed mid-answer may end the answer without an error of its own.
      res.on('close', () => {
        if (!res.complete) cutShort();
      });
      res.on('end', () => {
        if (!res.complete) {
          cutShort();
          return;
        }
        decoded(res, Buffer.concat(chunks)).then(
          (bytes) => settle(() => resolve(new BufferedResponse(url.href, res, bytes))),
          (error: unknown) => fail(new TypeError('fetch failed', { cause: error })),
        );
      });
    });
    req.end(body);
  });
}

/** The body as sent, or decompressed as `fetch` would if the server compressed it unasked. */
function decoded(res: IncomingMessage, bytes: Buffer): Promise<Buffer> {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  const decode = encoding === 'gzip' || encoding === 'x-gzip' ? gunzip : encoding === 'deflate' ? inflate : encoding === 'br' ? brotliDecompress : undefined;
  if (!decode || bytes.length === 0) return Promise.resolve(bytes);
  return new Promise((resolve, reject) => decode(bytes, (error, out) => (error ? reject(error) : resolve(out))));
}

/** An answer's headers, read as `fetch`'s Headers are: lower-case names, repeated values joined. */
class AnswerHeaders {
  readonly #values = new Map<string, string>();
  constructor(raw: IncomingMessage['headers']) {
    for (const name of Object.keys(raw)) {
      const value = raw[name];
      if (value !== undefined) this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
  keys(): IterableIterator<string> {
    return this.#values.keys();
  }
  values(): IterableIterator<string> {
    return this.#values.values();
  }
  forEach(callback: (value: string, name: string, headers: AnswerHeaders) => void): void {
    for (const [name, value] of this.#values) callback(value, name, this);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
}

/** A whole answer, read once like a `fetch` Response's body. */
class BufferedResponse implements FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: AnswerHeaders;
  readonly redirected = false;
  #bytes: Buffer | undefined;

  constructor(
    readonly url: string,
    res: IncomingMessage,
    bytes: Buffer,
  ) {
    this.status = res.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = res.statusMessage ?? '';
    this.headers = new AnswerHeaders(res.headers);
    this.#bytes = bytes;
  }

  get bodyUsed(): boolean {
    return this.#bytes === undefined;
  }

  #take(): Promise<Buffer> {
    const bytes = this.#bytes;
    if (bytes === undefined) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#bytes = undefined;
    return Promise.resolve(bytes);
  }

  text(): Promise<string> {
    return this.#take().then((bytes) => bytes.toString('utf8'));
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().then((bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
}

/** The one `fetch` of the process (its keep-alive connections are shared by every client). */
export const httpFetch: FetchFunction = createHttpFetch();
