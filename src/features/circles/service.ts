import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AppLanguage } from '../../domain/app-language.js';
import { firstSlotAfter, sessionAtOrAfter, slotOf } from '../../domain/circle-sessions.js';
import {
  cleanCircleInput,
  validateCircleInput,
  type CircleCadence,
  type CircleInput,
  type CircleInputError,
  type CircleRole,
  type CircleStatus,
} from '../../domain/circles.js';
import { pickPseudonym, type Random } from '../../domain/pseudonyms.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { recordConsent } from '../consent/record.js';
import { hasRole } from '../initiatives/service.js';
import { removeMemberSessions, scheduleNextSession } from './sessions.js';

// Peer-support circles (issue 20): creating, listing, joining, leaving, closing, pausing a member,
// revealing oneself, and a person's circle data on erasure. No Slack types. Roles are read from the
// database on every call, never taken from a button's value. Each function takes the client and, where
// time or chance matters, `now` and `random` (the shared design's interface).

export interface Circle {
  id: string;
  initiativeId: string;
  topicId: string | null;
  description: string;
  /** Members, facilitators not counted. */
  capacity: number;
  memberCount: number;
  cadence: CircleCadence;
  weekday: number;
  localTime: string;
  timezone: string;
  firstSessionAt: Date;
  prompt: string;
  guidelines: string;
  status: CircleStatus;
  /** '' once its creator erased their data. */
  createdBy: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface CircleMember {
  id: string;
  circleId: string;
  userId: string;
  role: CircleRole;
  pseudonym: string;
  channel: string | null;
  threadTs: string | null;
  revealed: boolean;
  pausedUntil: Date | null;
  joinedAt: Date;
}

/** The same row under the name the Slack side reads members by. */
export type CircleMemberRow = CircleMember;

/** A circle as `/peer circles` and the Home tab list it. */
export interface CircleSummary {
  id: string;
  initiativeId: string;
  initiativeName: string;
  /** The initiative's texts in other languages, as stored, for the topic label in the reader's (domain/initiative-texts.ts). */
  initiativeTexts: string;
  topicId: string | null;
  /** The topic's label as the initiative wrote it; null: open to every topic. */
  topic: string | null;
  description: string;
  cadence: CircleCadence;
  weekday: number;
  localTime: string;
  timezone: string;
  firstSessionAt: Date;
  capacity: number;
  placesLeft: number;
  /** The person is in it; then their role, circle pseudonym (their own, never another's) and row. */
  mine: boolean;
  role: CircleRole | null;
  pseudonym: string | null;
  member: { id: string; pseudonym: string; role: CircleRole; threadTs: string | null } | null;
  /** They facilitate it or coordinate its initiative. */
  canManage: boolean;
}

/** A circle with what its messages need to say about it. */
export interface CircleDetail extends Circle {
  workspaceId: string;
  initiativeName: string;
  initiativeTexts: string;
  /** The topic's label as the initiative wrote it; null: open to every topic. */
  topic: string | null;
  placesLeft: number;
  /** For the `viewerId` asked about: a facilitator of this circle or a coordinator of its initiative. False without one. */
  viewerCanManage: boolean;
  /** For the `viewerId` asked about: a coordinator of its initiative. */
  viewerCanClose: boolean;
}

/** Someone in a circle with where their welcome message is (channel, threadTs), so a closing notice can reach (or update) it. */
export interface MemberAddress extends CircleMember {
  /** The same as `id`, under the name the notices log. */
  memberId: string;
}

type CircleRow = Omit<Circle, 'cadence' | 'status'> & { cadence: string; status: string };
type MemberRow = Omit<CircleMember, 'role'> & { role: string };

function toCircle(row: CircleRow): Circle {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    topicId: row.topicId,
    description: row.description,
    capacity: row.capacity,
    memberCount: row.memberCount,
    cadence: row.cadence as CircleCadence,
    weekday: row.weekday,
    localTime: row.localTime,
    timezone: row.timezone,
    firstSessionAt: row.firstSessionAt,
    prompt: row.prompt,
    guidelines: row.guidelines,
    status: row.status as CircleStatus,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}

function toMember(row: MemberRow): CircleMember {
  return {
    id: row.id,
    circleId: row.circleId,
    userId: row.userId,
    role: row.role as CircleRole,
    pseudonym: row.pseudonym,
    channel: row.channel,
    threadTs: row.threadTs,
    revealed: row.revealed,
    pausedUntil: row.pausedUntil,
    joinedAt: row.joinedAt,
  };
}

const placesLeft = (circle: { capacity: number; memberCount: number }) => Math.max(0, circle.capacity - circle.memberCount);

/** Where sessions come from: the local clock of the circle keeps each slot at its hour across DST. */
const clockOf = (circle: Circle) => ({
  firstSessionAt: circle.firstSessionAt,
  cadence: circle.cadence,
  timezone: circle.timezone,
  localTime: circle.localTime,
});

// ---- Who may do what ---------------------------------------------------------------------------------

async function isActiveListener(db: Db | Tx, initiativeId: string, userId: string, facilitator?: true): Promise<boolean> {
  const row = await db.listenerProfile.findFirst({
    where: { initiativeId, userId, status: 'active', ...(facilitator ? { facilitator: true } : {}) },
    select: { id: true },
  });
  return row !== null;
}

export type CreatorRole = 'coordinator' | 'facilitator';

/** An initiative the person may create a circle in, with its topics for the form. */
export interface CreatableIn {
  id: string;
  name: string;
  role: CreatorRole;
  topics: { id: string; label: string }[];
}

/**
 * The initiatives of this workspace in which the person may create a circle: as a coordinator, or as an
 * active listener a coordinator approved as facilitator. A coordinator who is also such a listener is
 * listed once, as coordinator (the wider role: they need not facilitate it themselves).
 */
export async function canCreateCircle(db: Db, input: { workspaceId: string; userId: string }): Promise<{ initiatives: CreatableIn[] }> {
  const initiative = {
    select: { id: true, name: true, createdAt: true, topics: { orderBy: { position: 'asc' as const }, select: { id: true, label: true } } },
  };
  const [coordinating, facilitating] = await Promise.all([
    db.initiativeMember.findMany({
      where: { userId: input.userId, role: 'coordinator', initiative: { workspaceId: input.workspaceId } },
      select: { initiative },
    }),
    db.listenerProfile.findMany({
      where: { userId: input.userId, status: 'active', facilitator: true, initiative: { workspaceId: input.workspaceId } },
      select: { initiative },
    }),
  ]);
  type Found = (typeof coordinating)[number]['initiative'];
  const byId = new Map<string, Found & { role: CreatorRole }>();
  for (const f of facilitating) byId.set(f.initiative.id, { ...f.initiative, role: 'facilitator' });
  for (const c of coordinating) byId.set(c.initiative.id, { ...c.initiative, role: 'coordinator' });
  const initiatives = [...byId.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { initiatives: initiatives.map(({ id, name, role, topics }) => ({ id, name, role, topics })) };
}

/**
 * A coordinator approves (or withdraws) a listener as facilitator, who may then create circles. Only
 * coordinators of that listener's own initiative; a profile that does not exist says no more than that.
 */
export async function setFacilitator(db: Db, input: { byUserId: string; listenerProfileId: string; facilitator: boolean }): Promise<'done' | 'not-allowed'> {
  const profile = await db.listenerProfile.findUnique({ where: { id: input.listenerProfileId }, select: { initiativeId: true } });
  if (!profile || !(await hasRole(db, profile.initiativeId, input.byUserId, 'coordinator'))) return 'not-allowed';
  await db.listenerProfile.updateMany({ where: { id: input.listenerProfileId }, data: { facilitator: input.facilitator } });
  return 'done';
}

/**
 * For each initiative of the workspace that `userId` coordinates: its active listeners, and which of them
 * a coordinator approved to create and facilitate circles. Coordinators see listeners by name anyway
 * (DESIGN.md invariant 5 allows it); nobody else gets this list.
 */
export async function facilitatorChoicesFor(
  db: Db,
  input: { workspaceId: string; userId: string },
): Promise<{ id: string; name: string; listeners: { profileId: string; userId: string; facilitator: boolean }[] }[]> {
  const initiatives = await db.initiative.findMany({
    where: { workspaceId: input.workspaceId, members: { some: { userId: input.userId, role: 'coordinator' } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, listeners: { where: { status: 'active' }, orderBy: { createdAt: 'asc' }, select: { id: true, userId: true, facilitator: true } } },
  });
  return initiatives.map((i) => ({ id: i.id, name: i.name, listeners: i.listeners.map((l) => ({ profileId: l.id, userId: l.userId, facilitator: l.facilitator })) }));
}

// ---- Pseudonyms ----------------------------------------------------------------------------------------

/**
 * Names a person must not have in this circle: every name already in it (unique within a circle), and
 * the person's own names in their conversations (as seeker, listener, or on a request still open), so
 * someone in both could not link their circle messages to their pairing (issue 20).
 */
async function namesToAvoid(tx: Tx, circleId: string, userId: string): Promise<Set<string>> {
  const inCircle = await tx.circleMember.findMany({ where: { circleId }, select: { pseudonym: true } });
  const asSeeker = await tx.pairing.findMany({ where: { seekerId: userId, status: 'active' }, select: { seekerPseudonym: true } });
  const asListener = await tx.pairing.findMany({ where: { listenerUserId: userId, status: 'active' }, select: { listenerPseudonym: true } });
  const requests = await tx.supportRequest.findMany({
    where: { seekerId: userId, status: { in: ['waiting', 'offered', 'paired'] } },
    select: { seekerPseudonym: true },
  });
  return new Set([
    ...inCircle.map((m) => m.pseudonym),
    ...asSeeker.map((p) => p.seekerPseudonym),
    ...asListener.map((p) => p.listenerPseudonym),
    ...requests.map((r) => r.seekerPseudonym),
  ]);
}

/** Tries of a transaction that lost a race to a unique key (a name taken, or the same person joining twice, at that moment). */
const UNIQUE_RACE_ATTEMPTS = 4;

/**
 * Runs `work` (a whole transaction) again when it lost a race to a unique key. The whole transaction,
 * not the one insert: on PostgreSQL the failed insert has aborted it; its retry reads the winner's row
 * (a name now in use, or the person already in), and its claim on a place was rolled back with it.
 */
async function retryOnUniqueRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= UNIQUE_RACE_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}

// ---- Creating ------------------------------------------------------------------------------------------

export type CreateCircleResult =
  | { kind: 'created'; circle: CircleDetail; facilitators: CircleMember[] }
  | { kind: 'invalid'; errors: CircleInputError[] }
  | { kind: 'not-allowed' };

/**
 * Creates a circle with a facilitator row (and pseudonym) for each facilitator, in one transaction.
 * Allowed for coordinators of the initiative, and for its active listeners approved as facilitator, who
 * must then facilitate it themselves (the approval is for them, not for whoever they name). Facilitators
 * must be coordinators or active listeners of the initiative: people it already knows and who agreed to
 * its guidelines. Facilitators take no place: `capacity` counts members only.
 */
export async function createCircle(
  db: Db,
  input: { workspaceId: string; createdBy: string; input: CircleInput; now: Date; random: Random },
): Promise<CreateCircleResult> {
  const { now, random } = input;
  const settings = cleanCircleInput(input.input);
  return db.$transaction(async (tx): Promise<CreateCircleResult> => {
    const initiative = await tx.initiative.findFirst({ where: { id: settings.initiativeId, workspaceId: input.workspaceId }, select: { id: true } });
    if (!initiative) return { kind: 'not-allowed' };
    const coordinator = await hasRole(tx, initiative.id, input.createdBy, 'coordinator');
    if (!coordinator && !(await isActiveListener(tx, initiative.id, input.createdBy, true))) return { kind: 'not-allowed' };

    const errors = validateCircleInput(settings);
    if (!coordinator && settings.facilitatorIds.length > 0 && !settings.facilitatorIds.includes(input.createdBy)) {
      errors.push({ field: 'facilitators', code: 'must-include-you' });
    }
    if (settings.topicId !== null) {
      const topic = await tx.initiativeTopic.findFirst({ where: { id: settings.topicId, initiativeId: initiative.id }, select: { id: true } });
      if (!topic) errors.push({ field: 'topic', code: 'not-in-initiative' });
    }
    for (const userId of settings.facilitatorIds) {
      const eligible = (await hasRole(tx, initiative.id, userId, 'coordinator')) || (await isActiveListener(tx, initiative.id, userId));
      if (!eligible) {
        errors.push({ field: 'facilitators', code: 'not-eligible' });
        break;
      }
    }
    if (errors.length > 0) return { kind: 'invalid', errors };

    const row = await tx.circle.create({
      data: {
        initiativeId: initiative.id,
        topicId: settings.topicId,
        description: settings.description,
        capacity: settings.capacity,
        memberCount: 0,
        cadence: settings.cadence,
        weekday: settings.weekday,
        localTime: settings.localTime,
        timezone: settings.timezone,
        firstSessionAt: firstSlotAfter({ weekday: settings.weekday, localTime: settings.localTime, timezone: settings.timezone, now }),
        prompt: settings.prompt,
        guidelines: settings.guidelines,
        status: 'open',
        createdBy: input.createdBy,
        createdAt: now,
      },
    });
    const circle = toCircle(row);
    const facilitators: CircleMember[] = [];
    for (const userId of settings.facilitatorIds) {
      const member = await tx.circleMember.create({
        data: { circleId: circle.id, userId, role: 'facilitator', pseudonym: pickPseudonym(random, await namesToAvoid(tx, circle.id, userId)), joinedAt: now },
      });
      await scheduleNextSession(tx, { memberId: member.id, userId, circle, after: now });
      facilitators.push(toMember(member));
    }
    await incrementCount(tx, { initiativeId: initiative.id, metric: 'circle_opened', at: now, topicId: circle.topicId ?? undefined });
    return { kind: 'created', circle: (await circleFor(tx, { circleId: circle.id, viewerId: input.createdBy }))!, facilitators };
  });
}

// ---- Reading -------------------------------------------------------------------------------------------

const circleListing = {
  initiative: { select: { name: true, texts: true, workspaceId: true } },
  topic: { select: { label: true } },
} as const;

type ListedRow = CircleRow & { initiative: { name: string; texts: string; workspaceId: string }; topic: { label: string } | null };

type Membership = { id: string; role: string; pseudonym: string; threadTs: string | null };

function toSummary(row: ListedRow, mine: Membership | undefined, coordinates: boolean): CircleSummary {
  const member = mine ? { id: mine.id, pseudonym: mine.pseudonym, role: mine.role as CircleRole, threadTs: mine.threadTs } : null;
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    initiativeName: row.initiative.name,
    initiativeTexts: row.initiative.texts,
    topicId: row.topicId,
    topic: row.topic?.label ?? null,
    description: row.description,
    cadence: row.cadence as CircleCadence,
    weekday: row.weekday,
    localTime: row.localTime,
    timezone: row.timezone,
    firstSessionAt: row.firstSessionAt,
    capacity: row.capacity,
    placesLeft: placesLeft(row),
    mine: member !== null,
    role: member?.role ?? null,
    pseudonym: member?.pseudonym ?? null,
    member,
    canManage: member?.role === 'facilitator' || coordinates,
  };
}

/**
 * The circles to show a person: their own open circles first (with their role and pseudonym), then the
 * open circles of the workspace's initiatives with a place left (and, for a coordinator, every open
 * circle of their initiatives), oldest first. Closed circles are
 * listed nowhere. Nothing about any other member is read, but the count of places taken.
 */
export async function openCirclesFor(db: Db, input: { workspaceId: string; userId: string }): Promise<CircleSummary[]> {
  const [open, memberships, coordinating] = await Promise.all([
    db.circle.findMany({
      where: { status: 'open', initiative: { workspaceId: input.workspaceId } },
      include: circleListing,
      orderBy: { createdAt: 'asc' },
    }),
    db.circleMember.findMany({
      where: { userId: input.userId, circle: { status: 'open', initiative: { workspaceId: input.workspaceId } } },
      select: { id: true, circleId: true, role: true, pseudonym: true, threadTs: true },
    }),
    db.initiativeMember.findMany({
      where: { userId: input.userId, role: 'coordinator', initiative: { workspaceId: input.workspaceId } },
      select: { initiativeId: true },
    }),
  ]);
  const mineById = new Map(memberships.map((m) => [m.circleId, m]));
  const coordinated = new Set(coordinating.map((c) => c.initiativeId));
  const summary = (c: ListedRow) => toSummary(c, mineById.get(c.id), coordinated.has(c.initiativeId));
  // Places are compared here, not in the query: Prisma cannot compare two columns, and a workspace has
  // a handful of open circles.
  const mine = open.filter((c) => mineById.has(c.id)).map(summary);
  // Coordinators also get the full circles of their initiatives, to manage (and close) them.
  const others = open.filter((c) => !mineById.has(c.id) && (placesLeft(c) > 0 || coordinated.has(c.initiativeId))).map(summary);
  return [...mine, ...others];
}

/** How many open circles of this workspace the person is in, in any role: their Home's circles line. */
export async function circleCountOf(db: Db, workspaceId: string, userId: string): Promise<number> {
  return db.circleMember.count({ where: { userId, circle: { status: 'open', initiative: { workspaceId } } } });
}

/** A circle, and what `viewerId` (when given) may do with it, decided from the database. */
export async function circleFor(db: Db | Tx, input: { circleId: string; viewerId?: string; workspaceId?: string }): Promise<CircleDetail | null> {
  const row = await db.circle.findUnique({ where: { id: input.circleId }, include: circleListing });
  // A circle id from another workspace names nothing here (a click carries the workspace it came from).
  if (row && input.workspaceId !== undefined && row.initiative.workspaceId !== input.workspaceId) return null;
  if (!row) return null;
  const coordinates = input.viewerId !== undefined && (await hasRole(db, row.initiativeId, input.viewerId, 'coordinator'));
  const facilitates =
    input.viewerId !== undefined &&
    (await db.circleMember.findFirst({ where: { circleId: row.id, userId: input.viewerId, role: 'facilitator' }, select: { id: true } })) !== null;
  return {
    ...toCircle(row),
    workspaceId: row.initiative.workspaceId,
    initiativeName: row.initiative.name,
    initiativeTexts: row.initiative.texts,
    topic: row.topic?.label ?? null,
    placesLeft: placesLeft(row),
    viewerCanManage: coordinates || facilitates,
    viewerCanClose: coordinates,
  };
}

/**
 * Everyone in a circle, facilitators first, then in the order they joined: for the relay, the
 * facilitators' manage view and the closing notice. Holds user ids: never render them to another member
 * unless that member `revealed` (DESIGN.md invariant 1).
 */
export async function circleMembersFor(db: Db | Tx, circleId: string): Promise<CircleMember[]> {
  const rows = await db.circleMember.findMany({ where: { circleId }, orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }] });
  const members = rows.map(toMember);
  return [...members.filter((m) => m.role === 'facilitator'), ...members.filter((m) => m.role === 'member')];
}

