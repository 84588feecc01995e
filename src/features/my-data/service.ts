import { clearDeletedRemnants, type Db } from '../../db/client.js';
import { parseWorkDays, WEEKDAY_NAMES } from '../../domain/availability.js';
import { localDate } from '../../domain/local-time.js';
import { eraseCircleData, type MemberAddress } from '../circles/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import type { ServiceDeps } from '../initiatives/service.js';
import { withdrawListener, withdrawSeeker } from '../pairings/withdraw.js';

// Everything stored about a person, and erasing it (DESIGN.md invariant 3). Adding a table that holds a
// person's id means adding it to both functions below; test/e2e/my-data.test.ts scans every table.

export interface MyData {
  generatedAt: string;
  workspaceId: string;
  userId: string;
  listenerProfiles: {
    initiative: string;
    status: string;
    /** Why they are paused, when they are: 'self', 'break' or 'no_answer' (three offers in a row unanswered). */
    pauseReason: string | null;
    /** The day a pause ends by itself (YYYY-MM-DD in their timezone), or null. */
    pausedUntil: string | null;
    /** Offers in a row that timed out; any answer resets it, three pause new offers. */
    unansweredOffersInARow: number;
    capacity: number;
    introduction: string | null;
    languages: string[];
    quietHours: { start: string; end: string } | null;
    /** When new offers may reach them, in their own timezone: weekday names, and the same start and end for any time. */
    workingHours: { days: string[]; start: string; end: string };
    topics: string[];
    createdAt: string;
  }[];
  roles: { initiative: string; role: string; since: string }[];
  requests: {
    initiative: string;
    topic: string | null;
    note: string | null;
    language: string | null;
    similarTimezone: boolean;
    status: string;
    createdAt: string;
    pairings: { yourPseudonym: string; listenerPseudonym: string; status: string; startedAt: string; endedAt: string | null }[];
  }[];
  pairingsAsListener: { initiative: string; yourPseudonym: string; seekerPseudonym: string; status: string; startedAt: string; endedAt: string | null }[];
  doNotPairAgain: number;
  /** Concerns they reported (issue 15): how many, not what; kept so a coordinator's reply can reach them. */
  concernsRaised: number;
  timezone: string | null;
  /** Slack's locale, cached with the timezone: the language the app writes to them in (issue 19). */
  locale: string | null;
  /** Stored only once changed; null: the defaults (previews off). */
  preferences: { notificationPreviews: boolean; language: string | null; updatedAt: string } | null;
  checkIns: { kind: string; dueAt: string; status: string; answer: string | null }[];
  /**
   * Circles they are in (issue 20): their role and circle pseudonym; who the others are is not theirs to
   * see, and what was said was never stored. `topic` null: a circle open to every topic. Both circle
   * lists are always collected; optional only so summaries can be rendered from data without them.
   */
  circles?: { initiative: string; topic: string | null; description: string; role: string; pseudonym: string; revealed: boolean; circleStatus: string; joinedAt: string }[];
  /** Circles they created: their Slack id is kept as the creator (until they erase it). */
  circlesCreated?: { initiative: string; topic: string | null; description: string; status: string; createdAt: string }[];
  insightsAccess: { initiative: string; action: string; at: string }[];
  /** Invitations to a role not answered yet: the one thing stored before consent (DESIGN.md invariant 3). */
  invitations: { initiative: string; role: string; invitedAt: string; /** The language its DM was worded in, once sent. */ language: string | null }[];
  consentRecords: { initiative: string | null; purpose: string; action: string; textVersion: string; surface: string; at: string }[];
}

