import { randomUUID } from 'node:crypto';
import { fixedClock } from '../src/clock.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { DEFAULT_WORKING_HOURS, formatWorkDays, type WorkingHours } from '../src/domain/availability.js';
import { planOffers, type CandidateListener, type RequestToMatch } from '../src/domain/matching.js';
import { matchWaitingRequests } from '../src/features/requests/matching.js';
import { pino } from 'pino';
import { createEmptyDatabase } from '../test/support/databases.js';
import { insertRows, type ColumnType } from './bulk-insert.js';
import { line, percentile, timed } from './report.js';
import { seededRandom } from './seeded-random.js';

const LISTENERS = 5_000;
const REQUESTS = 1_000;
const TOPICS = 10;
const NOW = new Date('2026-03-02T10:00:00Z');
const ZONES = ['Europe/London', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland', 'America/Los_Angeles'];
const LANGS = ['en', 'fr', 'de', 'es'];
const ANY_TIME: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' };

function makeData(random: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const listeners: CandidateListener[] = Array.from({ length: LISTENERS }, (_, i) => ({
    id: `L${i}`,
    userId: `UL${i}`,
    status: 'active',
    capacity: 1 + Math.floor(random() * 5),
    reservedSlots: 0,
    topicIds: [...new Set([pick(Array.from({ length: TOPICS }, (_, t) => `T${t}`)), pick(Array.from({ length: TOPICS }, (_, t) => `T${t}`))])],
    languages: [...new Set(['en', pick(LANGS)])],
    timezone: pick(ZONES),
    quietHoursStart: random() < 0.3 ? '22:00' : null,
    quietHoursEnd: random() < 0.3 ? '07:00' : null,
    // Most keep the default working hours; some take offers any time (issue 15).
    workingHours: random() < 0.7 ? DEFAULT_WORKING_HOURS : ANY_TIME,
    lastOfferAt: random() < 0.5 ? new Date(NOW.getTime() - Math.floor(random() * 1e9)) : null,
  }));
  const requests: RequestToMatch[] = Array.from({ length: REQUESTS }, (_, i) => ({
    id: `R${i}`,
    seekerId: `US${i}`,
    topicId: `T${Math.floor(random() * TOPICS)}`,
    language: random() < 0.3 ? pick(LANGS) : null,
    sameTimezone: random() < 0.3,
    seekerTimezone: pick(ZONES),
    excludedListenerIds: new Set(),
    pastOffers: [],
    blockedListenerUserIds: new Set(),
  }));
  return { listeners, requests };
}

/** The planner alone, in memory. */
function benchPlanner(): void {
  const { listeners, requests } = makeData(seededRandom(42));
  const times: number[] = [];
  let offers = 0;
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    offers = planOffers(requests, listeners, NOW).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  line(`plan ${REQUESTS} requests x ${LISTENERS} listeners (in memory), median of 7`, percentile(times, 50), 'ms');
  line('  offers planned', offers);
}

const PROFILE_COLUMNS: Record<string, ColumnType> = {
  id: 'text',
  initiativeId: 'text',
  userId: 'text',
  status: 'text',
  capacity: 'int',
  languages: 'text',
  timezone: 'text',
  quietHoursStart: 'text',
  quietHoursEnd: 'text',
  workDays: 'text',
  workStart: 'text',
  workEnd: 'text',
  lastOfferAt: 'timestamp',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
};

const REQUEST_COLUMNS: Record<string, ColumnType> = {
  id: 'text',
  initiativeId: 'text',
  seekerId: 'text',
  seekerPseudonym: 'text',
  topicId: 'text',
  language: 'text',
  sameTimezone: 'boolean',
  seekerTimezone: 'text',
  status: 'text',
  createdAt: 'timestamp',
};

/**
 * One initiative of LISTENERS listeners and REQUESTS waiting requests; `people` prefixes every Slack user
 * id. The many rows go in as JSON (bench/bulk-insert.ts), so the sweep timed next does not pay for the
 * collection of what seeding them left.
 */
async function seed(database: Database, random: () => number, people = '') {
  const db = database.db;
  const workspaceId = `TBENCH${randomUUID().slice(0, 6)}`;
  await db.workspace.create({ data: { id: workspaceId } });
  const initiative = await db.initiative.create({
    data: {
      workspaceId,
      name: 'Bench',
      description: 'bench',
      resources: 'r',
      guidelines: 'g',
      approvalRequired: false,
      topics: { create: Array.from({ length: TOPICS }, (_, t) => ({ label: `Topic ${t}`, position: t })) },
    },
    include: { topics: true },
  });
  const topicIds = initiative.topics.map((t) => t.id);
  const { listeners, requests } = makeData(random);
  const profileRows = listeners.map((l) => ({
    id: randomUUID(),
    initiativeId: initiative.id,
    userId: `${people}${l.userId}`,
    status: 'active',
    capacity: l.capacity,
    languages: l.languages.join(','),
    timezone: l.timezone,
    quietHoursStart: l.quietHoursStart && l.quietHoursEnd ? l.quietHoursStart : null,
    quietHoursEnd: l.quietHoursStart && l.quietHoursEnd ? l.quietHoursEnd : null,
    workDays: formatWorkDays(l.workingHours.days),
    workStart: l.workingHours.start,
    workEnd: l.workingHours.end,
    lastOfferAt: l.lastOfferAt,
    createdAt: NOW,
    updatedAt: NOW,
  }));
  await insertRows(database, 'ListenerProfile', PROFILE_COLUMNS, profileRows);
  const topicRows = listeners.flatMap((l, i) => l.topicIds.map((t) => ({ listenerId: profileRows[i]!.id, topicId: topicIds[Number(t.slice(1))]! })));
  await insertRows(database, 'ListenerTopic', { listenerId: 'text', topicId: 'text' }, topicRows);
  const requestRows = requests.map((r, i) => ({
    id: randomUUID(),
    initiativeId: initiative.id,
    seekerId: `${people}${r.seekerId}`,
    seekerPseudonym: 'Otter',
    topicId: topicIds[Number(r.topicId!.slice(1))]!,
    language: r.language,
    sameTimezone: r.sameTimezone,
    seekerTimezone: r.seekerTimezone,
    status: 'waiting',
    createdAt: new Date(NOW.getTime() - (REQUESTS - i) * 1000),
  }));
  await insertRows(database, 'SupportRequest', REQUEST_COLUMNS, requestRows);
  // A database in use has planner statistics for its tables; PostgreSQL's autovacuum gathers them
  // within a minute of a bulk load like this one, and a cold sweep timed before that would measure
  // plans made for empty tables, not the app (one run in three: 180 ms against 120).
  if (database.provider === 'postgresql') await db.$executeRawUnsafe('ANALYZE');
  return initiative.id;
}

/** One sweep, timed, with the phases it logs at debug level (code matching_sweep); returns its time. */
async function sweep(db: Database['db'], initiativeId: string, label: string): Promise<number> {
  const logged: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (json: string) => void logged.push(JSON.parse(json) as Record<string, unknown>) });
  const deps = { db, clock: fixedClock(NOW), logger, random: seededRandom(7) };
  const { ms, value } = await timed(() => matchWaitingRequests(deps, initiativeId));
  line(label, ms, 'ms');
  const provider = label.slice(0, label.indexOf(':') + 1);
  // One line per pass: a second pass (or single matches after it) means claims lost a race.
  for (const pass of logged.filter((l) => l.code === 'matching_sweep')) {
    line(`${provider}   pass ${String(pass.pass)} (ms)`, ['load', 'plan', 'claim'].map((p) => `${p} ${String(pass[`${p}Ms`])}`).join(', '));
  }
  line(`${provider}   offers made atomically`, value.offers.length);
  return ms;
}

