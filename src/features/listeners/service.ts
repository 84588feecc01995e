import type { Db, Tx } from '../../db/client.js';
import { retryOnceOnUniqueViolation } from '../../db/errors.js';
import { formatWorkDays, nextWorkingMoment, parseWorkDays, workingHoursOf } from '../../domain/availability.js';
import type { AppLanguage } from '../../domain/app-language.js';
import { isCurrentConsentVersion } from '../../domain/consent.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { recordConsent } from '../consent/record.js';
import { coordinatorsOf, getInitiative, hasRole, workspaceOfInitiative, type ServiceDeps } from '../initiatives/service.js';
import { enqueue, outboxKey, type OutboxEntry } from '../../outbox/outbox.js';
import { withdrawListener, type Withdrawal } from '../pairings/withdraw.js';
import { declineOfferWhilePausing } from '../pairings/offers.js';
import { checkPauseDate } from '../../domain/pause.js';
import { effects, type Effect } from '../../effects/effects.js';
import type { ListenerInput } from './input.js';

// Listener profiles: opt in with consent, edit, pause, resume, stop, approval. No Slack types.

export type ListenerStatus = 'pending' | 'active' | 'paused';
/** Why a listener is paused: they chose to, from a check-in's "I need a break", or three offers in a row went unanswered. */
export type PauseReason = 'self' | 'break' | 'no_answer';

export interface ListenerProfile {
  id: string;
  initiativeId: string;
  initiativeName: string;
  userId: string;
  status: ListenerStatus;
  capacity: number;
  intro: string | null;
  languages: string[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  /** Local weekdays offers may arrive on (0 = Sunday ... 6 = Saturday). */
  workDays: number[];
  /** Working hours, "HH:MM" in their own timezone; the same start and end means any time of day. */
  workStart: string;
  workEnd: string;
  timezone: string | null;
  pausedUntil: Date | null;
  pauseReason: PauseReason | null;
  topicIds: string[];
}

const include = { topics: { select: { topicId: true } }, initiative: { select: { name: true } } };

type Row = {
  id: string;
  initiativeId: string;
  userId: string;
  status: string;
  capacity: number;
  intro: string | null;
  languages: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  workDays: string;
  workStart: string;
  workEnd: string;
  timezone: string | null;
  pausedUntil: Date | null;
  pauseReason: string | null;
  topics: { topicId: string }[];
  initiative: { name: string };
};

function toProfile(row: Row): ListenerProfile {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    initiativeName: row.initiative.name,
    userId: row.userId,
    status: row.status as ListenerStatus,
    capacity: row.capacity,
    intro: row.intro,
    languages: row.languages ? row.languages.split(',') : [],
    quietHoursStart: row.quietHoursStart,
    quietHoursEnd: row.quietHoursEnd,
    workDays: parseWorkDays(row.workDays),
    workStart: row.workStart,
    workEnd: row.workEnd,
    timezone: row.timezone,
    pausedUntil: row.pausedUntil,
    pauseReason: row.pauseReason as PauseReason | null,
    topicIds: row.topics.map((t) => t.topicId),
  };
}

export async function getProfile(db: Db | Tx, initiativeId: string, userId: string): Promise<ListenerProfile | null> {
  const row = await db.listenerProfile.findUnique({ where: { initiativeId_userId: { initiativeId, userId } }, include });
  return row ? toProfile(row) : null;
}

export async function profilesOf(db: Db, workspaceId: string, userId: string): Promise<ListenerProfile[]> {
  const rows = await db.listenerProfile.findMany({ where: { userId, initiative: { workspaceId } }, include, orderBy: { createdAt: 'asc' } });
  return rows.map(toProfile);
}

/** Listener statuses for coordinators (DESIGN.md invariant 5: status, never who asked or what was said). */
export async function listenersOf(db: Db, initiativeId: string): Promise<ListenerProfile[]> {
  return listenersOfInitiatives(db, [initiativeId]);
}

/** `listenersOf` for several initiatives in one query (a coordinator's Home), not one per initiative or listener. */
export async function listenersOfInitiatives(db: Db, initiativeIds: readonly string[]): Promise<ListenerProfile[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db.listenerProfile.findMany({ where: { initiativeId: { in: [...initiativeIds] } }, include, orderBy: { createdAt: 'asc' } });
  return rows.map(toProfile);
}

