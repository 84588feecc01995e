import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_BOT_TOKEN, SIMULATOR_SIGNING_SECRET } from '../../src/simulator/credentials.js';
import { freePort } from '../../src/simulator/free-port.js';

// Starts the real bot the way `npm start` does (same command line, read from package.json), in HTTP
// mode against a fake Slack, and stops it with SIGTERM. Requires a build (`npm test` builds first).

/** The repository root: the nearest folder above this file with a package.json (also from dist-bench/). */
export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prisma'))) return dir;
  const parent = dirname(dir);
  if (parent === dir) throw new Error('cannot find the repository root');
  return findRoot(parent);
}
/** The simulator's own secrets (src/simulator/credentials.ts), under the names the tests use. */
export const E2E_SIGNING_SECRET = SIMULATOR_SIGNING_SECRET;
export const E2E_BOT_TOKEN = SIMULATOR_BOT_TOKEN;

export interface AppProcess {
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number;
  /** `http://127.0.0.1:<METRICS_PORT>/metrics` when started with `metrics: true`. */
  readonly metricsUrl: string | undefined;
  /** Everything the process wrote, for log assertions (pino JSON lines on stdout). */
  output(): string;
  logLines(): Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startCommand(): { command: string; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  // `exec` makes the script's shell become node, so the signals npm forwards reach the app (issue 16).
  const [command, ...args] = pkg.scripts.start.replace(/^exec\s+/, '').split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not ${command}`);
  return { command: process.execPath, args };
}

/** Re-exported for the tests that import it from here. */
export { freePort };

/** Runs the start command with `env` only (plus PATH), and returns its exit code and output. */
export function runToExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { command, args } = startCommand();
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start command did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** libfaketime's settings, when the tests run under it, so the app process shares their clock. */
function faketime(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => /^(LD_PRELOAD|FAKETIME.*|DONT_FAKE_MONOTONIC)$/.test(e[0]) && e[1] !== undefined));
}

export async function startAppProcess(options: {
  databaseUrl: string;
  slackApiUrl: string;
  env?: Record<string, string>;
  /** Serve Prometheus metrics on a free port of their own (METRICS_PORT). */
  metrics?: boolean;
  /** Node or V8 flags before `npm start`'s own (the load bench tries flags NODE_OPTIONS does not take). */
  nodeArgs?: readonly string[];
}): Promise<AppProcess> {
  const port = await freePort();
  const metricsPort = options.metrics ? await freePort() : undefined;
  const { command, args } = startCommand();
  const child: ChildProcess = spawn(command, [...(options.nodeArgs ?? []), ...args], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      // Under libfaketime (`faketime '2026-12-07 10:00:00' npm test`), the app keeps the tests' clock:
      // the tests that need a workday can then be run on a weekend.
      ...faketime(),
      SLACK_BOT_TOKEN: E2E_BOT_TOKEN,
      SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'debug',
      ...(metricsPort !== undefined ? { METRICS_PORT: String(metricsPort) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not become healthy within 30 s:\n${output}`);
    }
    // Every 10 ms: `BENCH=startup` times this wait, and a coarser poll added up to its whole interval.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  return {
    baseUrl,
    port,
    pid: child.pid ?? 0,
    metricsUrl: metricsPort !== undefined ? `http://127.0.0.1:${metricsPort}/metrics` : undefined,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
