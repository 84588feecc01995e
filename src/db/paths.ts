import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseProvider } from '../config.js';

// Where the per-provider schemas and migration histories are, from src/, dist/ or dist-bench/.

/** The nearest folder above this module with package.json and prisma/ (from src/, dist/ or dist-bench/). */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prisma', 'model.prisma'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..', '..');
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export function schemaPath(provider: DatabaseProvider, root = PROJECT_ROOT): string {
  return join(root, 'prisma', provider, 'schema.prisma');
}

export function migrationsDir(provider: DatabaseProvider, root = PROJECT_ROOT): string {
  return join(root, 'prisma', provider, 'migrations');
}
