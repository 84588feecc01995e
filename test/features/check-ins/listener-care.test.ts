import { english } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { displayPseudonym } from '../../../src/domain/pseudonyms.js';
import * as checkInCopy from '../../../src/features/check-ins/copy.js';
import { dispatchDueCheckIns } from '../../../src/features/check-ins/dispatcher.js';
import { CheckInIds } from '../../../src/features/check-ins/ids.js';
import { answerCheckIn } from '../../../src/features/check-ins/service.js';
import { stopListening } from '../../../src/features/listeners/service.js';
import { eraseMyData } from '../../../src/features/my-data/service.js';
import * as pairingCopy from '../../../src/features/pairings/copy.js';
import type { EndNote } from '../../../src/features/pairings/copy.js';
import { endNoteText, endNotes, type EndReason } from '../../../src/features/pairings/end.js';
import { answerOffer } from '../../../src/features/pairings/offers.js';
import type { Pairing } from '../../../src/features/pairings/pairing-row.js';
import { applyRetention } from '../../../src/features/pairings/retention.js';
import { endPairing } from '../../../src/features/pairings/service.js';
import { matchRequest } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import type { RecordedCall } from '../../../src/simulator/web-api.js';
import { serviceWorld } from '../../support/service-world.js';

// Listener care (issue 15), with a fixed clock on both databases: one wellbeing check-in per listener
// per period whatever their number of conversations, a planned-ending question after N weeks to both
// sides (asked once; "Let's wrap up" ends the conversation, "Keep going" and silence change nothing),
// and a thank-you to the listener whenever a conversation ends.

const DAY = 86_400_000;
const START = '2026-03-02T10:00:00Z'; // a Monday

