import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import { PreferenceIds } from '../src/features/preferences/ids.js';
import { RequestIds } from '../src/features/requests/ids.js';
import { E2E_SIGNING_SECRET, startAppProcess } from '../test/support/app-process.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { startFakeSlack, type FakeSlack } from '../src/simulator/web-api.js';
import { blockAction, eventCallback, signSlackRequest, slashCommand, type SlackRequestBody } from '../src/simulator/requests.js';
import { readPauses, SCAVENGE, windowPauses, type Pause } from './gc-pauses.js';
import { traceGcPauses } from './trace-gc.js';
import { readSpans, windowSpans, type NumberedSent, type Parts, type Spans, type Thread } from './request-spans.js';
import { line, median, percentile } from './report.js';
import { startBenchProcess } from './bench-process.js';

// Issue 17, "ack p99 within 1.5x of bare Bolt": the app and two bare Bolt apps (bench/bare-bolt.ts: one
// that only acknowledges, one that also does the Slack I/O the app owes the person) get the same signed
// requests at a fixed rate, one after the other so they never share the 2 cores. The schedule
// is open-loop (each request leaves on a timer whether or not the previous one was answered), so a slow
// ack delays nobody's send and shows in the percentiles instead of lowering the rate.

export const RATE_PER_SECOND = 200;
const SECONDS_PER_KIND = Number(process.env.LOAD_SECONDS ?? 10);
/**
 * Each target handles each kind for this long before anything is measured. A process's first minute
 * under load is mostly its JIT at work: the app optimised 148 functions in its first 5 s of DMs, 20 in
 * a 5 s spell after 35 s and 1 to 5 after a minute (--trace-opt), each costing V8's compiler thread
 * about 2 ms. With 1 s of warm-up, that start-up cost was much of what the app spent above bare-io per
 * DM (its other threads: 0.41-0.64 ms a DM against 0.19-0.41 over four runs); over a 60 s window the two
 * spent the same there (0.25 ms).
 * LOAD_WARM_UP_SECONDS changes it.
 */
const WARM_UP_SECONDS = Number(process.env.LOAD_WARM_UP_SECONDS ?? 20);
/**
 * Each measured window follows this many seconds of the same load on the same target, unmeasured, so it
 * measures a process under steady load rather than one waking up. Targets take turns, so each idles for
 * 20-40 s while the others are measured, and V8's memory reducer shrinks an idle heap: the next window
 * then began with a small young generation (a scavenge every 60 ms instead of 300-500), full
 * collections and V8's compiler and collector threads busy again, which cost the app, with the larger
 * heap and more code, more than bare Bolt (its `/peer help` p99 4.4-4.6 ms after about 2 minutes idle,
 * 1.2 ms in steady load). Every target gets the same lead-in. LOAD_LEAD_IN_SECONDS=0 measures the
 * windows straight after the idle spells, as before.
 */
const LEAD_IN_SECONDS = Number(process.env.LOAD_LEAD_IN_SECONDS ?? 5);
const RUNS = Number(process.env.LOAD_RUNS ?? 3);
const USERS = 100;
/**
 * After the last ack, work done after acking (a DM's safety net) still counts as the window's CPU, and must
 * not spill into the next window: wait until the process uses at most QUIET_CPU_MS in a QUIET_WINDOW_MS.
 */
const QUIET_WINDOW_MS = 250;
const QUIET_CPU_MS = 10;
const QUIET_GIVE_UP_MS = 60_000;
const RSS_SAMPLE_MS = 100;
/**
 * How long after the last window the idle RSS is read again, twice: V8's memory reducer gives the young
 * generation back only after a full collection, which (with little promoted, stop 39) came 80-90 s after
 * the load, or not within 120 s. Since stop 40 the app asks for one itself after 30 s idle
 * (src/runtime/idle-collection.ts), so both readings should find it back near its idle RSS before the load.
 */
