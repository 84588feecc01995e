import { Prisma, type Db } from '../../db/client.js';
import { leanExecute } from '../../db/lean-read.js';

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

/** Slack stops retrying after about 5 minutes; a day of ids is plenty. */
export async function pruneProcessedEvents(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { count } = await db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return count;
}
