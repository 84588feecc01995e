import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';
import { startMetricsServer, stopMetricsServer } from '../../src/metrics/server.js';

// GET /metrics on a port of its own (METRICS_PORT), whatever mode the app runs in.

const logger = createLogger('silent');
let server: Server | undefined;

afterEach(async () => {
  if (server) await stopMetricsServer(server);
  server = undefined;
});

async function start() {
  const prometheus = createPrometheusMetrics({ logger, defaultMetrics: false });
  // Port 0: the system picks a free one.
  server = await startMetricsServer(prometheus.registry, 0, logger);
  return { ...prometheus, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('startMetricsServer', () => {
  it('answers GET /metrics with Prometheus text', async () => {
    const { metrics, url } = await start();
    metrics.pairingStarted();

    const res = await fetch(`${url}/metrics`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE peer_support_pairings_started_total counter');
    expect(text).toContain('peer_support_pairings_started_total 1');
  });

  it('answers a query string, and HEAD without a body', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/metrics?name[]=x`)).status).toBe(200);
    const head = await fetch(`${url}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing else', async () => {
    const { url } = await start();
    for (const [path, method] of [['/', 'GET'], ['/healthz', 'GET'], ['/metrics', 'POST'], ['/metrics/x', 'GET']] as const) {
      const res = await fetch(`${url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it('refuses to start on a port already in use', async () => {
    await start();
    const port = (server!.address() as AddressInfo).port;
    const other = createPrometheusMetrics({ logger, defaultMetrics: false });
    await expect(startMetricsServer(other.registry, port, logger)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('stops even with a scraper keeping its connection open', async () => {
    const { url } = await start();
    await (await fetch(`${url}/metrics`, { headers: { connection: 'keep-alive' } })).text();
    const stopping = stopMetricsServer(server!);
    server = undefined;
    await expect(stopping).resolves.toBeUndefined();
  });
});
