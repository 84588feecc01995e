import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Effect } from '../../../src/effects/effects.js';
import { english } from '../../../src/i18n/translate.js';
import { renderListenerNote } from '../../../src/features/listeners/views.js';
import { ListenerIds } from '../../../src/features/listeners/ids.js';
import { pauseUntil, resumeDuePauses, setPaused } from '../../../src/features/listeners/service.js';
import { answerOffer, expireOffers } from '../../../src/features/pairings/offers.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { createLogger } from '../../../src/logger.js';
import type { OutboxMessage } from '../../../src/outbox/outbox.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';

// Issue 15: pause until a date and resume on it (once, however many processes), and noticing offers
// left unanswered without blaming anyone. Real databases, a fixed clock.

const logger = createLogger('silent');
const HOUR = 60 * 60 * 1000;
const COORDINATOR = 'U0PAUSECRD';

describe.each(TEST_PROVIDERS)('pausing as a listener on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  // Monday 2 March 2026, 10:00 UTC: 23:00 in Auckland (UTC+13), 00:00 in Honolulu (UTC-10).
  // Tests share one database, so each looks only at its own listeners and their outbox rows.
  const clock = fixedClock('2026-03-02T10:00:00Z');
  const deps = () => ({ db: database.db, clock, logger, random: () => 0.42 });

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  let seekers = 0;
  async function ask(initiative: { id: string; workspaceId: string }, topicId: string): Promise<string> {
    seekers += 1;
    const { requestId } = await createRequest(deps(), {
      workspaceId: initiative.workspaceId,
      initiativeId: initiative.id,
      seekerId: `U0SEEK${String(seekers).padStart(4, '0')}`,
      topicId,
      note: null,
      language: null,
      sameTimezone: false,
      seekerTimezone: null,
    });
    return requestId;
  }

  async function outboxTo(userId: string) {
    const rows = await database.db.outboxMessage.findMany({ where: { recipientId: userId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ ...r, message: JSON.parse(r.args) as OutboxMessage }));
  }

  /** A listener's note as the outbox words it when sent, in English (the initiative's name as the factory makes it). */
  const rendered = (m: OutboxMessage) =>
    m.kind === 'listener_note' ? renderListenerNote(english, m.note, { initiativeName: 'Peer Support Test', initiativeId: m.initiativeId }) : null;
  const kinds = (list: readonly Effect[]) => list.map((e) => e.kind);

  describe('pause until a date', () => {
    it('pauses until the start of that day in the listener\'s timezone, and refuses today or more than a year away', async () => {
      // 11:30 UTC on 2 March is 00:30 on 3 March in Auckland (UTC+13).
      clock.set('2026-03-02T11:30:00Z');
      const initiative = await makeInitiative(database.db);
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], timezone: 'Pacific/Auckland' });
      const input = { initiativeId: initiative.id, userId: listener.userId };

      // It is already 3 March in Auckland, though not yet in UTC.
      expect(await pauseUntil(deps(), { ...input, date: '2026-03-03' })).toEqual({ kind: 'invalid-date', reason: 'not-after-today' });
      expect(await pauseUntil(deps(), { ...input, date: '2027-03-04' })).toEqual({ kind: 'invalid-date', reason: 'too-far' });
      expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).status).toBe('active');

      const result = await pauseUntil(deps(), { ...input, date: '2026-03-10' });
      expect(result).toMatchObject({ kind: 'paused', date: '2026-03-10', wasPaused: false, declined: null });
      const row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row).toMatchObject({ status: 'paused', pauseReason: 'self', pausedAt: clock.now() });
      // Midnight in Auckland (UTC+13 in March) is 11:00 UTC the day before.
      expect(row.pausedUntil).toEqual(new Date('2026-03-09T11:00:00Z'));
    });

    it('lets a paused listener change the date or drop it, keeping when the pause began', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], timezone: 'Pacific/Honolulu' });
      const input = { initiativeId: initiative.id, userId: listener.userId };
      await pauseUntil(deps(), { ...input, date: '2026-03-05' });
      clock.advance(HOUR);
      // In Honolulu it is 2 March: the 3rd is a day after today there.
      expect(await pauseUntil(deps(), { ...input, date: '2026-03-03' })).toMatchObject({ kind: 'paused', wasPaused: true });
      let row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row.pausedUntil).toEqual(new Date('2026-03-03T10:00:00Z'));
      expect(row.pausedAt).toEqual(new Date('2026-03-02T10:00:00Z'));

      expect(await pauseUntil(deps(), { ...input, date: null })).toMatchObject({ kind: 'paused', date: null });
      row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row).toMatchObject({ status: 'paused', pausedUntil: null, pauseReason: 'self' });
    });

    it('does not pause a volunteer waiting for approval, or someone who is not a listener', async () => {
      const initiative = await makeInitiative(database.db);
      const pending = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [], status: 'pending' });
      expect(await pauseUntil(deps(), { initiativeId: initiative.id, userId: pending.userId, date: null })).toMatchObject({ kind: 'pending' });
      expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('pending');
      expect(await pauseUntil(deps(), { initiativeId: initiative.id, userId: 'U0NOBODY00', date: null })).toEqual({ kind: 'not-listener' });
    });

    it('from an offer: declines it in the same change, so the request waits for the next listener and the offer message says so', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const topicId = initiative.topics[0]!.id;
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
      const requestId = await ask(initiative, topicId);
      const offered = await matchRequest(deps(), requestId);
      if (offered.kind !== 'offered') throw new Error('expected an offer');
      // Someone else's offer id is ignored: only the listener's own offer is declined.
      const result = await pauseUntil(deps(), { initiativeId: initiative.id, userId: listener.userId, date: '2026-03-04', offerId: offered.offer.offerId });
      if (result.kind !== 'paused') throw new Error(`expected paused, got ${result.kind}`);
      expect(result.declined?.requestId).toBe(requestId);
      expect(await database.db.offer.findUniqueOrThrow({ where: { id: offered.offer.offerId } })).toMatchObject({ status: 'declined' });
      expect(await database.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'waiting' });
      const profile = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(profile).toMatchObject({ status: 'paused', reservedSlots: 0 });
      const closed = (await outboxTo(listener.userId)).find((r) => r.message.kind === 'offer_closed');
      expect(closed?.message).toMatchObject({ kind: 'offer_closed', closed: 'declined' });
      expect(result.declined?.outboxIds).toContain(closed!.id);
      // Paused, they are not asked again.
      expect((await matchRequest(deps(), requestId)).kind).toBe('waiting');
    });

    it('from an offer that is not theirs: pauses, and leaves the offer alone', async () => {
      const initiative = await makeInitiative(database.db);
      const topicId = initiative.topics[0]!.id;
      const holder = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
      const offered = await matchRequest(deps(), await ask(initiative, topicId));
      if (offered.kind !== 'offered') throw new Error('expected an offer');
      const other = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [], capacity: 1 });
      const result = await pauseUntil(deps(), { initiativeId: initiative.id, userId: other.userId, date: null, offerId: offered.offer.offerId });
      expect(result).toMatchObject({ kind: 'paused', declined: null });
      expect((await database.db.offer.findUniqueOrThrow({ where: { id: offered.offer.offerId } })).status).toBe('pending');
      expect(holder.id).toBe(offered.offer.listenerId);
    });
  });

  describe('automatic resume', () => {
    it('resumes exactly once at local midnight, with two job runs at once, writes the note and offers the waiting request', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db, { coordinatorId: COORDINATOR });
      const topicId = initiative.topics[1]!.id;
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], timezone: 'Pacific/Auckland' });
      await pauseUntil(deps(), { initiativeId: initiative.id, userId: listener.userId, date: '2026-03-04' });
      const requestId = await ask(initiative, topicId);
      expect((await matchRequest(deps(), requestId)).kind).toBe('waiting');

      const about = (list: readonly Effect[]) =>
        list.filter((e) => (e.kind === 'match-initiative' ? e.initiativeId === initiative.id : e.kind === 'refresh-homes' ? e.userIds.includes(listener.userId) : false));

      // One second before midnight in Auckland (11:00 UTC on the 3rd): still paused.
      clock.set('2026-03-03T10:59:59Z');
      expect(about((await resumeDuePauses(deps())).effects)).toEqual([]);
      expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).status).toBe('paused');

      clock.set('2026-03-03T11:00:00Z');
      const [a, b] = await Promise.all([resumeDuePauses(deps()), resumeDuePauses(deps())]);
      const mine = [...about(a.effects), ...about(b.effects)];
      expect(kinds(mine).sort()).toEqual(['match-initiative', 'refresh-homes']);
      expect(mine).toContainEqual({ kind: 'refresh-homes', workspaceId: initiative.workspaceId, userIds: [listener.userId, COORDINATOR] });
      // Only the run whose update changed the row speaks for it.
      expect([about(a.effects).length, about(b.effects).length].sort()).toEqual([0, 2]);
      const winner = about(a.effects).length > 0 ? a : b;

      const row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row).toMatchObject({ status: 'active', pausedAt: null, pausedUntil: null, pauseReason: null, unansweredOffers: 0 });
      // Ids and which note only: worded when sent, in the listener's language then.
      const notes = (await outboxTo(listener.userId)).filter((r) => r.message.kind === 'listener_note');
      expect(notes.map((n) => n.message)).toEqual([{ kind: 'listener_note', note: 'welcomeBack', initiativeId: initiative.id }]);
      expect(rendered(notes[0]!.message)?.text).toBe(english('listeners.welcomeBack', { initiative: 'Peer Support Test' }));
      expect(winner.effects).toContainEqual({ kind: 'send', outboxIds: [notes[0]!.id] });
      expect([...a.effects, ...b.effects].filter((e) => e.kind === 'send' && e.outboxIds.includes(notes[0]!.id))).toHaveLength(1);
      expect(JSON.stringify(rendered(notes[0]!.message)?.blocks)).toContain(ListenerIds.pauseUntilButton);

      // What the match-initiative effect does: the waiting request is offered to them now.
      const { offers } = await matchWaitingRequests(deps(), initiative.id);
      expect(offers.map((o) => [o.requestId, o.listenerId])).toEqual([[requestId, listener.id]]);
      expect(about((await resumeDuePauses(deps())).effects)).toEqual([]);
    });

    it('resumes offers at local midnight but sends the welcome-back note when their working hours begin, not at 00:00', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      // Berlin, Monday to Friday 09:00 to 18:00, quiet 09:00 to 10:00: the note waits for 10:00 local.
      const listener = await makeListener(database.db, {
        initiativeId: initiative.id,
        topicIds: [],
        timezone: 'Europe/Berlin',
        work: { days: '1,2,3,4,5', start: '09:00', end: '18:00' },
      });
      await database.db.listenerProfile.update({ where: { id: listener.id }, data: { quietHoursStart: '09:00', quietHoursEnd: '10:00' } });
      await pauseUntil(deps(), { initiativeId: initiative.id, userId: listener.userId, date: '2026-03-04' });
      clock.set('2026-03-03T23:00:00Z'); // 00:00 on Wednesday 4 March in Berlin
      const { resumed, effects: follow } = await resumeDuePauses(deps());
      expect(resumed).toBeGreaterThanOrEqual(1);
      expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).status).toBe('active');
      const [note] = (await outboxTo(listener.userId)).filter((r) => r.message.kind === 'listener_note');
      expect(note!.deliverAt.toISOString()).toBe('2026-03-04T09:00:00.000Z'); // 10:00 in Berlin
      // Sending it right after commit finds nothing due yet; the scheduler sends it at 10:00.
      expect(follow).toContainEqual({ kind: 'send', outboxIds: [note!.id] });
    });

    it('leaves alone a listener who moved their date later, or paused with no date', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const later = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [], timezone: 'UTC' });
      const open = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [], timezone: 'UTC' });
      await pauseUntil(deps(), { initiativeId: initiative.id, userId: later.userId, date: '2026-03-03' });
      await pauseUntil(deps(), { initiativeId: initiative.id, userId: later.userId, date: '2026-03-06' });
      await setPaused(deps(), { initiativeId: initiative.id, userId: open.userId, paused: true });
      clock.set('2026-03-04T00:00:00Z');
      await resumeDuePauses(deps());
      for (const id of [later.id, open.id]) expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id } })).status).toBe('paused');
    });

    it('/peer resume ends a dated pause at once and clears the date and the reason', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [] });
      await pauseUntil(deps(), { initiativeId: initiative.id, userId: listener.userId, date: '2026-03-20' });
      await database.db.listenerProfile.update({ where: { id: listener.id }, data: { unansweredOffers: 2 } });
      expect((await setPaused(deps(), { initiativeId: initiative.id, userId: listener.userId, paused: false })).kind).toBe('changed');
      const row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row).toMatchObject({ status: 'active', pausedAt: null, pausedUntil: null, pauseReason: null, unansweredOffers: 0 });
    });
  });

  describe('offers left unanswered', () => {
    async function offerAndLetExpire(initiative: { id: string; workspaceId: string }, topicId: string, listenerId: string) {
      const offered = await matchRequest(deps(), await ask(initiative, topicId));
      if (offered.kind !== 'offered' || offered.offer.listenerId !== listenerId) throw new Error('expected an offer to the listener');
      clock.advance(4 * HOUR + 60_000);
      return expireOffers(deps());
    }

    it('three in a row pause new offers, with a kind note and a Resume button; Homes are refreshed', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db, { coordinatorId: COORDINATOR });
      const topicId = initiative.topics[0]!.id;
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });

      for (const expected of [1, 2]) {
        const expired = await offerAndLetExpire(initiative, topicId, listener.id);
        expect(expired.homes).toEqual([]);
        expect(await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).toMatchObject({ status: 'active', unansweredOffers: expected });
      }
      const third = await offerAndLetExpire(initiative, topicId, listener.id);
      const row = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } });
      expect(row).toMatchObject({ status: 'paused', pauseReason: 'no_answer', pausedAt: clock.now(), pausedUntil: null, unansweredOffers: 3, reservedSlots: 0 });
      expect(third.homes).toEqual([{ workspaceId: initiative.workspaceId, userIds: [listener.userId, COORDINATOR] }]);

      const notes = (await outboxTo(listener.userId)).filter((r) => r.message.kind === 'listener_note');
      expect(notes.map((n) => n.message)).toEqual([{ kind: 'listener_note', note: 'pausedForNoAnswer', initiativeId: initiative.id }]);
      expect(rendered(notes[0]!.message)?.text).toBe(english('listeners.pausedForNoAnswer', { initiative: 'Peer Support Test' }));
      expect(third.outboxIds).toContain(notes[0]!.id);
      const blocks = JSON.stringify(rendered(notes[0]!.message)?.blocks);
      expect(blocks).toContain(`"action_id":"${ListenerIds.resumeButton}","text":{"type":"plain_text","text":"Resume","emoji":true},"value":"${initiative.id}"`);

      // Paused, they get no more offers; resuming starts a fresh count.
      expect((await matchRequest(deps(), await ask(initiative, topicId))).kind).toBe('waiting');
      await setPaused(deps(), { initiativeId: initiative.id, userId: listener.userId, paused: false });
      expect(await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).toMatchObject({ status: 'active', unansweredOffers: 0, pauseReason: null });
    });

    it('an answer in between, yes or no, starts the count again', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const topicId = initiative.topics[0]!.id;
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
      const count = async () => (await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).unansweredOffers;

      await offerAndLetExpire(initiative, topicId, listener.id);
      await offerAndLetExpire(initiative, topicId, listener.id);
      expect(await count()).toBe(2);
      const declined = await matchRequest(deps(), await ask(initiative, topicId));
      if (declined.kind !== 'offered') throw new Error('expected an offer');
      expect((await answerOffer(deps(), { offerId: declined.offer.offerId, userId: listener.userId, accept: false })).kind).toBe('declined');
      expect(await count()).toBe(0);

      await offerAndLetExpire(initiative, topicId, listener.id);
      await offerAndLetExpire(initiative, topicId, listener.id);
      const accepted = await matchRequest(deps(), await ask(initiative, topicId));
      if (accepted.kind !== 'offered') throw new Error('expected an offer');
      expect((await answerOffer(deps(), { offerId: accepted.offer.offerId, userId: listener.userId, accept: true })).kind).toBe('paired');
      expect(await count()).toBe(0);
      expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).status).toBe('active');
      expect((await outboxTo(listener.userId)).filter((r) => r.message.kind === 'listener_note')).toEqual([]);
    });

    it('two sweeps at once count each expired offer once and pause once', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const initiative = await makeInitiative(database.db);
      const topicId = initiative.topics[0]!.id;
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 3 });
      for (let i = 0; i < 3; i += 1) {
        const offered = await matchRequest(deps(), await ask(initiative, topicId));
        expect(offered.kind === 'offered' && offered.offer.listenerId).toBe(listener.id);
      }
      clock.advance(4 * HOUR + 60_000);
      await Promise.all([expireOffers(deps()), expireOffers(deps())]);
      expect(await database.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).toMatchObject({ status: 'paused', pauseReason: 'no_answer', unansweredOffers: 3 });
      expect((await outboxTo(listener.userId)).filter((r) => r.message.kind === 'listener_note')).toHaveLength(1);
    });
  });
});