/**
 * Load, plan and claim 1,000 offers atomically in the database: first in a process that has not swept
 * before (cold: Prisma's and our code not yet optimised by V8), then the same on three more initiatives
 * of the same size, as a long-running app would (warm), with their median: single sweeps on this
 * 2-core machine swing by a third when the database's background work (autovacuum, checkpoints) or
 * anything else runs at the same moment.
 */
async function benchDatabase(provider: 'sqlite' | 'postgresql'): Promise<void> {
  const empty = await createEmptyDatabase(provider);
  try {
    await applyMigrations(empty.url);
    const database = await openDatabase(empty.url);
    try {
      const first = await seed(database, seededRandom(7));
      await sweep(database.db, first, `${provider}: match ${REQUESTS} waiting x ${LISTENERS} listeners (load, plan, claim)`);
      // Other people (prefixes B to D), so no name clashes with the earlier sweeps' offers add work here.
      const warm: number[] = [];
      for (const [i, people] of ['B', 'C', 'D'].entries()) {
        const next = await seed(database, seededRandom(8 + i), people);
        warm.push(await sweep(database.db, next, `${provider}: the same again, warm (initiative ${i + 2})`));
      }
      line(`${provider}: warm, median of 3`, percentile(warm.sort((a, b) => a - b), 50), 'ms');
      const over = await database.db.$queryRawUnsafe<{ n: number | bigint }[]>(
        'SELECT COUNT(*) AS n FROM "ListenerProfile" WHERE "reservedSlots" > "capacity"',
      );
      line(`${provider}:   listeners over capacity (must be 0)`, Number(over[0]?.n ?? 0));
    } finally {
      await database.close();
    }
  } finally {
    await empty.drop();
  }
}

export async function benchMatching(): Promise<void> {
  benchPlanner();
  await benchDatabase('sqlite');
  await benchDatabase('postgresql');
}