// ---- Joining and leaving -------------------------------------------------------------------------------

export type JoinResult =
  | { kind: 'joined'; member: CircleMember; circle: CircleDetail }
  | { kind: 'full' }
  | { kind: 'closed' }
  | { kind: 'already-member'; member: CircleMember }
  | { kind: 'not-found' };

/**
 * One click joins: in one transaction, a place is claimed, the member row is written with a pseudonym,
 * consent for 'circle_member' is recorded in the language of the text they read, the week's
 * 'circle_joined' count goes up and their first session is scheduled. Any of it failing undoes all of it.
 */
export async function joinCircle(
  db: Db,
  input: { workspaceId: string; userId: string; circleId: string; language: AppLanguage; now: Date; random: Random; surface?: string },
): Promise<JoinResult> {
  const { now } = input;
  return retryOnUniqueRace(() =>
    db.$transaction(async (tx): Promise<JoinResult> => {
      // The place is claimed by one conditional update, the same statement on SQLite and PostgreSQL, so 20
      // people clicking at once never make a circle of 5 hold 6: on PostgreSQL each waits for the row lock
      // and checks the count again once the one before has committed, and the lock is held to the end of
      // this transaction, so joiners of one circle also pick their names one after another. It is the
      // transaction's first statement: on SQLite a transaction that read first cannot then write once
      // another process has (SQLITE_BUSY), while one that writes first waits its turn.
      const claimed = await tx.$executeRaw`UPDATE "Circle" SET "memberCount" = "memberCount" + 1
        WHERE "id" = ${input.circleId} AND "status" = 'open' AND "memberCount" < "capacity"
          AND "initiativeId" IN (SELECT i."id" FROM "Initiative" i WHERE i."workspaceId" = ${input.workspaceId})
          AND NOT EXISTS (SELECT 1 FROM "CircleMember" m WHERE m."circleId" = "Circle"."id" AND m."userId" = ${input.userId})`;
      if (claimed !== 1) return whyNotJoined(tx, input);
      const circle = (await circleFor(tx, { circleId: input.circleId }))!;
      await recordConsent(tx, {
        workspaceId: input.workspaceId,
        userId: input.userId,
        initiativeId: circle.initiativeId,
        purpose: 'circle_member',
        action: 'given',
        surface: input.surface ?? 'button:circle_join',
        at: now,
        language: input.language,
      });
      // A name taken at this very moment (or the person joining twice at once) fails the unique key and
      // the whole transaction runs again (retryOnUniqueRace), with the place given back meanwhile.
      const member = await tx.circleMember.create({
        data: {
          circleId: circle.id,
          userId: input.userId,
          role: 'member',
          pseudonym: pickPseudonym(input.random, await namesToAvoid(tx, circle.id, input.userId)),
          joinedAt: now,
        },
      });
      await incrementCount(tx, { initiativeId: circle.initiativeId, metric: 'circle_joined', at: now, topicId: circle.topicId ?? undefined });
      await scheduleNextSession(tx, { memberId: member.id, userId: input.userId, circle, after: now });
      return { kind: 'joined', member: toMember(member), circle };
    }),
  );
}

