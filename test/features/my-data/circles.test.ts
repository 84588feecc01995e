import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Db } from '../../../src/db/client.js';
import { myDataSummary } from '../../../src/features/my-data/copy.js';
import { collectMyData, eraseMyData } from '../../../src/features/my-data/service.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';

// Circles in /peer my-data and /peer delete-my-data (issue 20, DESIGN.md invariant 3): a person sees the
// circles they are in (topic, initiative, role, pseudonym, since when), never who the others are; erasing
// takes their member rows, the timestamps of their relayed copies, their session prompts and their consent
// records for circles, gives their place back, and leaves everyone else's rows and the anonymous counts.

const logger = createLogger('silent');
const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;

describe.each(TEST_PROVIDERS)('circles in my data on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = fixedClock('2026-06-01T10:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function makeCircle(db: Db, input: { initiativeId: string; topicId: string | null; createdBy: string; memberCount: number }) {
    return db.circle.create({
      data: {
        initiativeId: input.initiativeId,
        topicId: input.topicId,
        description: 'For colleagues who care for a parent',
        capacity: 8,
        memberCount: input.memberCount,
        cadence: 'weekly',
        weekday: 2,
        localTime: '12:00',
        timezone: 'Europe/London',
        firstSessionAt: new Date('2026-06-02T11:00:00Z'),
        prompt: 'How was your week?',
        guidelines: 'Be kind.',
        status: 'open',
        createdBy: input.createdBy,
        createdAt: clock.now(),
      },
    });
  }

  /** The person is a member of one circle (on a topic) and the only facilitator of another (open to all), which they created. */
  async function world() {
    const db = database.db;
    const initiative = await makeInitiative(db, { topics: ['Caring', 'Grief'] });
    const [person, facilitator, ...others] = [user('person'), user('facil'), user('a'), user('b'), user('c')];
    const caring = await makeCircle(db, { initiativeId: initiative.id, topicId: initiative.topics[0]!.id, createdBy: facilitator, memberCount: 4 });
    const open = await makeCircle(db, { initiativeId: initiative.id, topicId: null, createdBy: person, memberCount: 3 });
    const joined = new Date('2026-05-12T09:30:00Z');
    const mine = await db.circleMember.create({
      data: { circleId: caring.id, userId: person, role: 'member', pseudonym: 'Quiet Fern', channel: `D${person}`, threadTs: '1.1', joinedAt: joined },
    });
    const facilitating = await db.circleMember.create({
      data: { circleId: open.id, userId: person, role: 'facilitator', pseudonym: 'Calm Birch', channel: `D${person}`, threadTs: '1.2', revealed: true, joinedAt: joined },
    });
    const theirs = [];
    theirs.push(await db.circleMember.create({ data: { circleId: caring.id, userId: facilitator, role: 'facilitator', pseudonym: 'Kind Oak', joinedAt: joined } }));
    for (const [i, userId] of others.entries()) {
      theirs.push(await db.circleMember.create({ data: { circleId: caring.id, userId, role: 'member', pseudonym: `Other${i}`, channel: `D${userId}`, threadTs: `2.${i}`, joinedAt: joined } }));
      theirs.push(await db.circleMember.create({ data: { circleId: open.id, userId, role: 'member', pseudonym: `Else${i}`, channel: `D${userId}`, threadTs: `3.${i}`, joinedAt: joined } }));
    }
    // Copies of their message in the others' threads, and of the others' messages in theirs (timestamps only).
    await db.circleRelayed.createMany({
      data: [
        { circleId: caring.id, fromMemberId: mine.id, sourceTs: '10.1', toMemberId: theirs[1]!.id, mirrorTs: '20.1' },
        { circleId: caring.id, fromMemberId: theirs[1]!.id, sourceTs: '10.2', toMemberId: mine.id, mirrorTs: '20.2' },
        { circleId: caring.id, fromMemberId: theirs[1]!.id, sourceTs: '10.2', toMemberId: theirs[3]!.id, mirrorTs: '20.3' },
      ],
    });
    const prompt = (member: { id: string; userId: string }, sequence: number, status: string) => ({
      initiativeId: initiative.id,
      kind: 'circle_session',
      subjectId: member.id,
      recipientId: member.userId,
      sequence,
      dueAt: new Date('2026-06-02T11:00:00Z'),
      deliverAt: new Date('2026-06-02T11:00:00Z'),
      status,
    });
    await db.checkIn.createMany({ data: [prompt(mine, 1, 'sent'), prompt(mine, 2, 'scheduled'), prompt(facilitating, 1, 'scheduled'), ...theirs.map((m) => prompt(m, 2, 'scheduled'))] });
    await db.circleSession.create({ data: { circleId: caring.id, sequence: 1, startsAt: new Date('2026-05-26T11:00:00Z'), heldAt: new Date('2026-05-26T11:00:00Z') } });
    await db.anonymousCount.create({ data: { initiativeId: initiative.id, metric: 'circle_joined', weekStart: new Date('2026-05-11T00:00:00Z'), topicId: initiative.topics[0]!.id, count: 4 } });
    const consent = (userId: string, action: string) => ({
      workspaceId: initiative.workspaceId,
      userId,
      initiativeId: initiative.id,
      purpose: 'circle_member',
      action,
      textVersion: 'circle_member-v1',
      surface: 'button:circle_join',
      createdAt: joined,
    });
    await db.consentRecord.createMany({ data: [consent(person, 'given'), consent(person, 'withdrawn'), consent(person, 'given'), ...others.map((o) => consent(o, 'given'))] });
    return { db, initiative, person, facilitator, others, caring, open, mine, facilitating, theirs };
  }

  it('lists the circles a person is in: topic or none, initiative, role, pseudonym and since when, and the ones they created', async () => {
    const { db, initiative, person, others } = await world();
    const data = await collectMyData(db, initiative.workspaceId, person, clock.now());
    expect(data.circles).toEqual([
      {
        initiative: 'Peer Support Test',
        topic: 'Caring',
        description: 'For colleagues who care for a parent',
        role: 'member',
        pseudonym: 'Quiet Fern',
        revealed: false,
        circleStatus: 'open',
        joinedAt: '2026-05-12T09:30:00.000Z',
      },
      expect.objectContaining({ topic: null, role: 'facilitator', pseudonym: 'Calm Birch', revealed: true }),
    ]);
    expect(data.circlesCreated).toEqual([expect.objectContaining({ initiative: 'Peer Support Test', topic: null, status: 'open' })]);
    expect(data.checkIns.filter((c) => c.kind === 'circle_session')).toHaveLength(3);
    expect(data.consentRecords.filter((c) => c.purpose === 'circle_member')).toHaveLength(3);
    // Nobody else in their circles is named, not even by pseudonym.
    const json = JSON.stringify(data);
    for (const other of others) expect(json).not.toContain(other);
    expect(json).not.toContain('Other0');
    expect(json).not.toContain('Kind Oak');

    const summary = myDataSummary(data, english);
    expect(summary).toContain('• In a circle in *Peer Support Test* about Caring, as a member under the circle pseudonym *Quiet Fern*, since 12 May 2026');
    expect(summary).toContain('• In a circle in *Peer Support Test* about any topic, as its facilitator under the circle pseudonym *Calm Birch*, since 12 May 2026; you shared your name with the circle');
    expect(summary).toContain('• 1 circle you created');
    for (const language of ['de', 'es'] as const) expect(myDataSummary(data, translatorFor(language))).toContain('Quiet Fern');
  });

  it('erases their circle rows, relayed copies, session prompts and circle consent; gives the place back; closes the circle they alone facilitated', async () => {
    const { db, initiative, person, others, caring, open, mine, facilitating, theirs } = await world();
    const erasure = await eraseMyData({ db, clock, logger }, initiative.workspaceId, person);

    expect(await db.circleMember.count({ where: { userId: person } })).toBe(0);
    expect(await db.circleRelayed.count({ where: { OR: [{ fromMemberId: mine.id }, { toMemberId: mine.id }] } })).toBe(0);
    expect(await db.checkIn.count({ where: { OR: [{ recipientId: person }, { subjectId: { in: [mine.id, facilitating.id] } }] } })).toBe(0);
    expect(await db.consentRecord.count({ where: { userId: person } })).toBe(0);
    expect(erasure.summary.circleMemberships).toBe(2);

    // Their place in the circle they joined is free again; it goes on, with everyone else's rows.
    expect(await db.circle.findUniqueOrThrow({ where: { id: caring.id }, select: { memberCount: true, status: true } })).toEqual({ memberCount: 3, status: 'open' });
    expect(await db.circleMember.count({ where: { id: { in: theirs.map((m) => m.id) } } })).toBe(theirs.length);
    expect(await db.circleRelayed.count({ where: { circleId: caring.id } })).toBe(1);
    const caringOthers = theirs.filter((m) => m.circleId === caring.id).map((m) => m.id);
    expect(await db.checkIn.count({ where: { subjectId: { in: caringOthers }, status: 'scheduled' } })).toBe(caringOthers.length);
    expect(await db.consentRecord.count({ where: { userId: { in: others } } })).toBe(others.length);
    // The circle they created and alone facilitated closes (nobody would hear of a member in crisis), no longer naming them.
    expect(await db.circle.findUniqueOrThrow({ where: { id: open.id }, select: { status: true, createdBy: true } })).toEqual({ status: 'closed', createdBy: '' });
    expect(erasure.circlesClosed.map((c) => c.circleId)).toEqual([open.id]);
    expect(erasure.circlesClosed[0]!.members.map((m) => m.userId).sort()).toEqual([...others].sort());
    // Its members are prompted no more.
    const openOthers = theirs.filter((m) => m.circleId === open.id).map((m) => m.id);
    expect(await db.checkIn.count({ where: { subjectId: { in: openOthers }, status: { in: ['scheduled', 'sending'] } } })).toBe(0);
    // Anonymous counts and sessions held stay: they name nobody.
    expect(await db.anonymousCount.count({ where: { initiativeId: initiative.id, metric: 'circle_joined' } })).toBe(1);
    expect(await db.circleSession.count({ where: { circleId: caring.id } })).toBe(1);

    const after = await collectMyData(db, initiative.workspaceId, person, clock.now());
    expect(after.circles).toEqual([]);
    expect(after.circlesCreated).toEqual([]);
    expect(myDataSummary(after, english)).toContain('Peer Support stores nothing about you at the moment.');
  });
});
