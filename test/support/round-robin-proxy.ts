/**
 * A small round-robin HTTP load balancer for end-to-end runs of several app processes (issue 16).
 *
 * Each request goes to the next upstream in turn. The body is read whole and forwarded byte for byte
 * with the method, path and headers, so Slack's request signature still verifies at the app. An
 * upstream that cannot be connected to (a killed replica) is skipped: the request is tried on the next
 * one, as a load balancer would, and the dead one is passed over for a while (nginx's max_fails and
 * fail_timeout). A request is never tried again once it reached an upstream: Slack's requests are not
 * idempotent (a click acts), and nginx does not pass a non-idempotent request on either.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../src/simulator/free-port.js';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`, to use as an app's base URL. */
  readonly url: string;
  /** Requests received from clients. */
  received(): number;
  /** Requests each upstream answered, by upstream base URL. */
  answeredBy(): Record<string, number>;
  /** Times a request was moved on to the next upstream because one could not be connected to. */
  failovers(): number;
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface Forwarded {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

class NotConnected extends Error {}

/** Sends the request to one upstream on a connection of its own; NotConnected if it never connected. */
function forward(upstream: URL, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const outgoing = httpRequest(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), 'content-length': String(body.length) },
        // A fresh connection per request: whether it connected is then what says if the request reached it.
        agent: false,
      },
      (res) => {
        readBody(res).then((answer) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: answer }), reject);
      },
    );
    outgoing.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    outgoing.on('error', (error) => reject(connected ? error : new NotConnected(error.message)));
    outgoing.end(body);
  });
}

export async function startRoundRobinProxy(upstreams: string[], options: { failTimeoutMs?: number } = {}): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one upstream');
  const failTimeoutMs = options.failTimeoutMs ?? 10_000;
  const targets = upstreams.map((base) => ({ base, url: new URL(base), answered: 0, downUntil: 0 }));
  let next = 0;
  let received = 0;
  let failovers = 0;

  /** Upstreams in the order this request tries them: the next in turn first, those marked down last. */
  const order = () => {
    const start = next;
    next = (next + 1) % targets.length;
    const turn = targets.map((_, i) => targets[(start + i) % targets.length]!);
    const now = Date.now();
    return [...turn.filter((t) => t.downUntil <= now), ...turn.filter((t) => t.downUntil > now)];
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    received += 1;
    const body = await readBody(req);
    const tried = order();
    for (const [i, target] of tried.entries()) {
      try {
        const answer = await forward(target.url, req, body);
        target.answered += 1;
        res.writeHead(answer.status, endToEnd(answer.headers));
        res.end(answer.body);
        return;
      } catch (error) {
        if (!(error instanceof NotConnected)) throw error;
        target.downUntil = Date.now() + failTimeoutMs;
        if (i < tried.length - 1) failovers += 1;
      }
    }
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('no upstream could be reached');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${message}`);
    });
  });
  const port = await listenOnLoopback(server);

  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    answeredBy: () => Object.fromEntries(targets.map((t) => [t.base, t.answered])),
    failovers: () => failovers,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
