// A baseline of the promotion benchmark (bench/promotion.ts): Node's HTTP server alone, doing what Bolt's
// receiver does with a request before the app sees it (read the body, check Slack's signature, parse the
// form) and answering 200 with no body. Started like bench/bare-bolt.ts; prints `listening`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const { SLACK_SIGNING_SECRET, PORT } = process.env;
if (!SLACK_SIGNING_SECRET || !PORT) {
  console.error('plain-http: SLACK_SIGNING_SECRET and PORT are required');
  process.exit(2);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString();
    const expected = `v0=${createHmac('sha256', SLACK_SIGNING_SECRET).update(`v0:${String(req.headers['x-slack-request-timestamp'])}:${raw}`).digest('hex')}`;
    const given = String(req.headers['x-slack-signature'] ?? '');
    const valid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    Object.fromEntries(new URLSearchParams(raw));
    res.writeHead(valid ? 200 : 401);
    res.end();
  });
});
server.listen(Number(PORT), () => console.log('listening'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
