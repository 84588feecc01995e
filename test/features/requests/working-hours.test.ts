import { english } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import { effects } from '../../../src/effects/effects.js';
import { createEffectRunner } from '../../../src/effects/run-effects.js';
import { answerOffer } from '../../../src/features/pairings/offers.js';
import * as copy from '../../../src/features/requests/copy.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { tellWaiting, waitingEventAfterMatch } from '../../../src/features/requests/waiting.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';

// Issue 15: a listener is offered a request only within their working hours and outside their quiet
// hours, in their own timezone. When hours are all that stand in the way, the request waits, the seeker
// is told so honestly, and the scheduler's sweep offers it once a listener's day begins. In March 2026
// Berlin is UTC+1, so 20:00 there is 19:00Z.

const OFFICE = { days: '1,2,3,4,5', start: '09:00', end: '18:00' };
const WEDNESDAY_20_00_BERLIN = '2026-03-04T19:00:00Z';
const THURSDAY_09_00_BERLIN = '2026-03-05T08:00:00Z';
const SATURDAY_10_00_BERLIN = '2026-03-07T09:00:00Z';
const MONDAY_08_59_BERLIN = '2026-03-09T07:59:00Z';
const MONDAY_09_00_BERLIN = '2026-03-09T08:00:00Z';

