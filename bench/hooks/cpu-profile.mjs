// LOAD_NODE_OPTIONS="--import ./bench/hooks/cpu-profile.mjs" BENCH=load npm run bench: each process (the
// app and both baselines) samples its main thread from start to SIGTERM and writes
// PROFILE_DIR/cpu-<pid>-<script>.cpuprofile (Chrome DevTools and VS Code open it). Sampling costs CPU
// itself: compare profiles with each other, not the CPU figures of a profiled run with an unprofiled one.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US ?? 500) });
await session.post('Profiler.start');
let written = false;
process.prependListener('SIGTERM', async () => {
  if (written) return;
  written = true;
  const { profile } = await session.post('Profiler.stop');
  const file = join(process.env.PROFILE_DIR ?? tmpdir(), `cpu-${process.pid}-${basename(process.argv[1] ?? 'node')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
});