const IDLE_AFTER_MS = [60_000, 120_000] as const;
const REQUEST_TIMEOUT_MS = 10_000;
/** LOAD_KINDS=DM (or 'help', 'click', comma-separated) drives only those kinds, for a quick look at one. */
const ONLY_KINDS = process.env.LOAD_KINDS?.split(',').map((k) => k.trim().toLowerCase());
/** LOAD_CLICK=previews clicks the Home previews button instead, whose Home refresh costs far more than the ack. */
const CLICK = process.env.LOAD_CLICK === 'previews' ? 'previews' : 'link';
const RESOURCE_LINK = RequestIds.resourceLinks[0];
/**
 * LOAD_NODE_OPTIONS goes to the app and both baselines alike: `--import` a module that profiles each
 * process or counts its collections (bench/hooks/), to see where a gap is; PROFILE_DIR goes with it.
 */
const NODE_OPTIONS: Record<string, string> = process.env.LOAD_NODE_OPTIONS
  ? { NODE_OPTIONS: process.env.LOAD_NODE_OPTIONS, ...(process.env.PROFILE_DIR ? { PROFILE_DIR: process.env.PROFILE_DIR } : {}) }
  : {};

/**
 * LOAD_APP_NODE_ARGS (space-separated) go before `npm start`'s own flags for the app only: V8 flags that
 * NODE_OPTIONS refuses (`--min-semi-space-size=8`), to try one on the app against unchanged baselines.
 */
const APP_NODE_ARGS = process.env.LOAD_APP_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

/** bench/hooks/gc.mjs is loaded: the processes write their pauses, and the bench lays each window over them. */
const GC_HOOKED = NODE_OPTIONS.NODE_OPTIONS?.includes('hooks/gc.mjs') ?? false;
/** bench/hooks/requests.mjs is loaded: the processes write when they began on and answered each request. */
const REQUESTS_HOOKED = NODE_OPTIONS.NODE_OPTIONS?.includes('hooks/requests.mjs') ?? false;

/** A process requests are sent to: its port, and its pid for /proc. */
export interface Endpoint {
  readonly port: number;
  readonly pid: number;
}

interface Target extends Endpoint {
  readonly name: 'app' | Baseline;
  stop(): Promise<unknown>;
}

/** bench/bare-bolt.ts in each BARE_MODE: acknowledging only, and doing the same Slack I/O as the app. */
const BASELINES = ['bare', 'bare-io'] as const;
type Baseline = (typeof BASELINES)[number];

export interface Kind {
  readonly name: string;
  build(i: number): SlackRequestBody;
}

export interface Prepared {
  /** Its `x-bench-seq` header, unique in the run (bench/hooks/requests.mjs). */
  seq: number;
  raw: Buffer;
  headers: Record<string, string | number>;
}

export interface Window {
  /** The answered requests' ack times, sorted. */
  latencies: number[];
  /** Each answered request's number, send time and ack time, in the order answered (bench/gc-pauses.ts). */
  sent: NumberedSent[];
  /** When the first request left and the last ack came (ms since the epoch). */
  from: number;
  to: number;
  failures: string[];
  cpuMs: number;
  /** The part of cpuMs spent on the process's main thread (the rest: V8's compiler and collector threads). */
  mainThreadCpuMs: number;
  /** How long the main thread waited for a core while it could run (ms; the scheduler's run-queue delay). */
  mainThreadWaitMs: number;
  peakRssMiB: number;
  maxSendLagMs: number;
  /** CPU of this process (sender and fake Slack) while requests were out, as a share of one core. */
  senderCoreShare: number;
}

function userId(i: number): string {
  return `U0LOAD${String(i % USERS).padStart(4, '0')}`;
}

export function kinds(teamId: string): Kind[] {
  const tsBase = Math.floor(Date.now() / 1000);
  let tsSeq = 0;
  return [
    { name: '/peer help', build: (i) => slashCommand({ text: 'help', userId: userId(i), teamId }) },
    CLICK === 'previews'
      ? {
          // The Home tab's previews button: a write and a Home refresh after the ack.
          name: 'click (previews)',
          build: (i) =>
            blockAction({
              actionId: PreferenceIds.previews,
              value: Math.floor(i / USERS) % 2 === 0 ? 'on' : 'off',
              userId: userId(i),
              teamId,
              view: { type: 'home', id: `V0HOME${String(i % USERS).padStart(4, '0')}` },
            }),
        }
      : {
          // A resource's link button in the safety net: Slack sends the click, the app only acknowledges it.
          name: 'click',
          build: (i) => blockAction({ actionId: RESOURCE_LINK, userId: userId(i), teamId }),
        },
    {
      // From someone with no pairing: the app answers with the safety net after the ack.
      name: 'DM',
      build: (i) => {
        tsSeq += 1;
        const ts = `${tsBase + Math.floor(tsSeq / 1_000_000)}.${String(tsSeq % 1_000_000).padStart(6, '0')}`;
        const user = userId(i);
        return eventCallback({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text: 'hello, is anyone there?', ts, event_ts: ts }, { teamId });
      },
    },
  ];
}

