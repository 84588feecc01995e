import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { buildInsights } from '../src/domain/insights-table.js';
import { weekStart } from '../src/domain/weeks.js';
import { renderCsv } from '../src/features/insights/csv.js';
import { countNowFigures, loadInsights } from '../src/features/insights/service.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { line, percentile, timed } from './report.js';
import { seededRandom } from './seeded-random.js';

const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 100_000);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 20_000);
const LISTENERS = 2_000;
const TOPICS = 10;
const NOW = new Date('2026-03-04T12:00:00Z');
const WEEK = 7 * 86_400_000;

/** An initiative with a year of history: 100,000 pairings, their requests, and 20,000 check-in answers. */
async function seed(url: string) {
  const database = await openDatabase(url);
  const { db } = database;
  const random = seededRandom(11);
  await db.workspace.create({ data: { id: 'TBENCH' } });
  const initiative = await db.initiative.create({
    data: {
      workspaceId: 'TBENCH',
      name: 'Bench',
      description: 'b',
      resources: 'r',
      guidelines: 'g',
      topics: { create: Array.from({ length: TOPICS }, (_, t) => ({ label: `Topic ${t}`, position: t })) },
    },
    include: { topics: true },
  });
  const topicIds = initiative.topics.map((t) => t.id);
  const listeners = Array.from({ length: LISTENERS }, (_, i) => ({
    id: randomUUID(),
    initiativeId: initiative.id,
    userId: `UL${i}`,
    status: random() < 0.8 ? 'active' : random() < 0.5 ? 'paused' : 'pending',
    capacity: 5,
    languages: 'en',
  }));
  await db.listenerProfile.createMany({ data: listeners });
  await db.listenerTopic.createMany({ data: listeners.map((l, i) => ({ listenerId: l.id, topicId: topicIds[i % TOPICS]! })) });

  const counts = new Map<string, { metric: string; weekStart: Date; topicId: string; count: number }>();
  const count = (metric: string, at: Date, topicId = '') => {
    const week = weekStart(at);
    const key = `${metric}|${week.toISOString()}|${topicId}`;
    const row = counts.get(key) ?? { metric, weekStart: week, topicId, count: 0 };
    row.count += 1;
    counts.set(key, row);
  };
  const matchTimes: { initiativeId: string; weekStart: Date; minutes: number }[] = [];
  for (let i = 0; i < PAIRINGS; i += 500) {
    const requests = [];
    const pairings = [];
    for (let n = i; n < Math.min(PAIRINGS, i + 500); n++) {
      const created = new Date(NOW.getTime() - Math.floor(random() * 52 * WEEK));
      const minutes = Math.floor(random() * 600);
      const started = new Date(created.getTime() + minutes * 60_000);
      const active = NOW.getTime() - started.getTime() < 3 * WEEK && random() < 0.5;
      const topicId = topicIds[n % TOPICS]!;
      const requestId = randomUUID();
      const listener = listeners[n % LISTENERS]!;
      requests.push({ id: requestId, initiativeId: initiative.id, seekerId: `US${n}`, seekerPseudonym: 'Otter', topicId, status: active ? 'paired' : 'closed', createdAt: created, matchedAt: started });
      pairings.push({
        requestId,
        listenerId: listener.id,
        seekerId: `US${n}`,
        listenerUserId: listener.userId,
        seekerPseudonym: 'Otter',
        listenerPseudonym: 'Heron',
        seekerChannel: `DUS${n}`,
        listenerChannel: `D${listener.userId}`,
        status: active ? 'active' : 'ended',
        startedAt: started,
        endedAt: active ? null : new Date(started.getTime() + WEEK),
      });
      count('request_opened', created, topicId);
      count('request_matched', started, topicId);
      if (!active) count('pairing_ended', new Date(started.getTime() + WEEK));
      matchTimes.push({ initiativeId: initiative.id, weekStart: weekStart(started), minutes });
    }
    await db.supportRequest.createMany({ data: requests });
    await db.pairing.createMany({ data: pairings });
  }
  const answers = ['helpful', 'not_yet', 'someone_else', 'end'];
  for (let a = 0; a < ANSWERS; a++) count(`checkin_${answers[a % 4]}`, new Date(NOW.getTime() - Math.floor(random() * 52 * WEEK)));
  const countRows = [...counts.values()].map((c) => ({ ...c, initiativeId: initiative.id }));
  for (let i = 0; i < countRows.length; i += 500) await db.anonymousCount.createMany({ data: countRows.slice(i, i + 500) });
  for (let i = 0; i < matchTimes.length; i += 2000) await db.matchTime.createMany({ data: matchTimes.slice(i, i + 2000) });
  return { database, initiative: { id: initiative.id, minGroupSize: 5 } };
}

async function benchOne(provider: 'sqlite' | 'postgresql'): Promise<void> {
  const empty = await createEmptyDatabase(provider);
  try {
    await applyMigrations(empty.url);
    const { ms: seedMs, value } = await timed(() => seed(empty.url));
    const { database, initiative } = value;
    try {
      line(`${provider}: seeded ${PAIRINGS} pairings, ${ANSWERS} check-in answers`, seedMs, 'ms');
      // The day's "now" figures, counted live: what the hourly job (or the day's first view) does once.
      const counts: number[] = [];
      for (let run = 0; run < 7; run++) counts.push((await timed(() => countNowFigures(database.db, initiative, NOW))).ms);
      counts.sort((a, b) => a - b);
      line(`${provider}: take the day's snapshot ("now" figures), median of 7`, percentile(counts, 50), 'ms');
      // The first view of the day also stores the snapshot; every later one reads it back.
      const first = await timed(async () => buildInsights(await loadInsights(database.db, initiative, NOW)));
      line(`${provider}: first view of the day (stores the snapshot, queries + suppression)`, first.ms, 'ms');
      const times: number[] = [];
      let csvLength = 0;
      for (let run = 0; run < 7; run++) {
        const { ms, value: shown } = await timed(async () => buildInsights(await loadInsights(database.db, initiative, NOW)));
        times.push(ms);
        csvLength = renderCsv(shown, 'Bench').length;
      }
      times.sort((a, b) => a - b);
      line(`${provider}: a later view that day (snapshot read, queries + suppression), median of 7`, percentile(times, 50), 'ms');
      line(`${provider}:   slowest of 7`, times[times.length - 1]!, 'ms');
      line(`${provider}:   CSV size`, csvLength, 'bytes');
    } finally {
      await database.close();
    }
  } finally {
    await empty.drop();
  }
}

export async function benchInsights(): Promise<void> {
  await benchOne('sqlite');
  await benchOne('postgresql');
}
