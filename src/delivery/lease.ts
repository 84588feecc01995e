import { Prisma, type Db } from '../db/client.js';

// Leases for rows that are sent once (check-ins, outbox messages). A sender claims due rows in one
// UPDATE ... RETURNING, so two processes never claim the same row; a sender that dies leaves its rows
// to whoever claims them once the lease has run out. Every later change to a claimed row (sent,
// postponed, retried, given up) is fenced by the claim it was made under, owner AND attempt: a sender
// whose lease ran out and whose row was claimed again (by another process, or by itself on a later
// tick) changes nothing, so it can never mark sent, or schedule the next, what someone else now owns.

/**
 * Longer than any one send can take (the bulk Web API client times out after seconds, never retries),
 * and renewed every RENEW_EVERY_MS while the batch is being sent: a replica that dies (SIGKILL, a lost
 * node) leaves its rows to the others within half a minute, not after the longest wait a batch could have.
 */
export const LEASE_MS = 30 * 1000;
export const RENEW_EVERY_MS = 10 * 1000;

/** Tables that hold leased rows; each has id, status, deliverAt, leaseOwner, leaseUntil and attempts. */
export type LeasedTable = 'CheckIn' | 'OutboxMessage';

export type DeliveryStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'failed';

/** What a claim hands its sender: the row, and the attempt number the claim was made under. */
export interface Claim {
  id: string;
  owner: string;
  attempt: number;
  leaseUntil: Date;
}

/** The `where` of any change to a claimed row: it still belongs to this very claim. */
export function underClaim(claim: Claim) {
  return { id: claim.id, status: 'sending' as DeliveryStatus, leaseOwner: claim.owner, attempts: claim.attempt };
}

export const RELEASED = { leaseOwner: null, leaseUntil: null } as const;

const table = (name: LeasedTable) => Prisma.raw(`"${name}"`);

/**
 * Ids of rows that look due now: scheduled and due, or claimed by a sender whose lease ran out.
 * With `writerGraceMs`, a row due from the moment it was written (deliverAt at or before createdAt) is
 * left to its writer for that long: the writer sends it right after its commit, in the order written
 * (an offer before the seeker hears "we asked someone"), and another process's tick claiming it in
 * between would send the same transaction's rows side by side, in any order. A writer that died
 * leaves them to everyone once the grace is over.
 */
export async function dueIds(db: Db, name: LeasedTable, input: { now: Date; limit: number; writerGraceMs?: number }): Promise<string[]> {
  const written = input.writerGraceMs
    ? Prisma.sql` AND ("deliverAt" > "createdAt" OR "createdAt" <= ${new Date(input.now.getTime() - input.writerGraceMs)})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${table(name)} WHERE ("status" = 'scheduled' AND "deliverAt" <= ${input.now}${written}) OR ("status" = 'sending' AND "leaseUntil" < ${input.now}) ORDER BY "deliverAt" LIMIT ${input.limit}`;
  return rows.map((r) => r.id);
}

/**
 * Claims the given ids for `owner`. The due conditions are checked again in the UPDATE, so ids another
 * process claimed meanwhile (or stale ids) are simply not returned.
 */
export async function claimRows(db: Db, name: LeasedTable, input: { owner: string; now: Date; ids: string[] }): Promise<Claim[]> {
  if (input.ids.length === 0) return [];
  const leaseUntil = new Date(input.now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<{ id: string; attempts: number | bigint }[]>`UPDATE ${table(name)} SET "status" = 'sending', "leaseOwner" = ${input.owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1 WHERE "id" IN (${Prisma.join(input.ids)}) AND (("status" = 'scheduled' AND "deliverAt" <= ${input.now}) OR ("status" = 'sending' AND "leaseUntil" < ${input.now})) RETURNING "id", "attempts"`;
  return rows.map((r) => ({ id: r.id, owner: input.owner, attempt: Number(r.attempts), leaseUntil }));
}

/**
 * Extends the leases of claims still being sent (fenced like every change: owner and attempt), and the
 * claims' own leaseUntil with them. Rows already settled are not touched.
 */
export async function renewLeases(db: Db, name: LeasedTable, input: { claims: Claim[]; now: Date }): Promise<void> {
  if (input.claims.length === 0) return;
  const leaseUntil = new Date(input.now.getTime() + LEASE_MS);
  const owner = input.claims[0]!.owner;
  const renewed = await db.$queryRaw<{ id: string }[]>`UPDATE ${table(name)} SET "leaseUntil" = ${leaseUntil} WHERE "id" IN (${Prisma.join(input.claims.map((c) => c.id))}) AND "status" = 'sending' AND "leaseOwner" = ${owner} RETURNING "id", "attempts"`;
  const still = new Set(renewed.map((r) => r.id));
  for (const claim of input.claims) if (still.has(claim.id)) claim.leaseUntil = leaseUntil;
}

/** Time left on a claim: a sender does not start a send it could not finish inside its lease. */
export function leaseLeftMs(claim: Claim, now: Date): number {
  return claim.leaseUntil.getTime() - now.getTime();
}

/** More than one bulk send can take (its client times out after 10 s and never retries); half a lease. */
export const SEND_BUDGET_MS = 15_000;

/** Thrown instead of sending when a row waited (for the pacer, a Retry-After) until its lease ran low. */
export class LeaseRunningOut extends Error {
  readonly code = 'lease_running_out';
}

/**
 * Runs `send` only if the claim still has time for it. Checked at the last moment, after any wait for
 * the workspace's pace: otherwise a row held up past its lease could be claimed and sent by another
 * process and then sent again by this one (the fencing keeps the database right, but the person would
 * get the message twice).
 */
export function withinLease<T>(claim: Claim, now: () => Date, send: () => Promise<T>): Promise<T> {
  if (leaseLeftMs(claim, now()) < SEND_BUDGET_MS) return Promise.reject(new LeaseRunningOut('lease running out'));
  return send();
}
