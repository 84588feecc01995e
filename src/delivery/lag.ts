import type { Db } from '../db/client.js';

// How far behind the dispatcher is (issue 16, "Operations"): for each queue, how long its oldest due
// row has been waiting. Due means what the dispatcher would claim (lease.ts `dueIds`): scheduled and
// due, or claimed by a sender whose lease ran out (a replica that died mid-send). Rows postponed to a
// humane hour are not due yet, so they never count as lag. Read on each scrape, from the database, so
// every replica reports the same figure.

export type DeliveryQueue = 'check_in' | 'outbox';

/** Seconds since the oldest due row of each queue was due; 0 when nothing is due. */
export async function oldestDueSeconds(db: Db, now: Date): Promise<Record<DeliveryQueue, number>> {
  const due = {
    OR: [
      { status: 'scheduled', deliverAt: { lte: now } },
      { status: 'sending', leaseUntil: { lt: now } },
    ],
  };
  const [checkIn, outbox] = await Promise.all([
    db.checkIn.aggregate({ _min: { deliverAt: true }, where: due }),
    db.outboxMessage.aggregate({ _min: { deliverAt: true }, where: due }),
  ]);
  const lag = (oldest: Date | null) => (oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0);
  return { check_in: lag(checkIn._min.deliverAt), outbox: lag(outbox._min.deliverAt) };
}