/** True when the person must tick the consent box: a new profile, or consent text changed since. */
export async function needsListenerConsent(db: Db, workspaceId: string, initiativeId: string, userId: string): Promise<boolean> {
  const profile = await getProfile(db, initiativeId, userId);
  if (!profile) return true;
  return !(await hasCurrentListenerConsent(db, workspaceId, initiativeId, userId));
}

/** The person's latest listener consent in this initiative is a 'given' of the current text. */
async function hasCurrentListenerConsent(db: Db | Tx, workspaceId: string, initiativeId: string, userId: string): Promise<boolean> {
  const latest = await db.consentRecord.findFirst({
    where: { workspaceId, userId, initiativeId, purpose: 'listener' },
    orderBy: { createdAt: 'desc' },
  });
  return latest?.action === 'given' && isCurrentConsentVersion('listener', latest.textVersion);
}

function profileData(input: ListenerInput) {
  return {
    capacity: input.capacity,
    intro: input.intro,
    languages: input.languages.join(','),
    quietHoursStart: input.quietHoursStart,
    quietHoursEnd: input.quietHoursEnd,
    workDays: formatWorkDays(input.workDays),
    workStart: input.workStart,
    workEnd: input.workEnd,
  };
}

export type SaveResult =
  | { kind: 'created'; profile: ListenerProfile; coordinators: string[]; outboxIds: string[] }
  | { kind: 'updated'; profile: ListenerProfile }
  | { kind: 'initiative-gone' }
  /** No current consent stands and the box was not ticked: nothing saved (decided here, not by the form). */
  | { kind: 'consent-needed' };

/**
 * Creates the listener profile with its consent record in one transaction, or updates the existing one.
 * A double submit races to the unique (initiative, person) key: the loser becomes an update, so there
 * is one profile, never two.
 */
export async function saveProfile(
  deps: ServiceDeps,
  input: {
    workspaceId: string;
    initiativeId: string;
    userId: string;
    listener: ListenerInput;
    /** The person ticked the consent box on this submission. Whether consent was due is decided here. */
    consentGiven: boolean;
    /** The language of the form, whose consent text the person read (English where not said). */
    consentLanguage?: AppLanguage;
    /** Left as it is when undefined (it is asked from Slack after the form has closed). */
    timezone?: string | null;
  },
): Promise<SaveResult> {
  const now = deps.clock.now();
  const attempt = () =>
    deps.db.$transaction(async (tx): Promise<SaveResult> => {
      const initiative = await getInitiative(tx, input.workspaceId, input.initiativeId);
      if (!initiative) return { kind: 'initiative-gone' };
      const topicIds = input.listener.topicIds.filter((id) => initiative.topics.some((t) => t.id === id));
      const existing = await tx.listenerProfile.findUnique({
        where: { initiativeId_userId: { initiativeId: initiative.id, userId: input.userId } },
      });
      // The loser of a double submit retries and finds the winner's profile and consent: one consent
      // given once is one record, not two.
      const consentStands =
        existing !== null && (await hasCurrentListenerConsent(tx, input.workspaceId, initiative.id, input.userId));
      if (!consentStands && !input.consentGiven) return { kind: 'consent-needed' };
      if (!consentStands) {
        await recordConsent(tx, {
          workspaceId: input.workspaceId,
          userId: input.userId,
          initiativeId: initiative.id,
          purpose: 'listener',
          action: 'given',
          surface: 'modal:listen',
          at: now,
          language: input.consentLanguage ?? 'en',
        });
      }
      if (existing) {
        await tx.listenerTopic.deleteMany({ where: { listenerId: existing.id } });
        await tx.listenerProfile.update({
          where: { id: existing.id },
          data: {
            ...profileData(input.listener),
            timezone: input.timezone,
            topics: { create: topicIds.map((topicId) => ({ topicId })) },
          },
        });
        return { kind: 'updated', profile: (await getProfile(tx, initiative.id, input.userId))! };
      }
      const status: ListenerStatus = initiative.approvalRequired ? 'pending' : 'active';
      await tx.listenerProfile.create({
        data: {
          initiativeId: initiative.id,
          userId: input.userId,
          status,
          approvedAt: status === 'active' ? now : null,
          createdAt: now,
          timezone: input.timezone,
          ...profileData(input.listener),
          topics: { create: topicIds.map((topicId) => ({ topicId })) },
        },
      });
      await incrementCount(tx, { initiativeId: initiative.id, metric: 'listener_joined', at: now });
      const coordinators = await coordinatorsOf(tx, initiative.id);
      const profile = (await getProfile(tx, initiative.id, input.userId))!;
      // Coordinators are asked to approve in the same transaction, so no volunteer waits unseen; the
      // message is rendered when sent, as it carries the introduction (free text stays out of the outbox).
      const outboxIds =
        status === 'pending'
          ? await enqueue(
              tx,
              now,
              coordinators.map((coordinator) => ({
                key: outboxKey.once(`approval:${profile.id}`),
                workspaceId: input.workspaceId,
                recipientId: coordinator,
                subjectId: profile.id,
                message: { kind: 'approval_request', profileId: profile.id },
              })),
            )
          : [];
      return { kind: 'created', profile, coordinators, outboxIds };
    });
  return retryOnceOnUniqueViolation(attempt);
}

