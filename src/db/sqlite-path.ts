import { fileURLToPath } from 'node:url';

/** The file of a `file:` database URL (relative, absolute or `file://`), or `:memory:`. */
export function sqliteFilePath(url: string): string {
  const rest = url.replace(/^file:/, '');
  return rest.startsWith('//') ? fileURLToPath(url) : rest;
}