/** Why a place was not claimed, read after the claim said no. */
async function whyNotJoined(tx: Tx, input: { workspaceId: string; userId: string; circleId: string }): Promise<JoinResult> {
  const circle = await tx.circle.findFirst({ where: { id: input.circleId, initiative: { workspaceId: input.workspaceId } }, select: { id: true, status: true } });
  if (!circle) return { kind: 'not-found' };
  const existing = await tx.circleMember.findUnique({ where: { circleId_userId: { circleId: circle.id, userId: input.userId } } });
  if (existing) return { kind: 'already-member', member: toMember(existing) };
  return { kind: circle.status === 'closed' ? 'closed' : 'full' };
}

/** Records where a person's welcome message went: replies in its thread are their circle messages. */
export async function setWelcome(db: Db | Tx, input: { memberId: string; channel: string; threadTs: string }): Promise<boolean> {
  const { count } = await db.circleMember.updateMany({ where: { id: input.memberId }, data: { channel: input.channel, threadTs: input.threadTs } });
  return count === 1;
}

export type LeaveResult =
  | { kind: 'left'; role: CircleRole; circleId: string; /** The circle closed because its last facilitator left: everyone to tell. */ closed: MemberAddress[] | null }
  | { kind: 'not-member' };

/**
 * One click leaves, at once: the member row goes (its relayed copies' timestamps with it, by cascade),
 * their sessions are unscheduled, a member's place is given back and their consent withdrawn, in one
 * transaction. Facilitators may leave too; they took no place and gave no circle consent (their basis
 * is their role in the initiative), so neither is touched for them. When the last facilitator leaves, the
 * circle closes, as on erasure: nobody would be told of a member in crisis.
 */
