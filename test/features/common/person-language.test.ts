import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { personLanguages } from '../../../src/features/common/person-language.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { serviceWorld } from '../../support/service-world.js';

// Issue 19: the language to answer someone in when they reach the app. Read only (invariant 3: nothing
// stored about someone who has not consented), kept in memory for minutes, a failure never kept.

describe.each(TEST_PROVIDERS)('a person\'s language on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-12-07T09:00:00Z' });
  const client = () => new WebClient('xoxb-test-fake', { slackApiUrl: world.slack.url, retryConfig: { retries: 0 } });
  const languages = (initiatives: { id: string; language: string }[] = []) =>
    personLanguages({ db: world.db, logger: world.logger, now: () => world.clock.now(), initiatives: async () => initiatives });
  const lookups = () => world.slack.calls.filter((c) => c.method === 'users.info');

  it("asks Slack for the locale of someone not taking part, and stores nothing about them", async () => {
    world.slack.addUser({ id: 'U0LANGDE01', locale: 'de-DE' });
    const of = languages();
    expect(await of.of(client(), 'U0LANGDE01')).toBe('de');
    expect(lookups().map((c) => String(c.args.include_locale))).toEqual(['true']);
    expect(await world.db.personTimezone.count({ where: { userId: 'U0LANGDE01' } })).toBe(0);
    // Kept in memory for a few minutes: the next message does not ask again.
    expect(await of.of(client(), 'U0LANGDE01')).toBe('de');
    expect(lookups()).toHaveLength(1);
    world.clock.advance(11 * 60 * 1000);
    expect(await of.of(client(), 'U0LANGDE01')).toBe('de');
    expect(lookups()).toHaveLength(2);
  });

  it("uses the locale cached for someone taking part, without asking Slack", async () => {
    await world.db.personTimezone.create({ data: { userId: 'U0LANGES01', timezone: 'Europe/Madrid', locale: 'es-ES', fetchedAt: world.clock.now() } });
    expect(await languages().of(client(), 'U0LANGES01')).toBe('es');
    expect(lookups()).toEqual([]);
  });

  it('answers in English when Slack cannot be reached, and asks again next time', async () => {
    world.slack.addUser({ id: 'U0LANGFAIL', locale: 'es-MX' });
    world.slack.setResponse('users.info', () => ({ status: 500, body: 'down' }));
    const of = languages();
    expect(await of.of(client(), 'U0LANGFAIL')).toBe('en');
    world.slack.clearResponse();
    expect(await of.of(client(), 'U0LANGFAIL')).toBe('es');
    expect(lookups()).toHaveLength(2);
  });

  it("keeps Slack's own refusal for a while, so a person Slack does not know is not asked about on every message", async () => {
    const of = languages();
    expect(await of.of(client(), 'U0LANGNONE')).toBe('en');
    expect(await of.of(client(), 'U0LANGNONE')).toBe('en');
    expect(lookups()).toHaveLength(1);
  });

  it('answers in English when the locale comes later than the step can wait, and keeps it for the next step', async () => {
    world.slack.addUser({ id: 'U0LANGSLOW', locale: 'de-CH' });
    world.slack.setResponse('users.info', async (_call, reply) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return reply();
    });
    const of = languages();
    expect(await of.of(client(), 'U0LANGSLOW', { withinMs: 50 })).toBe('en');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await of.of(client(), 'U0LANGSLOW', { withinMs: 50 })).toBe('de');
    expect(lookups()).toHaveLength(1);
  });

  it("answers in the initiative's language when the locale comes later than the step can wait", async () => {
    world.slack.addUser({ id: 'U0LANGSLW2', locale: 'en-GB' });
    world.slack.setResponse('users.info', async (_call, reply) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return reply();
    });
    const of = languages([{ id: 'I1', language: 'es' }]);
    expect(await of.of(client(), 'U0LANGSLW2', { withinMs: 50, workspaceId: 'T1', initiativeId: 'I1' })).toBe('es');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await of.of(client(), 'U0LANGSLW2', { withinMs: 50, workspaceId: 'T1', initiativeId: 'I1' })).toBe('en');
  });

  it('forgets a person who erased their data', async () => {
    world.slack.addUser({ id: 'U0LANGGONE', locale: 'de-AT' });
    const of = languages();
    await of.of(client(), 'U0LANGGONE');
    of.forget('U0LANGGONE');
    await of.of(client(), 'U0LANGGONE');
    expect(lookups()).toHaveLength(2);
  });

  it("answers someone whose locale the app does not speak in the initiative's language, and when Slack cannot say", async () => {
    world.slack.addUser({ id: 'U0LANGFR01', locale: 'fr-FR' });
    const of = languages([
      { id: 'i-de', language: 'de' },
      { id: 'i-es', language: 'es' },
    ]);
    expect(await of.of(client(), 'U0LANGFR01', { workspaceId: 'T1', initiativeId: 'i-es' })).toBe('es');
    expect(await of.of(client(), 'U0LANGFR01', { workspaceId: 'T1', initiativeId: 'i-de' })).toBe('de');
    // The workspace's initiatives disagree and the message is about none of them: English.
    expect(await of.of(client(), 'U0LANGFR01', { workspaceId: 'T1' })).toBe('en');
    world.slack.setResponse('users.info', () => ({ status: 500, body: 'down' }));
    expect(await of.of(client(), 'U0LANGDOWN', { workspaceId: 'T1', initiativeId: 'i-de' })).toBe('de');
    world.slack.clearResponse();
  });

  it('puts the language a person chose first, without asking Slack, and reads it again once forgotten', async () => {
    world.slack.addUser({ id: 'U0LANGCH01', locale: 'de-DE' });
    await world.db.personPreference.create({ data: { userId: 'U0LANGCH01', language: 'es', updatedAt: world.clock.now() } });
    const of = languages([{ id: 'i-de', language: 'de' }]);
    expect(await of.of(client(), 'U0LANGCH01', { workspaceId: 'T1', initiativeId: 'i-de' })).toBe('es');
    expect(lookups()).toEqual([]);
    await world.db.personPreference.update({ where: { userId: 'U0LANGCH01' }, data: { language: null } });
    of.forget('U0LANGCH01');
    expect(await of.of(client(), 'U0LANGCH01')).toBe('de');
    expect(lookups()).toHaveLength(1);
  });
});
