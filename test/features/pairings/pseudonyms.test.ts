import { describe, expect, it } from 'vitest';
import { PSEUDONYM_NAMES, type Random } from '../../../src/domain/pseudonyms.js';
import { answerOffer, getOffer } from '../../../src/features/pairings/offers.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';

// One listener, several conversations (DESIGN.md invariant 1: both sides appear by pseudonym only). A
// listener never sees two seekers under one name, nor a seeker under their own name: a request's
// pseudonym that clashes with what the listener already sees is re-picked when the offer is made (no
// pairing exists yet, so the seeker has been told no name), and the listener's own pseudonym, picked
// at accept, avoids every seeker's. Clashes are forced with a random source that always draws the
// same index, so every pick starts from the first free name.

const always = (r: number): Random => () => r;
/** A source that draws `name` from the full list of names (a pick that avoids nothing). */
const drawing = (name: string): Random => always((PSEUDONYM_NAMES.indexOf(name) + 0.5) / PSEUDONYM_NAMES.length);

describe.each(TEST_PROVIDERS)('pseudonyms of one listener on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z' });
  const deps = (random: Random) => ({ ...world.deps(), random });

  async function setUp(capacity: number) {
    const initiative = await makeInitiative(world.db);
    const topicId = initiative.topics[0]!.id;
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity });
    let seekers = 0;
    /** A request whose seeker pseudonym is `name`, as the request form would make it. */
    const ask = async (name: string) => {
      seekers += 1;
      const seekerId = `U0PS${provider.slice(0, 2).toUpperCase()}${seekers}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
      const { requestId } = await createRequest(deps(drawing(name)), {
        workspaceId: initiative.workspaceId,
        initiativeId: initiative.id,
        seekerId,
        topicId,
        note: null,
        language: null,
        sameTimezone: false,
        seekerTimezone: null,
      });
      expect((await world.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } })).seekerPseudonym).toBe(name);
      return requestId;
    };
    const offerAndAccept = async (requestId: string, random: Random) => {
      const offered = await matchRequest(deps(random), requestId);
      if (offered.kind !== 'offered') throw new Error(`not offered: ${offered.kind}`);
      const answer = await answerOffer(deps(random), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
      if (answer.kind !== 'paired') throw new Error(`not paired: ${answer.kind}`);
      return answer.pairing;
    };
    return { initiative, listener, ask, offerAndAccept };
  }

  const requestName = async (requestId: string) => (await world.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } })).seekerPseudonym;

  it('a request whose pseudonym is already one of the listener\'s seekers is offered to them under another name, in the row and in the offer sent', async () => {
    const { listener, ask, offerAndAccept } = await setUp(3);
    const first = await offerAndAccept(await ask('Otter'), drawing('Otter'));
    expect(first.seekerPseudonym).toBe('Otter');

    const second = await ask('Otter');
    const offered = await matchRequest(deps(always(0)), second);
    if (offered.kind !== 'offered') throw new Error('no offer');
    const renamed = await requestName(second);
    expect(renamed).not.toBe('Otter');
    expect(renamed).not.toBe(first.listenerPseudonym);
    expect((await getOffer(world.db, offered.offer.offerId))!.seekerPseudonym).toBe(renamed);

    // The offer message is rendered from the row when it is sent: the listener reads the new name.
    await sendOutbox(world.sender, world.deps(), { owner: 'test', ids: offered.outboxIds });
    const sent = world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === listener.userId);
    expect(sent).toHaveLength(1);
    const message = JSON.stringify(sent[0]!.args.blocks);
    expect(message).toContain(`a colleague (${renamed})`);
    expect(message).not.toContain('(Otter)');

    // Accepted, the pairing keeps that name; the listener's own differs from both seekers'.
    const answer = await answerOffer(deps(always(0)), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
    if (answer.kind !== 'paired') throw new Error('not paired');
    expect(answer.pairing.seekerPseudonym).toBe(renamed);
    expect(['Otter', renamed]).not.toContain(answer.pairing.listenerPseudonym);
  });

  it('a request named like the listener\'s own pseudonym in another conversation is re-picked', async () => {
    const { ask, offerAndAccept } = await setUp(2);
    const first = await offerAndAccept(await ask('Otter'), always(0));
    // Drawing index 0 among the names other than Otter gives the listener the next one.
    expect(first.listenerPseudonym).toBe('Heron');
    const second = await ask('Heron');
    expect((await matchRequest(deps(always(0)), second)).kind).toBe('offered');
    expect(['Otter', 'Heron']).not.toContain(await requestName(second));
  });

  it('a request that clashes with nothing keeps its pseudonym', async () => {
    const { ask, offerAndAccept } = await setUp(2);
    await offerAndAccept(await ask('Otter'), always(0));
    const second = await ask('Fox');
    expect((await matchRequest(deps(always(0)), second)).kind).toBe('offered');
    expect(await requestName(second)).toBe('Fox');
  });

  it('a sweep offering many requests to one listener gives them all different names, keeping the first of each and avoiding pending offers', async () => {
    const { initiative, listener, ask, offerAndAccept } = await setUp(7);
    const active = await offerAndAccept(await ask('Otter'), always(0));
    expect(active.listenerPseudonym).toBe('Heron');
    // A pending offer the listener has not answered yet.
    const pending = await ask('Wren');
    expect((await matchRequest(deps(always(0)), pending)).kind).toBe('offered');

    const waiting = [await ask('Otter'), await ask('Heron'), await ask('Wren'), await ask('Fox'), await ask('Fox')];
    const swept = await matchWaitingRequests(deps(always(0)), initiative.id);
    expect(swept.offers.map((o) => o.requestId).sort()).toEqual([...waiting].sort());
    expect(swept.offers.every((o) => o.listenerId === listener.id)).toBe(true);

    const names = await Promise.all(waiting.map(requestName));
    // Seven names the listener sees now: one active seeker, their own, one pending, five new; all different.
    expect(new Set(['Otter', 'Heron', 'Wren', ...names]).size).toBe(8);
    // Only clashes were renamed: the first Fox of the sweep kept its name, the second did not.
    expect(names[3]).toBe('Fox');
    expect(names[4]).not.toBe('Fox');
    for (const o of swept.offers) expect((await getOffer(world.db, o.offerId))!.seekerPseudonym).toBe(await requestName(o.requestId));
  });

  it('the listener\'s pseudonym never equals any of their seekers\', however the draws fall', async () => {
    const { listener, ask, offerAndAccept } = await setUp(4);
    // Every draw lands on the same index, so without the avoid-sets all four pairings would share names.
    for (const name of ['Otter', 'Heron', 'Badger', 'Wren']) await offerAndAccept(await ask(name), always(0));
    const pairings = await world.db.pairing.findMany({ where: { listenerId: listener.id, status: 'active' } });
    expect(pairings).toHaveLength(4);
    const seekerNames = pairings.map((p) => p.seekerPseudonym);
    expect(new Set(seekerNames).size).toBe(4);
    for (const p of pairings) expect(seekerNames).not.toContain(p.listenerPseudonym);
  });

  it('a listener in two initiatives sees one DM: a request in the second is not named like a seeker in the first', async () => {
    const first = await setUp(1);
    await first.offerAndAccept(await first.ask('Otter'), always(0));
    const initiative = await makeInitiative(world.db, { workspaceId: first.initiative.workspaceId });
    const topicId = initiative.topics[0]!.id;
    await makeListener(world.db, { initiativeId: initiative.id, userId: first.listener.userId, topicIds: [topicId], capacity: 1 });
    const { requestId } = await createRequest(deps(drawing('Otter')), {
      workspaceId: initiative.workspaceId,
      initiativeId: initiative.id,
      seekerId: `U0PSX${provider.slice(0, 2).toUpperCase()}`,
      topicId,
      note: null,
      language: null,
      sameTimezone: false,
      seekerTimezone: null,
    });
    expect(await requestName(requestId)).toBe('Otter');
    expect((await matchWaitingRequests(deps(always(0)), initiative.id)).offers).toHaveLength(1);
    expect(['Otter', 'Heron']).not.toContain(await requestName(requestId));
  });
});
