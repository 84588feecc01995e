import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collectMyData, eraseMyData } from '../../../src/features/my-data/service.js';
import { PairingIds } from '../../../src/features/pairings/ids.js';
import { applyRetention } from '../../../src/features/pairings/retention.js';
import { askCoordinatorForSupport, replyToReport, reportConcern, reportForReply, type ReportForReply } from '../../../src/features/pairings/service.js';
import type { PersonLanguages } from '../../../src/features/common/person-language.js';
import type { AppLanguage } from '../../../src/domain/app-language.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';
import type { RecordedCall } from '../../../src/simulator/web-api.js';
import { serviceWorld } from '../../support/service-world.js';

// Issue 15, reports coordinators can act on: a report is a Report row written with the coordinators'
// notices; a seeker's report names their listener to coordinators, and no coordinator ever gets the
// seeker's id (invariant 5); a coordinator, and only a coordinator, can reply to the reporter, and the
// report is marked replied only once the reply went; the rows go with erasure and retention. Real
// databases, a fixed clock, the fake Slack for what coordinators receive.

const user = (label: string) => `U${label.toUpperCase().slice(0, 4)}${randomUUID().slice(0, 6).toUpperCase()}`;
const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_PROVIDERS)('reports on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-06-01T10:00:00Z', sender: 'bulk', token: 'xoxb-report-test' });
  const { clock, deps } = world;

  /** An active pairing (seeker Otter, listener Heron) in an initiative with two coordinators and an HR viewer. */
  async function pairing() {
    const people = { seeker: user('seek'), listener: user('list'), coordinators: [user('coora'), user('coorb')], hr: user('hrvw') };
    const initiative = await makeInitiative(world.db, { coordinatorId: people.coordinators[0] });
    await world.db.initiativeMember.createMany({
      data: [
        { initiativeId: initiative.id, userId: people.coordinators[1]!, role: 'coordinator' },
        { initiativeId: initiative.id, userId: people.hr, role: 'hr_viewer' },
      ],
    });
    const listener = await makeListener(world.db, { initiativeId: initiative.id, userId: people.listener, topicIds: [initiative.topics[0]!.id] });
    const request = await makeRequest(world.db, { initiativeId: initiative.id, seekerId: people.seeker, status: 'paired' });
    const row = await makePairing(world.db, { request, listener, startedAt: new Date(clock.now().getTime() - 3 * DAY) });
    return { initiative, people, pairingId: row.id };
  }

  async function report(pairingId: string, userId: string) {
    const result = await reportConcern(deps(), { pairingId, userId, reason: 'other', block: false });
    if (result.kind !== 'reported') throw new Error(result.kind);
    return result;
  }

  const to = (userId: string) => (c: RecordedCall) => c.args.channel === userId || c.args.channel === `D${userId}`;

  it('a seeker\'s report is stored and names their listener to every coordinator, never the seeker', async () => {
    const { initiative, people, pairingId } = await pairing();
    const result = await report(pairingId, people.seeker);
    const stored = await world.db.report.findMany({ where: { initiativeId: initiative.id } });
    expect(stored).toEqual([
      expect.objectContaining({
        pairingId,
        reporterId: people.seeker,
        reporterSide: 'seeker',
        reporterPseudonym: 'Otter',
        aboutListenerUserId: people.listener,
        reason: 'Something else',
        createdAt: clock.now(),
        repliedAt: null,
      }),
    ]);

    expect((await sendOutbox(world.sender, deps(), { owner: 'a', ids: result.outboxIds })).sent).toBe(3);
    for (const coordinator of people.coordinators) {
      const notices = world.slack.calls.filter(to(coordinator));
      expect(notices).toHaveLength(1);
      const shown = JSON.stringify(notices[0]!.args);
      expect(shown).toContain(`<@${people.listener}>`);
      expect(shown).toContain('Otter');
      expect(shown).toContain('Something else');
      expect(shown).toContain(english('reports.coordinators.replyButton', { pseudonym: 'Otter' }));
      expect(shown).toContain(PairingIds.replyToReport);
      expect(shown).toContain(`"value":"${stored[0]!.id}"`);
      // The lock screen names nobody.
      expect(notices[0]!.args.text).toBe(english('reports.coordinators.notification'));
    }
    // Invariant 5: no Web API call bound for a coordinator carries the seeker's id.
    const toCoordinators = world.slack.calls.filter((c) => people.coordinators.some((id) => to(id)(c)));
    expect(toCoordinators).toHaveLength(2);
    expect(JSON.stringify(toCoordinators)).not.toContain(people.seeker);
    // Nobody else is told but the reporter (their thanks).
    expect(world.slack.calls.filter(to(people.hr))).toEqual([]);
    expect(world.slack.calls.filter(to(people.listener))).toEqual([]);
  });

  it('a listener\'s report about the seeker names nobody: the seeker only by pseudonym, never by id', async () => {
    const { people, pairingId } = await pairing();
    const result = await report(pairingId, people.listener);
    const [stored] = await world.db.report.findMany({ where: { pairingId } });
    expect(stored).toMatchObject({ reporterId: people.listener, reporterSide: 'listener', reporterPseudonym: 'Heron', aboutListenerUserId: null });
    // The rows themselves carry no seeker id either.
    const rows = await world.db.outboxMessage.findMany({ where: { id: { in: result.outboxIds }, recipientId: { in: [...people.coordinators] } } });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(people.seeker);

    await sendOutbox(world.sender, deps(), { owner: 'a', ids: result.outboxIds });
    const toCoordinators = world.slack.calls.filter((c) => people.coordinators.some((id) => to(id)(c)));
    expect(toCoordinators).toHaveLength(2);
    const shown = JSON.stringify(toCoordinators);
    expect(shown).not.toContain(people.seeker);
    expect(shown).toContain('Otter');
    expect(shown).toContain(english('reports.coordinators.replyButton', { pseudonym: 'Heron' }));
  });

  /** Languages as each person's Slack would say them (issue 19): English for anyone not listed. */
  const speaking = (spoken: Record<string, AppLanguage>) => ({ ...deps(), languages: { of: async (_client, userId) => spoken[userId] ?? 'en', forget: () => {} } satisfies PersonLanguages });

  it('words the notice when sent, for each coordinator in their own language: the rows carry no words, only what it says', async () => {
    const { people, pairingId } = await pairing();
    const [german, spanish] = people.coordinators as [string, string];
    const result = await report(pairingId, people.seeker);
    const rows = await world.db.outboxMessage.findMany({ where: { id: { in: result.outboxIds }, recipientId: { in: [german, spanish] } } });
    expect(rows.map((r) => r.kind)).toEqual(['report_notice', 'report_notice']);
    expect(rows.map((r) => r.args).join('\n')).not.toContain('Something else');

    await sendOutbox(world.sender, speaking({ [german]: 'de', [spanish]: 'es' }), { owner: 'a', ids: result.outboxIds });
    for (const [coordinator, language] of [[german, 'de'], [spanish, 'es']] as const) {
      const t = translatorFor(language);
      const [notice] = world.slack.calls.filter(to(coordinator));
      expect(notice!.args.text).toBe(t('reports.coordinators.notification'));
      const shown = JSON.stringify(notice!.args.blocks);
      expect(shown).toContain(t('reports.reason.other'));
      expect(shown).toContain(t('reports.coordinators.replyButton', { pseudonym: 'Otter' }));
      expect(shown).toContain(`<@${people.listener}>`);
      expect(shown).not.toContain(people.seeker);
    }
    expect(JSON.stringify(world.slack.calls.filter(to(german)))).toContain('Grund: Etwas anderes.');
    expect(JSON.stringify(world.slack.calls.filter(to(spanish)))).toContain('Motivo: Otra cosa.');
  });

  it('a listener asking for support: one note per coordinator, each in their language, naming the listener and never the seeker', async () => {
    const { people, pairingId } = await pairing();
    const [german, inEnglish] = people.coordinators as [string, string];
    const asked = await askCoordinatorForSupport(deps(), { pairingId, userId: people.listener });
    if (asked.kind !== 'asked') throw new Error(asked.kind);
    const rows = await world.db.outboxMessage.findMany({ where: { id: { in: asked.outboxIds } } });
    expect(rows.map((r) => [r.kind, r.recipientId]).sort()).toEqual([['support_asked', german], ['support_asked', inEnglish]].sort());
    expect(JSON.stringify(rows)).not.toContain(people.seeker);

    await sendOutbox(world.sender, speaking({ [german]: 'de' }), { owner: 'a', ids: asked.outboxIds });
    for (const [coordinator, language] of [[german, 'de'], [inEnglish, 'en']] as const) {
      const t = translatorFor(language);
      const notes = world.slack.calls.filter(to(coordinator));
      expect(notes).toHaveLength(1);
      // The lock screen names nobody; the note names the listener who asked.
      expect(notes[0]!.args.text).toBe(t('pairings.crisis.coordinatorNotification'));
      expect(JSON.stringify(notes[0]!.args.blocks)).toContain(JSON.stringify(t('pairings.crisis.coordinatorNotice', { listener: `<@${people.listener}>`, initiative: 'Peer Support Test' })).slice(1, -1));
      expect(JSON.stringify(notes[0]!.args)).not.toContain(people.seeker);
      expect(JSON.stringify(notes[0]!.args)).not.toContain('Otter');
    }
    // Only the listener in the conversation can ask.
    expect(await askCoordinatorForSupport(deps(), { pairingId, userId: people.seeker })).toEqual({ kind: 'not-listener' });
  });

  it('lets a coordinator reply: delivered to the reporter, then marked replied; anyone else gets nothing sent', async () => {
    const { people, pairingId } = await pairing();
    await report(pairingId, people.seeker);
    const [stored] = await world.db.report.findMany({ where: { pairingId } });
    const delivered: ReportForReply[] = [];
    const deliver = async (r: ReportForReply) => void delivered.push(r);

    // The listener it is about, the HR viewer, the reporter themselves: refused, nothing delivered or changed.
    for (const userId of [people.listener, people.hr, people.seeker, user('anyone')]) {
      expect(await replyToReport(deps(), { reportId: stored!.id, userId, deliver })).toEqual({ kind: 'not-coordinator' });
      expect((await reportForReply(world.db, { reportId: stored!.id, userId })).kind).toBe('not-coordinator');
    }
    expect(delivered).toEqual([]);
    expect((await world.db.report.findUniqueOrThrow({ where: { id: stored!.id } })).repliedAt).toBeNull();

    clock.advance(60_000);
    expect(await replyToReport(deps(), { reportId: stored!.id, userId: people.coordinators[1]!, deliver })).toEqual({ kind: 'replied', reporterPseudonym: 'Otter' });
    expect(delivered).toEqual([{ id: stored!.id, reporterId: people.seeker, reporterPseudonym: 'Otter', initiativeName: 'Peer Support Test', repliedAt: null }]);
    expect((await world.db.report.findUniqueOrThrow({ where: { id: stored!.id } })).repliedAt).toEqual(clock.now());
  });

  it('leaves the report unreplied when Slack does not take the reply, so the coordinator can try again', async () => {
    const { people, pairingId } = await pairing();
    await report(pairingId, people.seeker);
    const [stored] = await world.db.report.findMany({ where: { pairingId } });
    const failure = Object.assign(new Error('An API error occurred: channel_not_found'), { code: 'slack_webapi_platform_error' });
    const result = await replyToReport(deps(), { reportId: stored!.id, userId: people.coordinators[0]!, deliver: () => Promise.reject(failure) });
    expect(result).toEqual({ kind: 'not-sent', error: failure });
    expect((await world.db.report.findUniqueOrThrow({ where: { id: stored!.id } })).repliedAt).toBeNull();
  });

  it('erasure: the reporter\'s reports go (a reply then finds nobody); a listener\'s name leaves reports about them', async () => {
    const { initiative, people, pairingId } = await pairing();
    await report(pairingId, people.seeker);
    await report(pairingId, people.listener);
    expect((await collectMyData(world.db, initiative.workspaceId, people.seeker, clock.now())).concernsRaised).toBe(1);

    await eraseMyData(deps(), initiative.workspaceId, people.listener);
    const left = await world.db.report.findMany({ where: { initiativeId: initiative.id } });
    expect(left).toEqual([expect.objectContaining({ reporterId: people.seeker, aboutListenerUserId: null })]);

    await eraseMyData(deps(), initiative.workspaceId, people.seeker);
    expect(await world.db.report.count({ where: { initiativeId: initiative.id } })).toBe(0);
    let delivered = 0;
    const reply = await replyToReport(deps(), { reportId: left[0]!.id, userId: people.coordinators[0]!, deliver: async () => void (delivered += 1) });
    expect(reply).toEqual({ kind: 'gone' });
    expect(delivered).toBe(0);
    expect((await collectMyData(world.db, initiative.workspaceId, people.seeker, clock.now())).concernsRaised).toBe(0);
  });

  it('retention deletes reports older than the initiative\'s retention and keeps newer ones', async () => {
    const { initiative, people, pairingId } = await pairing();
    await world.db.initiative.update({ where: { id: initiative.id }, data: { retentionDays: 30 } });
    clock.set(new Date(Date.parse('2026-06-01T10:00:00Z') - 31 * DAY));
    await report(pairingId, people.seeker);
    clock.set(new Date(Date.parse('2026-06-01T10:00:00Z') - 29 * DAY));
    await report(pairingId, people.listener);
    clock.set('2026-06-01T10:00:00Z');

    const removed = await applyRetention(world.db, clock.now());
    expect(removed.reports).toBeGreaterThanOrEqual(1);
    expect((await world.db.report.findMany({ where: { initiativeId: initiative.id } })).map((r) => r.reporterSide)).toEqual(['listener']);
  });
});
