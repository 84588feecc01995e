import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isDatabaseReachable, type Db } from '../db/client.js';

// GET /healthz: the process is alive. GET /readyz: the database answers, so the bot can do its work.

export interface HealthRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function healthRoutes(db: Db): HealthRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => sendJson(res, 200, { ok: true }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        void isDatabaseReachable(db).then((reachable) =>
          sendJson(res, reachable ? 200 : 503, reachable ? { ok: true } : { ok: false, error: 'database_unreachable' }),
        );
      },
    },
  ];
}

/** In Socket Mode there is no Bolt HTTP server, so the health routes get a small server of their own. */
export function startHealthServer(routes: HealthRoute[], port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const route = routes.find((r) => r.path === req.url?.split('?')[0] && r.method.includes(req.method ?? ''));
    if (route) route.handler(req, res);
    else sendJson(res, 404, { ok: false, error: 'not_found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