let lastSeq = 0;

/** Built and signed before the window, so the sender's own work does not ride on the latencies. */
export function prepare(kind: Kind, count: number): Prepared[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const body = kind.build(i);
    const raw = Buffer.from(body.raw);
    const seq = ++lastSeq;
    const headers = { ...signSlackRequest(E2E_SIGNING_SECRET, body.raw, timestamp, body.contentType), 'content-length': raw.length, 'x-bench-seq': seq };
    return { seq, raw, headers };
  });
}

/** The ack's time, or why there was none (`HTTP 500`, `ECONNRESET`). */
function post(target: Endpoint, agent: Agent, prepared: Prepared): Promise<{ ms: number; failure?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path: '/slack/events', method: 'POST', agent, headers: prepared.headers, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const ms = performance.now() - started;
          resolve(status >= 200 && status < 300 ? { ms } : { ms, failure: `HTTP ${status}` });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ ms: performance.now() - started, failure: error.code ?? error.message }));
    req.end(prepared.raw);
  });
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
}

/** Resets VmHWM to the current RSS (`5` to clear_refs, Linux 4.0+), so it shows the peak under load, not start-up's. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system CPU time so far of the process, or of its main thread, from /proc (fields 14 and 15). */
function cpuMs(pid: number, mainThreadOnly = false): number {
  const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * How long the process's main thread has waited for a core while it could run, so far (ms; the second
 * field of schedstat): with 2 cores shared by the target, its compiler and collector threads, the bench
 * and PostgreSQL, a request can wait without any pause of the process's own.
 */
function mainThreadWaitMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

async function untilQuiet(pid: number): Promise<void> {
  const giveUpAt = Date.now() + QUIET_GIVE_UP_MS;
  let before = cpuMs(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const now = cpuMs(pid);
    if (now - before <= QUIET_CPU_MS || Date.now() > giveUpAt) return;
    before = now;
  }
}

