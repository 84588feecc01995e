import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import {
  circleOfThread,
  circleReportChoices,
  claimCircleCrisisNote,
  previewsAmong,
  reportCircleConcern,
} from '../../../src/features/circles/relay-service.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';

// The circle relay's data (issue 20) on both databases: the once-a-day crisis note holds under concurrent
// claims (two replicas send one note), a welcome thread is found only for its own person and workspace,
// and a concern can be raised only by someone in the circle, about someone else in it.

const NOW = new Date('2026-03-04T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const user = () => `U${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;

describe.each(TEST_PROVIDERS)('circle relay data on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function circle(options: { coordinatorId?: string } = {}) {
    const initiative = await makeInitiative(database.db, options);
    const row = await database.db.circle.create({
      data: {
        initiativeId: initiative.id,
        description: 'Parents of young children',
        capacity: 6,
        memberCount: 2,
        cadence: 'weekly',
        weekday: 2,
        localTime: '12:00',
        timezone: 'Europe/Berlin',
        firstSessionAt: new Date('2026-03-10T11:00:00Z'),
        prompt: 'How are you?',
        guidelines: 'Kindly.',
        status: 'open',
        createdBy: 'U0CREATOR1',
        createdAt: NOW,
      },
    });
    const seat = (userId: string, pseudonym: string, role: string, threadTs: string | null) =>
      database.db.circleMember.create({ data: { circleId: row.id, userId, role, pseudonym, channel: threadTs ? `D${userId}` : null, threadTs, joinedAt: NOW } });
    const facilitator = await seat(user(), 'Heron', 'facilitator', '1772000000.000001');
    const a = await seat(user(), 'Otter', 'member', '1772000000.000002');
    const b = await seat(user(), 'Wren', 'member', null);
    return { initiative, circle: row, facilitator, a, b };
  }

  it('sends the facilitators one crisis note about a member a day, whatever the number of concurrent claims', async () => {
    const { a, b } = await circle();
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimCircleCrisisNote(database.db, a.id, NOW)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Another member's note is theirs alone.
    expect(await claimCircleCrisisNote(database.db, b.id, NOW)).toBe(true);
    expect(await claimCircleCrisisNote(database.db, a.id, new Date(NOW.getTime() + DAY - 1))).toBe(false);
    expect(await claimCircleCrisisNote(database.db, a.id, new Date(NOW.getTime() + DAY + 1))).toBe(true);
  });

  it('finds a welcome thread for its own person in its own workspace only, with everyone else in the circle', async () => {
    const { initiative, circle: row, facilitator, a, b } = await circle();
    const found = await circleOfThread(database.db, initiative.workspaceId, a.userId, a.threadTs!);
    expect(found?.sender).toMatchObject({ id: a.id, pseudonym: 'Otter', role: 'member' });
    expect(found?.circle).toEqual({ id: row.id, initiativeId: initiative.id, status: 'open' });
    expect(found?.others.map((o) => o.id).sort()).toEqual([facilitator.id, b.id].sort());
    expect(found?.initiative.resources).toBe('Call the EAP line on 0800 000 000.');
    // Someone else's thread, another workspace, or no such thread: none.
    expect(await circleOfThread(database.db, initiative.workspaceId, facilitator.userId, a.threadTs!)).toBeNull();
    expect(await circleOfThread(database.db, 'T0ELSEWHERE', a.userId, a.threadTs!)).toBeNull();
    expect(await circleOfThread(database.db, initiative.workspaceId, a.userId, '1.2')).toBeNull();
  });

  it('reads previews for many people in one go', async () => {
    const on = user();
    await database.db.personPreference.create({ data: { userId: on, previews: true, updatedAt: NOW } });
    await database.db.personPreference.create({ data: { userId: user(), previews: false, updatedAt: NOW } });
    expect([...(await previewsAmong(database.db, [on, user()]))]).toEqual([on]);
    expect(await previewsAmong(database.db, [])).toEqual(new Set());
  });

  it('a concern: only from someone in the circle, about someone else in it (else about nobody), with a notice for each coordinator', async () => {
    const coordinator = user();
    const { initiative, circle: row, a } = await circle({ coordinatorId: coordinator });
    const clock = fixedClock(NOW);
    const deps = { db: database.db, clock, logger: createLogger('silent') };

    expect(await circleReportChoices(database.db, { workspaceId: initiative.workspaceId, circleId: row.id, userId: a.userId })).toEqual({ kind: 'member', pseudonym: 'Otter', others: ['Heron', 'Wren'] });
    expect(await circleReportChoices(database.db, { workspaceId: initiative.workspaceId, circleId: row.id, userId: user() })).toEqual({ kind: 'not-member' });
    // A member, but clicking from another workspace: the circle is not there.
    expect(await circleReportChoices(database.db, { workspaceId: 'T0ELSEWHERE', circleId: row.id, userId: a.userId })).toEqual({ kind: 'not-member' });
    expect(await reportCircleConcern(deps, { workspaceId: 'T0ELSEWHERE', circleId: row.id, userId: a.userId, reason: 'other', aboutPseudonym: null })).toEqual({ kind: 'not-member' });
    expect(await reportCircleConcern(deps, { workspaceId: initiative.workspaceId, circleId: row.id, userId: user(), reason: 'other', aboutPseudonym: 'Otter' })).toEqual({ kind: 'not-member' });

    // About themselves, or someone not in the circle: about nobody.
    for (const about of ['Otter', 'Badger', null]) {
      clock.advance(1000);
      const result = await reportCircleConcern(deps, { workspaceId: initiative.workspaceId, circleId: row.id, userId: a.userId, reason: 'safety', aboutPseudonym: about });
      expect(result).toMatchObject({ kind: 'reported', reporterPseudonym: 'Otter' });
    }
    clock.advance(1000);
    const result = await reportCircleConcern(deps, { workspaceId: initiative.workspaceId, circleId: row.id, userId: a.userId, reason: 'safety', aboutPseudonym: 'Wren' });
    if (result.kind !== 'reported') throw new Error(result.kind);
    const reports = await database.db.report.findMany({ where: { circleId: row.id }, orderBy: { createdAt: 'asc' } });
    expect(reports.map((r) => r.aboutPseudonym)).toEqual([null, null, null, 'Wren']);
    expect(reports.every((r) => r.initiativeId === initiative.id && r.reporterSide === 'member' && r.pairingId === null)).toBe(true);

    const rows = await database.db.outboxMessage.findMany({ where: { id: { in: result.outboxIds } } });
    expect(rows.map((r) => [r.kind, r.recipientId, r.subjectId])).toEqual([['report_notice', coordinator, row.id]]);
    // The row says what happened in ids and pseudonyms only: no person's id.
    expect(JSON.parse(rows[0]!.args)).toEqual({
      kind: 'report_notice',
      initiativeId: initiative.id,
      notice: { reporterSide: 'member', reportId: reports[3]!.id, circleId: row.id, reporterPseudonym: 'Otter', aboutPseudonym: 'Wren', reason: 'safety' },
    });
    expect(rows[0]!.args).not.toContain(a.userId);
  });
});
