import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a hook of bench/hooks/ wrote for the process `pid` into `dir` at SIGTERM
 * (`<prefix>-<pid>-<script>.json`), parsed; undefined if it wrote nothing.
 */
export function readHookFile<T>(dir: string, prefix: string, pid: number): T | undefined {
  const file = readdirSync(dir).find((name) => name.startsWith(`${prefix}-${pid}-`) && name.endsWith('.json'));
  return file ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as T) : undefined;
}
