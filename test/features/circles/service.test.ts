import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import type { CircleInput } from '../../../src/domain/circles.js';
import { consentText } from '../../../src/domain/consent.js';
import { PSEUDONYM_NAMES, type Random } from '../../../src/domain/pseudonyms.js';
import { weekStart } from '../../../src/domain/weeks.js';
import {
  canCreateCircle,
  circleCountOf,
  circleFor,
  circleMembersFor,
  closeCircle,
  createCircle,
  eraseCircleData,
  joinCircle,
  leaveCircle,
  openCirclesFor,
  pauseMember,
  revealMember,
  setFacilitator,
  setWelcome,
  type CircleDetail,
} from '../../../src/features/circles/service.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';

// Circles (issue 20) against real databases: who may create, close and pause (decided from the database,
// never from a button); one conditional update per place, so 20 people clicking at once never overfill a
// circle; pseudonyms unique in a circle and apart from a person's pairing names; consent recorded and
// withdrawn with the membership; erasure leaves no circle row of the person and gives their place back.

const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;
const always = (r: number): Random => () => r;
/** A source that draws `name` from the full list (a pick that avoids nothing). */
const drawing = (name: string): Random => always((PSEUDONYM_NAMES.indexOf(name) + 0.5) / PSEUDONYM_NAMES.length);

// Monday 2 March 2026, 10:00 UTC. The circles meet on Wednesdays at 12:30 in Berlin (UTC+1 in March).
const START = '2026-03-02T10:00:00Z';
const FIRST_SESSION = new Date('2026-03-04T11:30:00Z');
const SECOND_SESSION = new Date('2026-03-11T11:30:00Z');

