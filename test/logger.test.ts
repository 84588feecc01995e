import { describe, expect, it } from 'vitest';
import { memoryLogger } from './support/memory-logger.js';

// Invariant 2 backstop: if a whole object is logged by mistake, tokens and message text still never
// reach the log.

const SECRETS = {
  botToken: 'xoxb-secret-bot-token',
  appToken: 'xapp-secret-app-token',
  signingSecret: 'signingsecret0123456789',
  text: 'I have been struggling with panic attacks',
  eventText: 'my manager does not know I am asking',
  payloadText: 'payload-carried-private-words',
  authorization: 'Bearer xoxb-authorization-header-token',
};

describe('createLogger', () => {
  it.each([
    ['token', { token: SECRETS.botToken }],
    ['botToken', { botToken: SECRETS.botToken }],
    ['appToken', { appToken: SECRETS.appToken }],
    ['signingSecret', { signingSecret: SECRETS.signingSecret }],
    ['nested token', { slack: { token: SECRETS.botToken, botToken: SECRETS.botToken } }],
    ['nested signingSecret', { slack: { signingSecret: SECRETS.signingSecret } }],
    ['text', { text: SECRETS.text }],
    ['nested text', { reply: { text: SECRETS.text } }],
    ['event.text', { event: { type: 'message', text: SECRETS.eventText } }],
    ['nested event.text', { body: { event: { text: SECRETS.eventText } } }],
    ['payload', { payload: { view: { state: { values: { note: { value: SECRETS.payloadText } } } } } }],
    ['nested payload', { context: { payload: { text: SECRETS.payloadText } } }],
    ['blocks', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: SECRETS.text } }] }],
    ['authorization', { authorization: SECRETS.authorization }],
    ['headers.authorization', { headers: { authorization: SECRETS.authorization } }],
    ['req.headers.authorization', { req: { headers: { authorization: SECRETS.authorization } } }],
  ])('never writes a secret passed as %s', (_shape, fields) => {
    const { logger, output, lines } = memoryLogger();
    logger.info(fields, 'something happened');
    expect(lines()).toHaveLength(1);
    for (const secret of Object.values(SECRETS)) {
      expect(output()).not.toContain(secret);
    }
  });

  it('writes one JSON line with msg, level and the harmless fields kept', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      { code: 'event_duplicate', eventId: 'Ev0123456789', token: SECRETS.botToken, text: SECRETS.text },
      'skipped a retried event',
    );
    const [line] = lines();
    expect(line).toMatchObject({
      msg: 'skipped a retried event',
      level: 30,
      app: 'peer-support',
      code: 'event_duplicate',
      eventId: 'Ev0123456789',
      token: '[redacted]',
      text: '[redacted]',
    });
    expect(typeof line?.time).toBe('number');
  });

  it('keeps the error type, code and stack frames of a logged error, but not its message', () => {
    const { logger, lines, output } = memoryLogger();
    const error = Object.assign(new Error(`Invalid invocation: ${SECRETS.text}`), { code: 'slack_unavailable' });
    logger.error({ err: error, code: 'listener_failed' }, 'listener failed');
    const [line] = lines();
    expect(line).toMatchObject({ level: 50, code: 'listener_failed', msg: 'listener failed' });
    expect(line?.err).toMatchObject({ type: 'Error', code: 'slack_unavailable' });
    expect(JSON.stringify((line?.err as { stack?: unknown }).stack)).toContain('logger.test.ts');
    expect(output()).not.toContain(SECRETS.text);
  });

  it('redacts at any depth, including the response data a Slack API error carries', () => {
    const { logger, output } = memoryLogger();
    logger.error({ err: Object.assign(new Error('x'), { data: { text: SECRETS.text } }) }, 'slack error');
    logger.info({ slack: { request: { body: { event: { text: SECRETS.eventText } } } } }, 'deep');
    logger.info({ a: { b: { c: { text: SECRETS.payloadText } } } }, 'deeper');
    expect(output()).not.toContain(SECRETS.text);
    expect(output()).not.toContain(SECRETS.eventText);
    expect(output()).not.toContain(SECRETS.payloadText);
  });

  it('writes nothing below its level', () => {
    const { logger, output } = memoryLogger('warn');
    logger.info({ eventId: 'Ev1' }, 'quiet');
    logger.debug('quieter');
    expect(output()).toBe('');
    logger.warn({ eventId: 'Ev1' }, 'loud enough');
    expect(output()).toContain('loud enough');
  });
});
