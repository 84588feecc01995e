import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { E2E_BOT_TOKEN, E2E_SIGNING_SECRET, freePort, REPO_ROOT } from '../test/support/app-process.js';

// A baseline of the load and promotion benchmarks (bench/bare-bolt.ts and the other scripts beside it)
// as a child process: it gets the bot token, signing secret, fake Slack and a free port, and is ready
// when it prints the line `listening`.

export interface BenchProcess {
  readonly port: number;
  readonly pid: number;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `script` (a file of dist-bench/bench) with `env` and node's `nodeArgs`; resolves once it listens. */
export async function startBenchProcess(
  script: string,
  options: { slackApiUrl: string; env?: Record<string, string>; nodeArgs?: readonly string[] },
): Promise<BenchProcess> {
  const port = await freePort();
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--disable-warning=ExperimentalWarning', path], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: E2E_BOT_TOKEN,
      SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      PORT: String(port),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited during start-up (${code}):\n${output}`));
    });
  });
  return {
    port,
    pid: child.pid ?? 0,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
