import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import {
  assembleInsights,
  CIRCLE_METRICS,
  reportedWeeks,
  WEEKLY_METRICS,
  type NowSnapshot,
  type RawInsights,
  type WeeklyAggregates,
} from '../../domain/insights-table.js';
import { dayStart } from '../../domain/weeks.js';
import type { ServiceDeps } from '../initiatives/service.js';

// Aggregates for HR viewers and coordinators, each from a database aggregation (GROUP BY, COUNT, SUM)
// over anonymous counters and current states: no per-person rows are loaded (issue 6). What a view
// shows holds for the whole UTC day (issue 13): completed weeks only, and "now" figures from the day's
// snapshot (src/domain/insights-table.ts says why).

const DAY = 24 * 60 * 60 * 1000;
export { WEEKS_SHOWN } from '../../domain/insights-table.js';

export type Access =
  | { kind: 'allowed'; initiative: { id: string; name: string; minGroupSize: number; texts: string }; isCoordinator: boolean }
  | { kind: 'refused' };

/** Only the initiative's HR viewers and coordinators may see its insights (with its texts in other languages, for topic labels). */
export async function insightsAccess(db: Db, workspaceId: string, initiativeId: string, userId: string): Promise<Access> {
  const initiative = await db.initiative.findFirst({ where: { id: initiativeId, workspaceId }, select: { id: true, name: true, minGroupSize: true, texts: true } });
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

/** The day's snapshot row of an initiative, with its figures read back. */
export interface DailySnapshot {
  id: string;
  day: Date;
  figures: NowSnapshot;
  /** The day's chart in each language it was drawn in so far (one per initiative, day and language). */
  charts: Partial<Record<AppLanguage, string>>;
}

const figuresSchema = z.object({
  k: z.number().int(),
  takenAt: z.iso.datetime(),
  now: z.object({
    listenersActive: z.number().int().nonnegative(),
    listenersPaused: z.number().int().nonnegative(),
    listenersPending: z.number().int().nonnegative(),
    requestsWaiting: z.number().int().nonnegative(),
    pairingsActive: z.number().int().nonnegative(),
  }),
  topics: z.array(z.object({ id: z.string(), label: z.string(), supply: z.number().int().nonnegative() })),
  // Absent from snapshots taken before circles existed (issue 20): there were none then.
  circlesOpen: z.number().int().nonnegative().optional(),
});

type SnapshotRow = { id: string; day: Date; figures: string; charts: { language: string; fileId: string }[] };
const withCharts = { charts: { select: { language: true, fileId: true } } } as const;

function toDailySnapshot(row: SnapshotRow): DailySnapshot {
  const parsed = figuresSchema.parse(JSON.parse(row.figures));
  const charts = Object.fromEntries(row.charts.filter((c) => isAppLanguage(c.language)).map((c) => [c.language, c.fileId]));
  return { id: row.id, day: row.day, charts, figures: { ...parsed, takenAt: new Date(parsed.takenAt) } };
}

/** Counts the "now" figures from the live tables: only ever stored as the day's snapshot, never shown live. */
export async function countNowFigures(db: Db, initiative: { id: string; minGroupSize: number }, now: Date): Promise<NowSnapshot> {
  const [statuses, waiting, active, topics, supply, circlesOpen] = await Promise.all([
    db.listenerProfile.groupBy({ by: ['status'], where: { initiativeId: initiative.id }, _count: { _all: true } }),
    db.supportRequest.count({ where: { initiativeId: initiative.id, status: { in: ['waiting', 'offered'] } } }),
    db.pairing.count({ where: { status: 'active', request: { initiativeId: initiative.id } } }),
    db.initiativeTopic.findMany({ where: { initiativeId: initiative.id }, orderBy: { position: 'asc' }, select: { id: true, label: true } }),
    db.listenerTopic.groupBy({
      by: ['topicId'],
      where: { listener: { initiativeId: initiative.id, status: 'active' } },
      _count: { _all: true },
    }),
    db.circle.count({ where: { initiativeId: initiative.id, status: 'open' } }),
  ]);
  const statusCount = (s: string) => statuses.find((r) => r.status === s)?._count._all ?? 0;
  const supplyOf = new Map(supply.map((r) => [r.topicId, r._count._all]));
  return {
    k: initiative.minGroupSize,
    takenAt: now,
    now: {
      listenersActive: statusCount('active'),
      listenersPaused: statusCount('paused'),
      listenersPending: statusCount('pending'),
      requestsWaiting: waiting,
      pairingsActive: active,
    },
    topics: topics.map((t) => ({ id: t.id, label: t.label, supply: supplyOf.get(t.id) ?? 0 })),
    circlesOpen,
  };
}

/**
 * The initiative's snapshot for the UTC day of `now`: read, or taken now if this is the first look of
 * the day (the hourly job usually took it already). Two processes taking it at once create one row:
 * the unique (initiative, day) key refuses the second insert, and the loser reads the winner's row.
 */
export async function dailySnapshot(db: Db, initiative: { id: string; minGroupSize: number }, now: Date): Promise<DailySnapshot> {
  const day = dayStart(now);
  const existing = await db.insightsSnapshot.findUnique({ where: { initiativeId_day: { initiativeId: initiative.id, day } }, include: withCharts });
  if (existing) return toDailySnapshot(existing);
  const figures = await countNowFigures(db, initiative, now);
  try {
    // A plain insert, no nested read of the charts (a new day has none): with one, Prisma wraps the
    // insert in a transaction, and two SQLite writers racing here waited on each other until it timed out.
    const row = await db.insightsSnapshot.create({
      data: { initiativeId: initiative.id, day, figures: JSON.stringify(figures), createdAt: now },
    });
    return toDailySnapshot({ ...row, charts: [] });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return toDailySnapshot(await db.insightsSnapshot.findUniqueOrThrow({ where: { initiativeId_day: { initiativeId: initiative.id, day } }, include: withCharts }));
  }
}

/** Anonymous counters, topic demand, match minutes and circles by topic over `weeks` (completed weeks only). */
export async function loadWeeklyAggregates(db: Db, initiativeId: string, weeks: Date[]): Promise<WeeklyAggregates> {
  const weekStart = { gte: weeks[0]!, lte: weeks[weeks.length - 1]! };
  const [weekly, byTopic, minutes, circlesByTopic] = await Promise.all([
    db.anonymousCount.groupBy({
      by: ['metric', 'weekStart'],
      where: { initiativeId, weekStart, metric: { in: [...WEEKLY_METRICS, ...CIRCLE_METRICS] } },
      _sum: { count: true },
    }),
    db.anonymousCount.groupBy({
      by: ['topicId'],
      where: { initiativeId, weekStart, metric: 'request_opened' },
      _sum: { count: true },
    }),
    db.matchTime.groupBy({
      by: ['minutes'],
      where: { initiativeId, weekStart },
      _count: { _all: true },
      orderBy: { minutes: 'asc' },
    }),
    db.anonymousCount.groupBy({
      by: ['metric', 'topicId'],
      where: { initiativeId, weekStart, metric: { in: [...CIRCLE_METRICS] } },
      _sum: { count: true },
    }),
  ]);
  return {
    weekly: weekly.map((r) => ({ metric: r.metric, weekStart: r.weekStart, count: r._sum.count ?? 0 })),
    demandByTopic: byTopic.map((r) => ({ topicId: r.topicId, count: r._sum.count ?? 0 })),
    matchMinutes: minutes.map((m) => ({ minutes: m.minutes, count: m._count._all })),
    circlesByTopic: circlesByTopic.map((r) => ({ metric: r.metric, topicId: r.topicId, count: r._sum.count ?? 0 })),
  };
}

export interface DailyInsights {
  raw: RawInsights;
  snapshot: DailySnapshot;
}

/**
 * What every view and export of the day shows: completed weeks only, and the day's "now" snapshot.
 * Nothing that happens later the same day changes it (issue 13; test/domain/insights-over-time.test.ts).
 */
export async function loadDailyInsights(db: Db, initiative: { id: string; minGroupSize: number }, now: Date): Promise<DailyInsights> {
  const weeks = reportedWeeks(now);
  const [snapshot, aggregates] = await Promise.all([dailySnapshot(db, initiative, now), loadWeeklyAggregates(db, initiative.id, weeks)]);
  return { raw: assembleInsights({ weeks, aggregates, snapshot: snapshot.figures }), snapshot };
}

export async function loadInsights(db: Db, initiative: { id: string; minGroupSize: number }, now: Date): Promise<RawInsights> {
  return (await loadDailyInsights(db, initiative, now)).raw;
}

/**
 * Stores the day's chart in `language` unless another view stored one first; returns the file id to
 * show. The (snapshot, language) key settles the race: the loser's insert is refused, it gets the
 * winner's id back and should delete its own upload. Null only if the winner's row was retired before
 * it could be read (a chart of an old day).
 */
export async function storeChart(db: Db, snapshotId: string, language: AppLanguage, fileId: string): Promise<string | null> {
  try {
    await db.insightsChart.create({ data: { snapshotId, language, fileId } });
    return fileId;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.insightsChart.findUnique({ where: { snapshotId_language: { snapshotId, language } }, select: { fileId: true } }))?.fileId ?? null;
  }
}

