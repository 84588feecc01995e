import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, WebClient, type FetchFunction } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedCalls, fetchWithin } from '../../src/slack/fetch-within.js';

// Web API calls are bounded by a timer of their own instead of WebClient's `AbortSignal.timeout()`
// (issue 17): the bound must still hold for the answer's headers and for its body, a caller's signal
// must still abort, and a call that is done must leave nothing armed behind it.

type Behaviour = (res: ServerResponse) => void;
let server: Server;
let base: string;
const behaviours = new Map<string, Behaviour>();
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    req.resume();
    req.on('end', () => behaviours.get(new URL(req.url ?? '/', 'http://x').pathname)?.(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  behaviours.set('/api/fast', (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"ts":"1.0"}'));
  behaviours.set('/api/no-headers', () => undefined);
  behaviours.set('/api/stalled-body', (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":tr');
  });
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** A fetch that records the signal each call was given. */
function recording(): { fetch: FetchFunction; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    fetch: (url, init) => {
      if (init?.signal) signals.push(init.signal);
      return globalThis.fetch(url, init);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fetchWithin', () => {
  it('answers a quick call and disarms its timer once the body is read', async () => {
    const { fetch, signals } = recording();
    const response = await fetchWithin(100, fetch)(`${base}/api/fast`, { method: 'POST' });
    expect(await response.json()).toEqual({ ok: true, ts: '1.0' });
    await sleep(200);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
  });

  it('aborts a call whose headers do not come in time, with a TimeoutError', async () => {
    const started = performance.now();
    const error = await fetchWithin(150)(`${base}/api/no-headers`, { method: 'POST' }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect((error as Error).name).toBe('TimeoutError');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('aborts a call whose body stalls after its headers', async () => {
    const started = performance.now();
    // The call itself fails where its answer is read whole before it settles (src/slack/http-fetch.ts),
    // its body where the answer settles at its headers (the global fetch).
    const error = await fetchWithin(150)(`${base}/api/stalled-body`, { method: 'POST' })
      .then((response) => response.text())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("still aborts when the caller's own signal does", async () => {
    const caller = new AbortController();
    const call = fetchWithin(5_000)(`${base}/api/no-headers`, { method: 'POST', signal: caller.signal });
    setTimeout(() => caller.abort(new Error('stopped by the caller')), 50);
    await expect(call).rejects.toThrow('stopped by the caller');
  });

  it('refuses a timeout that bounds nothing', () => {
    expect(() => fetchWithin(0)).toThrow(/positive timeout/);
  });
});

describe('boundedCalls in a WebClient', () => {
  it('turns WebClient’s own timeout off and gives up on a hung Slack as a request error', async () => {
    const { fetch, signals } = recording();
    const options = boundedCalls(150, fetch);
    expect(options.timeout).toBe(0);
    const client = new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, retryConfig: { retries: 0 }, ...options });
    const error = await client.apiCall('no-headers').catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe(ErrorCode.RequestError);
    // The one signal the call had is ours: WebClient made no AbortSignal.timeout of its own.
    expect(signals).toHaveLength(1);

    const ok = await client.apiCall('fast');
    expect(ok.ok).toBe(true);
    await sleep(200);
    expect(signals[1]!.aborted).toBe(false);
  });
});