export async function collectMyData(db: Db, workspaceId: string, userId: string, now: Date): Promise<MyData> {
  const [profiles, roles, consents, initiatives, requests, listened, blocks, timezone, checkIns, access, invitations, preference] = await Promise.all([
    db.listenerProfile.findMany({
      where: { userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } }, topics: { include: { topic: { select: { label: true } } } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.initiativeMember.findMany({
      where: { userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.consentRecord.findMany({ where: { workspaceId, userId }, orderBy: { createdAt: 'asc' } }),
    db.initiative.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.supportRequest.findMany({
      where: { seekerId: userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } }, topic: { select: { label: true } }, pairings: { orderBy: { startedAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.pairing.findMany({
      where: { listenerUserId: userId, request: { initiative: { workspaceId } } },
      include: { request: { select: { initiative: { select: { name: true } } } } },
      orderBy: { startedAt: 'asc' },
    }),
    db.pairBlock.count({ where: { initiative: { workspaceId }, OR: [{ seekerId: userId }, { listenerUserId: userId }] } }),
    db.personTimezone.findUnique({ where: { userId } }),
    db.checkIn.findMany({ where: { recipientId: userId }, orderBy: { dueAt: 'asc' } }),
    db.insightsAccess.findMany({ where: { viewerId: userId }, orderBy: { createdAt: 'asc' } }),
    db.invitation.findMany({
      where: { inviteeId: userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.personPreference.findUnique({ where: { userId } }),
  ]);
  const [concernsRaised, circles, circlesCreated] = await Promise.all([
    db.report.count({ where: { reporterId: userId, initiative: { workspaceId } } }),
    db.circleMember.findMany({
      where: { userId, circle: { initiative: { workspaceId } } },
      select: {
        role: true,
        pseudonym: true,
        revealed: true,
        joinedAt: true,
        circle: { select: { description: true, status: true, initiative: { select: { name: true } }, topic: { select: { label: true } } } },
      },
      orderBy: { joinedAt: 'asc' },
    }),
    db.circle.findMany({
      where: { createdBy: userId, initiative: { workspaceId } },
      select: { description: true, status: true, createdAt: true, initiative: { select: { name: true } }, topic: { select: { label: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const initiativeName = (id: string | null) => (id ? (initiatives.find((i) => i.id === id)?.name ?? 'an initiative that no longer exists') : null);
  return {
    generatedAt: now.toISOString(),
    workspaceId,
    userId,
    listenerProfiles: profiles.map((p) => ({
      initiative: p.initiative.name,
      status: p.status,
      pauseReason: p.status === 'paused' ? p.pauseReason : null,
      pausedUntil: p.status === 'paused' && p.pausedUntil ? localDate(p.pausedUntil, p.timezone) : null,
      unansweredOffersInARow: p.unansweredOffers,
      capacity: p.capacity,
      introduction: p.intro,
      languages: p.languages ? p.languages.split(',') : [],
      quietHours: p.quietHoursStart && p.quietHoursEnd ? { start: p.quietHoursStart, end: p.quietHoursEnd } : null,
      workingHours: { days: parseWorkDays(p.workDays).map((d) => WEEKDAY_NAMES[d]!), start: p.workStart, end: p.workEnd },
      topics: p.topics.map((t) => t.topic.label),
      createdAt: p.createdAt.toISOString(),
    })),
    roles: roles.map((r) => ({ initiative: r.initiative.name, role: r.role, since: r.createdAt.toISOString() })),
    requests: requests.map((r) => ({
      initiative: r.initiative.name,
      topic: r.topic?.label ?? null,
      note: r.note,
      language: r.language,
      similarTimezone: r.sameTimezone,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      // The listener is named only by pseudonym, even here: their identity is not the seeker's data.
      pairings: r.pairings.map((p) => ({
        yourPseudonym: p.seekerPseudonym,
        listenerPseudonym: p.listenerPseudonym,
        status: p.status,
        startedAt: p.startedAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
      })),
    })),
    pairingsAsListener: listened.map((p) => ({
      initiative: p.request.initiative.name,
      yourPseudonym: p.listenerPseudonym,
      seekerPseudonym: p.seekerPseudonym,
      status: p.status,
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
    })),
    doNotPairAgain: blocks,
    concernsRaised,
    timezone: timezone?.timezone ?? null,
    locale: timezone?.locale ?? null,
    preferences: preference
      ? { notificationPreviews: preference.previews, language: preference.language, updatedAt: preference.updatedAt.toISOString() }
      : null,
    checkIns: checkIns.map((c) => ({ kind: c.kind, dueAt: c.dueAt.toISOString(), status: c.status, answer: c.answer })),
    circles: circles.map((m) => ({
      initiative: m.circle.initiative.name,
      topic: m.circle.topic?.label ?? null,
      description: m.circle.description,
      role: m.role,
      pseudonym: m.pseudonym,
      revealed: m.revealed,
      circleStatus: m.circle.status,
      joinedAt: m.joinedAt.toISOString(),
    })),
    circlesCreated: circlesCreated.map((c) => ({
      initiative: c.initiative.name,
      topic: c.topic?.label ?? null,
      description: c.description,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
    })),
    insightsAccess: access.map((a) => ({ initiative: initiativeName(a.initiativeId) ?? '', action: a.action, at: a.createdAt.toISOString() })),
    invitations: invitations.map((i) => ({ initiative: i.initiative.name, role: i.role, invitedAt: i.createdAt.toISOString(), language: i.language })),
    consentRecords: consents.map((c) => ({
      initiative: initiativeName(c.initiativeId),
      purpose: c.purpose,
      action: c.action,
      textVersion: c.textVersion,
      surface: c.surface,
      at: c.createdAt.toISOString(),
    })),
  };
}

export interface EraseSummary {
  listenerProfiles: number;
  roles: number;
  consentRecords: number;
  requests: number;
  circleMemberships: number;
}

export interface Erasure {
  summary: EraseSummary;
  /** Notes to the people they were talking with, and replaced offers, already in the outbox. */
  outboxIds: string[];
  /** Seekers whose listener left, to refresh their Home tabs. */
  affectedUserIds: string[];
  /** Initiatives with requests waiting again, to re-match. */
  initiativesToMatch: string[];
  /** Circles closed because they were their last facilitator: everyone left in each is told (issue 20). */
  circlesClosed: { circleId: string; members: MemberAddress[] }[];
}

/** Erases every row that names the person, in one transaction; only anonymous counts remain. */
export async function eraseMyData(deps: ServiceDeps, workspaceId: string, userId: string): Promise<Erasure> {
  const now = deps.clock.now();
  const erasure = await deps.db.$transaction(async (tx): Promise<Erasure> => {
    // Conversations end through the one path (pairings/end.ts), so the other person is told kindly.
    const seeker = await withdrawSeeker(tx, workspaceId, userId, now);
    const profiles = await tx.listenerProfile.findMany({ where: { userId, initiative: { workspaceId } }, select: { id: true, initiativeId: true } });
    const outboxIds = [...seeker.outboxIds];
    const affectedUserIds = seeker.ended.map((e) => e.pairing.listenerUserId);
    const initiativesToMatch = new Set<string>();
    for (const p of profiles) {
      const withdrawal = await withdrawListener(tx, p.id, now, 'erased');
      outboxIds.push(...withdrawal.outboxIds);
      affectedUserIds.push(...withdrawal.ended.map((e) => e.pairing.seekerId));
      if (withdrawal.requeuedRequestIds.length > 0) initiativesToMatch.add(p.initiativeId);
      await incrementCount(tx, { initiativeId: p.initiativeId, metric: 'listener_left', at: now });
    }
    // Their circle rows (relayed copies' timestamps by cascade), session prompts and places; a circle
    // they created stays without their id, one left with no facilitator closes (circles/service.ts).
    const circles = await eraseCircleData(tx, { userId, now, workspaceId });
    const requests = (await tx.supportRequest.deleteMany({ where: { seekerId: userId, initiative: { workspaceId } } })).count;
    await tx.pairBlock.deleteMany({ where: { initiative: { workspaceId }, OR: [{ seekerId: userId }, { listenerUserId: userId }] } });
    // Concerns they raised go with them (a coordinator's reply then finds nobody to reach); a concern
    // raised about them as a listener stays with the coordinators, no longer naming them.
    await tx.report.deleteMany({ where: { reporterId: userId, initiative: { workspaceId } } });
    await tx.report.updateMany({ where: { aboutListenerUserId: userId, initiative: { workspaceId } }, data: { aboutListenerUserId: null } });
    const listenerProfiles = (await tx.listenerProfile.deleteMany({ where: { id: { in: profiles.map((p) => p.id) } } })).count;
    const roles = (await tx.initiativeMember.deleteMany({ where: { userId, initiative: { workspaceId } } })).count;
    // Every check-in to them, circle session prompts included (their consent records, circle_member
    // purpose included, go below with the rest of their consent records).
    await tx.checkIn.deleteMany({ where: { recipientId: userId } });
    await tx.personTimezone.deleteMany({ where: { userId } });
    await tx.personPreference.deleteMany({ where: { userId } });
    await tx.insightsAccess.deleteMany({ where: { viewerId: userId } });
    // Invitations to them: their DMs' buttons then find nothing standing, and grant nothing.
    await tx.invitation.deleteMany({ where: { inviteeId: userId, initiative: { workspaceId } } });
    // Messages to them, and any message that names them (a revealed name, a note to coordinators).
    await tx.outboxMessage.deleteMany({ where: { OR: [{ recipientId: userId }, { args: { contains: userId } }] } });
    const consentRecords = (await tx.consentRecord.deleteMany({ where: { workspaceId, userId } })).count;
    return {
      summary: { listenerProfiles, roles, consentRecords, requests, circleMemberships: circles.memberships },
      // The notes just written to the people they talked with stay (they name nobody but pseudonyms).
      outboxIds,
      affectedUserIds,
      initiativesToMatch: [...initiativesToMatch],
      circlesClosed: circles.closed,
    };
  });
  deps.logger.info({ erased: erasure.summary }, 'a person erased their data');
  return erasure;
}

/**
 * After an erasure has committed: clears what the deleted rows left in the database files (old page
 * images in SQLite's WAL; src/db/client.ts). Called once the person has been answered, since it may wait
 * for other connections' reads; it never throws, because the erasure itself has already happened, and
 * the hourly retention job clears anything left.
 */
export async function clearErasureRemnants(deps: Pick<ServiceDeps, 'db' | 'logger'>): Promise<void> {
  if (await clearDeletedRemnants(deps.db)) return;
  deps.logger.warn({ code: 'remnants_pending' }, 'erased rows stay in the database files until the next retention run');
}

/** Initiatives the person is the only coordinator of, to warn before they erase their data. */
export async function soleCoordinatorOf(db: Db, workspaceId: string, userId: string): Promise<string[]> {
  const mine = await db.initiativeMember.findMany({
    where: { userId, role: 'coordinator', initiative: { workspaceId } },
    include: { initiative: { select: { name: true, members: { where: { role: 'coordinator' }, select: { id: true } } } } },
  });
  return mine.filter((m) => m.initiative.members.length === 1).map((m) => m.initiative.name);
}
