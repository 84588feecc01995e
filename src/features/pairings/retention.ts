import type { Db } from '../../db/client.js';

// Data retention (issue 5): ended pairings and closed requests older than the initiative's retention
// are deleted. Their anonymous counts were recorded when things happened, so only counts remain.

const DAY = 24 * 60 * 60 * 1000;

export async function applyRetention(db: Db, now: Date): Promise<{ pairings: number; requests: number }> {
  let pairings = 0;
  let requests = 0;
  const initiatives = await db.initiative.findMany({ select: { id: true, retentionDays: true } });
  for (const initiative of initiatives) {
    const cutoff = new Date(now.getTime() - initiative.retentionDays * DAY);
    pairings += (
      await db.pairing.deleteMany({ where: { status: 'ended', endedAt: { lt: cutoff }, request: { initiativeId: initiative.id } } })
    ).count;
    // A closed request goes once none of its pairings is left (they cascade with it otherwise).
    requests += (
      await db.supportRequest.deleteMany({
        where: { initiativeId: initiative.id, status: 'closed', closedAt: { lt: cutoff }, pairings: { none: { status: 'active' } } },
      })
    ).count;
    // Asking for support is itself sensitive: once none of a person's requests is kept, neither is
    // the record that they consented to one.
    const oldConsents = await db.consentRecord.findMany({
      where: { initiativeId: initiative.id, purpose: 'seeker_request', createdAt: { lt: cutoff } },
      select: { userId: true },
      distinct: ['userId'],
    });
    for (const { userId } of oldConsents) {
      const kept = await db.supportRequest.count({ where: { initiativeId: initiative.id, seekerId: userId } });
      if (kept === 0) {
        await db.consentRecord.deleteMany({ where: { initiativeId: initiative.id, userId, purpose: 'seeker_request', createdAt: { lt: cutoff } } });
      }
    }
  }
  return { pairings, requests };
}