describe.each(TEST_PROVIDERS)('listener care on %s', (provider) => {
  const world = serviceWorld(provider, { start: START });
  const { clock, deps } = world;

  let people = 0;
  const someone = (prefix: string) => `U${prefix}${String(++people).padStart(4, '0')}${provider.slice(0, 2).toUpperCase()}`;

  /** An initiative with one listener (London, any hours), first check-in after 7 days, then every 14. */
  async function listenerIn(options: { capacity?: number; reviewAfterWeeks?: number } = {}) {
    const initiative = await makeInitiative(world.db);
    await world.db.initiative.update({
      where: { id: initiative.id },
      data: { firstCheckInDays: 7, checkInEveryDays: 14, reviewAfterWeeks: options.reviewAfterWeeks ?? 6 },
    });
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], capacity: options.capacity ?? 3 });
    world.slack.addUser({ id: listener.userId, tz: 'Europe/London' });
    return { initiative, listener };
  }

  type Setup = Awaited<ReturnType<typeof listenerIn>>;

  /** A seeker asks and is offered the listener; the offer is not answered yet. */
  async function offered(setup: Setup) {
    const seekerId = someone('SEEK');
    world.slack.addUser({ id: seekerId, tz: 'Europe/London' });
    const { initiative } = setup;
    const { requestId } = await createRequest(deps(), {
      workspaceId: initiative.workspaceId,
      initiativeId: initiative.id,
      seekerId,
      topicId: initiative.topics[0]!.id,
      note: null,
      language: null,
      sameTimezone: false,
      seekerTimezone: null,
    });
    const offer = await matchRequest(deps(), requestId);
    if (offer.kind !== 'offered') throw new Error(`not offered: ${offer.kind}`);
    return { seekerId, requestId, offerId: offer.offer.offerId };
  }

  /** A conversation with the listener, starting at the clock's now. */
  async function converse(setup: Setup, db = world.db): Promise<Pairing & { requestId: string }> {
    const { offerId, requestId } = await offered(setup);
    const answer = await answerOffer(deps(db), { offerId, userId: setup.listener.userId, accept: true });
    if (answer.kind !== 'paired') throw new Error(`not paired: ${answer.kind}`);
    return { ...answer.pairing, requestId };
  }

  const postsTo = (userId: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
  const carries = (actionId: string) => (c: RecordedCall) => JSON.stringify(c.args.blocks).includes(`"${actionId}"`);
  /** The listener's wellbeing check-ins ("How are you doing?"): they carry the "I'm fine" answer. */
  const wellbeingTo = (userId: string) => postsTo(userId).filter(carries(CheckInIds.answer.fine));
  /** Planned-ending questions: they carry "Keep going". */
  const reviewsTo = (userId: string) => postsTo(userId).filter(carries(CheckInIds.answer.keep_going));

  /** A scheduler tick every day at 10:00 UTC for `days` days. */
  async function days(n: number): Promise<void> {
    for (let d = 0; d < n; d++) {
      clock.advance(DAY);
      await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    }
  }

  async function outboxTo(userId: string): Promise<{ key: string; text: string; json: string }[]> {
    const rows = await world.db.outboxMessage.findMany({ where: { recipientId: userId, kind: { in: ['message', 'pairing_end'] } }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => {
      // A pairing's end notes are worded when sent (issue 19): here, as an English reader gets them.
      if (r.kind === 'pairing_end') {
        const end = JSON.parse(r.args) as { side: 'seeker' | 'listener'; note: EndNote; seekerPseudonym: string };
        return { key: r.dedupeKey, text: endNoteText(english, end.side, end.note, end.seekerPseudonym), json: r.args };
      }
      const args = JSON.parse(r.args) as { message: { text: string } };
      return { key: r.dedupeKey, text: args.message.text, json: r.args };
    });
  }

  async function counted(initiativeId: string, metric: string): Promise<number> {
    const rows = await world.db.anonymousCount.findMany({ where: { initiativeId, metric } });
    return rows.reduce((sum, r) => sum + r.count, 0);
  }

  // ---- One wellbeing check-in per listener per period ------------------------------------------------

  describe('one check-in per listener per period', () => {
    it('a listener in 3 conversations started on different days gets exactly one check-in per period, saying how many, never who', async () => {
      const setup = await listenerIn({ capacity: 3 });
      const first = await converse(setup); // day 0
      await days(2);
      const second = await converse(setup); // day 2
      await days(8);
      const third = await converse(setup); // day 10
      await days(40); // to day 50

      const wellbeing = wellbeingTo(setup.listener.userId);
      // Days 7, 21, 35 and 49: one a period (the first 7 days after the first conversation, then 14).
      expect(wellbeing).toHaveLength(4);
      const rows = await world.db.checkIn.findMany({ where: { subjectId: setup.listener.id, kind: 'listener' }, orderBy: { sequence: 'asc' } });
      expect(rows.map((r) => [r.sequence, r.status, r.pairingId])).toEqual([
        [1, 'sent', null],
        [2, 'sent', null],
        [3, 'sent', null],
        [4, 'sent', null],
        [5, 'scheduled', null],
      ]);
      expect(rows.slice(0, 4).map((r) => r.sentAt!.toISOString().slice(0, 10))).toEqual(['2026-03-09', '2026-03-23', '2026-04-06', '2026-04-20']);
      // Each says how many conversations the listener is in at the time (2 on day 7, then 3), never who.
      expect(JSON.stringify(wellbeing[0]!.args.blocks)).toContain(checkInCopy.listenerLoad(english, 2));
      expect(JSON.stringify(wellbeing[1]!.args.blocks)).toContain(checkInCopy.listenerLoad(english, 3));
      for (const call of wellbeing) {
        expect(call.args.text).toBe(english('checkIns.listenerQuestion'));
        const payload = JSON.stringify(call.args);
        for (const p of [first, second, third]) {
          expect(payload).not.toContain(p.seekerId);
          expect(payload).not.toContain(p.seekerPseudonym);
        }
      }
      // Each seeker still has their own check-ins, one per conversation.
      for (const p of [first, second, third]) expect(postsTo(p.seekerId).filter(carries(CheckInIds.answer.helpful)).length).toBeGreaterThanOrEqual(3);
    });

    it('a listener whose conversations have all ended gets none; their next conversation schedules a new one', async () => {
      const setup = await listenerIn();
      const pairing = await converse(setup);
      await days(3);
      await endPairing(deps(), { pairingId: pairing.id, by: 'seeker', reason: 'ended' });
      await days(14);
      expect(wellbeingTo(setup.listener.userId)).toEqual([]);
      // Cancelled when it came due, and no next one on the cadence.
      expect(await world.db.checkIn.findMany({ where: { subjectId: setup.listener.id }, select: { sequence: true, status: true } })).toEqual([
        { sequence: 1, status: 'cancelled' },
      ]);

      // Day 17: a new conversation; its first check-in comes 7 days later, as the next in the listener's sequence.
      const next = await converse(setup);
      const scheduled = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: setup.listener.id, status: 'scheduled' } });
      expect(scheduled).toMatchObject({ sequence: 2, kind: 'listener', pairingId: null, recipientId: setup.listener.userId });
      expect(scheduled.dueAt.getTime()).toBe(clock.now().getTime() + 7 * DAY);
      await days(7);
      expect(wellbeingTo(setup.listener.userId)).toHaveLength(1);
      expect(JSON.stringify(wellbeingTo(setup.listener.userId)[0]!.args.blocks)).toContain(checkInCopy.listenerLoad(english, 1));
      expect(next.status).toBe('active');
    });

    it('two conversations of one listener starting at the same moment schedule one check-in between them', async () => {
      const setup = await listenerIn({ capacity: 3 });
      const a = await offered(setup);
      const b = await offered(setup);
      // Two app processes on PostgreSQL; SQLite serves one process, whose transactions queue.
      const second: Database | null = provider === 'postgresql' ? await openDatabase(world.database.url) : null;
      try {
        const [x, y] = await Promise.all([
          answerOffer(deps(), { offerId: a.offerId, userId: setup.listener.userId, accept: true }),
          answerOffer(deps(second?.db ?? world.db), { offerId: b.offerId, userId: setup.listener.userId, accept: true }),
        ]);
        expect([x.kind, y.kind]).toEqual(['paired', 'paired']);
      } finally {
        await second?.close();
      }
      expect(await world.db.checkIn.findMany({ where: { subjectId: setup.listener.id }, select: { kind: true, sequence: true, status: true } })).toEqual([
        { kind: 'listener', sequence: 1, status: 'scheduled' },
      ]);
      expect(await world.db.checkIn.count({ where: { recipientId: a.seekerId, kind: 'seeker' } })).toBe(1);
      expect(await world.db.checkIn.count({ where: { recipientId: b.seekerId, kind: 'seeker' } })).toBe(1);
    });

    it('"I need a break" on the listener\'s own check-in pauses them (reason: a break), with no pairing named', async () => {
      const setup = await listenerIn();
      await converse(setup);
      await days(7);
      const row = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: setup.listener.id, status: 'sent' } });
      expect(row.pairingId).toBeNull();
      const result = await answerCheckIn(deps(), { checkInId: row.id, userId: setup.listener.userId, answer: 'break' });
      expect(result).toMatchObject({ kind: 'answered', answer: 'break', paused: true, initiativeId: setup.initiative.id, ended: null });
      expect(await world.db.listenerProfile.findUniqueOrThrow({ where: { id: setup.listener.id } })).toMatchObject({
        status: 'paused',
        pauseReason: 'break',
        pausedUntil: null,
      });
      expect(await counted(setup.initiative.id, 'checkin_break')).toBe(1);
      // Someone else cannot answer it; the listener cannot answer it twice.
      expect(await answerCheckIn(deps(), { checkInId: row.id, userId: setup.listener.userId, answer: 'fine' })).toEqual({ kind: 'already-answered' });
    });

    it('a listener who stops, or erases their data, is checked on no more', async () => {
      const stopping = await listenerIn();
      await converse(stopping);
      const stopped = await stopListening(deps(), { workspaceId: stopping.initiative.workspaceId, initiativeId: stopping.initiative.id, userId: stopping.listener.userId, surface: 'test' });
      expect(stopped.kind).toBe('stopped');
      expect(await world.db.checkIn.count({ where: { subjectId: stopping.listener.id } })).toBe(0);

      const erasing = await listenerIn();
      await converse(erasing);
      await eraseMyData(deps(), erasing.initiative.workspaceId, erasing.listener.userId);
      expect(await world.db.checkIn.count({ where: { recipientId: erasing.listener.userId } })).toBe(0);
      await days(8);
      expect(wellbeingTo(stopping.listener.userId)).toEqual([]);
      expect(wellbeingTo(erasing.listener.userId)).toEqual([]);
    });
  });

  describe('retention of a listener\'s own check-ins', () => {
    it('deletes those done with after the initiative\'s retention (no pairing cascades them), keeps the rest', async () => {
      const setup = await listenerIn();
      await world.db.initiative.update({ where: { id: setup.initiative.id }, data: { retentionDays: 30 } });
      const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * DAY);
      const row = (sequence: number, status: string, daysAgo: number) => ({
        initiativeId: setup.initiative.id,
        kind: 'listener',
        subjectId: setup.listener.id,
        recipientId: setup.listener.userId,
        sequence,
        dueAt: at(daysAgo),
        deliverAt: at(daysAgo),
        status,
      });
      await world.db.checkIn.createMany({
        data: [row(1, 'sent', 60), row(2, 'cancelled', 45), row(3, 'failed', 31), row(4, 'sent', 20), row(5, 'scheduled', -5)],
      });
      const report = await applyRetention(world.db, clock.now());
      expect(report.listenerCheckIns).toBeGreaterThanOrEqual(3);
      expect((await world.db.checkIn.findMany({ where: { subjectId: setup.listener.id }, orderBy: { sequence: 'asc' } })).map((r) => r.sequence)).toEqual([4, 5]);
    });
  });

  // ---- A planned ending --------------------------------------------------------------------------------

  describe('a planned ending after N weeks', () => {
    it('asks both, once, after N weeks (the initiative\'s setting), by pseudonym only', async () => {
      const setup = await listenerIn({ reviewAfterWeeks: 6 });
      const pairing = await converse(setup);
      const reviews = await world.db.checkIn.findMany({ where: { pairingId: pairing.id, kind: { in: ['seeker_review', 'listener_review'] } }, orderBy: { kind: 'asc' } });
      expect(reviews.map((r) => [r.kind, r.recipientId, r.sequence, r.subjectId, r.status])).toEqual([
        ['listener_review', setup.listener.userId, 1, pairing.id, 'scheduled'],
        ['seeker_review', pairing.seekerId, 1, pairing.id, 'scheduled'],
      ]);
      for (const r of reviews) expect(r.dueAt.toISOString()).toBe('2026-04-13T10:00:00.000Z');

      await days(41);
      expect(reviewsTo(pairing.seekerId)).toEqual([]);
      expect(reviewsTo(setup.listener.userId)).toEqual([]);
      await days(1); // Monday 13 April
      const [toSeeker] = reviewsTo(pairing.seekerId);
      const [toListener] = reviewsTo(setup.listener.userId);
      expect(toSeeker!.args.text).toBe(checkInCopy.reviewQuestion(english, pairing.listenerPseudonym, 6));
      expect(toListener!.args.text).toBe(checkInCopy.reviewQuestion(english, pairing.seekerPseudonym, 6));
      expect(String(toSeeker!.args.text)).toContain(`You and *${displayPseudonym(english, pairing.listenerPseudonym)}* have been talking for 6 weeks.`);
      expect(String(toSeeker!.args.text)).toContain("There's no need to answer: if you don't, nothing changes.");
      // Invariant 1: neither is shown the other's user id.
      expect(JSON.stringify(toSeeker!.args)).not.toContain(setup.listener.userId);
      expect(JSON.stringify(toListener!.args)).not.toContain(pairing.seekerId);
      // "Let's wrap up" asks first, in red; each answer has its own action id.
      const buttons = (toSeeker!.args.blocks as { elements?: { action_id: string; confirm?: { style?: string } }[] }[]).flatMap((b) => b.elements ?? []);
      expect(buttons.map((b) => b.action_id)).toEqual([CheckInIds.answer.keep_going, CheckInIds.answer.wrap_up]);
      expect(buttons[1]!.confirm?.style).toBe('danger');
      expect(buttons[0]!.confirm).toBeUndefined();

      // Never repeated: no next one, and nothing more in the weeks after, while the conversation goes on.
      expect(await world.db.checkIn.count({ where: { pairingId: pairing.id, kind: { in: ['seeker_review', 'listener_review'] }, sequence: { gt: 1 } } })).toBe(0);
      await days(30);
      expect(reviewsTo(pairing.seekerId)).toHaveLength(1);
      expect(reviewsTo(setup.listener.userId)).toHaveLength(1);
      // No answer keeps it going: the conversation is active, and its check-ins carry on.
      expect((await world.db.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).status).toBe('active');
      expect(postsTo(pairing.seekerId).filter(carries(CheckInIds.answer.helpful)).length).toBeGreaterThanOrEqual(5);
    });

    it('follows the initiative\'s number of weeks', async () => {
      const setup = await listenerIn({ reviewAfterWeeks: 2 });
      const pairing = await converse(setup);
      const review = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker_review' } });
      expect(review.dueAt.getTime()).toBe(clock.now().getTime() + 14 * DAY);
      await days(14);
      expect(reviewsTo(pairing.seekerId)[0]!.args.text).toBe(checkInCopy.reviewQuestion(english, pairing.listenerPseudonym, 2));
    });

    async function reviewed(setup: Setup) {
      const pairing = await converse(setup);
      await days(42);
      const rows = await world.db.checkIn.findMany({ where: { pairingId: pairing.id, kind: { in: ['seeker_review', 'listener_review'] }, status: 'sent' } });
      const seekerRow = rows.find((r) => r.kind === 'seeker_review')!;
      const listenerRow = rows.find((r) => r.kind === 'listener_review')!;
      expect(seekerRow && listenerRow).toBeTruthy();
      return { pairing, seekerRow, listenerRow };
    }

    it('"Keep going" is thanked and counted, and changes nothing', async () => {
      const setup = await listenerIn();
      const { pairing, seekerRow } = await reviewed(setup);
      const outboxBefore = await world.db.outboxMessage.count();
      const result = await answerCheckIn(deps(), { checkInId: seekerRow.id, userId: pairing.seekerId, answer: 'keep_going' });
      expect(result).toMatchObject({ kind: 'answered', answer: 'keep_going', ended: null, paused: false, outboxIds: [] });
      expect((await world.db.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).status).toBe('active');
      expect(await world.db.outboxMessage.count()).toBe(outboxBefore);
      expect((await world.db.checkIn.findUniqueOrThrow({ where: { id: seekerRow.id } })).answer).toBe('keep_going');
      expect(await counted(setup.initiative.id, 'checkin_keep_going')).toBe(1);
      expect(await world.db.checkIn.count({ where: { pairingId: pairing.id, kind: 'seeker', status: 'scheduled' } })).toBe(1);
    });

    it('"Let\'s wrap up" from the listener ends the conversation as planned: the request closes, both are told kindly, the listener is thanked', async () => {
      const setup = await listenerIn();
      const { pairing, listenerRow, seekerRow } = await reviewed(setup);
      const result = await answerCheckIn(deps(), { checkInId: listenerRow.id, userId: setup.listener.userId, answer: 'wrap_up' });
      expect(result.kind).toBe('answered');
      if (result.kind !== 'answered') return;
      expect(result.ended?.requeued).toBe(false);
      expect(await world.db.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).toMatchObject({ status: 'ended', endedBy: 'listener', endReason: 'planned' });
      expect(await world.db.supportRequest.findUniqueOrThrow({ where: { id: pairing.requestId } })).toMatchObject({ status: 'closed', closedReason: 'ended' });
      // Not put back in the queue: no offer, no waiting updates.
      expect(await world.db.checkIn.count({ where: { requestId: pairing.requestId, kind: 'waiting', status: { in: ['scheduled', 'sending'] } } })).toBe(0);
      expect(await world.db.offer.count({ where: { requestId: pairing.requestId, status: 'pending' } })).toBe(0);
      // The conversation's other check-ins are cancelled.
      expect(await world.db.checkIn.count({ where: { pairingId: pairing.id, status: 'scheduled' } })).toBe(0);

      const toSeeker = (await outboxTo(pairing.seekerId)).filter((m) => m.key.startsWith(`ended:${pairing.id}`));
      const toListener = (await outboxTo(setup.listener.userId)).filter((m) => m.key.startsWith(`ended:${pairing.id}`));
      expect(toSeeker.map((m) => m.text)).toEqual([english('pairings.end.plannedForSeeker')]);
      // The seeker's kind ending: the resources and "Did this help?".
      expect(toSeeker[0]!.json).toContain('"kindEnding":true');
      expect(toListener.map((m) => m.text)).toEqual([`${english('pairings.end.plannedByYou')}\n\n${pairingCopy.listenerThanks(english, pairing.seekerPseudonym)}`]);
      expect(toListener[0]!.json).not.toContain(pairing.seekerId);
      expect(await counted(setup.initiative.id, 'checkin_wrap_up')).toBe(1);

      // The seeker's own answer after that finds the conversation already over: counted, nothing more ends.
      const late = await answerCheckIn(deps(), { checkInId: seekerRow.id, userId: pairing.seekerId, answer: 'wrap_up' });
      expect(late).toMatchObject({ kind: 'answered', ended: null });
    });

    it('"Let\'s wrap up" from the seeker ends it for both, and the listener is thanked by pseudonym', async () => {
      const setup = await listenerIn();
      const { pairing, seekerRow } = await reviewed(setup);
      const result = await answerCheckIn(deps(), { checkInId: seekerRow.id, userId: pairing.seekerId, answer: 'wrap_up' });
      expect(result).toMatchObject({ kind: 'answered', ended: { requeued: false } });
      expect(await world.db.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).toMatchObject({ status: 'ended', endedBy: 'seeker', endReason: 'planned' });
      const toSeeker = (await outboxTo(pairing.seekerId)).filter((m) => m.key.startsWith(`ended:${pairing.id}`));
      const toListener = (await outboxTo(setup.listener.userId)).filter((m) => m.key.startsWith(`ended:${pairing.id}`));
      expect(toSeeker.map((m) => m.text)).toEqual([english('pairings.end.plannedByYou')]);
      expect(toListener.map((m) => m.text)).toEqual([`${english('pairings.end.plannedForListener')}\n\n${pairingCopy.listenerThanks(english, pairing.seekerPseudonym)}`]);
    });

    it('an answer must fit the question: no ending answer on a review, no review answer on a check-in, nobody else\'s', async () => {
      const setup = await listenerIn();
      const { pairing, seekerRow, listenerRow } = await reviewed(setup);
      const seekerCheckIn = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker', status: 'sent' } });
      expect(await answerCheckIn(deps(), { checkInId: seekerRow.id, userId: pairing.seekerId, answer: 'end' })).toEqual({ kind: 'already-answered' });
      expect(await answerCheckIn(deps(), { checkInId: seekerCheckIn.id, userId: pairing.seekerId, answer: 'wrap_up' })).toEqual({ kind: 'already-answered' });
      expect(await answerCheckIn(deps(), { checkInId: listenerRow.id, userId: pairing.seekerId, answer: 'wrap_up' })).toEqual({ kind: 'already-answered' });
      expect((await world.db.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).status).toBe('active');
    });

    it('a conversation that ended before its planned-ending question sends none', async () => {
      const setup = await listenerIn({ reviewAfterWeeks: 1 });
      const pairing = await converse(setup);
      await days(2);
      await endPairing(deps(), { pairingId: pairing.id, by: 'listener', reason: 'ended' });
      await days(10);
      expect(reviewsTo(pairing.seekerId)).toEqual([]);
      expect(reviewsTo(setup.listener.userId)).toEqual([]);
      expect(await world.db.checkIn.findMany({ where: { pairingId: pairing.id, kind: { in: ['seeker_review', 'listener_review'] } }, select: { status: true } })).toEqual([
        { status: 'cancelled' },
        { status: 'cancelled' },
      ]);
    });
  });

  // ---- The listener's thank-you ----------------------------------------------------------------------------

  describe('a thank-you to the listener when a conversation ends', () => {
    it('is in the listener\'s note for every ending but their own erasure', () => {
      const reasons: EndReason[] = ['ended', 'someone_else', 'listener_stopped', 'reported', 'erased', 'planned'];
      for (const reason of reasons) {
        for (const by of ['seeker', 'listener', 'system'] as const) {
          const note = endNotes(by, reason).listener;
          if (reason === 'erased' && by === 'listener') expect(note, `${reason} by ${by}`).toBeNull();
          else expect(endNoteText(english, 'listener', note!, 'quiet-otter'), `${reason} by ${by}`).toContain(pairingCopy.listenerThanks(english, 'quiet-otter'));
        }
      }
      expect(pairingCopy.listenerThanks(english, 'quiet-otter')).toBe('Thank you for being there for *a colleague (quiet-otter)*. Your listening mattered.');
    });

    it('reaches the listener when the seeker ends, and when the listener stops; not when the listener erases their data', async () => {
      const setup = await listenerIn({ capacity: 3 });
      const ended = await converse(setup);
      await endPairing(deps(), { pairingId: ended.id, by: 'seeker', reason: 'ended' });
      const [note] = (await outboxTo(setup.listener.userId)).filter((m) => m.key.startsWith(`ended:${ended.id}`));
      expect(note!.text).toBe(`${english('pairings.end.byOther')}\n\n${pairingCopy.listenerThanks(english, ended.seekerPseudonym)}`);

      const kept = await converse(setup);
      await stopListening(deps(), { workspaceId: setup.initiative.workspaceId, initiativeId: setup.initiative.id, userId: setup.listener.userId, surface: 'test' });
      const [stopNote] = (await outboxTo(setup.listener.userId)).filter((m) => m.key.startsWith(`ended:${kept.id}`));
      expect(stopNote!.text).toContain(pairingCopy.listenerThanks(english, kept.seekerPseudonym));
      // The seeker is found someone else, as before.
      expect((await world.db.supportRequest.findUniqueOrThrow({ where: { id: kept.requestId } })).status).toBe('waiting');

      const erasing = await listenerIn();
      const erased = await converse(erasing);
      await eraseMyData(deps(), erasing.initiative.workspaceId, erasing.listener.userId);
      expect(await world.db.outboxMessage.count({ where: { recipientId: erasing.listener.userId } })).toBe(0);
      // Their seeker is told kindly and looked after: their request waits for someone else.
      const toSeeker = (await outboxTo(erased.seekerId)).filter((m) => m.key.startsWith(`ended:${erased.id}`));
      expect(toSeeker.map((m) => m.text)).toEqual([english('pairings.end.listenerStoppedSeeker')]);
      expect((await world.db.supportRequest.findUniqueOrThrow({ where: { id: erased.requestId } })).status).toBe('waiting');
    });
  });
});
