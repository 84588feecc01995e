import type { Db } from '../../db/client.js';
import { WEEKLY_METRICS, type RawInsights, type WeeklyMetric } from '../../domain/insights-table.js';
import { weekStart } from '../../domain/weeks.js';
import type { ServiceDeps } from '../initiatives/service.js';

// Aggregates for HR viewers and coordinators, each from a database aggregation (GROUP BY, COUNT, SUM)
// over anonymous counters and current states: no per-person rows are loaded (issue 6).

const WEEK = 7 * 24 * 60 * 60 * 1000;
export const WEEKS_SHOWN = 12;

export type Access = { kind: 'allowed'; initiative: { id: string; name: string; minGroupSize: number }; isCoordinator: boolean } | { kind: 'refused' };

/** Only the initiative's HR viewers and coordinators may see its insights. */
export async function insightsAccess(db: Db, workspaceId: string, initiativeId: string, userId: string): Promise<Access> {
  const initiative = await db.initiative.findFirst({ where: { id: initiativeId, workspaceId }, select: { id: true, name: true, minGroupSize: true } });
  if (!initiative) return { kind: 'refused' };
  const roles = await db.initiativeMember.findMany({ where: { initiativeId, userId }, select: { role: true } });
  if (roles.length === 0) return { kind: 'refused' };
  return { kind: 'allowed', initiative, isCoordinator: roles.some((r) => r.role === 'coordinator') };
}

/** Initiatives in the workspace whose insights this person may see. */
export async function insightsInitiativesOf(db: Db, workspaceId: string, userId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.initiativeMember.findMany({
    where: { userId, initiative: { workspaceId } },
    select: { initiative: { select: { id: true, name: true } } },
    distinct: ['initiativeId'],
  });
  return rows.map((r) => r.initiative);
}

export async function loadInsights(db: Db, initiative: { id: string; minGroupSize: number }, now: Date): Promise<RawInsights> {
  const current = weekStart(now);
  const weeks = Array.from({ length: WEEKS_SHOWN }, (_, i) => new Date(current.getTime() - (WEEKS_SHOWN - 1 - i) * WEEK));
  const since = weeks[0]!;

  const [weekly, byTopic, statuses, waiting, active, minutes, topics, supply] = await Promise.all([
    db.anonymousCount.groupBy({
      by: ['metric', 'weekStart'],
      where: { initiativeId: initiative.id, weekStart: { gte: since }, metric: { in: [...WEEKLY_METRICS] } },
      _sum: { count: true },
    }),
    db.anonymousCount.groupBy({
      by: ['topicId'],
      where: { initiativeId: initiative.id, weekStart: { gte: since }, metric: 'request_opened' },
      _sum: { count: true },
    }),
    db.listenerProfile.groupBy({ by: ['status'], where: { initiativeId: initiative.id }, _count: { _all: true } }),
    db.supportRequest.count({ where: { initiativeId: initiative.id, status: { in: ['waiting', 'offered'] } } }),
    db.pairing.count({ where: { status: 'active', request: { initiativeId: initiative.id } } }),
    db.matchTime.groupBy({
      by: ['minutes'],
      where: { initiativeId: initiative.id, weekStart: { gte: since } },
      _count: { _all: true },
      orderBy: { minutes: 'asc' },
    }),
    db.initiativeTopic.findMany({ where: { initiativeId: initiative.id }, orderBy: { position: 'asc' }, select: { id: true, label: true } }),
    db.listenerTopic.groupBy({
      by: ['topicId'],
      where: { listener: { initiativeId: initiative.id, status: 'active' } },
      _count: { _all: true },
    }),
  ]);

  const empty = () => weeks.map(() => 0);
  const weeklyCounts = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, empty()])) as Record<WeeklyMetric, number[]>;
  for (const row of weekly) {
    const index = weeks.findIndex((w) => w.getTime() === row.weekStart.getTime());
    if (index >= 0) weeklyCounts[row.metric as WeeklyMetric][index] = row._sum.count ?? 0;
  }
  const statusCount = (s: string) => statuses.find((r) => r.status === s)?._count._all ?? 0;
  const demandOf = new Map(byTopic.map((r) => [r.topicId, r._sum.count ?? 0]));
  const supplyOf = new Map(supply.map((r) => [r.topicId, r._count._all]));
  const known = new Set(topics.map((t) => t.id));
  // Requests whose topic was since removed still count as demand, under "Other".
  const other = byTopic.filter((r) => !known.has(r.topicId)).reduce((sum, r) => sum + (r._sum.count ?? 0), 0);

  return {
    k: initiative.minGroupSize,
    weeks,
    weekly: weeklyCounts,
    now: {
      listenersActive: statusCount('active'),
      listenersPaused: statusCount('paused'),
      listenersPending: statusCount('pending'),
      requestsWaiting: waiting,
      pairingsActive: active,
    },
    matchMinutes: minutes.map((m) => ({ minutes: m.minutes, count: m._count._all })),
    topics: [
      ...topics.map((t) => ({ label: t.label, demand: demandOf.get(t.id) ?? 0, supply: supplyOf.get(t.id) ?? 0 })),
      ...(other > 0 ? [{ label: 'Other (topic since removed)', demand: other, supply: 0 }] : []),
    ],
  };
}

/** Every view and export is recorded: who, which initiative, when (coordinators can see this). */
export async function recordAccess(deps: ServiceDeps, input: { initiativeId: string; viewerId: string; action: 'view' | 'export' }): Promise<void> {
  await deps.db.insightsAccess.create({ data: { ...input, createdAt: deps.clock.now() } });
}

export async function accessLog(db: Db, initiativeId: string, limit = 50): Promise<{ viewerId: string; action: string; at: Date }[]> {
  const rows = await db.insightsAccess.findMany({ where: { initiativeId }, orderBy: { createdAt: 'desc' }, take: limit });
  return rows.map((r) => ({ viewerId: r.viewerId, action: r.action, at: r.createdAt }));
}
