import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { dispatchDueCheckIns } from '../../../src/features/check-ins/dispatcher.js';
import { answerOffer } from '../../../src/features/pairings/offers.js';
import { matchRequest } from '../../../src/features/requests/matching.js';
import { createRequest, initiativesWithWaitingRequests } from '../../../src/features/requests/service.js';
import { eraseDueWorkspaces, PARKED, reinstateWorkspace, uninstallWorkspace, type UninstallReason } from '../../../src/features/workspaces/service.js';
import { UNAVAILABLE_RETRY_MS } from '../../../src/delivery/unavailable.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { modelsInDependencyOrder, snapshotDatabase, type DatabaseSnapshot } from '../../support/database-snapshot.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makeRequest } from '../../support/factories.js';
import { serviceWorld, type ServiceWorld } from '../../support/service-world.js';

// Issue 16: a workspace's life with the app, on real databases, always with a second workspace B in the
// same database that must not notice anything. Uninstalling stops all work at once (its due rows are
// parked, its tokens deleted) and schedules its erasure; a reinstall within the grace period picks the
// work up again; once the grace period is over every row of the workspace is erased, and nothing else.

const START = '2026-03-02T10:00:00Z'; // a Monday, 10:00 UTC: check-ins a week on fall in working hours
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const GRACE_DAYS = 30;