export type StatusChange =
  | { kind: 'changed'; profile: ListenerProfile }
  | { kind: 'unchanged'; profile: ListenerProfile }
  | { kind: 'not-listener' };

/** Pause or resume. Pausing stops new offers at once: matching reads the status in the same database. */
export async function setPaused(
  deps: ServiceDeps,
  input: { initiativeId: string; userId: string; paused: boolean },
): Promise<StatusChange> {
  const now = deps.clock.now();
  const from: ListenerStatus = input.paused ? 'active' : 'paused';
  const to: ListenerStatus = input.paused ? 'paused' : 'active';
  // Pausing here has no return date; resuming clears any date and reason, and starts a fresh count of
  // unanswered offers (issue 15).
  const { count } = await deps.db.listenerProfile.updateMany({
    where: { initiativeId: input.initiativeId, userId: input.userId, status: from },
    data: input.paused
      ? { status: to, pausedAt: now, pausedUntil: null, pauseReason: 'self' }
      : { status: to, pausedAt: null, pausedUntil: null, pauseReason: null, unansweredOffers: 0 },
  });
  const profile = await getProfile(deps.db, input.initiativeId, input.userId);
  if (!profile) return { kind: 'not-listener' };
  return count > 0 ? { kind: 'changed', profile } : { kind: 'unchanged', profile };
}

export type PauseResult =
  /** `date`: the day offers start again (YYYY-MM-DD, their timezone), or null until they resume. */
  | { kind: 'paused'; profile: ListenerProfile; date: string | null; wasPaused: boolean; declined: { requestId: string; outboxIds: string[] } | null }
  | { kind: 'invalid-date'; reason: 'not-a-date' | 'not-after-today' | 'too-far' }
  | { kind: 'pending'; profile: ListenerProfile }
  | { kind: 'not-listener' };

/**
 * "Pause until" (issue 15): paused now, until the start of `date` in the listener's own timezone (UTC
 * when unknown), or until they resume when `date` is null. A listener already paused changes or sets
 * the date the same way. Opened from an offer, that offer is declined in the same transaction, so the
 * request goes on to the next listener (the caller runs that effect).
 */
export async function pauseUntil(
  deps: ServiceDeps,
  input: { initiativeId: string; userId: string; date: string | null; offerId?: string | null },
): Promise<PauseResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<PauseResult> => {
    const before = await getProfile(tx, input.initiativeId, input.userId);
    if (!before) return { kind: 'not-listener' };
    if (before.status === 'pending') return { kind: 'pending', profile: before };
    let until: Date | null = null;
    if (input.date !== null) {
      const check = checkPauseDate(input.date, now, before.timezone);
      if (!check.ok) return { kind: 'invalid-date', reason: check.reason };
      until = check.until;
    }
    // The offer first, then the profile: the order offer expiry locks them in, so the two never deadlock.
    const declined = input.offerId ? await declineOfferWhilePausing(tx, { offerId: input.offerId, userId: input.userId }, now) : null;
    // Conditional updates: a profile deleted meanwhile is not paused back into being.
    const data = { status: 'paused', pausedUntil: until, pauseReason: 'self' as PauseReason };
    const fromActive = await tx.listenerProfile.updateMany({ where: { id: before.id, status: 'active' }, data: { ...data, pausedAt: now } });
    const fromPaused = fromActive.count === 1 ? fromActive : await tx.listenerProfile.updateMany({ where: { id: before.id, status: 'paused' }, data });
    if (fromPaused.count !== 1) return { kind: 'not-listener' };
    return {
      kind: 'paused',
      profile: (await getProfile(tx, before.initiativeId, input.userId))!,
      date: input.date,
      wasPaused: fromActive.count !== 1,
      declined: declined?.kind === 'declined' ? { requestId: declined.requestId, outboxIds: declined.outboxIds } : null,
    };
  });
}

