import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { sqliteFilePath } from '../../../src/db/client.js';
import { applyRetention } from '../../../src/features/pairings/retention.js';
import { createLogger } from '../../../src/logger.js';
import { retentionJob, type JobDeps } from '../../../src/scheduler/jobs.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';

// Issue 13, retention covers everything: what retention deletes from each table that names a person,
// and what it keeps because it still has a purpose. A fixed clock; rows are dated relative to it.

const logger = createLogger('silent');
const NOW = new Date('2026-06-01T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;

describe.each(TEST_PROVIDERS)('retention on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.db;

  async function initiativeKeeping(retentionDays: number) {
    const initiative = await makeInitiative(db());
    return db().initiative.update({ where: { id: initiative.id }, data: { retentionDays }, include: { topics: true } });
  }

  async function timezone(userId: string, fetchedAt: Date) {
    await db().personTimezone.create({ data: { userId, timezone: 'Europe/Berlin', fetchedAt } });
  }

  async function cachedTimezones(userIds: string[]): Promise<string[]> {
    const rows = await db().personTimezone.findMany({ where: { userId: { in: userIds } }, select: { userId: true } });
    return rows.map((r) => r.userId).sort();
  }

  it('deletes ended pairings and closed requests past the retention, and the seeker consent once no request is left', async () => {
    const initiative = await initiativeKeeping(90);
    const listener = await makeListener(db(), { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id] });
    const gone = user('gone');
    const kept = user('kept');
    const oldRequest = await makeRequest(db(), { initiativeId: initiative.id, seekerId: gone, status: 'closed', createdAt: daysAgo(120), closedAt: daysAgo(91) });
    await makePairing(db(), { request: oldRequest, listener, startedAt: daysAgo(110), endedAt: daysAgo(91) });
    const recentRequest = await makeRequest(db(), { initiativeId: initiative.id, seekerId: kept, status: 'closed', createdAt: daysAgo(120), closedAt: daysAgo(89) });
    const recentPairing = await makePairing(db(), { request: recentRequest, listener, startedAt: daysAgo(110), endedAt: daysAgo(89) });
    for (const userId of [gone, kept]) {
      await db().consentRecord.create({
        data: { workspaceId: initiative.workspaceId, userId, initiativeId: initiative.id, purpose: 'seeker_request', action: 'given', textVersion: 'seeker_request-x', surface: 'modal:request', createdAt: daysAgo(120) },
      });
    }

    const report = await applyRetention(db(), NOW);

    expect(report.pairings).toBeGreaterThanOrEqual(1);
    expect(await db().supportRequest.findMany({ where: { initiativeId: initiative.id }, select: { id: true } })).toEqual([{ id: recentRequest.id }]);
    expect(await db().pairing.findMany({ where: { listenerId: listener.id }, select: { id: true } })).toEqual([{ id: recentPairing.id }]);
    expect(await db().consentRecord.findMany({ where: { initiativeId: initiative.id }, select: { userId: true } })).toEqual([{ userId: kept }]);
  });

  it('deletes a circle closed past the retention with its members and relayed timestamps, and sent session prompts past it; keeps open and recently closed ones', async () => {
    const initiative = await initiativeKeeping(30);
    const circle = (status: string, closedAt: Date | null) =>
      db().circle.create({
        data: {
          initiativeId: initiative.id,
          description: 'A circle',
          capacity: 5,
          memberCount: 1,
          cadence: 'weekly',
          weekday: 2,
          localTime: '18:00',
          timezone: 'Europe/Berlin',
          firstSessionAt: daysAgo(60),
          prompt: 'How was your week?',
          guidelines: 'Be kind.',
          status,
          createdBy: user('creator'),
          createdAt: daysAgo(60),
          closedAt,
        },
      });
    const old = await circle('closed', daysAgo(31));
    const recent = await circle('closed', daysAgo(5));
    const open = await circle('open', null);
    const members = [];
    for (const c of [old, recent, open]) {
      members.push(await db().circleMember.create({ data: { circleId: c.id, userId: user('member'), role: 'member', pseudonym: 'Otter', joinedAt: daysAgo(50) } }));
    }
    const prompt = (memberId: string, status: string, dueAt: Date, sequence: number) =>
      db().checkIn.create({
        data: { initiativeId: initiative.id, kind: 'circle_session', subjectId: memberId, recipientId: user('member'), sequence, dueAt, deliverAt: dueAt, status },
      });
    await prompt(members[2]!.id, 'sent', daysAgo(40), 1);
    await prompt(members[2]!.id, 'sent', daysAgo(3), 2);
    await prompt(members[2]!.id, 'scheduled', daysAgo(-4), 3);

    const report = await applyRetention(db(), NOW);
    expect(report.circles).toBe(1);
    expect(report.circleCheckIns).toBe(1);
    expect(await db().circle.findMany({ where: { initiativeId: initiative.id }, select: { id: true }, orderBy: { createdAt: 'asc' } })).toHaveLength(2);
    expect(await db().circleMember.count({ where: { circleId: old.id } })).toBe(0);
    expect(await db().circleMember.count({ where: { circleId: { in: [recent.id, open.id] } } })).toBe(2);
    expect((await db().checkIn.findMany({ where: { subjectId: members[2]!.id }, orderBy: { sequence: 'asc' } })).map((c) => c.sequence)).toEqual([2, 3]);
  });

  it('prunes the timezone cache: rows past the weekly refresh, and rows of people the app has no reason to message', async () => {
    const initiative = await initiativeKeeping(90);
    const topicId = initiative.topics[0]!.id;
    const people = {
      staleListener: user('stale'), // a listener, but the row was not refreshed in over a week
      listener: user('listener'),
      waitingSeeker: user('waiting'),
      pairedSeeker: user('paired'),
      coordinator: user('coord'),
      checkInOnly: user('checkin'), // nothing but a check-in still to be sent
      closedSeeker: user('closed'), // only a closed request, kept for the retention: nobody messages them
      sentCheckIn: user('sent'), // only a check-in already sent
      nobody: user('nobody'),
    };
    await makeListener(db(), { initiativeId: initiative.id, userId: people.staleListener, topicIds: [topicId] });
    const listener = await makeListener(db(), { initiativeId: initiative.id, userId: people.listener, topicIds: [topicId] });
    await makeRequest(db(), { initiativeId: initiative.id, seekerId: people.waitingSeeker });
    const paired = await makeRequest(db(), { initiativeId: initiative.id, seekerId: people.pairedSeeker, status: 'paired' });
    await makePairing(db(), { request: paired, listener, startedAt: daysAgo(3) });
    await db().initiativeMember.create({ data: { initiativeId: initiative.id, userId: people.coordinator, role: 'coordinator' } });
    for (const [recipientId, status] of [[people.checkInOnly, 'scheduled'], [people.sentCheckIn, 'sent']] as const) {
      await db().checkIn.create({
        data: { initiativeId: initiative.id, kind: 'seeker', subjectId: randomUUID(), recipientId, sequence: 1, dueAt: NOW, deliverAt: NOW, status },
      });
    }
    await makeRequest(db(), { initiativeId: initiative.id, seekerId: people.closedSeeker, status: 'closed', createdAt: daysAgo(20), closedAt: daysAgo(10) });
    await timezone(people.staleListener, new Date(NOW.getTime() - 7 * DAY - 60_000));
    for (const userId of Object.values(people).filter((u) => u !== people.staleListener)) await timezone(userId, daysAgo(1));

    const report = await applyRetention(db(), NOW);

    expect(report.timezones).toBeGreaterThanOrEqual(4);
    expect(await cachedTimezones(Object.values(people))).toEqual(
      [people.listener, people.waitingSeeker, people.pairedSeeker, people.coordinator, people.checkInOnly].sort(),
    );
  });

  it('keeps a timezone cached just now for a listener, and drops it once their profile is gone', async () => {
    const initiative = await initiativeKeeping(90);
    const listener = await makeListener(db(), { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id] });
    await timezone(listener.userId, NOW);
    await applyRetention(db(), NOW);
    expect(await cachedTimezones([listener.userId])).toEqual([listener.userId]);

    await db().listenerProfile.delete({ where: { id: listener.id } });
    await applyRetention(db(), NOW);
    expect(await cachedTimezones([listener.userId])).toEqual([]);
  });

  it('prunes the insights access log past each initiative\'s own retention, and the log of an initiative that is gone', async () => {
    const short = await initiativeKeeping(30);
    const long = await initiativeKeeping(90);
    const viewer = user('hr');
    const access = (initiativeId: string, days: number) =>
      db().insightsAccess.create({ data: { initiativeId, viewerId: viewer, action: 'view', createdAt: daysAgo(days) } });
    await access(short.id, 31);
    const shortRecent = await access(short.id, 29);
    const longOld = await access(long.id, 31);
    const longRecent = await access(long.id, 89);
    await access(long.id, 91);
    await access(randomUUID(), 1); // an initiative deleted since

    const report = await applyRetention(db(), NOW);

    expect(report.insightsAccess).toBeGreaterThanOrEqual(3);
    const left = await db().insightsAccess.findMany({ where: { viewerId: viewer }, select: { id: true } });
    expect(left.map((a) => a.id).sort()).toEqual([shortRecent.id, longOld.id, longRecent.id].sort());
  });

  it('keeps a do-not-pair record while the seeker has any request in the initiative, and prunes it past the retention once none is left', async () => {
    const initiative = await initiativeKeeping(90);
    const other = await initiativeKeeping(90);
    const listenerUserId = user('reported');
    const seekers = {
      noRequest: user('norequest'), // old block, no request left: pruned
      closedKept: user('closedkept'), // old block, a closed request still within the retention: kept
      waiting: user('waiting'), // old block, asking again right now: kept, or they could meet again
      recent: user('recent'), // a block younger than the retention: kept
      elsewhere: user('elsewhere'), // a request in another initiative does not keep this one's block
      lastRequestExpires: user('expires'), // their last request is pruned by the same run, then the block
    };
    await makeRequest(db(), { initiativeId: initiative.id, seekerId: seekers.closedKept, status: 'closed', createdAt: daysAgo(100), closedAt: daysAgo(30) });
    await makeRequest(db(), { initiativeId: initiative.id, seekerId: seekers.waiting, createdAt: daysAgo(1) });
    await makeRequest(db(), { initiativeId: other.id, seekerId: seekers.elsewhere });
    await makeRequest(db(), { initiativeId: initiative.id, seekerId: seekers.lastRequestExpires, status: 'closed', createdAt: daysAgo(200), closedAt: daysAgo(95) });
    for (const [seekerId, days] of [
      [seekers.noRequest, 91],
      [seekers.closedKept, 120],
      [seekers.waiting, 120],
      [seekers.recent, 89],
      [seekers.elsewhere, 91],
      [seekers.lastRequestExpires, 96],
    ] as const) {
      await db().pairBlock.create({ data: { initiativeId: initiative.id, seekerId, listenerUserId, createdAt: daysAgo(days) } });
    }

    const report = await applyRetention(db(), NOW);

    expect(report.blocks).toBeGreaterThanOrEqual(3);
    const left = await db().pairBlock.findMany({ where: { listenerUserId }, select: { seekerId: true } });
    expect(left.map((b) => b.seekerId).sort()).toEqual([seekers.closedKept, seekers.waiting, seekers.recent].sort());
  });

  it('leaves no readable remnant of pruned rows in the SQLite files, and does nothing at file level on PostgreSQL', async () => {
    const marker = user('remnant');
    await timezone(marker, daysAgo(30));
    const deps: JobDeps = {
      db: db(),
      clock: fixedClock(NOW),
      logger,
      sender: { clientFor: async () => new WebClient('xoxb-unused'), paced: () => Promise.reject(new Error('retention sends nothing')) },
      effects: { run: async () => {} },
      owner: 'retention-test',
    };

    expect(await retentionJob(deps)).toBeGreaterThanOrEqual(1);

    expect(await cachedTimezones([marker])).toEqual([]);
    if (provider === 'sqlite') {
      const pragma = await db().$queryRawUnsafe<{ secure_delete: number | bigint }[]>('PRAGMA secure_delete');
      expect(pragma.map((row) => Number(row.secure_delete))).toEqual([1]);
      const main = sqliteFilePath(database.url);
      expect(existsSync(`${main}-wal`) ? statSync(`${main}-wal`).size : 0).toBe(0);
      for (const file of [main, `${main}-wal`, `${main}-shm`].filter((f) => existsSync(f))) {
        expect(readFileSync(file).includes(marker), `${file} still holds a pruned row`).toBe(false);
      }
    }
  });
});