export async function leaveCircle(
  db: Db,
  input: { workspaceId: string; userId: string; circleId: string; now: Date; surface?: string },
): Promise<LeaveResult> {
  const { now } = input;
  return db.$transaction(async (tx): Promise<LeaveResult> => {
    const member = await tx.circleMember.findFirst({
      where: { circleId: input.circleId, userId: input.userId, circle: { initiative: { workspaceId: input.workspaceId } } },
      include: { circle: { select: { initiativeId: true } } },
    });
    if (!member) return { kind: 'not-member' };
    await removeMemberSessions(tx, member.id);
    // deleteMany, not delete: a second click racing this one finds nothing and changes nothing twice.
    const { count } = await tx.circleMember.deleteMany({ where: { id: member.id } });
    if (count !== 1) return { kind: 'not-member' };
    const role = member.role as CircleRole;
    if (role === 'member') {
      await releasePlace(tx, member.circleId);
      await recordConsent(tx, {
        workspaceId: input.workspaceId,
        userId: input.userId,
        initiativeId: member.circle.initiativeId,
        purpose: 'circle_member',
        action: 'withdrawn',
        surface: input.surface ?? 'button:circle_leave',
        at: now,
      });
    }
    return { kind: 'left', role, circleId: member.circleId, closed: role === 'facilitator' ? await closeIfUnfacilitated(tx, member.circleId, now) : null };
  });
}

