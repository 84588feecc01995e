import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** A real pino logger (our redaction and all) that writes into memory: what a test reads the logs from. */
export function memoryLogger(level = 'info'): { logger: Logger; output: () => string; lines: () => Record<string, unknown>[]; clear: () => void } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return {
    logger: createLogger(level, destination),
    output: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      text = '';
    },
  };
}