/** Fires `requests` at RATE_PER_SECOND on a timer, without waiting for answers, and times each ack. */
export async function drive(target: Endpoint, requests: Prepared[]): Promise<Window> {
  const intervalMs = 1000 / RATE_PER_SECOND;
  const sent: NumberedSent[] = [];
  const failures: string[] = [];
  let maxSendLagMs = 0;
  const epochNow = () => performance.timeOrigin + performance.now();
  const from = epochNow();
  let peakKiB = statusKiB(target.pid, 'VmRSS');
  const sampler = setInterval(() => {
    peakKiB = Math.max(peakKiB, statusKiB(target.pid, 'VmRSS'));
  }, RSS_SAMPLE_MS);
  const cpuBefore = cpuMs(target.pid);
  const mainBefore = cpuMs(target.pid, true);
  const waitedBefore = mainThreadWaitMs(target.pid);

  // Fresh connections per window: a socket left idle since the last one may be closing on the server's side.
  // Within a window too, a spare socket left idle is dropped (`timeout`) before the server's own 5 s
  // keep-alive timeout could close it under a request (one ECONNRESET in 36,000 requests).
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  const answers: Promise<void>[] = [];
  const senderStart = { cpu: process.cpuUsage(), at: performance.now() };
  await new Promise<void>((resolve) => {
    const start = performance.now();
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < requests.length && start + next * intervalMs <= now) {
        maxSendLagMs = Math.max(maxSendLagMs, now - (start + next * intervalMs));
        const at = epochNow();
        const { seq } = requests[next]!;
        answers.push(
          post(target, agent, requests[next]!).then(({ ms, failure }) => {
            if (failure === undefined) sent.push({ seq, at, ms });
            else failures.push(failure);
          }),
        );
        next += 1;
      }
      if (next < requests.length) setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(answers);
  const to = epochNow();
  agent.destroy();
  const senderCpu = process.cpuUsage(senderStart.cpu);
  const senderCoreShare = (senderCpu.user + senderCpu.system) / 1000 / (performance.now() - senderStart.at);
  await untilQuiet(target.pid);

  clearInterval(sampler);
  const cpu = cpuMs(target.pid) - cpuBefore;
  const mainThreadCpuMs = cpuMs(target.pid, true) - mainBefore;
  const mainThreadWait = mainThreadWaitMs(target.pid) - waitedBefore;
  const latencies = sent.map((r) => r.ms).sort((a, b) => a - b);
  return { latencies, sent, from, to, failures, cpuMs: cpu, mainThreadCpuMs, mainThreadWaitMs: mainThreadWait, peakRssMiB: Math.max(peakKiB, statusKiB(target.pid, 'VmHWM')) / 1024, maxSendLagMs, senderCoreShare };
}

async function startBareBolt(slackApiUrl: string, name: Baseline): Promise<Target> {
  const child = await startBenchProcess('bare-bolt.js', { slackApiUrl, env: { BARE_MODE: name === 'bare' ? 'ack' : 'same-io', ...NODE_OPTIONS } });
  return { name, port: child.port, pid: child.pid, stop: () => child.stop() };
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => value.toFixed(2);

/**
 * The app (SQLite, or LOAD_DATABASE=postgresql; LOG_LEVEL=warn, fake Slack) against both bare Bolt baselines: `/peer help`, button
 * clicks and DMs from people with no pairing, RUNS times; ack p50/p99 and their ratios, RSS idle and under
 * load, CPU time per request (and its main thread's part). LOAD_WARM_UP_SECONDS sets the unmeasured seconds per kind
 * and target before (20), LOAD_LEAD_IN_SECONDS the unmeasured seconds right before each window (5), LOAD_SECONDS the measured seconds per kind (10), LOAD_RUNS the runs (3),
 * LOAD_KINDS which kinds (all), LOAD_CLICK=previews the button, LOAD_NODE_OPTIONS every process's NODE_OPTIONS,
 * LOAD_APP_NODE_ARGS the app's own node flags.
 */
export async function benchLoad(): Promise<void> {
  if (!(SECONDS_PER_KIND > 0)) throw new Error(`LOAD_SECONDS must be a positive number of seconds, not ${process.env.LOAD_SECONDS}`);
  if (!(WARM_UP_SECONDS >= 0)) throw new Error(`LOAD_WARM_UP_SECONDS must be a number of seconds, not ${process.env.LOAD_WARM_UP_SECONDS}`);
  if (!(LEAD_IN_SECONDS >= 0)) throw new Error(`LOAD_LEAD_IN_SECONDS must be a number of seconds, not ${process.env.LOAD_LEAD_IN_SECONDS}`);
  const slack: FakeSlack = await startFakeSlack();
  const provider = process.env.LOAD_DATABASE ?? 'sqlite';
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`LOAD_DATABASE must be sqlite or postgresql, not ${provider}`);
  const database = await createEmptyDatabase(provider);
  const targets: Target[] = [];
  const measured: Measured[] = [];
  // This process's own pauses: it times every ack, so a pause here lengthens the acks it finds on its return.
  const ownPauses: Pause[] = [];
  let appOutput = '';
  const ownGc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ownPauses.push([performance.timeOrigin + entry.startTime, entry.duration, (entry as { detail?: { kind?: number } }).detail?.kind ?? 0]);
  });
  if (GC_HOOKED) ownGc.observe({ entryTypes: ['gc'] });
  try {
    const bot = await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: { LOG_LEVEL: 'warn', ...NODE_OPTIONS }, nodeArgs: APP_NODE_ARGS });
    targets.push({ name: 'app', port: bot.port, pid: bot.pid, stop: () => bot.stop() });
    for (const baseline of BASELINES) targets.push(await startBareBolt(slack.url, baseline));

    line('database / rate / seconds per kind / runs', `${provider} / ${RATE_PER_SECOND}/s / ${SECONDS_PER_KIND} s / ${RUNS}`);
    line('warm-up per kind / lead-in before each window', `${WARM_UP_SECONDS} s / ${LEAD_IN_SECONDS} s`);
    if (APP_NODE_ARGS.length > 0) line('the app alone started with', APP_NODE_ARGS.join(' '));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleMiB = new Map(targets.map((t) => [t.name, statusKiB(t.pid, 'VmRSS') / 1024]));
    const hwmReset = targets.every((t) => resetPeakRss(t.pid));

    const allKinds = kinds(slack.teamId).filter((k) => !ONLY_KINDS || ONLY_KINDS.some((only) => k.name.toLowerCase().includes(only)));
    if (allKinds.length === 0) throw new Error(`LOAD_KINDS matched no kind: ${process.env.LOAD_KINDS}`);
    // Kind by kind, each target in turn: no target starts its first window after idling through all the others' warm-up.
    for (const kind of allKinds) for (const target of targets) await drive(target, prepare(kind, RATE_PER_SECOND * WARM_UP_SECONDS));
    slack.reset();

    const perRequest = RATE_PER_SECOND * SECONDS_PER_KIND;
    const p50Ratios = new Map<string, number[]>();
    const p99Ratios = new Map<string, number[]>();
    const cpu = new Map<string, { ms: number; mainMs: number; waitMs: number; requests: number }>();
    const peakMiB = new Map<string, number>();
    let sent = 0;
    const failures = new Map<string, number>();
    let maxSendLagMs = 0;
    let senderCoreShare = 0;
    let refusedByFakeSlack = 0;

    for (let run = 1; run <= RUNS; run++) {
      for (const kind of allKinds) {
        // Rotate who goes first, so nobody always follows the same one's leftovers.
        const order = targets.map((_, i) => targets[(i + run - 1) % targets.length]!);
        const windows = new Map<string, Window>();
        for (const target of order) {
          if (LEAD_IN_SECONDS > 0) await drive(target, prepare(kind, RATE_PER_SECOND * LEAD_IN_SECONDS));
          const window = await drive(target, prepare(kind, perRequest));
          windows.set(target.name, window);
          measured.push({ run, kind: kind.name, target, window });
          sent += perRequest;
          for (const failure of window.failures) {
            const key = `${target.name} ${kind.name} ${failure}`;
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
          maxSendLagMs = Math.max(maxSendLagMs, window.maxSendLagMs);
          senderCoreShare = Math.max(senderCoreShare, window.senderCoreShare);
          peakMiB.set(target.name, Math.max(peakMiB.get(target.name) ?? 0, window.peakRssMiB));
          const key = `${kind.name} ${target.name}`;
          const used = cpu.get(key) ?? { ms: 0, mainMs: 0, waitMs: 0, requests: 0 };
          cpu.set(key, {
            ms: used.ms + window.cpuMs,
            mainMs: used.mainMs + window.mainThreadCpuMs,
            waitMs: used.waitMs + window.mainThreadWaitMs,
            requests: used.requests + perRequest,
          });
          refusedByFakeSlack += slack.calls.filter((call) => call.refusal).length;
          slack.reset();
        }
        const a = windows.get('app')!.latencies;
        const [a50, a99] = [percentile(a, 50), percentile(a, 99)];
        for (const baseline of BASELINES) {
          const b = windows.get(baseline)!.latencies;
          const [b50, b99] = [percentile(b, 50), percentile(b, 99)];
          const key = `${kind.name} vs ${baseline}`;
          p50Ratios.set(key, [...(p50Ratios.get(key) ?? []), a50 / b50]);
          p99Ratios.set(key, [...(p99Ratios.get(key) ?? []), a99 / b99]);
          line(`run ${run} ${kind.name}: p50 app / ${baseline} (ratio)`, `${ms(a50)} / ${ms(b50)} ms (${ratio(a50 / b50)})`);
          line(`run ${run} ${kind.name}: p99 app / ${baseline} (ratio)`, `${ms(a99)} / ${ms(b99)} ms (${ratio(a99 / b99)})`);
        }
      }
    }

    for (const baseline of BASELINES) {
      for (const kind of allKinds) {
        const key = `${kind.name} vs ${baseline}`;
        line(`${kind.name} vs ${baseline}: median of ${RUNS} ratios p50 / p99`, `${ratio(median(p50Ratios.get(key)!))} / ${ratio(median(p99Ratios.get(key)!))}`);
      }
    }
    const names = targets.map((t) => t.name).join(' / ');
    // What a process gives back once the load stops (V8's memory reducer shrinks an idle heap).
    const loadEnded = Date.now();
    const afterLoad: string[] = [];
    for (const after of IDLE_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, loadEnded + after - Date.now()));
      afterLoad.push(targets.map((t) => ms(statusKiB(t.pid, 'VmRSS') / 1024)).join(' / '));
    }
    line(`idle RSS before load ${names}`, targets.map((t) => ms(idleMiB.get(t.name)!)).join(' / '), 'MiB');
    line(`peak RSS under load ${names} (${hwmReset ? 'VmHWM' : 'sampled'})`, targets.map((t) => ms(peakMiB.get(t.name)!)).join(' / '), 'MiB');
    IDLE_AFTER_MS.forEach((after, i) => line(`idle RSS ${after / 1000} s after the load ${names}`, afterLoad[i]!, 'MiB'));
    for (const kind of allKinds) {
      const usedBy = (name: string) => cpu.get(`${kind.name} ${name}`)!;
      const perRequestMs = (name: string) => {
        const used = usedBy(name);
        return used.ms / used.requests;
      };
      const a = perRequestMs('app');
      const ratios = BASELINES.map((baseline) => `${ratio(a / perRequestMs(baseline))} vs ${baseline}`).join(', ');
      line(`${kind.name}: CPU per request ${names}`, `${targets.map((t) => perRequestMs(t.name).toFixed(2)).join(' / ')} ms (${ratios})`);
      // Where it went: the main thread, and the others (V8's compiler and collector).
      const split = (name: string) => {
        const used = usedBy(name);
        return `${(used.mainMs / used.requests).toFixed(2)} + ${((used.ms - used.mainMs) / used.requests).toFixed(2)}`;
      };
      line(`${kind.name}:   main thread + other threads`, `${targets.map((t) => split(t.name)).join(' / ')} ms`);
      const waited = (name: string) => {
        const used = usedBy(name);
        return ((1000 * used.waitMs) / used.requests).toFixed(0);
      };
      line(`${kind.name}:   main thread waiting for a core`, `${targets.map((t) => waited(t.name)).join(' / ')} µs a request`);
    }
    const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
    line('requests sent / failed (non-2xx or no answer)', `${sent} / ${failed}`);
    for (const [why, count] of failures) line(`  failed: ${why}`, count);
    line('latest send behind schedule', ms(maxSendLagMs), 'ms');
    line('sender and fake Slack, busiest window', (senderCoreShare * 100).toFixed(0), '% of a core');
    line('calls the fake Slack refused (all targets)', refusedByFakeSlack);
    line('app log lines at warn or above', bot.logLines().length);
    // What the app printed: with LOAD_APP_NODE_ARGS="--trace-gc", V8's line for every collection.
    appOutput = bot.output();
  } finally {
    for (const target of targets) await target.stop();
    await slack.close();
    await database.drop();
    ownGc.disconnect();
  }
  // The processes have stopped, so bench/hooks/ have written what they kept.
  if (GC_HOOKED) reportPauses(measured, ownPauses);
  if (REQUESTS_HOOKED) reportSpans(measured, appOutput);
}