/** Closes an open circle that has no facilitator left; the members to tell, or null when it still has one. */
async function closeIfUnfacilitated(tx: Tx, circleId: string, now: Date): Promise<MemberAddress[] | null> {
  if ((await tx.circleMember.count({ where: { circleId, role: 'facilitator' } })) > 0) return null;
  const { count } = await tx.circle.updateMany({ where: { id: circleId, status: 'open' }, data: { status: 'closed', closedAt: now } });
  return count === 1 ? unscheduleAll(tx, circleId) : null;
}

/** Gives a member's place back; never below zero. */
async function releasePlace(tx: Tx, circleId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Circle" SET "memberCount" = "memberCount" - 1 WHERE "id" = ${circleId} AND "memberCount" > 0`;
}

// ---- Running a circle ----------------------------------------------------------------------------------

export type CloseResult = { kind: 'closed'; members: MemberAddress[] } | { kind: 'not-allowed' } | { kind: 'already-closed' };

/**
 * A coordinator of its initiative closes a circle: from now on it relays nothing, prompts nobody and is
 * listed nowhere. The member rows are kept, so the closing notice can go to (and later update) each
 * welcome message; leaving still deletes a row at once, erasure deletes a person's, and retention deletes
 * the rest. Returns everyone to tell.
 */
