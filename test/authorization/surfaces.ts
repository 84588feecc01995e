import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from '@slack/bolt';
import type { Database } from '../../src/db/client.js';
import { SUBCOMMANDS } from '../../src/features/commands/parse-command.js';
import { createInProcessApp } from '../support/in-process-app.js';

// Every surface a person can reach, read from the code itself, so the matrix cannot fall behind it:
// the `/peer` subcommands, every id in the capabilities' ids modules (ids.ts and *-ids.ts), every listener the app registers
// (spied on while the real app is built), and every modal callback id written in src.

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const FEATURES = join(SRC, 'features');

export interface Registered {
  kind: 'action' | 'view' | 'event' | 'command' | 'message' | 'shortcut' | 'options' | 'function';
  /** The string id, or a description of a RegExp or constraints object (which the matrix cannot cover). */
  id: string;
  exact: boolean;
}

/** What buildApp registers: its routes, and anything registered with Bolt directly (recorded by wrapping App's methods while it runs). */
export function registeredListeners(): Registered[] {
  const recorded: Registered[] = [];
  const kinds = ['action', 'view', 'event', 'command', 'message', 'shortcut', 'options', 'function'] as const;
  const proto = App.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map(kinds.map((k) => [k, proto[k]!]));
  try {
    for (const kind of kinds) {
      const original = originals.get(kind)!;
      proto[kind] = function (this: unknown, ...args: unknown[]) {
        const first = args[0];
        if (typeof first === 'string') recorded.push({ kind, id: first, exact: true });
        else if (first instanceof RegExp) recorded.push({ kind, id: String(first), exact: false });
        else if (typeof first === 'function') recorded.push({ kind, id: '(any)', exact: false });
        else recorded.push({ kind, id: JSON.stringify(first), exact: false });
        return original.apply(this, args);
      };
    }
    const unused = { db: {}, provider: 'sqlite', close: async () => {} } as unknown as Database;
    // Capabilities register on the app's routes (src/slack/routes.ts, exact ids only); anything
    // registered on Bolt's App directly is recorded by the wrappers above.
    for (const route of createInProcessApp(unused).routes.registered()) recorded.push({ kind: route.kind, id: route.id, exact: true });
  } finally {
    for (const [kind, original] of originals) proto[kind] = original;
  }
  return recorded;
}

/** Files that hold a capability's ids: `ids.ts`, or `<part>-ids.ts` (the circles' relay-ids.ts), anywhere under src/features. */
function idsFiles(dir: string = FEATURES): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...idsFiles(path));
    else if (entry.name === 'ids.ts' || entry.name.endsWith('-ids.ts')) files.push(path);
  }
  return files.sort();
}

/** Every string in every `*Ids` export of each capability's ids modules (ids.ts and *-ids.ts), except block ids. */
export async function idsFromModules(): Promise<{ id: string; where: string }[]> {
  const found: { id: string; where: string }[] = [];
  for (const file of idsFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('Ids')) continue;
      const walk = (v: unknown, path: string) => {
        if (typeof v === 'string') found.push({ id: v, where: `${relative(SRC, file)} ${path}` });
        else if (typeof v === 'object' && v !== null) {
          for (const [k, inner] of Object.entries(v)) if (k !== 'blocks') walk(inner, `${path}.${k}`);
        }
      };
      walk(value, name);
    }
  }
  return found;
}

/** Modal callback ids written as literals in src (`callbackId: '...'`), such as the app's message modals. */
export function literalCallbackIds(): { id: string; where: string }[] {
  const found: { id: string; where: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(path);
      } else if (entry.name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/callback_?[iI]d:\s*'([^']+)'/g)) found.push({ id: m[1]!, where: relative(SRC, path) });
      }
    }
  };
  walk(SRC);
  return found;
}

export const subcommands = (): readonly string[] => SUBCOMMANDS;