describe.each(TEST_PROVIDERS)('working hours for offers on %s', (provider) => {
  const world = serviceWorld(provider, { start: WEDNESDAY_20_00_BERLIN });
  const { clock, deps } = world;

  async function setUp(listeners: { timezone: string; work: typeof OFFICE; quiet?: [string, string] }[]) {
    const initiative = await makeInitiative(world.db);
    const topicId = initiative.topics[0]!.id;
    const made = [];
    for (const l of listeners) {
      const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], timezone: l.timezone, work: l.work });
      if (l.quiet) await world.db.listenerProfile.update({ where: { id: listener.id }, data: { quietHoursStart: l.quiet[0], quietHoursEnd: l.quiet[1] } });
      made.push(listener);
    }
    const seekerId = `USEEK${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    world.slack.addUser({ id: seekerId, tz: 'Europe/London' });
    return { initiative, topicId, topic: initiative.topics[0]!.label, listeners: made, seekerId };
  }

  const send = (ids: string[]) => sendOutbox(world.sender, deps(), { owner: 'test', ids });

  /** What the request form's submission does after it closed: match, then tell the seeker. */
  async function ask(s: Awaited<ReturnType<typeof setUp>>) {
    const { requestId } = await createRequest(deps(), {
      workspaceId: s.initiative.workspaceId,
      initiativeId: s.initiative.id,
      seekerId: s.seekerId,
      topicId: s.topicId,
      note: null,
      language: null,
      sameTimezone: false,
      seekerTimezone: null,
    });
    const matched = await matchRequest(deps(), requestId);
    const told = await tellWaiting(deps(), { requestId, event: waitingEventAfterMatch(matched) });
    await send([...(matched.kind === 'offered' ? matched.outboxIds : []), ...told]);
    return { requestId, matched };
  }

  /** The events of the seeker's waiting-message rows for a request, oldest first. */
  async function waitingEvents(requestId: string): Promise<string[]> {
    const rows = await world.db.outboxMessage.findMany({ where: { subjectId: requestId, kind: 'waiting' }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => (JSON.parse(r.args) as { event: string }).event);
  }

  const offersOf = (requestId: string) => world.db.offer.findMany({ where: { requestId } });
  const seekerPosts = (seekerId: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === seekerId);

  async function expectWaitingForHours(s: Awaited<ReturnType<typeof setUp>>, requestId: string, matched: Awaited<ReturnType<typeof ask>>['matched']) {
    expect(matched).toEqual({ kind: 'waiting', offHours: true });
    expect(await offersOf(requestId)).toEqual([]);
    expect((await world.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('waiting');
    expect(await waitingEvents(requestId)).toEqual(['off-hours']);
    // The seeker reads why, with the resources, rather than a silent wait.
    const posted = seekerPosts(s.seekerId);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args.text).toBe(copy.listenersOffHours(english, s.topic));
    expect(JSON.stringify(posted[0]!.args.blocks)).toContain('0800 000 000');
  }

  it('on a Wednesday at 20:00 in Berlin nobody is offered it; at 09:00 the next morning the sweep offers it', async () => {
    clock.set(WEDNESDAY_20_00_BERLIN);
    const s = await setUp([{ timezone: 'Europe/Berlin', work: OFFICE }]);
    const { requestId, matched } = await ask(s);
    await expectWaitingForHours(s, requestId, matched);

    // The sweep at night changes nothing.
    expect((await matchWaitingRequests(deps(), s.initiative.id)).offers).toEqual([]);
    clock.set(THURSDAY_09_00_BERLIN);
    const swept = await matchWaitingRequests(deps(), s.initiative.id);
    expect(swept.offers).toEqual([expect.objectContaining({ requestId, listenerId: s.listeners[0]!.id })]);
    expect((await world.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('offered');
  });

  it('on a Saturday at 10:00 nobody is offered it, nor at 08:59 on Monday; at 09:00 on Monday it is', async () => {
    clock.set(SATURDAY_10_00_BERLIN);
    const s = await setUp([{ timezone: 'Europe/Berlin', work: OFFICE }]);
    const { requestId, matched } = await ask(s);
    await expectWaitingForHours(s, requestId, matched);

    clock.set(MONDAY_08_59_BERLIN);
    expect((await matchWaitingRequests(deps(), s.initiative.id)).offers).toEqual([]);
    clock.set(MONDAY_09_00_BERLIN);
    const swept = await matchWaitingRequests(deps(), s.initiative.id);
    expect(swept.offers.map((o) => o.requestId)).toEqual([requestId]);
    // The offer itself goes out from the outbox to the listener.
    await send(swept.outboxIds);
    expect(world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === s.listeners[0]!.userId)).toHaveLength(1);
  });

  it('quiet hours inside working hours keep offers away too, until they end', async () => {
    clock.set('2026-03-04T11:30:00Z'); // Wednesday 12:30 in Berlin
    const s = await setUp([{ timezone: 'Europe/Berlin', work: OFFICE, quiet: ['12:00', '13:00'] }]);
    const { requestId, matched } = await ask(s);
    await expectWaitingForHours(s, requestId, matched);

    clock.set('2026-03-04T12:00:00Z'); // 13:00: quiet hours are over
    expect((await matchWaitingRequests(deps(), s.initiative.id)).offers.map((o) => o.requestId)).toEqual([requestId]);
  });

  it('goes at once to a listener whose day it is, while another\'s is over', async () => {
    clock.set(WEDNESDAY_20_00_BERLIN); // 14:00 in New York
    const s = await setUp([
      { timezone: 'Europe/Berlin', work: OFFICE },
      { timezone: 'America/New_York', work: OFFICE },
    ]);
    const { requestId, matched } = await ask(s);
    expect(matched.kind === 'offered' && matched.offer.listenerId).toBe(s.listeners[1]!.id);
    expect(await waitingEvents(requestId)).toEqual(['received']);
  });

  it('says "no listener free" rather than "outside their hours" when nobody could take it at any hour', async () => {
    clock.set(WEDNESDAY_20_00_BERLIN);
    const s = await setUp([{ timezone: 'Europe/Berlin', work: OFFICE }]);
    await world.db.listenerProfile.update({ where: { id: s.listeners[0]!.id }, data: { status: 'paused' } });
    const { requestId, matched } = await ask(s);
    expect(matched).toEqual({ kind: 'waiting', offHours: false });
    expect(await waitingEvents(requestId)).toEqual(['no-listener']);
    expect(seekerPosts(s.seekerId)[0]!.args.text).toBe(copy.noListenerYet(english, s.topic));
  });

  it('after a decline in the evening, the seeker hears the others are outside their hours (the rematch path)', async () => {
    clock.set('2026-03-04T16:30:00Z'); // Wednesday 17:30 in Berlin: both listeners are working
    const s = await setUp([
      { timezone: 'Europe/Berlin', work: OFFICE },
      { timezone: 'Europe/Berlin', work: OFFICE },
    ]);
    const { requestId, matched } = await ask(s);
    if (matched.kind !== 'offered') throw new Error('no offer');
    const request = await world.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } });

    clock.set('2026-03-04T17:30:00Z'); // 18:30: the first declines after the other's day has ended
    const asked = s.listeners.find((l) => l.id === matched.offer.listenerId)!;
    const declined = await answerOffer(deps(), { offerId: matched.offer.offerId, userId: asked.userId, accept: false });
    if (declined.kind !== 'declined') throw new Error('not declined');
    await send(declined.outboxIds);
    await createEffectRunner({ ...deps(), sender: world.sender, owner: 'test' }).run([effects.rematchRequest(requestId)]);

    expect(await offersOf(requestId)).toHaveLength(1);
    expect(await waitingEvents(requestId)).toEqual(['received', 'declined', 'off-hours']);
    const updates = world.slack.callsTo('chat.update').filter((c) => c.args.ts === request.waitingMessageTs);
    expect(updates.map((c) => c.args.text)).toEqual([english('waiting.offerNotTaken'), copy.listenersOffHours(english, s.topic)]);

    clock.set(THURSDAY_09_00_BERLIN);
    const swept = await matchWaitingRequests(deps(), s.initiative.id);
    expect(swept.offers.map((o) => o.listenerId)).toEqual(s.listeners.filter((l) => l.id !== asked.id).map((l) => l.id));
  });
});