interface Measured {
  run: number;
  kind: string;
  target: Target;
  window: Window;
}

/**
 * With bench/hooks/gc.mjs in LOAD_NODE_OPTIONS: each measured window's p99 tail laid over its process's
 * garbage-collection pauses (bench/gc-pauses.ts), and the window's scavenges and full collections; then the
 * same tail laid over the pauses of this process, which sends the requests and times the acks.
 */
function reportPauses(measured: Measured[], ownPauses: Pause[]): void {
  const dir = process.env.PROFILE_DIR ?? tmpdir();
  const pauses = new Map<number, Pause[] | undefined>();
  for (const { run, kind, target, window } of measured) {
    if (!pauses.has(target.pid)) pauses.set(target.pid, readPauses(dir, target.pid));
    const own = pauses.get(target.pid);
    if (!own) continue;
    const p99 = percentile(window.latencies, 99);
    const w = windowPauses(window.sent, own, p99, window.from, window.to);
    const label = `run ${run} ${kind} ${target.name}`;
    line(`${label}: p99; slowest 1% in a GC pause`, `${ms(p99)} ms; ${w.tailInPause} of ${w.tail} (all requests: ${(100 * w.allInPause).toFixed(0)}%)`);
    line(
      `${label}: scavenges / full (mean or sum, max)`,
      `${w.scavenges.count} (${ms(w.scavenges.meanMs)}, ${ms(w.scavenges.maxMs)} ms) / ${w.full.count} (${ms(w.full.totalMs)}, ${ms(w.full.maxMs)} ms)`,
    );
    const bench = windowPauses(window.sent, ownPauses, p99, window.from, window.to);
    line(`${label}: slowest 1% in a pause of the bench's`, `${bench.tailInPause} of ${bench.tail} (all requests: ${(100 * bench.allInPause).toFixed(0)}%)`);
  }
}

