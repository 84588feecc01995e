import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, afterAll, describe, expect, inject, it } from 'vitest';
import { E2E_BOT_TOKEN, E2E_SIGNING_SECRET, freePort, REPO_ROOT } from '../support/app-process.js';
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';
import { sendToApp, slashCommand } from '../../src/simulator/requests.js';

// Issue 16, shutdown as it is really run: a supervisor (`docker stop`, a Kubernetes rollout, a process
// manager) signals the `npm start` process, not node. npm forwards SIGTERM and SIGINT to the child it
// spawned (@npmcli/run-script's signal-manager.js) and waits for it; the script's shell (dash on Debian,
// the default here: no script-shell is set) must have become node (`exec`), or the shell dies and the
// app is left running, orphaned. So every test starts `npm start` itself and signals npm, never node.

const TEAM = 'T0FAKE0001';
const PERSON = 'U0SHUTDOWN';

interface NpmStart {
  readonly npm: ChildProcess;
  readonly npmPid: number;
  /** The node process running dist/main.js, found under npm in the process table. */
  readonly appPid: number;
  readonly baseUrl: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  logLines(): Record<string, unknown>[];
}

/** Parent pid of every process, from /proc (Linux). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** The descendant of `ancestor` that runs the app, however many shells stand between them. */
function findAppProcess(ancestor: number): number | undefined {
  const parents = parentPids();
  const descendsFrom = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === ancestor) return true;
    return false;
  };
  return [...parents.keys()].find((pid) => descendsFrom(pid) && commandLine(pid).includes('dist/main.js'));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0: it has exited, its parent has not reaped it yet.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startWithNpm(databaseUrl: string, slackApiUrl: string): Promise<NpmStart> {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    // Its own process group, so a test can signal the group as a terminal's Ctrl-C does.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      npm_config_update_notifier: 'false',
      SLACK_BOT_TOKEN: E2E_BOT_TOKEN,
      SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const entry: { npm: ChildProcess; appPid?: number } = { npm };
  started.push(entry);

  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: npm and the app both start on a loaded 2-core machine.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (npm.exitCode !== null || npm.signalCode !== null) throw new Error(`npm start exited during start-up:\n${output}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then((res) => res.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`npm start did not become healthy within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const appPid = findAppProcess(npm.pid!);
  if (appPid === undefined) throw new Error(`no dist/main.js process under npm (pid ${npm.pid})`);
  entry.appPid = appPid;
  return {
    npm,
    npmPid: npm.pid!,
    appPid,
    baseUrl,
    exited,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const started: { npm: ChildProcess; appPid?: number }[] = [];

afterEach(() => {
  // A failed test must not leave npm or the app behind: kill the whole group while any of it is left
  // (the group's id cannot be reused while a member, such as an orphaned app, still lives).
  for (const { npm, appPid } of started.splice(0)) {
    const npmLeft = npm.exitCode === null && npm.signalCode === null;
    if (!npmLeft && (appPid === undefined || !isRunning(appPid))) continue;
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function exitWithin<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not exit within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(TEST_PROVIDERS)('npm start, signalled as a supervisor would, on %s', (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let release: () => void = () => {};

  beforeAll(async () => {
    slack = await startFakeSlack({ teamId: TEAM });
    database = await createTestDatabase(provider, inject('templates'));
  });

  afterAll(async () => {
    release();
    await slack?.close();
    await database?.drop();
  });

  afterEach(() => {
    release();
    slack.clearResponse();
    slack.reset();
  });

  /**
   * Starts `/peer my-data` and holds it in flight: the fake Slack keeps `conversations.open` unanswered
   * until `release()`. The command is finished when its last step, the reply on `response_url`, arrives.
   */
  async function startInFlightWork(app: NpmStart): Promise<void> {
    const held = new Promise<void>((resolve) => (release = resolve));
    slack.setResponse('conversations.open', async (_call, defaultReply) => {
      await held;
      return defaultReply();
    });
    const ack = await sendToApp(
      app.baseUrl,
      slashCommand({ text: 'my-data', userId: PERSON, teamId: TEAM, responseUrl: slack.responseUrl('my-data') }),
      { secret: E2E_SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    await slack.waitFor('conversations.open', undefined, 10_000);
  }

  async function expectCleanExit(app: NpmStart, signal: NodeJS.Signals) {
    // npm waits for its child and exits with its code: 0 after a graceful shutdown.
    expect(await exitWithin(app.exited, 12_000, 'npm start')).toEqual({ code: 0, signal: null });
    const logs = app.logLines();
    expect(logs.filter((line) => line.msg === 'shutting down').map((line) => line.signal)).toEqual([signal]);
    expect(logs.some((line) => line.msg === 'stopped')).toBe(true);
    expect(logs.some((line) => line.msg === 'shutdown took too long; exiting')).toBe(false);
    // No orphan: the app itself has gone, not just npm.
    await waitUntil(`app pid ${app.appPid} to be gone`, () => !isRunning(app.appPid), 5_000);
  }

  it('SIGTERM to npm reaches the app, which finishes the command in flight, then both exit', async () => {
    const app = await startWithNpm(database.url, slack.url);
    await startInFlightWork(app);

    process.kill(app.npmPid, 'SIGTERM');
    await waitUntil('the app to log that it is shutting down', () => app.output().includes('"msg":"shutting down"'));
    // The app waits for the command it is running; npm waits for the app.
    expect(isRunning(app.appPid)).toBe(true);
    expect(isRunning(app.npmPid)).toBe(true);
    expect(slack.callsTo('response_url')).toHaveLength(0);

    release();
    const reply = await slack.waitFor('response_url', undefined, 10_000);
    expect(String(reply.args.text)).toContain('everything Peer Support stores about you');
    await expectCleanExit(app, 'SIGTERM');
  });

  // The signal path does not depend on the database (the test above closes each one): SIGINT runs on the
  // first provider only, to keep the file fast.
  if (provider !== TEST_PROVIDERS[0]) return;

  it('SIGINT to npm shuts the app down gracefully too', async () => {
    const app = await startWithNpm(database.url, slack.url);
    process.kill(app.npmPid, 'SIGINT');
    await expectCleanExit(app, 'SIGINT');
  });

  it('Ctrl-C (SIGINT to the whole group, so the app gets it twice) still lets the command in flight finish', async () => {
    const app = await startWithNpm(database.url, slack.url);
    await startInFlightWork(app);

    // The terminal signals every process in the foreground group, and npm forwards its copy as well.
    process.kill(-app.npmPid, 'SIGINT');
    await waitUntil('the app to log that it is shutting down', () => app.output().includes('"msg":"shutting down"'));
    await new Promise((resolve) => setTimeout(resolve, 200)); // let npm's forwarded copy arrive
    expect(isRunning(app.appPid)).toBe(true);

    release();
    await slack.waitFor('response_url', undefined, 10_000);
    await expectCleanExit(app, 'SIGINT');
  });
});
