import { english } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import { weekStart } from '../../../src/domain/weeks.js';
import { dispatchDueCheckIns } from '../../../src/features/check-ins/dispatcher.js';
import { answerOffer, expireOffers } from '../../../src/features/pairings/offers.js';
import * as copy from '../../../src/features/requests/copy.js';
import { RequestIds } from '../../../src/features/requests/ids.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { cancelRequest, createRequest } from '../../../src/features/requests/service.js';
import { tellWaiting, waitingEventAfterMatch } from '../../../src/features/requests/waiting.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import type { RecordedCall } from '../../../src/simulator/web-api.js';
import { serviceWorld } from '../../support/service-world.js';

// Never left waiting in silence (issue 14): a seeker hears at submit, whenever an offer is declined or
// times out (the same message, updated in place), a day later, and every few days after that; an
// estimate of the wait shows only once at least k matches exist. The clock is fixed and moved by hand.

const HOUR = 3_600_000;

describe.each(TEST_PROVIDERS)('the waiting message on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z' }); // Monday
  const { clock, deps } = world;

  async function setUp(listeners: number) {
    const initiative = await makeInitiative(world.db, { offerTimeoutHours: 4 });
    const topicId = initiative.topics[0]!.id;
    const made = [];
    for (let i = 0; i < listeners; i++) made.push(await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 }));
    const seekerId = `USEEK${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    world.slack.addUser({ id: seekerId, tz: 'Europe/London' });
    return { initiative, topicId, listeners: made, seekerId };
  }

  /** The request the seeker's form stores, committed before anything is matched. */
  async function stored(s: Awaited<ReturnType<typeof setUp>>) {
    return createRequest(deps(), {
      workspaceId: s.initiative.workspaceId,
      initiativeId: s.initiative.id,
      seekerId: s.seekerId,
      topicId: s.topicId,
      note: null,
      language: null,
      sameTimezone: false,
      seekerTimezone: null,
    });
  }

  /** What the submit listener does after the form closes: match, then tell the seeker. */
  async function submit(s: Awaited<ReturnType<typeof setUp>>) {
    const { requestId } = await stored(s);
    const matched = await matchRequest(deps(), requestId);
    const told = await tellWaiting(deps(), { requestId, event: matched.kind === 'offered' ? 'received' : 'no-listener' });
    await send([...(matched.kind === 'offered' ? matched.outboxIds : []), ...told]);
    return { requestId, matched };
  }

  const send = (ids: string[]) => sendOutbox(world.sender, deps(), { owner: 'test', ids });
  const postsTo = (userId: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
  const updatesOf = (ts: string | null) => world.slack.callsTo('chat.update').filter((c) => c.args.ts === ts);
  const json = (c: RecordedCall) => JSON.stringify(c.args.blocks);
  const request = (id: string) => world.db.supportRequest.findUniqueOrThrow({ where: { id } });

  it('a waiting seeker hears at submit, after a decline and a timeout (the same message, updated), at 24 hours and every 3 days', async () => {
    const s = await setUp(2);
    const { requestId, matched } = await submit(s);
    if (matched.kind !== 'offered') throw new Error('no offer');

    // At submit: one message, with the resources and a Cancel button; its place is recorded.
    expect(postsTo(s.seekerId)).toHaveLength(1);
    const posted = postsTo(s.seekerId)[0]!;
    expect(posted.args.text).toBe(copy.requestReceived(english, s.initiative.topics[0]!.label));
    expect(json(posted)).toContain(RequestIds.cancelButton);
    expect(json(posted)).toContain('0800 000 000');
    const { waitingChannel, waitingMessageTs } = await request(requestId);
    expect(waitingChannel).not.toBeNull();
    expect(waitingMessageTs).not.toBeNull();

    // The listener declines: the same message says so at once.
    const first = s.listeners.find((l) => l.id === matched.offer.listenerId)!;
    const declined = await answerOffer(deps(), { offerId: matched.offer.offerId, userId: first.userId, accept: false });
    if (declined.kind !== 'declined') throw new Error('not declined');
    await send(declined.outboxIds);
    expect(updatesOf(waitingMessageTs)).toHaveLength(1);
    expect(updatesOf(waitingMessageTs)[0]!.args).toMatchObject({ channel: waitingChannel, text: english('waiting.offerNotTaken') });
    expect(json(updatesOf(waitingMessageTs)[0]!)).toContain(RequestIds.cancelButton);

    // The next listener lets the offer time out: updated again; nobody is left, so "still looking".
    const second = await matchRequest(deps(), requestId);
    if (second.kind !== 'offered') throw new Error('no second offer');
    await send(second.outboxIds);
    clock.advance(4 * HOUR);
    const expired = await expireOffers(deps());
    await send(expired.outboxIds);
    expect(updatesOf(waitingMessageTs)).toHaveLength(2);
    expect(updatesOf(waitingMessageTs)[1]!.args.text).toBe(english('waiting.offerNotTaken'));
    expect((await matchRequest(deps(), requestId)).kind).toBe('waiting');
    await send(await tellWaiting(deps(), { requestId, event: 'still-looking' }));
    expect(updatesOf(waitingMessageTs)).toHaveLength(3);
    expect(updatesOf(waitingMessageTs)[2]!.args.text).toBe(english('waiting.stillLooking'));
    // Never a second waiting message: everything above was an update.
    expect(postsTo(s.seekerId)).toHaveLength(1);

    // A day after asking comes a waiting update, then one every 3 days (waitingUpdateEveryDays).
    const updates = () => postsTo(s.seekerId).filter((c) => c.args.text === english('checkIns.waitingUpdate'));
    clock.set('2026-03-03T09:59:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(updates()).toHaveLength(0);
    clock.set('2026-03-03T10:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(updates()).toHaveLength(1);
    expect(json(updates()[0]!)).toContain(RequestIds.cancelButton);
    clock.set('2026-03-06T09:59:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(updates()).toHaveLength(1);
    clock.set('2026-03-06T10:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(updates()).toHaveLength(2);
    clock.set('2026-03-09T10:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(updates()).toHaveLength(3);

    // Cancelled: the waiting message says so, and offers no Cancel button any more.
    const cancelled = await cancelRequest(deps(), { requestId, seekerId: s.seekerId });
    if (cancelled.kind !== 'cancelled') throw new Error('not cancelled');
    await send(cancelled.outboxIds);
    const last = updatesOf(waitingMessageTs).at(-1)!;
    expect(last.args.text).toBe(english('waiting.cancelled'));
    expect(json(last)).not.toContain(RequestIds.cancelButton);
  });

  it('says someone was asked when a sweep offered the new request before its submitter could, never "nobody yet"', async () => {
    const s = await setUp(1);
    const { requestId } = await stored(s);
    // A scheduler's sweep (here or on another replica) runs between the commit and the submitter's match.
    const swept = await matchWaitingRequests(deps(), s.initiative.id);
    expect(swept.offers.map((o) => o.requestId)).toEqual([requestId]);
    const matched = await matchRequest(deps(), requestId);
    expect(matched.kind).toBe('not-waiting');
    await send([...swept.outboxIds, ...(await tellWaiting(deps(), { requestId, event: waitingEventAfterMatch(matched) }))]);
    expect(postsTo(s.seekerId).map((c) => c.args.text)).toEqual([copy.requestReceived(english, s.initiative.topics[0]!.label)]);
    expect(postsTo(s.listeners[0]!.userId)).toHaveLength(1);
  });

  it('shows an estimate ("usually within N hours") only once at least k past matches exist, and says so when paired', async () => {
    const s = await setUp(0);
    const k = s.initiative.minGroupSize;
    const minutes = [30, 90, 150, 200, 600, 900, 1200].slice(0, k);
    const matchTimes = (values: number[]) =>
      world.db.matchTime.createMany({ data: values.map((m) => ({ initiativeId: s.initiative.id, weekStart: weekStart(clock.now()), minutes: m })) });

    // k - 1 past matches: no figure that could describe a few people's waits.
    await matchTimes(minutes.slice(0, k - 1));
    const { requestId } = await submit(s);
    const posted = postsTo(s.seekerId)[0]!;
    expect(posted.args.text).toBe(copy.noListenerYet(english, s.initiative.topics[0]!.label));
    expect(json(posted)).not.toContain('usually');

    // The k-th match: the median, rounded up to whole hours, appears in the next update.
    await matchTimes(minutes.slice(k - 1));
    const sorted = [...minutes].sort((a, b) => a - b);
    const hours = Math.ceil(sorted[Math.ceil(sorted.length / 2) - 1]! / 60);
    await send(await tellWaiting(deps(), { requestId, event: 'still-looking' }));
    const { waitingMessageTs } = await request(requestId);
    expect(json(updatesOf(waitingMessageTs)[0]!)).toContain(english('waiting.estimate', { hours }));

    // A listener joins and says yes: the waiting message says so, with no Cancel button.
    const listener = await makeListener(world.db, { initiativeId: s.initiative.id, topicIds: [s.topicId], capacity: 1 });
    const offered = await matchRequest(deps(), requestId);
    if (offered.kind !== 'offered') throw new Error('no offer');
    const paired = await answerOffer(deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
    if (paired.kind !== 'paired') throw new Error('not paired');
    await send(paired.outboxIds);
    const last = updatesOf(waitingMessageTs).at(-1)!;
    expect(last.args.text).toBe(english('waiting.paired'));
    expect(json(last)).not.toContain(RequestIds.cancelButton);
  });
});