/**
 * With bench/hooks/requests.mjs in LOAD_NODE_OPTIONS: each measured window's acks split into the way to the
 * server (until its main thread began on the request), the server's own time and the way back, as medians
 * over the slowest 1% and over all requests, and how many of the slowest spent most of their time in each.
 * With LOAD_APP_NODE_ARGS="--trace-gc" too, the app's slowest 1% laid over its collections, full ones from
 * the start of their marking (bench/trace-gc.ts).
 */
function reportSpans(measured: Measured[], appOutput: string): void {
  const dir = process.env.PROFILE_DIR ?? tmpdir();
  const spans = new Map<number, Spans | undefined>();
  const parts = (p: Parts) => `${p.toServer.toFixed(2)} / ${p.inServer.toFixed(2)} / ${p.back.toFixed(2)}`;
  const share = (t: Thread) => `${((100 * t.ran) / t.ms).toFixed(0)}% / ${((100 * t.waited) / t.ms).toFixed(0)}%`;
  let appCollections: Pause[] | undefined;
  for (const { run, kind, target, window } of measured) {
    if (!spans.has(target.pid)) spans.set(target.pid, readSpans(dir, target.pid));
    const own = spans.get(target.pid);
    if (!own) continue;
    const p99 = percentile(window.latencies, 99);
    const w = windowSpans(window.sent, own, p99);
    const label = `run ${run} ${kind} ${target.name}`;
    line(`${label}: to server / in it / back, slowest 1%`, `${parts(w.tailMedian)} ms (median of ${w.tailMatched} of ${w.tail}); all: ${parts(w.allMedian)} ms`);
    line(`${label}: slowest 1% mostly to / in / back`, `${w.tailMostly.toServer} / ${w.tailMostly.inServer} / ${w.tailMostly.back}`);
    line(`${label}: main thread ran / waited for a core until it began, slowest 1%`, `${share(w.tailThread)} of ${w.tailThread.ms.toFixed(0)} ms; all: ${share(w.allThread)} of ${w.allThread.ms.toFixed(0)} ms`);
    if (target.name !== 'app' || own.timeOrigin === undefined) continue;
    appCollections ??= traceGcPauses(appOutput, own.timeOrigin);
    const collections = appCollections;
    if (collections.length > 0) {
      const fullOnly = collections.filter((p) => p[2] !== SCAVENGE);
      const full = windowPauses(window.sent, fullOnly, p99, window.from, window.to);
      const any = windowPauses(window.sent, collections, p99, window.from, window.to);
      line(
        `${label}: slowest 1% in a full collection (marking included) / any`,
        `${full.tailInPause} / ${any.tailInPause} of ${full.tail} (all requests: ${(100 * full.allInPause).toFixed(1)}% / ${(100 * any.allInPause).toFixed(1)}%); ${full.full.count} full, marking and pause ${ms(full.full.totalMs)} ms`,
      );
    }
  }
}
