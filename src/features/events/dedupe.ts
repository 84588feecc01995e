import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';

// Slack retries an event it got no 2xx for, and with several replicas any of them may receive it.
// The first process to insert the event id acts on it; the others see the unique key and skip it.

/** True when this process is the first to see `eventId`. */
export async function claimEvent(db: Db, eventId: string, now: Date): Promise<boolean> {
  try {
    await db.processedEvent.create({ data: { eventId, receivedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Slack stops retrying after about 5 minutes; a day of ids is plenty. */
export async function pruneProcessedEvents(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { count } = await db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return count;
}
