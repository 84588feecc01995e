import { pino, type Logger } from 'pino';

export type { Logger };

// Code never passes tokens, message text or a seeker's identity to the logger (DESIGN.md invariant 2).
// This is the backstop for an object logged by mistake: keys that can carry those are replaced at any
// depth, and errors are logged by type, code and stack frames only, because an error's message can quote
// a payload or a database query's arguments.

export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'x-slack-signature',
  'text',
  'message',
  'blocks',
  'body',
  'payload',
  'event',
  'note',
  'intro',
  'data',
  'meta',
]);

const CENSOR = '[redacted]';
const MAX_DEPTH = 8;

function redact(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return CENSOR;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  // Errors pass through to serializeError, which keeps only their type, code and stack frames.
  if (value instanceof Date || value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(key) ? CENSOR : redact(v, depth + 1);
  }
  return out;
}

/** An error as type, code and stack frames; never its message (it can quote what a person wrote). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: frames,
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'peer-support' },
      serializers: { err: serializeError, error: serializeError },
      formatters: {
        log: (object) => redact(object, 0) as Record<string, unknown>,
      },
    },
    destination,
  );
}
