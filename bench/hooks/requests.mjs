// LOAD_NODE_OPTIONS="--import ./bench/hooks/requests.mjs" BENCH=load npm run bench: each process keeps, for
// every HTTP request that carries the bench's `x-bench-seq` header, when its server began on it (its
// headers parsed on the main thread, Node's diagnostics channel) and when it wrote the answer
// (`response.end`), in ms since the epoch, with how long the main thread had run and waited for a core so
// far at both moments (its schedstat, ms). It writes PROFILE_DIR/requests-<pid>-<script>.json at SIGTERM.
// bench/load.ts then splits each ack's time into the way to the server, the server's own time and the way
// back, and says what the main thread did while a slow request waited for it (bench/request-spans.ts).
import { subscribe } from 'node:diagnostics_channel';
import { openSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const round = (ms) => Math.round(ms * 1000) / 1000;
const epochNow = () => round(performance.timeOrigin + performance.now());
// The main thread's id is the process's; reading at offset 0 again makes the kernel write it anew.
const schedstat = openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
const buffer = Buffer.alloc(128);
/** [ms run, ms waited for a core] by the main thread so far. */
function threadTimes() {
  const length = readSync(schedstat, buffer, 0, buffer.length, 0);
  const [run, wait] = buffer.toString('latin1', 0, length).split(' ');
  return [round(Number(run) / 1e6), round(Number(wait) / 1e6)];
}

/** [seq, began, answered, ran by began, waited by began, ran by answered, waited by answered]. */
const spans = [];

subscribe('http.server.request.start', ({ request, response }) => {
  const seq = request.headers['x-bench-seq'];
  if (seq === undefined) return;
  const began = epochNow();
  const [ranBy, waitedBy] = threadTimes();
  const end = response.end;
  response.end = function (...args) {
    const answered = epochNow();
    spans.push([Number(seq), began, answered, ranBy, waitedBy, ...threadTimes()]);
    return end.apply(this, args);
  };
});

process.prependListener('SIGTERM', () => {
  const file = join(process.env.PROFILE_DIR ?? tmpdir(), `requests-${process.pid}-${basename(process.argv[1] ?? 'node')}.json`);
  writeFileSync(file, JSON.stringify({ timeOrigin: performance.timeOrigin, spans }));
});