export async function closeCircle(db: Db, input: { workspaceId: string; userId: string; circleId: string; now: Date }): Promise<CloseResult> {
  const { now } = input;
  return db.$transaction(async (tx): Promise<CloseResult> => {
    const circle = await tx.circle.findFirst({ where: { id: input.circleId, initiative: { workspaceId: input.workspaceId } }, select: { id: true, initiativeId: true } });
    // A circle that does not exist and one the person may not close look the same to them.
    if (!circle || !(await hasRole(tx, circle.initiativeId, input.userId, 'coordinator'))) return { kind: 'not-allowed' };
    const { count } = await tx.circle.updateMany({ where: { id: circle.id, status: 'open' }, data: { status: 'closed', closedAt: now } });
    if (count !== 1) return { kind: 'already-closed' };
    return { kind: 'closed', members: await unscheduleAll(tx, circle.id) };
  });
}

/** Cancels every session of a circle's members, returning where each of them can be told. */
async function unscheduleAll(tx: Tx, circleId: string): Promise<MemberAddress[]> {
  const members = await circleMembersFor(tx, circleId);
  for (const m of members) await removeMemberSessions(tx, m.id);
  return members.map((m) => ({ ...m, memberId: m.id }));
}

export type PauseMemberResult =
  | { kind: 'paused'; until: Date; member: CircleMember }
  | { kind: 'not-allowed' }
  | { kind: 'not-found' };