describe.each(TEST_PROVIDERS)('circles service on %s', (provider) => {
  const world = serviceWorld(provider, { start: START });
  /** What every call that takes time or chance is given: the world's clock now, and its fixed randomness unless told. */
  const at = (random: Random = world.deps().random) => ({ now: world.clock.now(), random });

  /** An initiative with a coordinator, an approved facilitator, a listener not approved as one, and a colleague with no role. */
  async function setUp() {
    const coordinator = user('coord');
    const initiative = await makeInitiative(world.db, { coordinatorId: coordinator });
    const topicId = initiative.topics[0]!.id;
    const facilitator = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId] });
    await world.db.listenerProfile.update({ where: { id: facilitator.id }, data: { facilitator: true } });
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId] });
    const input = (change: Partial<CircleInput> = {}): CircleInput => ({
      initiativeId: initiative.id,
      topicId,
      description: 'Colleagues caring for a parent.',
      capacity: 5,
      cadence: 'weekly',
      weekday: 3,
      localTime: '12:30',
      timezone: 'Europe/Berlin',
      prompt: 'What has this week asked of you?',
      guidelines: 'What is said here stays here.',
      facilitatorIds: [facilitator.userId],
      ...change,
    });
    const create = async (change: Partial<CircleInput> = {}, by = coordinator): Promise<CircleDetail> => {
      const result = await createCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, createdBy: by, input: input(change) });
      if (result.kind !== 'created') throw new Error(`not created: ${JSON.stringify(result)}`);
      return result.circle;
    };
    const join = (circleId: string, userId: string, random?: Random) =>
      joinCircle(world.db, { ...at(random), workspaceId: initiative.workspaceId, userId, circleId, language: 'en' });
    return { initiative, topicId, coordinator, facilitator, listener, input, create, join };
  }

  const sessionsOf = (memberId: string) => world.db.checkIn.findMany({ where: { subjectId: memberId, kind: 'circle_session' } });
  const countOf = (initiativeId: string, metric: string) =>
    world.db.anonymousCount.findMany({ where: { initiativeId, metric }, select: { weekStart: true, topicId: true, count: true } });

  describe('creating', () => {
    it('a coordinator creates a circle: the facilitator gets a pseudonym and their first session, and the week counts one circle opened', async () => {
      const { initiative, topicId, coordinator, facilitator, input } = await setUp();
      const result = await createCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, createdBy: coordinator, input: input() });
      if (result.kind !== 'created') throw new Error(result.kind);

      expect(result.circle).toMatchObject({
        status: 'open',
        capacity: 5,
        memberCount: 0,
        createdBy: coordinator,
        firstSessionAt: FIRST_SESSION,
        topic: initiative.topics[0]!.label,
        workspaceId: initiative.workspaceId,
        viewerCanClose: true,
      });
      expect(result.facilitators).toHaveLength(1);
      expect(result.facilitators[0]).toMatchObject({ userId: facilitator.userId, role: 'facilitator', revealed: false, channel: null });
      expect(PSEUDONYM_NAMES).toContain(result.facilitators[0]!.pseudonym);
      const sessions = await sessionsOf(result.facilitators[0]!.id);
      expect(sessions).toMatchObject([{ recipientId: facilitator.userId, sequence: 1, dueAt: FIRST_SESSION, status: 'scheduled' }]);
      expect(await countOf(initiative.id, 'circle_opened')).toEqual([{ weekStart: weekStart(world.clock.now()), topicId, count: 1 }]);
      // Facilitators take no place: all five are for members.
      expect((await circleFor(world.db, { circleId: result.circle.id }))!.placesLeft).toBe(5);
    });

    it('an active listener approved as facilitator creates a circle they facilitate, and must be among its facilitators', async () => {
      const { initiative, facilitator, listener, input } = await setUp();
      const own = await createCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, createdBy: facilitator.userId, input: input({ facilitatorIds: [facilitator.userId, listener.userId] }) });
      expect(own.kind).toBe('created');

      const forOthers = await createCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, createdBy: facilitator.userId, input: input({ facilitatorIds: [listener.userId] }) });
      expect(forOthers).toEqual({ kind: 'invalid', errors: [{ field: 'facilitators', code: 'must-include-you' }] });
    });

    it.each([
      ['a colleague with no role in the initiative', 'employee'],
      ['an active listener not approved as facilitator', 'listener'],
      ['an approved facilitator who is paused', 'paused'],
      ['a coordinator of another initiative', 'other-coordinator'],
    ])('%s may not create a circle, and nothing is stored', async (_name, who) => {
      const { initiative, facilitator, listener, input } = await setUp();
      let by = user('employee');
      if (who === 'listener') by = listener.userId;
      if (who === 'paused') {
        await world.db.listenerProfile.update({ where: { id: facilitator.id }, data: { status: 'paused' } });
        by = facilitator.userId;
      }
      if (who === 'other-coordinator') {
        by = user('othercoord');
        await makeInitiative(world.db, { workspaceId: initiative.workspaceId, coordinatorId: by });
      }
      const result = await createCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, createdBy: by, input: input({ facilitatorIds: [by] }) });
      expect(result).toEqual({ kind: 'not-allowed' });
      expect(await world.db.circle.count({ where: { initiativeId: initiative.id } })).toBe(0);
    });

    it('a coordinator of the initiative in another workspace may not create a circle from this one', async () => {
      const { initiative, coordinator, input } = await setUp();
      const result = await createCircle(world.db, { ...at(), workspaceId: 'TELSEWHERE', createdBy: coordinator, input: input() });
      expect(result).toEqual({ kind: 'not-allowed' });
      expect(await world.db.circle.count({ where: { initiativeId: initiative.id } })).toBe(0);
    });

    it.each<[string, (ids: { coordinator: string; listener: string; otherTopic: string }) => Partial<CircleInput>, { field: string; code: string }[]]>([
      ['a topic of another initiative', ({ otherTopic }) => ({ topicId: otherTopic }), [{ field: 'topic', code: 'not-in-initiative' }]],
      ['a facilitator with no role in the initiative', () => ({ facilitatorIds: [user('stranger')] }), [{ field: 'facilitators', code: 'not-eligible' }]],
      ['no facilitator', () => ({ facilitatorIds: [] }), [{ field: 'facilitators', code: 'required' }]],
      ['a circle of 13', () => ({ capacity: 13 }), [{ field: 'capacity', code: 'out-of-range' }]],
      ['a description of invisible characters only', () => ({ description: '\u200B\u202E ' }), [{ field: 'description', code: 'required' }]],
    ])('refuses %s, field by field', async (_name, change, errors) => {
      const { initiative, coordinator, listener, input } = await setUp();
      const other = await makeInitiative(world.db, { workspaceId: initiative.workspaceId });
      const result = await createCircle(world.db, {
        ...at(),
        workspaceId: initiative.workspaceId,
        createdBy: coordinator,
        input: input(change({ coordinator, listener: listener.userId, otherTopic: other.topics[0]!.id })),
      });
      expect(result).toEqual({ kind: 'invalid', errors });
      expect(await world.db.circle.count({ where: { initiativeId: initiative.id } })).toBe(0);
    });

    it('takes coordinators and active listeners as facilitators, each under a different pseudonym, each with a session', async () => {
      const { initiative, coordinator, facilitator, listener, input } = await setUp();
      const result = await createCircle(world.db, {
        ...at(always(0)),
        workspaceId: initiative.workspaceId,
        createdBy: coordinator,
        input: input({ facilitatorIds: [coordinator, facilitator.userId, listener.userId, coordinator] }),
      });
      if (result.kind !== 'created') throw new Error(result.kind);
      expect(result.facilitators.map((f) => f.userId)).toEqual([coordinator, facilitator.userId, listener.userId]);
      expect(new Set(result.facilitators.map((f) => f.pseudonym)).size).toBe(3);
      for (const f of result.facilitators) expect(await sessionsOf(f.id)).toHaveLength(1);
    });
  });

  describe('who may create, approving facilitators', () => {
    it('lists the initiatives where the person may create a circle, and a coordinator approves a listener as facilitator', async () => {
      const { initiative, coordinator, facilitator, listener } = await setUp();
      const topics = initiative.topics.map((t) => ({ id: t.id, label: t.label }));
      expect(await canCreateCircle(world.db, { workspaceId: initiative.workspaceId, userId: coordinator })).toEqual({
        initiatives: [{ id: initiative.id, name: initiative.name, role: 'coordinator', topics }],
      });
      expect(await canCreateCircle(world.db, { workspaceId: initiative.workspaceId, userId: facilitator.userId })).toEqual({
        initiatives: [{ id: initiative.id, name: initiative.name, role: 'facilitator', topics }],
      });
      expect(await canCreateCircle(world.db, { workspaceId: initiative.workspaceId, userId: listener.userId })).toEqual({ initiatives: [] });

      // Only a coordinator of the listener's own initiative approves; a listener cannot approve themself.
      expect(await setFacilitator(world.db, { byUserId: listener.userId, listenerProfileId: listener.id, facilitator: true })).toBe('not-allowed');
      const elsewhere = user('othercoord');
      await makeInitiative(world.db, { workspaceId: initiative.workspaceId, coordinatorId: elsewhere });
      expect(await setFacilitator(world.db, { byUserId: elsewhere, listenerProfileId: listener.id, facilitator: true })).toBe('not-allowed');
      expect(await setFacilitator(world.db, { byUserId: coordinator, listenerProfileId: 'no-such-profile', facilitator: true })).toBe('not-allowed');
      expect(await setFacilitator(world.db, { byUserId: coordinator, listenerProfileId: listener.id, facilitator: true })).toBe('done');
      expect((await canCreateCircle(world.db, { workspaceId: initiative.workspaceId, userId: listener.userId })).initiatives).toHaveLength(1);
      expect(await setFacilitator(world.db, { byUserId: coordinator, listenerProfileId: listener.id, facilitator: false })).toBe('done');
      expect((await canCreateCircle(world.db, { workspaceId: initiative.workspaceId, userId: listener.userId })).initiatives).toHaveLength(0);
    });
  });

  describe('listing', () => {
    it('lists open circles with places left, the person\'s own first (with their role and pseudonym), and no closed or other workspace\'s circle', async () => {
      const { initiative, coordinator, facilitator, create, join } = await setUp();
      const mine = await create({ description: 'Mine' });
      const open = await create({ description: 'Open' });
      const full = await create({ description: 'Full', capacity: 3 });
      const closed = await create({ description: 'Closed' });
      const person = user('person');
      const joined = await join(mine.id, person);
      if (joined.kind !== 'joined') throw new Error(joined.kind);
      for (let i = 0; i < 3; i += 1) expect((await join(full.id, user(`filler${i}`))).kind).toBe('joined');
      expect((await closeCircle(world.db, { workspaceId: closed.workspaceId, ...at(), userId: coordinator, circleId: closed.id })).kind).toBe('closed');
      const elsewhere = await makeInitiative(world.db, { coordinatorId: coordinator });
      await createCircle(world.db, { ...at(), workspaceId: elsewhere.workspaceId, createdBy: coordinator, input: { ...(await setUpInput(elsewhere.id)), facilitatorIds: [coordinator] } });

      const listed = await openCirclesFor(world.db, { workspaceId: initiative.workspaceId, userId: person });
      expect(listed.map((c) => c.description)).toEqual(['Mine', 'Open']);
      expect(listed[0]).toMatchObject({
        id: mine.id,
        mine: true,
        role: 'member',
        pseudonym: joined.member.pseudonym,
        member: { id: joined.member.id, pseudonym: joined.member.pseudonym, role: 'member', threadTs: null },
        canManage: false,
        placesLeft: 4,
        capacity: 5,
        initiativeName: initiative.name,
        topic: initiative.topics[0]!.label,
        cadence: 'weekly',
        weekday: 3,
        localTime: '12:30',
        timezone: 'Europe/Berlin',
      });
      expect(listed[1]).toMatchObject({ id: open.id, mine: false, role: null, pseudonym: null, member: null, canManage: false, placesLeft: 5 });
      // Facilitators and coordinators manage a circle; the list says so from the database.
      const facilitating = await openCirclesFor(world.db, { workspaceId: initiative.workspaceId, userId: facilitator.userId });
      expect(facilitating.find((c) => c.id === open.id)).toMatchObject({ mine: true, role: 'facilitator', canManage: true });
      const coordinating = await openCirclesFor(world.db, { workspaceId: initiative.workspaceId, userId: coordinator });
      expect(coordinating.find((c) => c.id === open.id)).toMatchObject({ mine: false, canManage: true });

      // A member of a full circle still sees it: it is theirs.
      const filler = (await circleMembersFor(world.db, full.id)).find((m) => m.role === 'member')!;
      const theirs = await openCirclesFor(world.db, { workspaceId: initiative.workspaceId, userId: filler.userId });
      expect(theirs.find((c) => c.id === full.id)).toMatchObject({ mine: true, placesLeft: 0 });

      // The Home tab's line: open circles they are in, in any role; a closed one no longer counts.
      expect(await circleCountOf(world.db, initiative.workspaceId, person)).toBe(1);
      expect(await circleCountOf(world.db, initiative.workspaceId, facilitator.userId)).toBe(3);
      expect(await circleCountOf(world.db, 'TELSEWHERE', person)).toBe(0);
    });

    async function setUpInput(initiativeId: string): Promise<CircleInput> {
      const topic = await world.db.initiativeTopic.findFirstOrThrow({ where: { initiativeId } });
      return {
        initiativeId,
        topicId: topic.id,
        description: 'Elsewhere',
        capacity: 5,
        cadence: 'fortnightly',
        weekday: 1,
        localTime: '09:00',
        timezone: 'UTC',
        prompt: 'How are you?',
        guidelines: 'Be kind.',
        facilitatorIds: [],
      };
    }
  });

  describe('joining', () => {
    it('one click joins: a place taken, consent given in the language read, the week counts one join, the first session scheduled', async () => {
      const { initiative, topicId, create } = await setUp();
      const circle = await create();
      const person = user('person');
      const result = await joinCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, userId: person, circleId: circle.id, language: 'de' });
      if (result.kind !== 'joined') throw new Error(result.kind);

      expect(result.member).toMatchObject({ circleId: circle.id, userId: person, role: 'member', revealed: false, pausedUntil: null });
      expect(result.circle.memberCount).toBe(1);
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(1);
      const consents = await world.db.consentRecord.findMany({ where: { userId: person } });
      expect(consents).toMatchObject([
        { workspaceId: initiative.workspaceId, initiativeId: initiative.id, purpose: 'circle_member', action: 'given', textVersion: consentText('circle_member', 'de').version },
      ]);
      expect(await countOf(initiative.id, 'circle_joined')).toEqual([{ weekStart: weekStart(world.clock.now()), topicId, count: 1 }]);
      expect(await sessionsOf(result.member.id)).toMatchObject([{ recipientId: person, sequence: 1, dueAt: FIRST_SESSION, status: 'scheduled' }]);
    });

    it('joining again changes nothing; a facilitator is already in; another workspace\'s circle is not found; a closed one says so', async () => {
      const { coordinator, facilitator, create, join } = await setUp();
      const circle = await create();
      const person = user('person');
      const first = await join(circle.id, person);
      if (first.kind !== 'joined') throw new Error(first.kind);
      expect(await join(circle.id, person)).toEqual({ kind: 'already-member', member: first.member });
      expect((await join(circle.id, facilitator.userId)).kind).toBe('already-member');
      expect(await joinCircle(world.db, { ...at(), workspaceId: 'TELSEWHERE', userId: user('x'), circleId: circle.id, language: 'en' })).toEqual({ kind: 'not-found' });
      expect(await join('no-such-circle', person)).toEqual({ kind: 'not-found' });
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(1);
      expect(await world.db.consentRecord.count({ where: { userId: person } })).toBe(1);

      await closeCircle(world.db, { workspaceId: circle.workspaceId, ...at(), userId: coordinator, circleId: circle.id });
      expect(await join(circle.id, user('late'))).toEqual({ kind: 'closed' });
    });

    it('20 people joining a circle of 5 at once: exactly 5 join, 15 hear it is full, and the count says 5', async () => {
      const { initiative, create, join } = await setUp();
      const circle = await create({ capacity: 5 });
      // On PostgreSQL half come through a second client, as through a second replica. SQLite is one
      // process's database, and better-sqlite3 is synchronous: a second connection in this process
      // waiting on the lock would block the very event loop the first needs to commit.
      const second = provider === 'postgresql' ? await openDatabase(world.database.url) : { db: world.db, close: async () => {} };
      try {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 2 === 0
              ? join(circle.id, user(`crowd${i}`))
              : joinCircle(second.db, { ...at(), workspaceId: initiative.workspaceId, userId: user(`crowd${i}`), circleId: circle.id, language: 'en' }),
          ),
        );
        expect(results.filter((r) => r.kind === 'joined')).toHaveLength(5);
        expect(results.filter((r) => r.kind === 'full')).toHaveLength(15);
      } finally {
        await second.close();
      }
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(5);
      const members = await world.db.circleMember.findMany({ where: { circleId: circle.id, role: 'member' } });
      expect(members).toHaveLength(5);
      // One consent, one count and one session per person who joined; nothing for those who did not.
      expect(await world.db.consentRecord.count({ where: { purpose: 'circle_member', userId: { in: members.map((m) => m.userId) } } })).toBe(5);
      expect(await world.db.consentRecord.count({ where: { purpose: 'circle_member', initiativeId: circle.initiativeId } })).toBe(5);
      expect((await countOf(circle.initiativeId, 'circle_joined'))[0]!.count).toBe(5);
      expect(await world.db.checkIn.count({ where: { kind: 'circle_session', subjectId: { in: members.map((m) => m.id) } } })).toBe(5);
      const all = await circleMembersFor(world.db, circle.id);
      expect(new Set(all.map((m) => m.pseudonym)).size).toBe(all.length);
    });

    it('the same person clicking join five times at once is in the circle once, holding one place', async () => {
      const { create, join } = await setUp();
      const circle = await create({ capacity: 5 });
      const person = user('person');
      const results = await Promise.all(Array.from({ length: 5 }, () => join(circle.id, person)));
      expect(results.filter((r) => r.kind === 'joined')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'already-member')).toHaveLength(4);
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(1);
      expect(await world.db.consentRecord.count({ where: { userId: person } })).toBe(1);
    });
  });

  describe('pseudonyms', () => {
    it('are unique within a circle, even when every pick starts from the same name', async () => {
      const { create, join } = await setUp();
      const circle = await create({ capacity: 12 });
      for (let i = 0; i < 12; i += 1) expect((await join(circle.id, user(`same${i}`), always(0))).kind).toBe('joined');
      const names = (await circleMembersFor(world.db, circle.id)).map((m) => m.pseudonym);
      expect(names).toHaveLength(13);
      expect(new Set(names).size).toBe(13);
    });

    it('differ from the person\'s own pseudonyms in their active pairings, as seeker and as listener', async () => {
      const { initiative, topicId, listener, create, join } = await setUp();
      const circle = await create();
      const seekerId = user('seeker');
      const request = await makeRequest(world.db, { initiativeId: initiative.id, seekerId, status: 'paired', topicId });
      // The factory names the seeker Otter and the listener Heron.
      await makePairing(world.db, { request, listener, startedAt: world.clock.now() });

      const asSeeker = await join(circle.id, seekerId, drawing('Otter'));
      const asListener = await join(circle.id, listener.userId, drawing('Heron'));
      if (asSeeker.kind !== 'joined' || asListener.kind !== 'joined') throw new Error('not joined');
      expect(asSeeker.member.pseudonym).not.toBe('Otter');
      expect(asListener.member.pseudonym).not.toBe('Heron');
      // Someone in no pairing may be Otter: the rule is about the person's own names, not the word.
      const other = await join(circle.id, user('other'), drawing('Otter'));
      if (other.kind !== 'joined') throw new Error(other.kind);
      expect(other.member.pseudonym).toBe('Otter');
    });
  });

  describe('leaving', () => {
    it('one click leaves at once: the place is free again, consent is withdrawn, sessions and relayed copies go', async () => {
      const { initiative, create, join } = await setUp();
      const circle = await create({ capacity: 3 });
      const people = [user('a'), user('b'), user('c')];
      const members = [];
      for (const p of people) {
        const r = await join(circle.id, p);
        if (r.kind !== 'joined') throw new Error(r.kind);
        members.push(r.member);
      }
      expect((await join(circle.id, user('waiting'))).kind).toBe('full');
      await world.db.circleRelayed.createMany({
        data: [
          { circleId: circle.id, fromMemberId: members[0]!.id, sourceTs: '1.1', toMemberId: members[1]!.id, mirrorTs: '2.1' },
          { circleId: circle.id, fromMemberId: members[1]!.id, sourceTs: '1.2', toMemberId: members[0]!.id, mirrorTs: '2.2' },
          { circleId: circle.id, fromMemberId: members[1]!.id, sourceTs: '1.3', toMemberId: members[2]!.id, mirrorTs: '2.3' },
        ],
      });
      world.clock.advance(60_000);

      expect(await leaveCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, userId: people[0]!, circleId: circle.id })).toEqual({ kind: 'left', role: 'member', circleId: circle.id, closed: null });
      expect(await world.db.circleMember.count({ where: { userId: people[0]! } })).toBe(0);
      expect(await sessionsOf(members[0]!.id)).toEqual([]);
      expect(await world.db.circleRelayed.findMany({ where: { circleId: circle.id }, select: { sourceTs: true } })).toEqual([{ sourceTs: '1.3' }]);
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(2);
      const consents = await world.db.consentRecord.findMany({ where: { userId: people[0]! }, orderBy: { createdAt: 'asc' } });
      expect(consents.map((c) => [c.purpose, c.action])).toEqual([
        ['circle_member', 'given'],
        ['circle_member', 'withdrawn'],
      ]);
      // The withdrawal names the words they agreed to.
      expect(consents[1]!.textVersion).toBe(consents[0]!.textVersion);

      expect((await join(circle.id, user('waiting'))).kind).toBe('joined');
      expect(await leaveCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, userId: people[0]!, circleId: circle.id })).toEqual({ kind: 'not-member' });
      expect(await leaveCircle(world.db, { ...at(), workspaceId: 'TELSEWHERE', userId: people[1]!, circleId: circle.id })).toEqual({ kind: 'not-member' });
    });

    it('a facilitator may leave: no place is given back, and the circle closes when its last facilitator goes', async () => {
      const { initiative, facilitator, create, join } = await setUp();
      const circle = await create();
      await join(circle.id, user('a'));
      const before = await world.db.consentRecord.count({ where: { userId: facilitator.userId } });
      const second = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id] });
      const shared = await create({ facilitatorIds: [facilitator.userId, second.userId] });
      await join(shared.id, user('b'));
      // Another facilitator stays: the circle goes on.
      expect(await leaveCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, userId: facilitator.userId, circleId: shared.id })).toMatchObject({ kind: 'left', role: 'facilitator', closed: null });
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: shared.id } })).status).toBe('open');
      // The last one leaves: the circle closes (nobody would hear of a member in crisis), and everyone left in it is returned to be told.
      const last = await leaveCircle(world.db, { ...at(), workspaceId: initiative.workspaceId, userId: facilitator.userId, circleId: circle.id });
      expect(last).toMatchObject({ kind: 'left', role: 'facilitator' });
      expect(last.kind === 'left' && last.closed?.map((m) => m.role)).toEqual(['member']);
      const closed = await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } });
      expect([closed.status, closed.memberCount]).toEqual(['closed', 1]);
      expect(await world.db.consentRecord.count({ where: { userId: facilitator.userId } })).toBe(before);
    });
  });

  describe('closing', () => {
    it('a coordinator closes a circle: it lists nowhere, relays to no one, and everyone in it is returned to be told', async () => {
      const { initiative, coordinator, facilitator, create, join } = await setUp();
      const circle = await create();
      const person = user('person');
      const joined = await join(circle.id, person);
      if (joined.kind !== 'joined') throw new Error(joined.kind);
      expect(await setWelcome(world.db, { memberId: joined.member.id, channel: 'DPERSON', threadTs: '1700000000.000100' })).toBe(true);
      world.clock.advance(60_000);

      const result = await closeCircle(world.db, { workspaceId: circle.workspaceId, ...at(), userId: coordinator, circleId: circle.id });
      if (result.kind !== 'closed') throw new Error(result.kind);
      expect(result.members.map((m) => [m.userId, m.role, m.channel, m.threadTs])).toEqual([
        [facilitator.userId, 'facilitator', null, null],
        [person, 'member', 'DPERSON', '1700000000.000100'],
      ]);
      expect(await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).toMatchObject({ status: 'closed', closedAt: world.clock.now() });
      expect(await world.db.checkIn.count({ where: { kind: 'circle_session', subjectId: { in: result.members.map((m) => m.memberId) } } })).toBe(0);
      // The rows stay so the closing notice can reach each welcome message; the circle lists nowhere.
      expect(await circleMembersFor(world.db, circle.id)).toHaveLength(2);
      expect(await openCirclesFor(world.db, { workspaceId: initiative.workspaceId, userId: person })).toEqual([]);
      expect(await closeCircle(world.db, { workspaceId: circle.workspaceId, ...at(), userId: coordinator, circleId: circle.id })).toEqual({ kind: 'already-closed' });
    });

    it.each([
      ['a coordinator of another initiative', 'other-coordinator'],
      ['the circle\'s facilitator', 'facilitator'],
      ['a member', 'member'],
    ])('%s may not close a circle', async (_name, who) => {
      const { initiative, facilitator, create, join } = await setUp();
      const circle = await create();
      let by = facilitator.userId;
      if (who === 'other-coordinator') {
        by = user('othercoord');
        await makeInitiative(world.db, { workspaceId: initiative.workspaceId, coordinatorId: by });
      }
      if (who === 'member') {
        by = user('member');
        await join(circle.id, by);
      }
      expect(await closeCircle(world.db, { workspaceId: circle.workspaceId, ...at(), userId: by, circleId: circle.id })).toEqual({ kind: 'not-allowed' });
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).status).toBe('open');
    });
  });

  describe('pausing a member', () => {
    it('a facilitator pauses a member, named by pseudonym, until the next session begins', async () => {
      const { facilitator, create, join } = await setUp();
      const circle = await create();
      const joined = await join(circle.id, user('person'));
      if (joined.kind !== 'joined') throw new Error(joined.kind);

      const before = await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: facilitator.userId, circleId: circle.id, pseudonym: joined.member.pseudonym });
      expect(before).toMatchObject({ kind: 'paused', until: FIRST_SESSION, member: { id: joined.member.id, pausedUntil: FIRST_SESSION } });

      // During the first session: the rest of it, until the second begins.
      world.clock.set('2026-03-04T12:00:00Z');
      const during = await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: facilitator.userId, circleId: circle.id, pseudonym: joined.member.pseudonym });
      expect(during).toMatchObject({ kind: 'paused', until: SECOND_SESSION });
      // At the very minute a session starts, the pause lasts that session.
      world.clock.set(SECOND_SESSION);
      expect(await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: facilitator.userId, circleId: circle.id, pseudonym: joined.member.pseudonym })).toMatchObject({
        until: new Date('2026-03-18T11:30:00Z'),
      });
    });

    it('a coordinator may pause; a member, another facilitator\'s target or an unknown name may not', async () => {
      const { coordinator, facilitator, create, join } = await setUp();
      const circle = await create();
      const a = await join(circle.id, user('a'));
      const b = await join(circle.id, user('b'));
      if (a.kind !== 'joined' || b.kind !== 'joined') throw new Error('not joined');
      const facilitatorName = (await circleMembersFor(world.db, circle.id)).find((m) => m.role === 'facilitator')!.pseudonym;

      expect((await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: coordinator, circleId: circle.id, pseudonym: a.member.pseudonym })).kind).toBe('paused');
      expect(await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: b.member.userId, circleId: circle.id, pseudonym: a.member.pseudonym })).toEqual({ kind: 'not-allowed' });
      expect(await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: coordinator, circleId: circle.id, pseudonym: facilitatorName })).toEqual({ kind: 'not-allowed' });
      expect(await pauseMember(world.db, { workspaceId: circle.workspaceId, ...at(), byUserId: facilitator.userId, circleId: circle.id, pseudonym: 'Nobody' })).toEqual({ kind: 'not-found' });
      expect((await world.db.circleMember.findUniqueOrThrow({ where: { id: b.member.id } })).pausedUntil).toBeNull();
    });
  });

  describe('reading one circle', () => {
    it('says what the viewer may do, from the database: facilitators manage, coordinators manage and close, members neither', async () => {
      const { initiative, coordinator, facilitator, create, join } = await setUp();
      const circle = await create({ topicId: null });
      const person = user('person');
      await join(circle.id, person);
      const as = (viewerId?: string) => circleFor(world.db, { circleId: circle.id, ...(viewerId ? { viewerId } : {}) });

      expect(await as()).toMatchObject({ id: circle.id, topic: null, initiativeName: initiative.name, memberCount: 1, placesLeft: 4, viewerCanManage: false, viewerCanClose: false });
      expect(await as(coordinator)).toMatchObject({ viewerCanManage: true, viewerCanClose: true });
      expect(await as(facilitator.userId)).toMatchObject({ viewerCanManage: true, viewerCanClose: false });
      expect(await as(person)).toMatchObject({ viewerCanManage: false, viewerCanClose: false });
      const elsewhere = user('othercoord');
      await makeInitiative(world.db, { workspaceId: initiative.workspaceId, coordinatorId: elsewhere });
      expect(await as(elsewhere)).toMatchObject({ viewerCanManage: false, viewerCanClose: false });
      expect(await circleFor(world.db, { circleId: 'no-such-circle' })).toBeNull();
    });
  });

  describe('revealing', () => {
    it('a member chooses to let the circle know who they are; someone not in it changes nothing', async () => {
      const { create, join } = await setUp();
      const circle = await create();
      const person = user('person');
      const joined = await join(circle.id, person);
      if (joined.kind !== 'joined') throw new Error(joined.kind);
      expect(await revealMember(world.db, { workspaceId: circle.workspaceId, userId: person, circleId: circle.id })).toEqual({ kind: 'revealed' });
      expect((await circleMembersFor(world.db, circle.id)).find((m) => m.userId === person)!.revealed).toBe(true);
      expect(await revealMember(world.db, { workspaceId: circle.workspaceId, userId: user('stranger'), circleId: circle.id })).toEqual({ kind: 'not-member' });
    });
  });

  describe('erasure', () => {
    it('removes a member\'s rows, sessions and relayed copies, gives their place back, and touches nobody else\'s', async () => {
      const { initiative, create, join } = await setUp();
      const circle = await create();
      const other = await create({ description: 'Another' });
      const person = user('person');
      const stay = user('stay');
      const mine = await join(circle.id, person);
      const theirs = await join(circle.id, stay);
      const mineToo = await join(other.id, person);
      if (mine.kind !== 'joined' || theirs.kind !== 'joined' || mineToo.kind !== 'joined') throw new Error('not joined');
      await world.db.circleRelayed.createMany({
        data: [
          { circleId: circle.id, fromMemberId: mine.member.id, sourceTs: '1.1', toMemberId: theirs.member.id, mirrorTs: '2.1' },
          { circleId: circle.id, fromMemberId: theirs.member.id, sourceTs: '1.2', toMemberId: mine.member.id, mirrorTs: '2.2' },
        ],
      });

      const erased = await world.db.$transaction((tx) => eraseCircleData(tx, { userId: person, now: world.clock.now(), workspaceId: initiative.workspaceId }));
      expect(erased).toEqual({ memberships: 2, closed: [] });
      expect(await world.db.circleMember.count({ where: { userId: person } })).toBe(0);
      expect(await world.db.checkIn.count({ where: { recipientId: person } })).toBe(0);
      expect(await world.db.circleRelayed.count({ where: { circleId: circle.id } })).toBe(0);
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: circle.id } })).memberCount).toBe(1);
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: other.id } })).memberCount).toBe(0);
      expect(await world.db.circleMember.count({ where: { userId: stay } })).toBe(1);
      expect(await sessionsOf(theirs.member.id)).toHaveLength(1);
      // The anonymous count of joins stays: it never named them.
      expect((await countOf(initiative.id, 'circle_joined'))[0]!.count).toBe(3);
    });

    it('a circle whose creator erases their data stays, no longer naming them; one left without a facilitator closes', async () => {
      const { initiative, coordinator, facilitator, listener, create, join } = await setUp();
      const kept = await create({ facilitatorIds: [facilitator.userId, listener.userId] });
      const orphaned = await create({ facilitatorIds: [facilitator.userId] });
      const person = user('person');
      await join(orphaned.id, person);
      const now = world.clock.now();

      await world.db.$transaction((tx) => eraseCircleData(tx, { userId: coordinator, now, workspaceId: initiative.workspaceId }));
      expect(await world.db.circle.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ createdBy: '', status: 'open' });

      const erased = await world.db.$transaction((tx) => eraseCircleData(tx, { userId: facilitator.userId, now, workspaceId: initiative.workspaceId }));
      expect(erased.memberships).toBe(2);
      expect(erased.closed).toHaveLength(1);
      expect(erased.closed[0]!.circleId).toBe(orphaned.id);
      expect(erased.closed[0]!.members).toMatchObject([{ userId: person, role: 'member', channel: null, threadTs: null }]);
      expect(erased.closed[0]!.members[0]!.memberId).toBe(erased.closed[0]!.members[0]!.id);
      expect(await world.db.circle.findUniqueOrThrow({ where: { id: orphaned.id } })).toMatchObject({ status: 'closed', closedAt: now });
      expect(await world.db.checkIn.count({ where: { recipientId: person, kind: 'circle_session' } })).toBe(0);
      // Still facilitated by the listener: open.
      expect((await world.db.circle.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('open');
    });
  });
});
