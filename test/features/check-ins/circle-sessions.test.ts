import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { firstSlotAfter } from '../../../src/domain/circle-sessions.js';
import { weekStart } from '../../../src/domain/weeks.js';
import { dispatchDueCheckIns } from '../../../src/features/check-ins/dispatcher.js';
import { removeMemberSessions, scheduleNextSession } from '../../../src/features/circles/sessions.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';

// A circle's session prompts (issue 20) ride on the check-in machinery: one prompt per member per session,
// at a humane hour for that member, in their circle thread, exactly once across replicas; the session is
// counted once however many members get its prompt. Circles and members are rows written here directly.

const DAY = 86_400_000;
const PROMPT = 'What helped you this week? <!channel> & friends';
const GUIDELINES = 'What is said in the circle stays in the circle.';

describe.each(TEST_PROVIDERS)('circle session prompts on %s', (provider) => {
  // Monday 2 March 2026, 07:00 UTC (winter time: Berlin UTC+1, New York UTC-5).
  const world = serviceWorld(provider, { start: '2026-03-02T07:00:00Z' });
  const { clock, deps } = world;

  /** A circle meeting on Mondays at `localTime` in `timezone`, its first slot the next one after now, with people in the given timezones. */
  async function circleWith(people: { tz: string; role?: 'member' | 'facilitator'; thread?: boolean }[], options: { localTime?: string; timezone?: string; cadence?: string } = {}) {
    const initiative = await makeInitiative(world.db);
    const topicId = initiative.topics[0]!.id;
    const timezone = options.timezone ?? 'Europe/Berlin';
    const localTime = options.localTime ?? '09:00';
    const circle = await world.db.circle.create({
      data: {
        initiativeId: initiative.id,
        topicId,
        description: 'Carers <of> parents',
        capacity: 8,
        memberCount: people.filter((p) => (p.role ?? 'member') === 'member').length,
        cadence: options.cadence ?? 'weekly',
        weekday: 1,
        localTime,
        timezone,
        firstSessionAt: firstSlotAfter({ weekday: 1, localTime, timezone, now: clock.now() }),
        prompt: PROMPT,
        guidelines: GUIDELINES,
        status: 'open',
        createdBy: 'UCREATOR',
        createdAt: clock.now(),
      },
    });
    const members: { id: string; userId: string; pseudonym: string; channel: string | null; threadTs: string | null }[] = [];
    for (const [i, person] of people.entries()) {
      const userId = `UCIRC${randomUUID().slice(0, 8).toUpperCase()}`;
      world.slack.addUser({ id: userId, tz: person.tz });
      const thread = person.thread ?? true;
      members.push(
        await world.db.circleMember.create({
          data: {
            circleId: circle.id,
            userId,
            role: person.role ?? 'member',
            pseudonym: `Pseudonym${i}`,
            channel: thread ? `D${userId}` : null,
            threadTs: thread ? `1772400000.00010${i}` : null,
            joinedAt: clock.now(),
          },
        }),
      );
    }
    await world.db.$transaction(async (tx) => {
      for (const m of members) await scheduleNextSession(tx, { memberId: m.id, userId: m.userId, circle, after: clock.now() });
    });
    return { initiative, topicId, circle, members };
  }

  const postsTo = (userId: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${userId}` || c.args.channel === userId);
  const heldCount = async (initiativeId: string) =>
    (await world.db.anonymousCount.findMany({ where: { initiativeId, metric: 'circle_session_held' } })).reduce((sum, r) => sum + r.count, 0);

  it('schedules one prompt per member for the next session, idempotently, on the circle\'s own clock', async () => {
    const { circle, members } = await circleWith([{ tz: 'Europe/Berlin' }]);
    const member = members[0]!;
    // Called again (a retried join, say): still one pending prompt.
    await world.db.$transaction((tx) => scheduleNextSession(tx, { memberId: member.id, userId: member.userId, circle, after: clock.now() }));
    const rows = await world.db.checkIn.findMany({ where: { subjectId: member.id, kind: 'circle_session' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sequence: 1, status: 'scheduled', recipientId: member.userId, initiativeId: circle.initiativeId });
    // Monday 09:00 in Berlin; dueAt is the slot, and delivery starts there too (the dispatcher moves it).
    expect(rows[0]!.dueAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(rows[0]!.deliverAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');

    // Someone joining mid-week gets the next session's prompt: the first slot at or after the moment.
    const [late] = (await circleWith([{ tz: 'Europe/Berlin' }])).members;
    await world.db.checkIn.deleteMany({ where: { subjectId: late!.id } });
    await world.db.$transaction((tx) =>
      scheduleNextSession(tx, { memberId: late!.id, userId: late!.userId, circle, after: new Date('2026-03-04T12:00:00Z') }),
    );
    const next = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: late!.id } });
    expect(next.sequence).toBe(2);
    expect(next.dueAt.toISOString()).toBe('2026-03-09T08:00:00.000Z');
  });

  it('sends each of four members the prompt once per session with two dispatchers racing, and counts the session once', async () => {
    const { initiative, topicId, circle, members } = await circleWith([
      { tz: 'Europe/Berlin' },
      { tz: 'Europe/Berlin' },
      { tz: 'Europe/Athens' },
      { tz: 'Europe/Madrid' },
      { tz: 'Europe/Berlin', role: 'facilitator' },
    ]);
    clock.set('2026-03-02T08:00:00Z'); // the slot: 09:00 in Berlin and Madrid, 10:00 in Athens
    const second: Database = await openDatabase(world.database.url);
    try {
      const [a, b] = await Promise.all([
        dispatchDueCheckIns(world.sender, deps(), { owner: 'replica-a', batchSize: 1 }),
        dispatchDueCheckIns(world.sender, deps(second.db), { owner: 'replica-b', batchSize: 1 }),
      ]);
      // (Earlier tests' circles share the database: count this circle's posts, not the reports' totals.)
      expect(a['lease-lost'] + b['lease-lost']).toBe(0);
    } finally {
      await second.close();
    }
    for (const m of members) {
      const posts = postsTo(m.userId);
      expect(posts, m.pseudonym).toHaveLength(1);
      // In the person's circle thread, broadcast so it shows in their DM with the app too.
      // (The Web API client sends form fields: the boolean arrives as the string 'true'.)
      expect(posts[0]!.args).toMatchObject({ channel: m.channel, thread_ts: m.threadTs, reply_broadcast: 'true' });
      const text = JSON.stringify(posts[0]!.args.blocks);
      // The facilitator's words as written, escaped: no @channel through the app.
      expect(text).toContain('What helped you this week? &lt;!channel&gt; &amp; friends');
      expect(text).not.toContain('<!channel>');
      expect(text).toContain(GUIDELINES);
      expect(text).toContain('0800 000 000');
      // What the circle is about is not on a lock screen: the notification says only that it meets.
      expect(posts[0]!.args.text).toBe('Your circle has a new session (Peer Support)');
      expect(text).not.toContain('Carers');
      // Nothing to answer: no buttons.
      expect(text).not.toContain('"actions"');
    }
    expect(await world.db.circleSession.findMany({ where: { circleId: circle.id }, select: { sequence: true, startsAt: true } })).toEqual([
      { sequence: 1, startsAt: new Date('2026-03-02T08:00:00Z') },
    ]);
    const counts = await world.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'circle_session_held' } });
    expect(counts).toEqual([expect.objectContaining({ topicId, count: 1, weekStart: weekStart(clock.now()) })]);

    // Each member's next prompt is the next session's, a week on.
    const pending = await world.db.checkIn.findMany({ where: { subjectId: { in: members.map((m) => m.id) }, status: 'scheduled' } });
    expect(pending.map((c) => [c.sequence, c.dueAt.toISOString()])).toEqual(members.map(() => [2, '2026-03-09T08:00:00.000Z']));

    // More ticks the same day send nothing more.
    clock.advance(60_000);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'replica-a' });
    expect(members.map((m) => postsTo(m.userId).length)).toEqual([1, 1, 1, 1, 1]);

    // The next session: once each again, counted once more.
    clock.set('2026-03-09T08:00:00Z');
    await Promise.all([dispatchDueCheckIns(world.sender, deps(), { owner: 'replica-a' }), dispatchDueCheckIns(world.sender, deps(), { owner: 'replica-b' })]);
    expect(members.map((m) => postsTo(m.userId).length)).toEqual([2, 2, 2, 2, 2]);
    expect(await heldCount(initiative.id)).toBe(2);
    expect(await world.db.circleSession.count({ where: { circleId: circle.id } })).toBe(2);
  });

  it('waits for a humane hour for a member for whom the slot is 03:00, and still counts the session once', async () => {
    // Monday 09:00 in Berlin is 08:00 UTC: 03:00 in New York.
    const { initiative, circle, members } = await circleWith([{ tz: 'Europe/Berlin' }, { tz: 'America/New_York' }]);
    const [berlin, newYork] = members as [(typeof members)[0], (typeof members)[0]];
    clock.set('2026-03-02T08:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(berlin.userId)).toHaveLength(1);
    expect(postsTo(newYork.userId)).toHaveLength(0);
    const waiting = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: newYork.id, sequence: 1 } });
    expect(waiting.deliverAt.toISOString()).toBe('2026-03-02T13:00:00.000Z'); // Monday 08:00 in New York, their waking hours' start
    expect(waiting.dueAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');

    clock.set('2026-03-02T12:59:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(newYork.userId)).toHaveLength(0);
    clock.set('2026-03-02T13:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'b' });
    expect(postsTo(newYork.userId)).toHaveLength(1);
    // Two prompts of one session: one session held.
    expect(await heldCount(initiative.id)).toBe(1);
    expect(await world.db.circleSession.count({ where: { circleId: circle.id } })).toBe(1);
    // And New York's next prompt is session 2's slot, not a week after it was sent.
    const next = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: newYork.id, status: 'scheduled' } });
    expect([next.sequence, next.dueAt.toISOString()]).toEqual([2, '2026-03-09T08:00:00.000Z']);
  });

  it('sends an evening circle\'s prompt at its own hour, not the next working morning', async () => {
    // Monday 19:30 in Berlin (18:30 UTC): outside working hours, inside waking hours (src/domain/delivery.ts).
    const { members } = await circleWith([{ tz: 'Europe/Berlin' }], { localTime: '19:30' });
    clock.set('2026-03-02T18:30:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(members[0]!.userId)).toHaveLength(1);
  });

  it('keeps the circle\'s local hour across a daylight-saving change, and moves each delivery to the member\'s humane hour', async () => {
    // Berlin goes to summer time on 29 March: session 5 (30 March) is at 07:00 UTC, not 08:00.
    const { members } = await circleWith([{ tz: 'Europe/Berlin' }]);
    const member = members[0]!;
    for (const at of ['2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z']) {
      clock.set(at);
      await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    }
    const fifth = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: member.id, status: 'scheduled' } });
    expect([fifth.sequence, fifth.dueAt.toISOString()]).toEqual([5, '2026-03-30T07:00:00.000Z']);
    clock.set('2026-03-30T07:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(member.userId)).toHaveLength(5);
  });

  it('sends nothing to a member who left, and nothing once the circle is closed', async () => {
    const { circle, members } = await circleWith([{ tz: 'Europe/Berlin' }, { tz: 'Europe/Berlin' }, { tz: 'Europe/Berlin' }]);
    const [leaver, gone, stayer] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    // Leaving removes their prompts with their row (as the circles service does)...
    await world.db.$transaction(async (tx) => {
      await removeMemberSessions(tx, leaver.id);
      await tx.circleMember.delete({ where: { id: leaver.id } });
    });
    expect(await world.db.checkIn.count({ where: { subjectId: leaver.id } })).toBe(0);
    // ...and a prompt whose member row is gone anyway is cancelled when due, not sent.
    await world.db.circleMember.delete({ where: { id: gone.id } });
    clock.set('2026-03-02T08:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(leaver.userId)).toHaveLength(0);
    expect(postsTo(gone.userId)).toHaveLength(0);
    expect(postsTo(stayer.userId)).toHaveLength(1);
    expect(await world.db.checkIn.findMany({ where: { subjectId: gone.id }, select: { status: true } })).toEqual([{ status: 'cancelled' }]);

    // Closed before the next session: its prompt is cancelled and no other follows.
    await world.db.circle.update({ where: { id: circle.id }, data: { status: 'closed', closedAt: clock.now() } });
    clock.set('2026-03-09T08:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(stayer.userId)).toHaveLength(1);
    expect(await world.db.checkIn.findMany({ where: { subjectId: stayer.id }, select: { sequence: true, status: true }, orderBy: { sequence: 'asc' } })).toEqual([
      { sequence: 1, status: 'sent' },
      { sequence: 2, status: 'cancelled' },
    ]);
    expect(await world.db.circleSession.count({ where: { circleId: circle.id } })).toBe(1);
  });

  it('a prompt being sent when its member leaves is settled quietly, not rescheduled', async () => {
    const { circle, members } = await circleWith([{ tz: 'Europe/Berlin' }]);
    const member = members[0]!;
    clock.set('2026-03-02T08:00:00Z');
    // Slack answers only once the member has left (their row and prompts removed meanwhile).
    world.slack.setResponse('chat.postMessage', async (call, fallback) => {
      if (call.args.channel !== member.channel) return fallback();
      await world.db.$transaction(async (tx) => {
        await removeMemberSessions(tx, member.id);
        await tx.circleMember.delete({ where: { id: member.id } });
      });
      return fallback();
    });
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    world.slack.clearResponse('chat.postMessage');
    expect(await world.db.checkIn.findMany({ where: { subjectId: member.id }, select: { status: true } })).toEqual([{ status: 'cancelled' }]);
    expect(await world.db.checkIn.count({ where: { subjectId: member.id, status: { in: ['scheduled', 'sending'] } } })).toBe(0);
    // The prompt did go out before they left: the session is not counted for a prompt recorded as cancelled.
    expect(await world.db.circleSession.count({ where: { circleId: circle.id } })).toBe(0);
  });

  it('words the prompt in each member\'s language, the facilitator\'s own words as written', async () => {
    const { members } = await circleWith([{ tz: 'Europe/Berlin' }, { tz: 'Europe/Madrid' }]);
    const [german, spanish] = members as [(typeof members)[0], (typeof members)[0]];
    await world.db.personPreference.createMany({
      data: [
        { userId: german.userId, language: 'de', updatedAt: clock.now() },
        { userId: spanish.userId, language: 'es', updatedAt: clock.now() },
      ],
    });
    clock.set('2026-03-02T08:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    const [de] = postsTo(german.userId);
    const [es] = postsTo(spanish.userId);
    expect(de!.args.text).toBe('Dein Kreis hat ein neues Treffen (Peer Support)');
    expect(es!.args.text).toBe('Tu círculo tiene una nueva sesión (Peer Support)');
    expect(JSON.stringify(de!.args.blocks)).toContain('Treffen 1 deines Kreises');
    expect(JSON.stringify(es!.args.blocks)).toContain('Sesión 1 de tu círculo');
    for (const post of [de!, es!]) expect(JSON.stringify(post.args.blocks)).toContain('What helped you this week?');
  });

  it('sends the prompt to the DM when the welcome thread is not there yet', async () => {
    const { members } = await circleWith([{ tz: 'Europe/Berlin', thread: false }]);
    clock.set('2026-03-02T08:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    const posts = postsTo(members[0]!.userId);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe(members[0]!.userId);
    expect(posts[0]!.args.thread_ts).toBeUndefined();
  });

  it('after a long downtime sends one prompt, and the next is the first session still ahead', async () => {
    const { members } = await circleWith([{ tz: 'Europe/Berlin' }], { cadence: 'fortnightly' });
    const member = members[0]!;
    clock.set(new Date(new Date('2026-03-02T08:00:00Z').getTime() + 45 * DAY + 60 * 60_000).toISOString()); // Thursday 16 April, 09:00 UTC
    for (let tick = 0; tick < 3; tick++) await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(member.userId)).toHaveLength(1);
    const next = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: member.id, status: 'scheduled' } });
    // Fortnightly from 2 March: 16 March, 30 March, 13 April have passed; 27 April (summer time) is next.
    expect([next.sequence, next.dueAt.toISOString()]).toEqual([5, '2026-04-27T07:00:00.000Z']);
  });
});
