import { startDemo } from './main.js';

// `npm run demo`: prints the page's address; Ctrl-C stops everything and removes the temporary database.
const port = Number(process.env.DEMO_PORT ?? 3333);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`DEMO_PORT must be a port number, not ${process.env.DEMO_PORT}\n`);
  process.exit(2);
}
const demo = await startDemo(port);
process.stdout.write(`Peer Support demo: ${demo.url}\n`);
const stop = () =>
  void demo.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`The demo did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