/**
 * Pauses whose day has begun end (issue 15): each listener is resumed by one conditional update, so
 * with two processes, or a listener who changed their date or resumed meanwhile, only the update that
 * changed the row writes the kind note, in the same transaction. Returns what must follow: the note,
 * matching the initiative's waiting requests, and the Homes that show the listener.
 */
export async function resumeDuePauses(deps: ServiceDeps): Promise<{ resumed: number; effects: Effect[] }> {
  const now = deps.clock.now();
  const due = await deps.db.listenerProfile.findMany({
    where: { status: 'paused', pausedUntil: { lte: now } },
    select: {
      id: true,
      userId: true,
      initiativeId: true,
      timezone: true,
      workDays: true,
      workStart: true,
      workEnd: true,
      quietHoursStart: true,
      quietHoursEnd: true,
      initiative: { select: { workspaceId: true } },
    },
    orderBy: { pausedUntil: 'asc' },
    take: 500,
  });
  const follow: Effect[] = [];
  const initiatives = new Set<string>();
  let resumed = 0;
  for (const profile of due) {
    const { workspaceId } = profile.initiative;
    const done = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.listenerProfile.updateMany({
        where: { id: profile.id, status: 'paused', pausedUntil: { lte: now } },
        data: { status: 'active', pausedAt: null, pausedUntil: null, pauseReason: null, unansweredOffers: 0 },
      });
      if (count !== 1) return null;
      const outboxIds = await enqueue(tx, now, [
        {
          key: outboxKey.once(`welcome-back:${profile.id}`),
          workspaceId,
          recipientId: profile.userId,
          subjectId: profile.id,
          // Worded when sent, in the listener's language then.
          message: { kind: 'listener_note', note: 'welcomeBack', initiativeId: profile.initiativeId },
          // Offers resume at the start of the day; the note waits for their working hours, not 00:00.
          deliverAt: nextWorkingMoment(
            now,
            profile.timezone,
            workingHoursOf(profile),
            { start: profile.quietHoursStart, end: profile.quietHoursEnd },
          ),
        },
      ]);
      return { outboxIds, coordinators: await coordinatorsOf(tx, profile.initiativeId) };
    });
    if (!done) continue;
    resumed += 1;
    initiatives.add(profile.initiativeId);
    follow.push(...effects.send(done.outboxIds), ...effects.refreshHomes(workspaceId, [profile.userId, ...done.coordinators]));
  }
  return { resumed, effects: [...follow, ...[...initiatives].map(effects.matchInitiative)] };
}

export type StopResult =
  | { kind: 'stopped'; initiativeName: string; initiativeId: string; withdrawal: Withdrawal }
  | { kind: 'not-listener' };

/** Withdraws listener consent and deletes the profile, in one action that takes effect at once. */
export async function stopListening(
  deps: ServiceDeps,
  input: { workspaceId: string; initiativeId: string; userId: string; surface: string },
): Promise<StopResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<StopResult> => {
    const profile = await getProfile(tx, input.initiativeId, input.userId);
    if (!profile) return { kind: 'not-listener' };
    await recordConsent(tx, {
      workspaceId: input.workspaceId,
      userId: input.userId,
      initiativeId: input.initiativeId,
      purpose: 'listener',
      action: 'withdrawn',
      surface: input.surface,
      at: now,
    });
    const withdrawal = await withdrawListener(tx, profile.id, now);
    await tx.listenerProfile.delete({ where: { id: profile.id } });
    await incrementCount(tx, { initiativeId: input.initiativeId, metric: 'listener_left', at: now });
    return { kind: 'stopped', initiativeName: profile.initiativeName, initiativeId: profile.initiativeId, withdrawal };
  });
}

export type ApprovalResult =
  | { kind: 'approved' | 'declined'; listenerUserId: string; initiativeName: string; initiativeId: string; outboxIds: string[] }
  | { kind: 'already-decided' }
  | { kind: 'not-coordinator' };

