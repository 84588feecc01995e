import { Prisma, type Db } from '../../db/client.js';
import { leanRead } from '../../db/lean-read.js';
import { pickPseudonym, type Random } from '../../domain/pseudonyms.js';
import { scheduleWaitingUpdate } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import type { AppLanguage } from '../../domain/app-language.js';
import { recordConsent } from '../consent/record.js';
import type { ServiceDeps } from '../initiatives/service.js';
import { withdrawOffers } from '../pairings/offers.js';
import { enqueueWaiting } from './waiting.js';

// Requests for a listener: created with the seeker's consent for this request, cancelled at any time.

export interface NewRequest {
  workspaceId: string;
  initiativeId: string;
  seekerId: string;
  topicId: string;
  note: string | null;
  language: string | null;
  sameTimezone: boolean;
  seekerTimezone: string | null;
  /** The language of the form, whose consent text the seeker read (English where not said). */
  consentLanguage?: AppLanguage;
}

/** Records consent and the request together, or neither. */
export async function createRequest(deps: ServiceDeps & { random: Random }, input: NewRequest): Promise<{ requestId: string }> {
  const now = deps.clock.now();
  const request = await deps.db.$transaction(async (tx) => {
    await recordConsent(tx, {
      workspaceId: input.workspaceId,
      userId: input.seekerId,
      initiativeId: input.initiativeId,
      purpose: 'seeker_request',
      action: 'given',
      surface: 'modal:request',
      at: now,
      language: input.consentLanguage ?? 'en',
    });
    const created = await tx.supportRequest.create({
      data: {
        initiativeId: input.initiativeId,
        seekerId: input.seekerId,
        seekerPseudonym: pickPseudonym(deps.random),
        topicId: input.topicId,
        note: input.note,
        language: input.language,
        sameTimezone: input.sameTimezone,
        seekerTimezone: input.sameTimezone ? input.seekerTimezone : null,
        status: 'waiting',
        createdAt: now,
      },
    });
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: input.initiativeId }, select: { id: true, waitingUpdateEveryDays: true } });
    await scheduleWaitingUpdate(tx, { id: created.id, seekerId: input.seekerId }, initiative, now);
    await incrementCount(tx, { initiativeId: input.initiativeId, metric: 'request_opened', at: now, topicId: input.topicId });
    return created;
  });
  deps.logger.info({ requestId: request.id, initiativeId: input.initiativeId }, 'support request created');
  return { requestId: request.id };
}

/** The seeker's timezone from Slack, asked after the form closed, when they want a similar one. */
export async function recordSeekerTimezone(db: Db, requestId: string, timezone: string | null): Promise<void> {
  await db.supportRequest.updateMany({ where: { id: requestId, sameTimezone: true }, data: { seekerTimezone: timezone } });
}

export interface OpenRequest {
  id: string;
  initiativeId: string;
  status: 'waiting' | 'offered' | 'paired';
  topic: string | null;
  createdAt: Date;
}

/** The statuses of a request that is not closed, as SQL: `r."status" IN ${OPEN_STATUSES}`. */
export const OPEN_STATUSES = Prisma.sql`('waiting', 'offered', 'paired')`;

/** An open request as read with raw SQL (its topic's label as `topic`). */
export type OpenRequestRow = { id: string; initiativeId: string; status: string; topic: string | null; createdAt: Date };

export function toOpenRequest(r: OpenRequestRow): OpenRequest {
  return { id: r.id, initiativeId: r.initiativeId, status: r.status as OpenRequest['status'], topic: r.topic, createdAt: r.createdAt };
}

/** A seeker's requests that are not closed (waiting, offered or paired). */
export async function openRequestsOf(db: Db, workspaceId: string, seekerId: string): Promise<OpenRequest[]> {
  // One lean statement with its joins, where Prisma's include cost a second query for the topics even
  // when there was no request (issue 17).
  const rows = await leanRead<OpenRequestRow>(
    db,
    Prisma.sql`SELECT r."id", r."initiativeId", r."status", t."label" AS "topic", r."createdAt" FROM "SupportRequest" r
      JOIN "Initiative" i ON i."id" = r."initiativeId"
      LEFT JOIN "InitiativeTopic" t ON t."id" = r."topicId"
      WHERE r."seekerId" = ${seekerId} AND r."status" IN ${OPEN_STATUSES} AND i."workspaceId" = ${workspaceId}
      ORDER BY r."createdAt" ASC`,
  );
  return rows.map(toOpenRequest);
}

export type CancelResult = { kind: 'cancelled'; outboxIds: string[] } | { kind: 'not-open' };

/** The seeker cancels a request that is waiting or on offer; an open offer is withdrawn. */
export async function cancelRequest(deps: ServiceDeps, input: { requestId: string; seekerId: string }): Promise<CancelResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<CancelResult> => {
    const closed = await tx.supportRequest.updateMany({
      where: { id: input.requestId, seekerId: input.seekerId, status: { in: ['waiting', 'offered'] } },
      data: { status: 'closed', closedReason: 'cancelled', closedAt: now },
    });
    if (closed.count !== 1) return { kind: 'not-open' };
    const request = await tx.supportRequest.findUniqueOrThrow({ where: { id: input.requestId }, select: { initiativeId: true, topicId: true } });
    await incrementCount(tx, { initiativeId: request.initiativeId, metric: 'request_withdrawn', at: now, topicId: request.topicId ?? undefined });
    const { outboxIds } = await withdrawOffers(tx, { requestId: input.requestId }, now);
    const told = await enqueueWaiting(tx, now, input.requestId, 'cancelled');
    return { kind: 'cancelled', outboxIds: [...outboxIds, ...told] };
  });
}

/** Requests of one initiative and topic still waiting for a listener: how many, and since when. */
export interface WaitingGroup {
  initiativeId: string;
  topicId: string | null;
  count: number;
  oldestAt: Date;
}

/**
 * Requests not yet paired (waiting, or on offer to a listener who has not answered), by initiative and
 * topic, for coordinators: counts and ages only, never a seeker, a pseudonym or a note (invariant 5).
 * One grouped query for all the initiatives.
 */
export async function waitingByTopic(db: Db, initiativeIds: readonly string[]): Promise<WaitingGroup[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db.supportRequest.groupBy({
    by: ['initiativeId', 'topicId'],
    where: { initiativeId: { in: [...initiativeIds] }, status: { in: ['waiting', 'offered'] } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return rows.map((r) => ({ initiativeId: r.initiativeId, topicId: r.topicId, count: r._count._all, oldestAt: r._min.createdAt ?? new Date(0) }));
}

/** Initiatives with requests waiting, for the scheduler's matching sweep. */
export async function initiativesWithWaitingRequests(db: Db): Promise<string[]> {
  // Not in a workspace the app was uninstalled from: nothing may be offered there (issue 16).
  const rows = await db.supportRequest.findMany({
    where: { status: 'waiting', initiative: { workspace: { uninstalledAt: null } } },
    distinct: ['initiativeId'],
    select: { initiativeId: true },
  });
  return rows.map((r) => r.initiativeId);
}
