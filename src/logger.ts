import { pino, type Logger } from 'pino';

export type { Logger };

// Backstop only: code never passes tokens, message text or a seeker's identity to the logger. These paths
// catch the shapes that could carry them if a whole object were logged by mistake (DESIGN.md invariant 2).
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'text',
  '*.text',
  'message',
  '*.message.text',
  'blocks',
  '*.blocks',
  'body',
  '*.body',
  'payload',
  '*.payload',
  'event',
  '*.event',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'peer-support' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Error messages can quote payloads; keep the code and stack, which is what we debug with.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
