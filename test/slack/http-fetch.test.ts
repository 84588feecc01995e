import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WebClient, type FetchFunction } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch, httpFetch } from '../../src/slack/http-fetch.js';

// Issue 17: the `fetch` behind every Web API call and respond(), on node:http instead of Node's own
// fetch. What WebClient and respond() rely on is checked against a real local server (and a TLS one),
// and a WebClient call goes through it end to end.

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let connections = 0;

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = req.url ?? '';
  if (path === '/api/ok') {
    res.writeHead(200, 'Fine', { 'Content-Type': 'application/json; charset=utf-8', 'X-OAuth-Scopes': 'chat:write, im:history', 'Set-Cookie': ['a=1', 'b=2'] });
    res.end(JSON.stringify({ ok: true, echo: body }));
  } else if (path === '/api/limited') {
    res.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'application/json' });
    res.end('{"ok":false,"error":"ratelimited"}');
  } else if (path === '/api/gzipped') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    res.end(gzipSync('{"ok":true,"packed":"ü"}'));
  } else if (path === '/api/moved') {
    res.writeHead(302, { Location: '/api/ok' });
    res.end();
  } else if (path === '/api/no-headers') {
    // Never answers: the caller's signal must end the call.
  } else if (path === '/api/cut') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    res.write('{"ok":');
    setTimeout(() => res.socket?.destroy(), 20);
  } else {
    res.writeHead(404);
    res.end('no such thing');
  }
}

function handler(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    answer(req, res, body);
  });
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(handler);
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpFetch', () => {
  it('posts a string body with its headers and gives the whole answer, read once', async () => {
    seen.length = 0;
    const response = await httpFetch(`${base}/api/ok`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'text=h%C3%A9llo&n=1' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/ok', body: 'text=h%C3%A9llo&n=1' });
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength('text=h%C3%A9llo&n=1')));
    expect(response).toMatchObject({ ok: true, status: 200, statusText: 'Fine', url: `${base}/api/ok` });
    // Names in any case; repeated values joined, as fetch's Headers do.
    expect(response.headers.get('x-oauth-scopes')).toBe('chat:write, im:history');
    expect(response.headers.get('X-OAuth-Scopes')).toBe('chat:write, im:history');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'content-type': 'application/json; charset=utf-8' });
    expect(await response.json()).toEqual({ ok: true, echo: 'text=h%C3%A9llo&n=1' });
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('gives the bytes of an answer, and a 429 with its headers as an answer, not a failure', async () => {
    const bytes = await (await httpFetch(`${base}/api/ok`, { method: 'POST', body: 'x' })).arrayBuffer();
    expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual({ ok: true, echo: 'x' });
    const limited = await httpFetch(`${base}/api/limited`, { method: 'POST', body: '' });
    expect(limited).toMatchObject({ ok: false, status: 429 });
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  it('reuses its connection for the next call', async () => {
    await (await httpFetch(`${base}/api/ok`, { method: 'POST', body: 'a' })).text();
    const before = connections;
    await (await httpFetch(`${base}/api/ok`, { method: 'POST', body: 'b' })).text();
    await (await httpFetch(`${base}/api/ok`, { method: 'POST', body: 'c' })).text();
    expect(connections).toBe(before);
  });

  it('decompresses an answer the server compressed, as fetch does', async () => {
    expect(await (await httpFetch(`${base}/api/gzipped`, { method: 'POST', body: '' })).json()).toEqual({ ok: true, packed: 'ü' });
  });

  it("refuses a redirect when told to, as WebClient tells it", async () => {
    const error = await httpFetch(`${base}/api/moved`, { method: 'POST', body: '', redirect: 'error' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error).cause)).toMatch(/redirect/);
  });

  it("ends a call when its signal aborts, with the signal's reason, and never starts one already aborted", async () => {
    const controller = new AbortController();
    const call = httpFetch(`${base}/api/no-headers`, { method: 'POST', body: '', signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('too slow', 'TimeoutError')), 30);
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError', message: 'too slow' });

    seen.length = 0;
    const aborted = AbortSignal.abort(new Error('already stopped'));
    await expect(httpFetch(`${base}/api/ok`, { method: 'POST', body: '', signal: aborted })).rejects.toThrow('already stopped');
    expect(seen).toHaveLength(0);
  });

  it('fails as fetch does when there is no server or the answer is cut short', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await httpFetch(`http://127.0.0.1:${port}/api/ok`, { method: 'POST', body: '' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');

    const cut = await httpFetch(`${base}/api/cut`, { method: 'POST', body: '' }).catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(TypeError);
  });

  it('leaves a FormData body (file uploads) to the global fetch', async () => {
    const handed: unknown[] = [];
    const fallback: FetchFunction = async (_url, init) => {
      handed.push(init?.body);
      return new Response('{"ok":true}', { status: 200 });
    };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'chart.png');
    const response = await createHttpFetch({ fallback })(`${base}/upload/abc`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(handed).toEqual([form]);
  });

  it("carries a WebClient call: the method's answer and the scopes Slack names", async () => {
    seen.length = 0;
    const client = new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, retryConfig: { retries: 0 }, fetch: httpFetch });
    const result = await client.apiCall('ok', { channel: 'D0PERSON01', blocks: [{ type: 'divider' }] });
    expect(result).toMatchObject({ ok: true, response_metadata: { scopes: ['chat:write', 'im:history'] } });
    expect(seen[0]!.headers.authorization).toBe('Bearer xoxb-test');
    expect(new URLSearchParams(seen[0]!.body).get('blocks')).toBe('[{"type":"divider"}]');
  });
});

describe('httpFetch over TLS', () => {
  let dir: string;
  let tls: ReturnType<typeof createHttpsServer>;
  let tlsBase: string;
  let cert: Buffer;

  beforeAll(async () => {
    // Slack's Web API is https: a server with a certificate of this test's own, trusted by the agent alone.
    dir = mkdtempSync(join(tmpdir(), 'http-fetch-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = readFileSync(join(dir, 'cert.pem'));
    tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, handler);
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    tlsBase = `https://localhost:${(tls.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    tls.closeAllConnections();
    await new Promise((resolve) => tls.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts over https with a trusted certificate', async () => {
    const fetch = createHttpFetch({ httpsAgent: new HttpsAgent({ keepAlive: true, ca: cert }) });
    const response = await fetch(`${tlsBase}/api/ok`, { method: 'POST', body: 'secure=1' });
    expect(await response.json()).toEqual({ ok: true, echo: 'secure=1' });
  });

  it('refuses a certificate nobody trusts', async () => {
    const error = await httpFetch(`${tlsBase}/api/ok`, { method: 'POST', body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });
});
