import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Db } from '../../../src/db/client.js';
import { loadHome } from '../../../src/features/home/publish.js';
import { renderHome } from '../../../src/features/home/views.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';
import { countingQueries } from '../../support/counting-queries.js';

// What a Home shows, read from a real database of each kind on a fixed clock (issue 15): a listener's
// own conversations by pseudonym with how long each has run, their coordinators; a coordinator's view
// of each listener's load and the requests waiting by topic and age. Never a seeker's id for either
// (DESIGN.md invariants 1 and 5), and a fixed number of queries however many listeners there are.

const NOW = new Date('2026-12-03T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);


describe.each(TEST_PROVIDERS)('loadHome on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = fixedClock(NOW);
  const logger = createLogger('silent');
  const deps = (db: Db = database.db) => ({ db, clock, logger });

  const COORDINATOR = 'U0COORDH01';
  const SECOND_COORDINATOR = 'U0COORDH02';
  const LISTENER = 'U0LISTENH1';
  const SEEKERS = ['U0SEEKH001', 'U0SEEKH002', 'U0SEEKH003'];
  const WAITING_SEEKERS = ['U0WAITH001', 'U0WAITH002', 'U0WAITH003', 'U0WAITH004', 'U0WAITH005'];
  let initiative: Awaited<ReturnType<typeof makeInitiative>>;
  let profileId: string;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
    const db = database.db;
    initiative = await makeInitiative(db, { coordinatorId: COORDINATOR, topics: ['Anxiety', 'Bereavement', 'Parenting'] });
    await db.initiativeMember.create({ data: { initiativeId: initiative.id, userId: SECOND_COORDINATOR, role: 'coordinator' } });
    const [anxiety, bereavement] = initiative.topics;
    const listener = await makeListener(db, { initiativeId: initiative.id, userId: LISTENER, topicIds: [anxiety!.id, bereavement!.id], capacity: 2 });
    profileId = listener.id;
    await db.listenerProfile.update({ where: { id: listener.id }, data: { quietHoursStart: '22:00', quietHoursEnd: '07:00' } });
    // Two conversations going on, one ended.
    const starts = [ago(12 * DAY + 2 * HOUR), ago(5 * HOUR + 10 * 60_000), ago(30 * DAY)];
    for (const [i, seekerId] of SEEKERS.entries()) {
      const request = await makeRequest(db, { initiativeId: initiative.id, seekerId, status: i === 2 ? 'closed' : 'paired', createdAt: starts[i]!, topicId: anxiety!.id });
      const pairing = await makePairing(db, { request, listener, startedAt: starts[i]!, endedAt: i === 2 ? ago(20 * DAY) : null });
      await db.pairing.update({ where: { id: pairing.id }, data: { seekerPseudonym: ['Otter', 'Wren', 'Badger'][i]! } });
    }
    // Waiting: Anxiety three (one on offer), Bereavement one; a cancelled request is not waiting.
    const waiting: [string, string, Date, string][] = [
      [WAITING_SEEKERS[0]!, anxiety!.id, ago(2 * DAY + 3 * HOUR), 'waiting'],
      [WAITING_SEEKERS[1]!, anxiety!.id, ago(HOUR * 7), 'offered'],
      [WAITING_SEEKERS[2]!, anxiety!.id, ago(HOUR), 'waiting'],
      [WAITING_SEEKERS[3]!, bereavement!.id, ago(5 * HOUR), 'waiting'],
      [WAITING_SEEKERS[4]!, bereavement!.id, ago(9 * DAY), 'closed'],
    ];
    for (const [seekerId, topicId, createdAt, status] of waiting) await makeRequest(db, { initiativeId: initiative.id, seekerId, topicId, createdAt, status });
    // Another listener, paused after three unanswered offers, and one paused until a date.
    await db.listenerProfile.update({
      where: { id: (await makeListener(db, { initiativeId: initiative.id, userId: 'U0LISTENH2', topicIds: [anxiety!.id], status: 'paused' })).id },
      data: { pauseReason: 'no_answer' },
    });
    await db.listenerProfile.update({
      where: { id: (await makeListener(db, { initiativeId: initiative.id, userId: 'U0LISTENH3', topicIds: [anxiety!.id], status: 'paused' })).id },
      data: { pauseReason: 'self', pausedUntil: new Date('2026-12-14T00:00:00Z') },
    });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("a listener's Home: the two active conversations by pseudonym with how long each has run, and their coordinators", async () => {
    const model = await loadHome(deps(), initiative.workspaceId, LISTENER);
    expect(model.now).toEqual(NOW);
    expect(model.conversations.map((c) => ({ pseudonym: c.seekerPseudonym, listenerId: c.listenerId }))).toEqual([
      { pseudonym: 'Otter', listenerId: profileId },
      { pseudonym: 'Wren', listenerId: profileId },
    ]);
    expect(model.coordinatorsOf).toEqual({ [initiative.id]: [COORDINATOR, SECOND_COORDINATOR] });
    expect(model.coordinated).toEqual([]);

    const text = JSON.stringify(renderHome(model).blocks);
    expect(text).toContain('every place is taken');
    expect(text).toContain('2 of 2 conversations');
    expect(text).toContain('a colleague (Otter), 12 days');
    expect(text).toContain('a colleague (Wren), 5 hours');
    expect(text).not.toContain('Badger');
    expect(text).toContain('*Your topics:* Anxiety, Bereavement');
    expect(text).toContain('every day, any time (Europe/London); quiet hours 22:00 to 07:00');
    expect(text).toContain(`<@${COORDINATOR}>, <@${SECOND_COORDINATOR}>`);
  });

  it('privacy invariant 1: nothing loaded for a listener, nor their Home, holds a seeker id', async () => {
    const model = await loadHome(deps(), initiative.workspaceId, LISTENER);
    const json = JSON.stringify({ model, view: renderHome(model) });
    for (const seekerId of [...SEEKERS, ...WAITING_SEEKERS]) expect(json).not.toContain(seekerId);
  });

  it("a coordinator's Home: each listener's load, and the requests waiting by topic with the oldest age", async () => {
    const model = await loadHome(deps(), initiative.workspaceId, COORDINATOR);
    expect(model.coordinated).toHaveLength(1);
    const [c] = model.coordinated;
    expect(c!.load).toEqual(Object.fromEntries(c!.listeners.map((l) => [l.id, l.userId === LISTENER ? 2 : 0])));
    expect([...c!.waiting].sort((a, b) => (a.topic ?? '').localeCompare(b.topic ?? ''))).toEqual([
      { topic: 'Anxiety', count: 3, oldestAt: ago(2 * DAY + 3 * HOUR) },
      { topic: 'Bereavement', count: 1, oldestAt: ago(5 * HOUR) },
    ]);
    const text = JSON.stringify(renderHome(model).blocks);
    expect(text).toContain(`<@${LISTENER}>: every place taken, 2 of 2`);
    expect(text).toContain('<@U0LISTENH2>: paused (no answer)');
    expect(text).toContain('<@U0LISTENH3>: paused until 14 Dec');
    expect(text).toContain('*Waiting for a listener (4):* Anxiety 3 (oldest 2 days), Bereavement 1 (oldest 5 hours)');
  });

  it('privacy invariant 5: nothing loaded for a coordinator, nor their Home, holds a seeker id, a pseudonym or whom a listener supports', async () => {
    const model = await loadHome(deps(), initiative.workspaceId, COORDINATOR);
    const json = JSON.stringify({ model, view: renderHome(model) });
    for (const seekerId of [...SEEKERS, ...WAITING_SEEKERS]) expect(json).not.toContain(seekerId);
    for (const pseudonym of ['Otter', 'Wren', 'Badger', 'a colleague (']) expect(json).not.toContain(pseudonym);
  });

  it('costs the same number of queries for 3 listeners as for 40 (one per table, never one per listener)', async () => {
    const before = countingQueries(database.db);
    await loadHome(deps(before.db), initiative.workspaceId, COORDINATOR);
    const anxiety = initiative.topics[0]!.id;
    for (let i = 0; i < 37; i++) {
      const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [anxiety], capacity: 3 });
      const request = await makeRequest(database.db, { initiativeId: initiative.id, seekerId: `U0MANY${String(i).padStart(4, '0')}`, status: 'paired', createdAt: ago(DAY), topicId: anxiety });
      await makePairing(database.db, { request, listener, startedAt: ago(DAY) });
    }
    const after = countingQueries(database.db);
    const model = await loadHome(deps(after.db), initiative.workspaceId, COORDINATOR);
    expect(model.coordinated[0]!.listeners).toHaveLength(40);
    expect(Object.values(model.coordinated[0]!.load).filter((n) => n === 1)).toHaveLength(37);
    expect(after.calls).toEqual(before.calls);
    expect(after.calls.length).toBeGreaterThanOrEqual(8);
    expect(after.calls.length).toBeLessThanOrEqual(12);
  });
});
