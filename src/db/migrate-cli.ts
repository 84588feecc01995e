// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the default SQLite file if unset).
// `npm run db:migration:create -- <name>`: write a migration for both providers from prisma/model.prisma.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadDatabaseConfig } from '../config.js';
import { deployMigrations } from './migrate-runner.js';
import { createMigration } from './migrations.js';

const DEFAULT_POSTGRES_SCRATCH_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'deploy') {
    const { url } = loadDatabaseConfig(process.env);
    const applied = await deployMigrations(url);
    console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    return 0;
  }
  if (command === 'create') {
    const postgresFlag = rest.indexOf('--postgres');
    const postgresUrl = postgresFlag >= 0 ? rest[postgresFlag + 1] : DEFAULT_POSTGRES_SCRATCH_URL;
    const name = (postgresFlag >= 0 ? rest.slice(0, postgresFlag).concat(rest.slice(postgresFlag + 2)) : rest).join('_');
    if (!name || !postgresUrl) {
      console.error('Usage: npm run db:migration:create -- <name> [--postgres <scratch database URL>]');
      return 2;
    }
    const now = new Date();
    const scratch = mkdtempSync(join(tmpdir(), 'peer-migrate-'));
    try {
      for (const [provider, url] of [
        ['sqlite', `file:${join(scratch, 'scratch.db')}`],
        ['postgresql', postgresUrl],
      ] as const) {
        const { directory } = await createMigration(provider, url, name, now);
        console.log(directory ? `${provider}: wrote ${directory}` : `${provider}: no changes, nothing written`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return 0;
  }
  console.error('Usage: migrate-cli deploy | create <name>');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
