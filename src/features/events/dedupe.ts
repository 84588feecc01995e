import { Prisma, type Db } from '../../db/client.js';
import { hasConnectionPool, leanExecute } from '../../db/lean-read.js';

// Slack retries an event it got no 2xx for, and with several replicas any of them may receive it.
// The first process to insert the event id acts on it; the others see the unique key and skip it.

/**
 * True when this process is the first to see `eventId`. One statement that inserts or does nothing, so
 * a duplicate costs no error; a lean write, as this runs for every event (issue 17).
 */
export async function claimEvent(db: Db, eventId: string, now: Date): Promise<boolean> {
  const inserted = await leanExecute(
    db,
    Prisma.sql`INSERT INTO "ProcessedEvent" ("eventId", "receivedAt") VALUES (${eventId}, ${now}) ON CONFLICT ("eventId") DO NOTHING`,
  );
  return inserted === 1;
}

/** An event whose claim waits for its handler's first statement (`claimLater`). */
export interface EventClaim {
  eventId: string;
  receivedAt: Date;
}

/**
 * A new message a person wrote in their DM with the app (a file share and a thread broadcast count;
 * edits, deletions and bots do not): what the relay acts on, and whose claim can wait for it.
 */
export function isNewDirectMessage<E extends { channel_type?: unknown; bot_id?: unknown; user?: unknown; subtype?: unknown }>(e: E): e is E & { user: string } {
  return (
    e.channel_type === 'im' &&
    !e.bot_id &&
    typeof e.user === 'string' &&
    e.user !== '' &&
    (!e.subtype || e.subtype === 'file_share' || e.subtype === 'thread_broadcast')
  );
}

/**
 * Whether this event's claim can ride on its handler's first read instead of a statement of its own:
 * on PostgreSQL (a data-modifying WITH in the same statement), for a new message in a DM with the app,
 * whose handler (src/features/relay) claims it before it does anything (issue 17: a statement costs the
 * app a fifth of a millisecond of CPU there, and every DM paid two).
 */
export function claimLater(db: object, event: unknown): boolean {
  if (!hasConnectionPool(db) || typeof event !== 'object' || event === null) return false;
  const e = event as Record<string, unknown>;
  return e.type === 'message' && isNewDirectMessage(e);
}

/** The SQL that claims `claim` inside another statement's WITH: one row, `fresh` 1 or 0. */
export function claimCte(claim: EventClaim): Prisma.Sql {
  return Prisma.sql`claimed AS (INSERT INTO "ProcessedEvent" ("eventId", "receivedAt") VALUES (${claim.eventId}, ${claim.receivedAt}) ON CONFLICT ("eventId") DO NOTHING RETURNING 1)`;
}

/** Slack stops retrying after about 5 minutes; a day of ids is plenty. */
export async function pruneProcessedEvents(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { count } = await db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return count;
}
