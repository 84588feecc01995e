// Writes the per-provider Prisma schemas from prisma/model.prisma and generates a Prisma client for each.
// Runs at `npm install` (postinstall), before TypeScript is compiled, so it is plain JavaScript.
//
// Prisma's CLI checks that its native schema engine exists before any command, and that engine cannot be
// downloaded on our machines. `prisma generate` never runs it, so any existing file satisfies the check.
// Migrations run on the WebAssembly schema engine instead (src/db/migrations.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const providers = ['sqlite', 'postgresql'];

// compilerBuild "small": Prisma's size-optimised query compiler (2.2 MB of WebAssembly instead of 4.4 MB).
// It compiles each query shape once per process (plans are cached), so its speed hardly shows, and its
// size does: about 13 MiB less memory for the whole life of the process (issue 17).
export function renderSchema(provider, model) {
  return [
    '// Generated from prisma/model.prisma by `npm run db:generate`. Do not edit.',
    '',
    'generator client {',
    '  provider     = "prisma-client"',
    `  output       = "../../src/generated/${provider}"`,
    '  moduleFormat = "esm"',
    '  runtime      = "nodejs"',
    '  importFileExtension = "js"',
    '  compilerBuild = "small"',
    '}',
    '',
    'datasource db {',
    `  provider = "${provider}"`,
    '}',
    '',
    model.trimEnd(),
    '',
  ].join('\n');
}

function main() {
  const model = readFileSync(join(root, 'prisma', 'model.prisma'), 'utf8');
  for (const provider of providers) {
    const schemaPath = join(root, 'prisma', provider, 'schema.prisma');
    mkdirSync(dirname(schemaPath), { recursive: true });
    writeFileSync(schemaPath, renderSchema(provider, model));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', schemaPath],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          CHECKPOINT_DISABLE: '1',
        },
      },
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