/** A coordinator's decision on a pending listener; the first decision wins. */
export async function decideApproval(
  deps: ServiceDeps,
  input: { profileId: string; coordinatorId: string; approve: boolean },
): Promise<ApprovalResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<ApprovalResult> => {
    const profile = await tx.listenerProfile.findUnique({ where: { id: input.profileId }, include });
    if (!profile) return { kind: 'already-decided' };
    if (!(await hasRole(tx, profile.initiativeId, input.coordinatorId, 'coordinator'))) return { kind: 'not-coordinator' };
    const base = { listenerUserId: profile.userId, initiativeName: profile.initiative.name, initiativeId: profile.initiativeId };
    const workspaceId = await workspaceOfInitiative(tx, profile.initiativeId);
    // The volunteer hears the decision either way, through the outbox; and every coordinator's copy of
    // the request (the decider's too) becomes the decision, so no copy keeps buttons that no longer work.
    // Copies not posted yet are included: one being sent right now may have rendered before this commit.
    // Each is worded when sent, in its reader's language.
    const tellListener = async (approved: boolean) => {
      const copies = await tx.outboxMessage.findMany({
        where: { kind: 'approval_request', subjectId: profile.id, status: { in: ['scheduled', 'sending', 'sent'] } },
        select: { id: true, recipientId: true },
      });
      const decided = { listenerId: profile.userId, coordinatorId: input.coordinatorId, initiativeId: profile.initiativeId, approved, at: now.toISOString() };
      return enqueue(tx, now, [
        {
          key: outboxKey.once(`approval-decided:${profile.id}`),
          workspaceId,
          recipientId: profile.userId,
          message: { kind: 'listener_note', note: approved ? 'approved' : 'declined', initiativeId: profile.initiativeId },
        },
        ...copies.map(
          (c): OutboxEntry => ({ key: `approval-replaced:${c.id}`, workspaceId, recipientId: c.recipientId, subjectId: profile.id, message: { kind: 'replace', outboxId: c.id, decided } }),
        ),
      ]);
    };
    if (input.approve) {
      const { count } = await tx.listenerProfile.updateMany({
        where: { id: profile.id, status: 'pending' },
        data: { status: 'active', approvedAt: now },
      });
      if (count === 0) return { kind: 'already-decided' };
      return { kind: 'approved', ...base, outboxIds: await tellListener(true) };
    }
    const { count } = await tx.listenerProfile.deleteMany({ where: { id: profile.id, status: 'pending' } });
    if (count === 0) return { kind: 'already-decided' };
    // The profile is gone, so the purpose the person consented to has ended; the log says so.
    await recordConsent(tx, {
      workspaceId,
      userId: profile.userId,
      initiativeId: profile.initiativeId,
      purpose: 'listener',
      action: 'withdrawn',
      surface: 'coordinator:declined',
      at: now,
    });
    await incrementCount(tx, { initiativeId: profile.initiativeId, metric: 'listener_left', at: now });
    return { kind: 'declined', ...base, outboxIds: await tellListener(false) };
  });
}

/** The listener's timezone from Slack (quiet hours, similar-timezone matching), asked after the form closed. */
export async function recordListenerTimezone(db: Db, initiativeId: string, userId: string, timezone: string | null): Promise<void> {
  await db.listenerProfile.updateMany({ where: { initiativeId, userId }, data: { timezone } });
}

/**
 * A volunteer still waiting for approval, with their topics' labels as stored and the initiative's texts
 * in other languages (for the labels in each coordinator's), for the coordinators' message.
 */
export async function pendingProfileForApproval(
  db: Db,
  profileId: string,
): Promise<{ profile: ListenerProfile; topicLabels: string[]; initiativeTexts: string } | null> {
  const row = await db.listenerProfile.findUnique({ where: { id: profileId }, include: { ...include, initiative: { select: { name: true, texts: true } } } });
  if (!row || row.status !== 'pending') return null;
  const topics = await db.initiativeTopic.findMany({ where: { id: { in: row.topics.map((t) => t.topicId) } }, orderBy: { position: 'asc' }, select: { label: true } });
  return { profile: toProfile(row), topicLabels: topics.map((t) => t.label), initiativeTexts: row.initiative.texts };
}