/**
 * A facilitator of the circle (or a coordinator of its initiative) pauses a member's messages for the
 * rest of the session: until the next session's slot. The member is named by circle pseudonym, the only
 * name a facilitator's crisis note carries. Facilitators are not paused by one another.
 */
export async function pauseMember(db: Db, input: { workspaceId: string; byUserId: string; circleId: string; pseudonym: string; now: Date }): Promise<PauseMemberResult> {
  const { now } = input;
  return db.$transaction(async (tx): Promise<PauseMemberResult> => {
    const row = await tx.circle.findFirst({ where: { id: input.circleId, initiative: { workspaceId: input.workspaceId } } });
    if (!row) return { kind: 'not-found' };
    const facilitating = await tx.circleMember.findFirst({ where: { circleId: row.id, userId: input.byUserId, role: 'facilitator' }, select: { id: true } });
    if (!facilitating && !(await hasRole(tx, row.initiativeId, input.byUserId, 'coordinator'))) return { kind: 'not-allowed' };
    if (row.status !== 'open') return { kind: 'not-found' };
    const target = await tx.circleMember.findUnique({ where: { circleId_pseudonym: { circleId: row.id, pseudonym: input.pseudonym } } });
    if (!target) return { kind: 'not-found' };
    if (target.role !== 'member') return { kind: 'not-allowed' };
    const circle = toCircle(row);
    // Strictly after now: paused at the very minute a session starts, the pause lasts that session.
    const until = slotOf(clockOf(circle), sessionAtOrAfter(clockOf(circle), new Date(now.getTime() + 1)));
    const paused = await tx.circleMember.update({ where: { id: target.id }, data: { pausedUntil: until } });
    return { kind: 'paused', until, member: toMember(paused) };
  });
}

