import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/app-process.js';

// Issue 16, packaging. No container runtime runs on our machines, so these read the Dockerfile and
// compose.yaml as text and hold the invariants docs/deployment.md promises (the Dockerfile itself was
// linted with dockerfile-utils; see the deployment guide).

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Dockerfile instructions by stage: comments dropped, `\` continuations joined. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // a comment inside a continued instruction
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [from = '', , name] = args.split(/\s+/);
      stages.push({ from, name, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const stages = parseDockerfile(read('Dockerfile'));
const build = stages[0]!;
const runtime = stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const only = (stage: Stage, keyword: string) => {
  const found = all(stage, keyword);
  expect(found, `one ${keyword} in the ${stage.name ?? stage.from} stage`).toHaveLength(1);
  return found[0]!;
};
const runs = (stage: Stage) => all(stage, 'RUN').map((i) => i.args).join('\n');
const startScript = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage, both on Node 20 slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:20(\.\d+)*-(bookworm-)?slim$/);
    expect(build.name).toBe('build');
    expect(all(runtime, 'COPY').every((copy) => copy.args.includes('--from=build'))).toBe(true);
  });

  it('builds better-sqlite3 from source, compiles, and drops dev dependencies in the build stage', () => {
    const commands = runs(build);
    expect(commands).toMatch(/apt-get install[^\n]*\bpython3\b[^\n]*\bmake\b[^\n]*\bg\+\+/);
    expect(commands).toMatch(/\bnpm ci\b/);
    expect(commands).toMatch(/\bnpm rebuild better-sqlite3\b/);
    expect(commands).toMatch(/\bnpm run db:generate\b/);
    expect(commands).toMatch(/\bnpm run build\b/);
    expect(commands).toMatch(/\bnpm prune --omit=dev\b/);
  });

  it('ships no compiler, sources or tests in the runtime stage', () => {
    expect(runs(runtime)).not.toMatch(/\b(g\+\+|make|python3|npm (ci|install))\b/);
    const copied = all(runtime, 'COPY').map((c) => c.args).join('\n');
    expect(copied).not.toMatch(/\/app\/(src|test|bench)\b/);
    expect(copied).toMatch(/\/app\/dist\//);
    expect(copied).toMatch(/\/app\/prisma\//); // the migration histories, applied at start-up
  });

  it('runs as a non-root user', () => {
    const user = all(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
  });

  it('keeps the SQLite default on a /data volume', () => {
    const volume = only(runtime, 'VOLUME').args;
    expect(volume.startsWith('[') ? (JSON.parse(volume) as string[]) : volume.split(/\s+/)).toContain('/data');
    expect(all(runtime, 'ENV').map((e) => e.args).join(' ')).toMatch(/DATABASE_URL=file:\/data\//);
    expect(runs(runtime)).toMatch(/chown node:node \/data/);
  });

  it('checks health on /healthz with node, since the slim image has no curl', () => {
    const healthcheck = only(runtime, 'HEALTHCHECK').args;
    expect(healthcheck).toContain('/healthz');
    expect(healthcheck).toMatch(/CMD \["node", "-e", "fetch\(/);
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
    expect(only(runtime, 'EXPOSE').args).toBe('3000');
  });

  it('runs node dist/main.js directly under an init process, with the flags of npm start', () => {
    const entrypoint = JSON.parse(only(runtime, 'ENTRYPOINT').args) as string[];
    expect(entrypoint[0]).toMatch(/\/tini$/);
    const cmd = JSON.parse(only(runtime, 'CMD').args) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd).not.toContain('npm');
    expect(cmd.at(-1)).toBe('dist/main.js');
    // The same command line as `npm start`, which `exec`s node so npm's forwarded signals reach it.
    expect(startScript).toBe(`exec ${cmd.join(' ')}`);
  });
});

describe('.dockerignore', () => {
  it('keeps local dependencies, builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const entry of ['node_modules', 'dist', 'data', '*.db', '.env', '.git', 'src/generated']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, {
      image?: string;
      build?: unknown;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] | string };
    }>;
  };
  const app = compose.services.app!;
  const postgres = compose.services.postgres!;

  it('runs PostgreSQL 15 with a health check', () => {
    expect(postgres.image).toMatch(/^postgres:15(\.|-|$)/);
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
  });

  it('points the app at that PostgreSQL through DATABASE_URL and starts it once PostgreSQL is healthy', () => {
    expect(app.build).toBeDefined();
    expect(app.environment?.DATABASE_URL).toMatch(/^postgres(ql)?:\/\/[^@]+@postgres:5432\/\w+$/);
    expect(app.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(JSON.stringify(app.healthcheck?.test)).toContain('/healthz');
  });

  it('takes Slack credentials from the environment, never written in the file', () => {
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) {
      expect(app.environment?.[name]).toMatch(new RegExp(`^\\$\\{${name}[:?-]`));
    }
  });
});
