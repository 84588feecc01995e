import { Prisma, type Db } from '../../db/client.js';
import { TIMEZONE_REFRESH_MS } from '../common/timezones.js';

// Data retention (issues 5 and 13): ended pairings and closed requests older than the initiative's
// retention are deleted. Their anonymous counts were recorded when things happened, so only counts
// remain. Everything else that names a person goes too once it has no purpose left: the timezone cache,
// the insights access log, and do-not-pair records (see pruneBlocks for what a block protects); closed
// circles and circles' sent session prompts (issue 20).

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionReport {
  pairings: number;
  requests: number;
  timezones: number;
  insightsAccess: number;
  blocks: number;
  reports: number;
  listenerCheckIns: number;
  circles: number;
  circleCheckIns: number;
}

export async function applyRetention(db: Db, now: Date): Promise<RetentionReport> {
  let pairings = 0;
  let requests = 0;
  let insightsAccess = 0;
  let blocks = 0;
  let reports = 0;
  let listenerCheckIns = 0;
  let circles = 0;
  let circleCheckIns = 0;
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
    // Who viewed or exported insights is kept so coordinators can see who looked, for as long as the
    // initiative keeps anything else, and no longer.
    insightsAccess += (await db.insightsAccess.deleteMany({ where: { initiativeId: initiative.id, createdAt: { lt: cutoff } } })).count;
    blocks += await pruneBlocks(db, initiative.id, cutoff);
    // A concern raised (issue 15) is kept for the same retention, so a coordinator can still reply; then
    // it goes, like the conversation it was raised in (the coordinators' notice was sent when it was made).
    reports += (await db.report.deleteMany({ where: { initiativeId: initiative.id, createdAt: { lt: cutoff } } })).count;
    // A listener's own check-ins belong to no pairing (one per listener, issue 15), so none cascades
    // them: those done with (sent and answered or not, cancelled, given up) go after the same retention.
    listenerCheckIns += (
      await db.checkIn.deleteMany({
        where: { initiativeId: initiative.id, kind: 'listener', pairingId: null, status: { in: ['sent', 'cancelled', 'failed'] }, dueAt: { lt: cutoff } },
      })
    ).count;
    // A closed circle (issue 20) keeps its members' rows so late notes can still find their threads;
    // after the retention it goes, with them and the timestamps of what was relayed (cascade). Session
    // prompts name their recipient and belong to no pairing: those done with go after the same time.
    circles += (await db.circle.deleteMany({ where: { initiativeId: initiative.id, status: 'closed', closedAt: { lt: cutoff } } })).count;
    circleCheckIns += (
      await db.checkIn.deleteMany({
        where: { initiativeId: initiative.id, kind: 'circle_session', status: { in: ['sent', 'cancelled', 'failed'] }, dueAt: { lt: cutoff } },
      })
    ).count;
  }
  // The access log has no foreign key to its initiative: rows of a deleted initiative go here.
  insightsAccess += (await db.insightsAccess.deleteMany({ where: { initiativeId: { notIn: initiatives.map((i) => i.id) } } })).count;
  const timezones = await pruneTimezones(db, now);
  return { pairings, requests, timezones, insightsAccess, blocks, reports, listenerCheckIns, circles, circleCheckIns };
}

/**
 * A do-not-pair record (after a report) protects the seeker, and the listener, from being offered to
 * each other again: while the seeker has any request in the initiative (waiting, in a pairing, or
 * closed but still kept), the block stays, whatever its age. Once it is older than the retention and
 * the seeker has no request left there, it protects nothing current, and keeping it would keep exactly
 * what retention removes everywhere else: that this person once asked for support (the seeker's
 * consent record goes on the same rule, above). A later request starts afresh, like its consent; the
 * report itself reached the coordinators when it was made, and they act on a listener's profile, not
 * through this record. One statement, so a request that exists when it runs always keeps its block.
 */
async function pruneBlocks(db: Db, initiativeId: string, cutoff: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "PairBlock" WHERE "initiativeId" = ${initiativeId} AND "createdAt" < ${cutoff} AND NOT EXISTS (SELECT 1 FROM "SupportRequest" r WHERE r."initiativeId" = "PairBlock"."initiativeId" AND r."seekerId" = "PairBlock"."seekerId")`;
}

/**
 * The timezone cache (Slack's users.info) exists only to send check-ins at a humane local hour. A row
 * not refreshed within the refresh period is never read again without asking Slack first, so it serves
 * nothing; and a row of someone the app has no reason to message (no listener profile, no open request,
 * no active pairing, no coordinator or HR role, no check-in waiting to be sent) goes at once, whatever
 * its age. Closed requests and ended pairings kept for the retention are not a reason: nobody is
 * messaged about them.
 */
async function pruneTimezones(db: Db, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - TIMEZONE_REFRESH_MS);
  const person = Prisma.sql`"PersonTimezone"."userId"`;
  return db.$executeRaw`DELETE FROM "PersonTimezone" WHERE "fetchedAt" < ${staleBefore} OR (
    NOT EXISTS (SELECT 1 FROM "ListenerProfile" p WHERE p."userId" = ${person})
    AND NOT EXISTS (SELECT 1 FROM "SupportRequest" r WHERE r."seekerId" = ${person} AND r."status" <> 'closed')
    AND NOT EXISTS (SELECT 1 FROM "Pairing" x WHERE (x."seekerId" = ${person} OR x."listenerUserId" = ${person}) AND x."status" = 'active')
    AND NOT EXISTS (SELECT 1 FROM "InitiativeMember" m WHERE m."userId" = ${person})
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."recipientId" = ${person} AND c."status" IN ('scheduled', 'sending')))`;
}
