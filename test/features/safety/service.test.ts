import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadResources, loadSafetyNet } from '../../../src/features/safety/service.js';
import { openRequestsOf } from '../../../src/features/requests/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeRequest } from '../../support/factories.js';

// The safety net's one statement (initiatives joined with the person's open requests, issue 17) must
// show what loadResources and openRequestsOf show on their own.

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
    expect(net.resources[1]).toEqual({ id: b.id, name: 'Second', resources: 'Call B' });
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
  });
});