const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;
const team = (label: string) => `T${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;

/** An installation as the store writes it; the sealed strings are dummies (nothing here opens them). */
function installFor(db: Db, teamId: string, at: Date) {
  return db.installation.create({
    data: {
      key: `T:${teamId}`,
      teamId,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      botScopes: 'chat:write,commands',
      botToken: 'v1.sealed-bot-token',
      botRefreshToken: 'v1.sealed-refresh-token',
      installerUserId: user('installer'),
      installedAt: at,
      updatedAt: at,
    },
  });
}

interface Paired {
  workspaceId: string;
  initiativeId: string;
  pairingId: string;
  requestId: string;
  seekerId: string;
  listenerUserId: string;
  coordinatorId: string;
}

/**
 * A pairing made the way the app makes it (request, offer, acceptance), so the workspace has what a
 * real one has: consent, a waiting update, an offer, introductions in the outbox, check-ins, a match time.
 */
async function pairedIn(
  world: ServiceWorld,
  workspaceId: string,
  people: { seekerId?: string; listenerUserId?: string; coordinatorId?: string; firstCheckInDays?: number } = {},
): Promise<Paired> {
  const coordinatorId = people.coordinatorId ?? user('coord');
  const initiative = await makeInitiative(world.db, { workspaceId, coordinatorId });
  await world.db.initiative.update({ where: { id: initiative.id }, data: { firstCheckInDays: people.firstCheckInDays ?? 7 } });
  const topicId = initiative.topics[0]!.id;
  const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1, ...(people.listenerUserId ? { userId: people.listenerUserId } : {}) });
  const seekerId = people.seekerId ?? user('seek');
  for (const id of [seekerId, listener.userId]) if (!world.slack.user(id)) world.slack.addUser({ id, tz: 'Europe/London' });
  const { requestId } = await createRequest(world.deps(), { workspaceId, initiativeId: initiative.id, seekerId, topicId, note: null, language: null, sameTimezone: false, seekerTimezone: null });
  const offered = await matchRequest(world.deps(), requestId);
  if (offered.kind !== 'offered') throw new Error(`no offer: ${offered.kind}`);
  const answer = await answerOffer(world.deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
  if (answer.kind !== 'paired') throw new Error(`not paired: ${answer.kind}`);
  return { workspaceId, initiativeId: initiative.id, pairingId: answer.pairing.id, requestId, seekerId, listenerUserId: listener.userId, coordinatorId };
}

/** The outbox rows and check-ins of a workspace, as the delivery columns stand. */
async function workOf(db: Db, workspaceId: string) {
  const initiativeIds = (await db.initiative.findMany({ where: { workspaceId }, select: { id: true } })).map((i) => i.id);
  const columns = { id: true, status: true, deliverAt: true, attempts: true, lastError: true } as const;
  const [outbox, checkIns] = await Promise.all([
    db.outboxMessage.findMany({ where: { workspaceId }, select: { ...columns, kind: true }, orderBy: { id: 'asc' } }),
    db.checkIn.findMany({ where: { initiativeId: { in: initiativeIds } }, select: { ...columns, kind: true }, orderBy: { id: 'asc' } }),
  ]);
  return { outbox, checkIns, all: [...outbox, ...checkIns] };
}

describe.each(TEST_PROVIDERS)('uninstall and reinstall on %s', (provider) => {
  const world = serviceWorld(provider, { start: START });
  const { clock, deps } = world;
  const uninstall = (workspaceId: string, reason: UninstallReason = 'app_uninstalled') => uninstallWorkspace(deps(), { workspaceId, graceDays: GRACE_DAYS, reason });

  it('stops the workspace at once: uninstalled, erasure after the grace period, its installation deleted, its due work parked; the other workspace is untouched', async () => {
    const [a, b] = [await pairedIn(world, team('a')), await pairedIn(world, team('b'))];
    await installFor(world.db, a.workspaceId, clock.now());
    await installFor(world.db, b.workspaceId, clock.now());
    clock.advance(7 * DAY); // the first check-ins are due; the introductions were never sent
    const [aBefore, bBefore] = [await workOf(world.db, a.workspaceId), await workOf(world.db, b.workspaceId)];
    const bWorkspace = await world.db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } });
    const dueA = aBefore.all.filter((r) => r.status === 'scheduled' && r.deliverAt <= clock.now());
    expect(dueA.filter((r) => r.kind === 'intro')).toHaveLength(2);
    expect(aBefore.checkIns.filter((r) => r.status === 'scheduled' && r.deliverAt <= clock.now()).length).toBeGreaterThanOrEqual(2);

    expect(await uninstall(a.workspaceId)).toEqual({ stopped: true });

    const now = clock.now().getTime();
    const workspace = await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
    expect(workspace.uninstalledAt?.getTime()).toBe(now);
    expect(workspace.eraseAfter?.getTime()).toBe(now + GRACE_DAYS * DAY);
    expect(await world.db.installation.count({ where: { teamId: a.workspaceId } })).toBe(0);
    expect(await world.db.installation.count({ where: { teamId: b.workspaceId } })).toBe(1);

    // Every row that was due waits a day, unsent, marked parked, without using up a try.
    const aAfter = await workOf(world.db, a.workspaceId);
    for (const row of dueA) {
      const after = aAfter.all.find((r) => r.id === row.id)!;
      expect(after).toEqual({ ...row, deliverAt: new Date(now + UNAVAILABLE_RETRY_MS), lastError: PARKED });
    }
    // Rows that were settled already (sent, cancelled) stay as they were.
    for (const row of aBefore.all.filter((r) => r.status !== 'scheduled')) expect(aAfter.all.find((r) => r.id === row.id)).toEqual(row);

    expect(await workOf(world.db, b.workspaceId)).toEqual(bBefore);
    expect(await world.db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } })).toEqual(bWorkspace);
  });

  it.each<[UninstallReason, UninstallReason]>([
    ['app_uninstalled', 'tokens_revoked'],
    ['tokens_revoked', 'app_uninstalled'],
    ['token_refused', 'app_uninstalled'],
  ])('after %s, %s changes nothing: stopped is false and the first erasure date stands', async (first, second) => {
    const a = await pairedIn(world, team('a'));
    expect(await uninstall(a.workspaceId, first)).toEqual({ stopped: true });
    const workspace = await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
    const work = await workOf(world.db, a.workspaceId);
    expect(work.outbox.some((r) => r.lastError === PARKED)).toBe(true);

    clock.advance(3 * HOUR); // Slack sends the other event later, or retries it, or another replica gets it
    expect(await uninstall(a.workspaceId, second)).toEqual({ stopped: false });
    expect(await uninstall(a.workspaceId, first)).toEqual({ stopped: false });

    expect(await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } })).toEqual(workspace);
    // Parked rows are not pushed back again by the repeat.
    expect(await workOf(world.db, a.workspaceId)).toEqual(work);
  });

  it('stops a workspace that never set anything up (no Workspace row yet), with an erasure date like any other', async () => {
    const fresh = team('fresh');
    const other = team('other');
    await installFor(world.db, fresh, clock.now());
    await installFor(world.db, other, clock.now());
    expect(await world.db.workspace.findUnique({ where: { id: fresh } })).toBeNull();

    expect(await uninstall(fresh, 'tokens_revoked')).toEqual({ stopped: true });
    const workspace = await world.db.workspace.findUniqueOrThrow({ where: { id: fresh } });
    expect(workspace.uninstalledAt?.getTime()).toBe(clock.now().getTime());
    expect(workspace.eraseAfter?.getTime()).toBe(clock.now().getTime() + GRACE_DAYS * DAY);
    expect(await world.db.installation.count({ where: { teamId: fresh } })).toBe(0);
    expect(await world.db.installation.count({ where: { teamId: other } })).toBe(1);
    expect(await world.db.workspace.findUnique({ where: { id: other } })).toBeNull();

    clock.advance(HOUR);
    expect(await uninstall(fresh, 'app_uninstalled')).toEqual({ stopped: false });
    expect((await world.db.workspace.findUniqueOrThrow({ where: { id: fresh } })).eraseAfter).toEqual(workspace.eraseAfter);
  });

  it('leaves work due later where it is: a check-in due in two weeks keeps its time through an uninstall and a reinstall', async () => {
    const a = await pairedIn(world, team('a'), { firstCheckInDays: 14 });
    // The first check-ins in two weeks, the planned-ending questions in six.
    const future = (await workOf(world.db, a.workspaceId)).checkIns.filter((r) => r.status === 'scheduled' && r.deliverAt.getTime() >= clock.now().getTime() + 14 * DAY);
    expect(future.map((r) => r.kind).sort()).toEqual(['listener', 'listener_review', 'seeker', 'seeker_review']);

    await uninstall(a.workspaceId);
    // Nothing is due there for two weeks: nothing to hold back yet (the dispatcher parks it if still uninstalled then).
    let after = (await workOf(world.db, a.workspaceId)).checkIns;
    for (const row of future) expect(after.find((r) => r.id === row.id), `${row.kind} check-in after the uninstall`).toEqual(row);

    clock.advance(2 * HOUR);
    expect(await reinstateWorkspace(world.db, a.workspaceId, clock.now())).toBe(true);
    // A reinstall does not bring a check-in forward by two weeks: it is still due when its cadence says.
    after = (await workOf(world.db, a.workspaceId)).checkIns;
    for (const row of future) expect(after.find((r) => r.id === row.id), `${row.kind} check-in after the reinstall`).toEqual(row);
  });

  it('a reinstall within the grace period calls the erasure off and sends what was parked now; the other workspace is untouched', async () => {
    const [a, b] = [await pairedIn(world, team('a')), await pairedIn(world, team('b'))];
    clock.advance(7 * DAY);
    await uninstall(a.workspaceId);
    const parked = (await workOf(world.db, a.workspaceId)).all.filter((r) => r.lastError === PARKED);
    expect(parked.length).toBeGreaterThanOrEqual(4); // two introductions, the seeker's and the listener's check-ins
    const bBefore = await workOf(world.db, b.workspaceId);
    const bWorkspace = await world.db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } });

    clock.advance(5 * HOUR);
    expect(await reinstateWorkspace(world.db, a.workspaceId, clock.now())).toBe(true);
    const workspace = await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
    expect([workspace.uninstalledAt, workspace.eraseAfter]).toEqual([null, null]);
    const after = await workOf(world.db, a.workspaceId);
    for (const row of parked) expect(after.all.find((r) => r.id === row.id)).toEqual({ ...row, deliverAt: clock.now(), lastError: null });

    // Once only; and a workspace that was never uninstalled has nothing to reinstate.
    expect(await reinstateWorkspace(world.db, a.workspaceId, clock.now())).toBe(false);
    expect(await reinstateWorkspace(world.db, b.workspaceId, clock.now())).toBe(false);
    expect(await workOf(world.db, b.workspaceId)).toEqual(bBefore);
    expect(await world.db.workspace.findUniqueOrThrow({ where: { id: b.workspaceId } })).toEqual(bWorkspace);

    // What was kept goes out now, to the people of A.
    await sendOutbox(world.sender, deps(), { owner: 'a' });
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    const postedTo = (id: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === id).length;
    // The introduction and the first check-in; not the planned-ending question, due only after six weeks.
    expect(postedTo(a.seekerId)).toBe(2);
    expect(postedTo(a.listenerUserId)).toBe(2);
  });

  it('matching leaves out an uninstalled workspace\'s initiatives, and takes them back after a reinstall', async () => {
    const [a, b] = [await makeInitiative(world.db, { workspaceId: team('a') }), await makeInitiative(world.db, { workspaceId: team('b') })];
    await makeRequest(world.db, { initiativeId: a.id, seekerId: user('seek') });
    await makeRequest(world.db, { initiativeId: b.id, seekerId: user('seek') });
    expect(await initiativesWithWaitingRequests(world.db)).toEqual(expect.arrayContaining([a.id, b.id]));

    await uninstall(a.workspaceId);
    const waiting = await initiativesWithWaitingRequests(world.db);
    expect(waiting).toContain(b.id);
    expect(waiting).not.toContain(a.id);

    await reinstateWorkspace(world.db, a.workspaceId, clock.now());
    expect(await initiativesWithWaitingRequests(world.db)).toEqual(expect.arrayContaining([a.id, b.id]));
  });
});

// ---- Erasure ---------------------------------------------------------------------------------------

/** Tables keyed by a person rather than a workspace: erased with the workspace only if nobody else knows the person. */
const PER_PERSON = new Set(['PersonTimezone', 'PersonPreference']);
/** Tables that hold nothing of a workspace. */
const NOT_PER_WORKSPACE = new Set(['ProcessedEvent', ...PER_PERSON]);

type Rows = Record<string, Record<string, unknown>[]>;

/**
 * The rows that belong to a workspace, found without knowing the schema: the Workspace row, every row
 * naming one of its ids (workspace, initiative, topic, listener, request, pairing ... ids), and so on
 * until nothing more is found. User ids are not followed: a person can be in two workspaces; nor are
 * key parts that are not ids (a chart's language, 'en', names no workspace).
 */
function rowsOfWorkspace(snapshot: DatabaseSnapshot, workspaceId: string): Rows {
  const models = modelsInDependencyOrder();
  const ids = new Set([workspaceId]);
  const owned = new Map<string, Set<Record<string, unknown>>>(models.map((m) => [m.name, new Set()]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of models) {
      for (const row of snapshot.rows[m.name] ?? []) {
        if (owned.get(m.name)!.has(row) || !Object.values(row).some((v) => typeof v === 'string' && ids.has(v))) continue;
        owned.get(m.name)!.add(row);
        if (!PER_PERSON.has(m.name)) for (const k of m.key) if (k === 'id' || k.endsWith('Id')) ids.add(String(row[k]));
        grew = true;
      }
    }
  }
  return Object.fromEntries([...owned].map(([name, rows]) => [name, [...rows]]));
}

/** Each table's primary keys, sorted: what "the same rows" means here. */
function keysOf(rows: Rows): Record<string, string[]> {
  return Object.fromEntries(
    modelsInDependencyOrder().map((m) => [m.name, (rows[m.name] ?? []).map((r) => JSON.stringify(m.key.map((k) => r[k]))).sort()]),
  );
}

function without(all: Rows, ...removed: Rows[]): Rows {
  const gone = removed.map(keysOf);
  return Object.fromEntries(
    modelsInDependencyOrder().map((m) => [
      m.name,
      (all[m.name] ?? []).filter((r) => !gone.some((g) => g[m.name]!.includes(JSON.stringify(m.key.map((k) => r[k]))))),
    ]),
  );
}

describe.each(TEST_PROVIDERS)('erasure after the grace period on %s', (provider) => {
  // A database of its own: erasure runs over every workspace due, so nothing from the tests above may be.
  const world = serviceWorld(provider, { start: START });
  const { clock, deps } = world;

  /** A workspace with everything a used one has: a pairing, its messages and check-ins, reports, insights, an installation. */
  async function populated(workspaceId: string, people: { seekerId: string; listenerUserId: string; coordinatorId: string }) {
    const p = await pairedIn(world, workspaceId, people);
    const db = world.db;
    const at = clock.now();
    await installFor(db, workspaceId, at);
    await db.consentRecord.createMany({
      data: [
        { workspaceId, userId: p.listenerUserId, initiativeId: p.initiativeId, purpose: 'listener', action: 'given', textVersion: 'v1', surface: 'modal:listen', createdAt: at },
        { workspaceId, userId: p.coordinatorId, initiativeId: p.initiativeId, purpose: 'coordinator', action: 'given', textVersion: 'v1', surface: 'modal:setup', createdAt: at },
      ],
    });
    await db.insightsAccess.create({ data: { initiativeId: p.initiativeId, viewerId: p.coordinatorId, action: 'view', createdAt: at } });
    await db.insightsSnapshot.create({
      data: { initiativeId: p.initiativeId, day: new Date('2026-03-02T00:00:00Z'), figures: '{}', createdAt: at, charts: { create: [{ language: 'en', fileId: `F0CHART${workspaceId}` }] } },
    });
    await db.invitation.create({ data: { initiativeId: p.initiativeId, role: 'hr_viewer', inviteeId: user('invitee'), createdAt: at } });
    await db.pairBlock.create({ data: { initiativeId: p.initiativeId, seekerId: user('earlier'), listenerUserId: p.listenerUserId } });
    await db.report.create({
      data: { initiativeId: p.initiativeId, pairingId: p.pairingId, reporterId: p.seekerId, reporterSide: 'seeker', reporterPseudonym: 'Otter', reason: 'Something else', createdAt: at },
    });
    await db.relayedMessage.create({ data: { pairingId: p.pairingId, fromSide: 'seeker', sourceTs: '1772445600.000100', mirrorTs: '1772445600.000200' } });
    // A circle (issue 20) the listener facilitates and the seeker joined, with a relayed copy, a session held and the next prompt due.
    const circle = await db.circle.create({
      data: {
        initiativeId: p.initiativeId,
        description: 'Colleagues caring for a parent.',
        capacity: 5,
        memberCount: 1,
        cadence: 'weekly',
        weekday: 2,
        localTime: '18:00',
        timezone: 'Europe/London',
        firstSessionAt: at,
        prompt: 'How was your week?',
        guidelines: 'What is said here stays here.',
        status: 'open',
        createdBy: p.coordinatorId,
        createdAt: at,
      },
    });
    const facilitator = await db.circleMember.create({ data: { circleId: circle.id, userId: p.listenerUserId, role: 'facilitator', pseudonym: 'Heron', joinedAt: at } });
    const member = await db.circleMember.create({ data: { circleId: circle.id, userId: p.seekerId, role: 'member', pseudonym: 'Wren', joinedAt: at } });
    await db.circleRelayed.create({ data: { circleId: circle.id, fromMemberId: member.id, toMemberId: facilitator.id, sourceTs: '1772445600.000300', mirrorTs: '1772445600.000400' } });
    await db.circleSession.create({ data: { circleId: circle.id, sequence: 1, startsAt: at, heldAt: at } });
    await db.checkIn.create({
      data: { initiativeId: p.initiativeId, kind: 'circle_session', subjectId: member.id, recipientId: p.seekerId, sequence: 2, dueAt: at, deliverAt: at, status: 'scheduled' },
    });
    for (const userId of [p.seekerId, p.listenerUserId, p.coordinatorId]) {
      await db.personTimezone.upsert({ where: { userId }, create: { userId, timezone: 'Europe/London', fetchedAt: at }, update: {} });
      await db.personPreference.upsert({ where: { userId }, create: { userId, previews: true, updatedAt: at }, update: {} });
    }
    // Some of it sent, some still waiting: the introductions went, the check-ins are due next week.
    await sendOutbox(world.sender, deps(), { owner: 'setup' });
    return p;
  }

  it('erases every row of the workspace once the grace period is over, and not one row of the other', async () => {
    // A person in both workspaces (the same user id, as in an Enterprise Grid org): A's coordinator, B's listener.
    const shared = user('shared');
    const a = await populated(team('a'), { seekerId: user('seeka'), listenerUserId: user('lista'), coordinatorId: shared });
    const b = await populated(team('b'), { seekerId: user('seekb'), listenerUserId: shared, coordinatorId: user('coordb') });
    const bystander = user('bystander');
    await world.db.personTimezone.create({ data: { userId: bystander, timezone: 'Asia/Tokyo', fetchedAt: clock.now() } });

    const before = await snapshotDatabase(world.db);
    const [ofA, ofB] = [rowsOfWorkspace(before, a.workspaceId), rowsOfWorkspace(before, b.workspaceId)];
    // Both workspaces are realistic: a row in every table a workspace can have rows in.
    for (const m of modelsInDependencyOrder().filter((model) => !NOT_PER_WORKSPACE.has(model.name))) {
      expect(ofA[m.name]!.length, `A's ${m.name} rows`).toBeGreaterThan(0);
      expect(ofB[m.name]!.length, `B's ${m.name} rows`).toBeGreaterThan(0);
    }

    expect((await uninstallWorkspace(deps(), { workspaceId: a.workspaceId, graceDays: GRACE_DAYS, reason: 'app_uninstalled' })).stopped).toBe(true);
    const uninstalled = await snapshotDatabase(world.db);

    // Until the grace period is over nothing goes, however often the job runs.
    clock.advance(GRACE_DAYS * DAY - 1);
    expect(await eraseDueWorkspaces(deps())).toBe(0);
    expect(keysOf((await snapshotDatabase(world.db)).rows)).toEqual(keysOf(uninstalled.rows));

    clock.advance(1);
    expect(await eraseDueWorkspaces(deps())).toBe(1);
    const after = await snapshotDatabase(world.db);

    // Nothing of A is left anywhere, under any table.
    const leftOfA = rowsOfWorkspace(after, a.workspaceId);
    expect(Object.entries(leftOfA).filter(([, rows]) => rows.length > 0).map(([name]) => name)).toEqual([]);
    const aOnly = [a.seekerId, a.listenerUserId];
    expect(JSON.stringify(after.rows)).not.toContain(a.workspaceId);
    for (const id of aOnly) expect(JSON.stringify(after.rows), `a person only in A: ${id}`).not.toContain(id);

    // Everything else is exactly as it was: B's rows per table, the shared person's and a bystander's timezone and preferences.
    const perPersonOfA: Rows = {
      PersonTimezone: uninstalled.rows.PersonTimezone!.filter((r) => aOnly.includes(String(r.userId))),
      PersonPreference: uninstalled.rows.PersonPreference!.filter((r) => aOnly.includes(String(r.userId))),
    };
    expect(perPersonOfA.PersonTimezone).toHaveLength(2);
    expect(keysOf(after.rows)).toEqual(keysOf(without(uninstalled.rows, rowsOfWorkspace(uninstalled, a.workspaceId), perPersonOfA)));
    const ofBAfter = rowsOfWorkspace(after, b.workspaceId);
    for (const m of modelsInDependencyOrder()) expect(ofBAfter[m.name]!.length, `B's ${m.name} rows`).toBe(ofB[m.name]!.length);
    expect(after.rows.PersonTimezone!.map((r) => r.userId)).toEqual(expect.arrayContaining([shared, bystander, b.seekerId, b.coordinatorId]));
    expect(after.rows.PersonPreference!.map((r) => r.userId)).toEqual(expect.arrayContaining([shared, b.seekerId, b.coordinatorId]));

    // Erased once: the next run finds nothing.
    expect(await eraseDueWorkspaces(deps())).toBe(0);
  });

  it('erases nothing of a workspace reinstalled before the grace period ended', async () => {
    const a = await populated(team('a'), { seekerId: user('seeka'), listenerUserId: user('lista'), coordinatorId: user('coorda') });
    await uninstallWorkspace(deps(), { workspaceId: a.workspaceId, graceDays: GRACE_DAYS, reason: 'tokens_revoked' });
    clock.advance(10 * DAY);
    expect(await reinstateWorkspace(world.db, a.workspaceId, clock.now())).toBe(true);
    const reinstated = await snapshotDatabase(world.db);

    clock.advance(GRACE_DAYS * DAY);
    expect(await eraseDueWorkspaces(deps())).toBe(0);
    expect(keysOf((await snapshotDatabase(world.db)).rows)).toEqual(keysOf(reinstated.rows));
    expect(await world.db.workspace.findUnique({ where: { id: a.workspaceId } })).not.toBeNull();
  });
});
