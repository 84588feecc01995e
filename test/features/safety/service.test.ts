import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { activePairingsOf } from '../../../src/features/pairings/service.js';
import { readMessageContext } from '../../../src/features/relay/service.js';
import { loadResources, safetyNetOf } from '../../../src/features/safety/service.js';
import { openRequestsOf } from '../../../src/features/requests/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';

// The one statement read for every message written to the app (issue 17): the workspace's initiatives
// joined with the person's open requests (the safety net) and their active pairings (the route). It
// must show what loadResources, openRequestsOf and activePairingsOf show on their own.

async function loadSafetyNet(db: Db, workspaceId: string, userId: string) {
  return safetyNetOf(db, (await readMessageContext(db, workspaceId, userId)).safetyNet, workspaceId, userId);
}

describe.each(TEST_PROVIDERS)('the safety net on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('shows the resources of the initiatives the person asked in, and their open requests oldest first with topics', async () => {
    const a = await makeInitiative(database.db);
    const b = await makeInitiative(database.db, { workspaceId: a.workspaceId });
    const c = await makeInitiative(database.db, { workspaceId: a.workspaceId });
    const elsewhere = await makeInitiative(database.db);
    await database.db.initiative.update({ where: { id: b.id }, data: { name: 'Second', resources: 'Call B', crisisWords: 'hopeless' } });
    const seeker = 'U0NETSEEK1';
    await makeRequest(database.db, { initiativeId: b.id, seekerId: seeker, status: 'offered', topicId: b.topics[1]!.id, createdAt: new Date('2026-03-02T09:00:00Z') });
    await makeRequest(database.db, { initiativeId: a.id, seekerId: seeker, status: 'waiting', createdAt: new Date('2026-03-01T09:00:00Z') });
    await makeRequest(database.db, { initiativeId: a.id, seekerId: seeker, status: 'closed', createdAt: new Date('2026-02-01T09:00:00Z') });
    await makeRequest(database.db, { initiativeId: a.id, seekerId: 'U0SOMEONE1', status: 'waiting' });
    await makeRequest(database.db, { initiativeId: elsewhere.id, seekerId: seeker, status: 'waiting' });

    const net = await loadSafetyNet(database.db, a.workspaceId, seeker);
    expect(net.resources.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(net.resources[1]).toEqual({ id: b.id, name: 'Second', resources: 'Call B', texts: '{}' });
    expect(net.crisisWords).toContain('hopeless');
    expect(net.requests.map((r) => [r.initiativeId, r.status, r.topic])).toEqual([
      [a.id, 'waiting', null],
      [b.id, 'offered', 'Bereavement'],
    ]);
    expect(net.requests[0]!.createdAt).toEqual(new Date('2026-03-01T09:00:00Z'));
    // The same as the two reads it replaces.
    const alone = await loadResources(database.db, a.workspaceId, seeker);
    expect({ resources: net.resources, crisisWords: net.crisisWords }).toEqual(alone);
    expect(net.requests).toEqual(await openRequestsOf(database.db, a.workspaceId, seeker));

    // Someone with nothing open: every initiative's resources, no requests.
    const nobody = await loadSafetyNet(database.db, a.workspaceId, 'U0NOBODY01');
    expect(nobody.resources.map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(nobody.requests).toEqual([]);
    expect(await loadSafetyNet(database.db, 'T0NOWHERE', seeker)).toMatchObject({ resources: [], requests: [] });
    expect((await readMessageContext(database.db, a.workspaceId, seeker)).mine).toEqual([]);
  });

  it("finds the person's active pairings on either side, oldest first, as activePairingsOf does, beside their open requests", async () => {
    const a = await makeInitiative(database.db);
    const b = await makeInitiative(database.db, { workspaceId: a.workspaceId });
    const elsewhere = await makeInitiative(database.db);
    const person = 'U0BOTHSID1';
    const asListenerA = await makeListener(database.db, { initiativeId: a.id, userId: person, topicIds: [a.topics[0]!.id] });
    const otherListener = await makeListener(database.db, { initiativeId: b.id, userId: 'U0OTHERL01', topicIds: [b.topics[0]!.id] });
    const pair = async (initiativeId: string, seekerId: string, listener: { id: string; userId: string }, startedAt: string, endedAt?: string) => {
      const request = await makeRequest(database.db, { initiativeId, seekerId, status: 'matched' });
      return makePairing(database.db, { request, listener, startedAt: new Date(startedAt), ...(endedAt ? { endedAt: new Date(endedAt) } : {}) });
    };
    const second = await pair(a.id, 'U0SEEKERA1', asListenerA, '2026-03-03T09:00:00Z');
    const first = await pair(a.id, 'U0SEEKERA2', asListenerA, '2026-03-01T09:00:00Z');
    const asSeeker = await pair(b.id, person, otherListener, '2026-03-02T09:00:00Z');
    await pair(a.id, 'U0SEEKERA3', asListenerA, '2026-02-01T09:00:00Z', '2026-02-10T09:00:00Z');
    const elsewhereListener = await makeListener(database.db, { initiativeId: elsewhere.id, userId: person, topicIds: [elsewhere.topics[0]!.id] });
    await pair(elsewhere.id, 'U0SEEKERE1', elsewhereListener, '2026-03-01T08:00:00Z');
    await makeRequest(database.db, { initiativeId: b.id, seekerId: person, status: 'waiting', createdAt: new Date('2026-03-04T09:00:00Z') });

    const read = await readMessageContext(database.db, a.workspaceId, person);
    expect(read.mine.map(({ pairing, side }) => [pairing.id, side])).toEqual([
      [first.id, 'listener'],
      [asSeeker.id, 'seeker'],
      [second.id, 'listener'],
    ]);
    expect(read.mine).toEqual(await activePairingsOf(database.db, a.workspaceId, person));
    // Three pairings and an open request share rows: each is read once.
    const net = await safetyNetOf(database.db, read.safetyNet, a.workspaceId, person);
    expect(net.requests).toEqual(await openRequestsOf(database.db, a.workspaceId, person));
    expect(net.requests).toHaveLength(1);
    expect({ resources: net.resources, crisisWords: net.crisisWords }).toEqual(await loadResources(database.db, a.workspaceId, person));
  });
});