/**
 * Charts of days before yesterday, in every language, no longer shown by any view: their rows are
 * deleted (so the job can prune the snapshots) and their file ids handed back to be deleted from Slack.
 * Each row is claimed by its own delete, so of two processes retiring at once only one gets a file.
 * Yesterday's stay, as a modal opened just before midnight may still show them.
 */
export async function retireOldCharts(db: Db, initiativeId: string, now: Date): Promise<string[]> {
  const before = new Date(dayStart(now).getTime() - DAY);
  const rows = await db.insightsChart.findMany({ where: { snapshot: { initiativeId, day: { lt: before } } }, select: { snapshotId: true, language: true, fileId: true } });
  const retired: string[] = [];
  for (const row of rows) {
    const { count } = await db.insightsChart.deleteMany({ where: { snapshotId: row.snapshotId, language: row.language, fileId: row.fileId } });
    if (count === 1) retired.push(row.fileId);
  }
  return retired;
}

/** How long snapshot rows are kept (counts only); rows that still have a chart wait until it is retired. */
const SNAPSHOT_KEEP_DAYS = 14;

/**
 * The scheduled half of the daily snapshot: takes today's for every initiative that has none yet, so
 * the figures are usually counted early in the day rather than at whatever time someone first looks.
 */
export async function takeDueSnapshots(db: Db, now: Date): Promise<{ taken: number; pruned: number }> {
  const day = dayStart(now);
  const due = await db.initiative.findMany({ where: { snapshots: { none: { day } } }, select: { id: true, minGroupSize: true } });
  for (const initiative of due) await dailySnapshot(db, initiative, now);
  const { count: pruned } = await db.insightsSnapshot.deleteMany({
    where: { day: { lt: new Date(day.getTime() - SNAPSHOT_KEEP_DAYS * DAY) }, charts: { none: {} } },
  });
  return { taken: due.length, pruned };
}

/** Every view and export is recorded: who, which initiative, when (coordinators can see this). */
export async function recordAccess(deps: ServiceDeps, input: { initiativeId: string; viewerId: string; action: 'view' | 'export' }): Promise<void> {
  await deps.db.insightsAccess.create({ data: { ...input, createdAt: deps.clock.now() } });
}

export async function accessLog(db: Db, initiativeId: string, limit = 50): Promise<{ viewerId: string; action: string; at: Date }[]> {
  const rows = await db.insightsAccess.findMany({ where: { initiativeId }, orderBy: { createdAt: 'desc' }, take: limit });
  return rows.map((r) => ({ viewerId: r.viewerId, action: r.action, at: r.createdAt }));
}