export type RevealResult = { kind: 'revealed' } | { kind: 'not-member' };

/** The person chooses to let the circle know who they are: from now on their messages carry their name. */
export async function revealMember(db: Db, input: { workspaceId: string; userId: string; circleId: string }): Promise<RevealResult> {
  const { count } = await db.circleMember.updateMany({
    where: { circleId: input.circleId, userId: input.userId, circle: { status: 'open', initiative: { workspaceId: input.workspaceId } } },
    data: { revealed: true },
  });
  return count === 1 ? { kind: 'revealed' } : { kind: 'not-member' };
}

// ---- Erasure -------------------------------------------------------------------------------------------

export interface CircleErasure {
  /** Circle rows of theirs deleted (member and facilitator). */
  memberships: number;
  /** Circles closed because they were the last facilitator, with everyone left in each to tell. */
  closed: { circleId: string; members: MemberAddress[] }[];
}

/**
 * A person's circle data on `/peer delete-my-data`, inside the caller's erasure transaction: every
 * circle row of theirs goes (their relayed copies' timestamps by cascade) with their session check-ins,
 * and each member's place is given back. A circle they created stays, no longer naming them. A circle
 * left with no facilitator is closed: nobody would be told of a member in crisis. `workspaceId` limits
 * the erasure to one workspace's initiatives (an Enterprise Grid user may be in several).
 */
export async function eraseCircleData(tx: Tx, input: { userId: string; now: Date; workspaceId?: string }): Promise<CircleErasure> {
  const inWorkspace = input.workspaceId ? { initiative: { workspaceId: input.workspaceId } } : {};
  const rows = await tx.circleMember.findMany({ where: { userId: input.userId, circle: inWorkspace }, select: { id: true, circleId: true, role: true } });
  for (const row of rows) await removeMemberSessions(tx, row.id);
  if (rows.length > 0) {
    // Sent prompts too, not only those still due: they name the person as recipient.
    await tx.checkIn.deleteMany({ where: { kind: 'circle_session', subjectId: { in: rows.map((r) => r.id) } } });
    await tx.circleMember.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  }
  for (const row of rows) if (row.role === 'member') await releasePlace(tx, row.circleId);

  const closed: CircleErasure['closed'] = [];
  for (const circleId of new Set(rows.filter((r) => r.role === 'facilitator').map((r) => r.circleId))) {
    const members = await closeIfUnfacilitated(tx, circleId, input.now);
    if (members) closed.push({ circleId, members });
  }
  await tx.circle.updateMany({ where: { createdBy: input.userId, ...inWorkspace }, data: { createdBy: '' } });
  return { memberships: rows.length, closed };
}
