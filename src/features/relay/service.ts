import { Prisma, type Db } from '../../db/client.js';
import { hasConnectionPool, leanRead } from '../../db/lean-read.js';
import { fromRawRow, PAIRING_COLUMNS, type PairingRawRow } from '../pairings/pairing-row.js';
import { activePairingsOf, type Pairing, type Side } from '../pairings/service.js';
import { claimCte, claimEvent, type EventClaim } from '../events/dedupe.js';
import { SAFETY_NET_COLUMNS, SAFETY_NET_JOINS, type SafetyNetRow } from '../safety/service.js';

// Where a message written to the app belongs, and which relayed copy mirrors which original.
// Only timestamps are stored, never text (DESIGN.md invariant 2).

export type Route =
  | { kind: 'pairing'; pairing: Pairing; side: Side; counterpartHasOthers: boolean }
  | { kind: 'none' }
  | { kind: 'ambiguous' };

/** The pairing among `mine` whose introduction's thread `threadTs` is, in the person's own DM. */
export function pairingOfThread<P extends { pairing: Pairing; side: Side }>(mine: readonly P[], threadTs: string | null): P | undefined {
  if (!threadTs) return undefined;
  return mine.find(({ pairing, side }) => (side === 'seeker' ? pairing.seekerThreadTs : pairing.listenerThreadTs) === threadTs);
}

/**
 * A reply in the thread of a pairing's introduction belongs to that pairing; a top-level message
 * belongs to the person's only active pairing. With several and no thread, we ask rather than guess.
 * Among the person's active pairings `mine` (as activePairingsOf or readMessageContext reads them); a
 * reply in a circle's welcome thread was handed to the circle before this (src/features/circles/relay.ts).
 */
export async function routeAmong(db: Db, workspaceId: string, mine: readonly { pairing: Pairing; side: Side }[], threadTs: string | null): Promise<Route> {
  if (mine.length === 0) return { kind: 'none' };
  const chosen = pairingOfThread(mine, threadTs) ?? (mine.length === 1 ? mine[0] : undefined);
  if (!chosen) return { kind: 'ambiguous' };
  const counterpartId = chosen.side === 'seeker' ? chosen.pairing.listenerUserId : chosen.pairing.seekerId;
  const theirs = await activePairingsOf(db, workspaceId, counterpartId);
  return { kind: 'pairing', pairing: chosen.pairing, side: chosen.side, counterpartHasOthers: theirs.length > 1 };
}

/** What a new message written to the app needs: the writer's active pairings, and the safety net's rows should there be none. */
export interface MessageContext {
  /** False when another delivery of this event was claimed first (a retry, or another replica): do nothing. */
  fresh: boolean;
  mine: { pairing: Pairing; side: Side }[];
  safetyNet: SafetyNetRow[];
}

type ContextRow = { [K in keyof SafetyNetRow]: SafetyNetRow[K] | null } & { [K in keyof PairingRawRow]: PairingRawRow[K] | null } & {
  pairingStartedAt: Date | null;
  fresh?: boolean;
};

/**
 * Both in one lean statement (issue 17: every statement costs the app CPU on PostgreSQL, and a message
 * outside a conversation had two reads here): the workspace's initiatives, each joined to the person's
 * open requests in it (the safety net) and to their active pairings in it (the route). With `claim`
 * (PostgreSQL, src/features/events/dedupe.ts) the same statement first claims the event.
 */
export async function readMessageContext(db: Db, workspaceId: string, userId: string, withClaim?: EventClaim): Promise<MessageContext> {
  let claim = withClaim;
  if (claim && !hasConnectionPool(db)) {
    // SQLite has no INSERT inside WITH: the claim goes first, on its own (claimLater never asks for this there).
    if (!(await claimEvent(db, claim.eventId, claim.receivedAt))) return { fresh: false, mine: [], safetyNet: [] };
    claim = undefined;
  }
  const joinPairings = Prisma.sql`LEFT JOIN ("Pairing" p JOIN "SupportRequest" r ON r."id" = p."requestId")
    ON r."initiativeId" = i."id" AND p."status" = 'active' AND (p."seekerId" = ${userId} OR p."listenerUserId" = ${userId})`;
  const columns = Prisma.sql`${SAFETY_NET_COLUMNS}, ${PAIRING_COLUMNS}, p."startedAt" AS "pairingStartedAt"`;
  const rows = await leanRead<ContextRow>(
    db,
    claim
      ? // One row at least, whatever the workspace holds, to say whether the claim took.
        Prisma.sql`WITH ${claimCte(claim)}
          SELECT EXISTS (SELECT 1 FROM claimed) AS "fresh", ${columns}
          FROM (SELECT 1 AS "one") AS base
            LEFT JOIN "Initiative" i ON i."workspaceId" = ${workspaceId}
            ${SAFETY_NET_JOINS(userId)}
            ${joinPairings}`
      : Prisma.sql`SELECT ${columns} FROM "Initiative" i ${SAFETY_NET_JOINS(userId)} ${joinPairings} WHERE i."workspaceId" = ${workspaceId}`,
  );
  if (claim && rows[0]?.fresh !== true) return { fresh: false, mine: [], safetyNet: [] };
  const pairings = new Map<string, { pairing: Pairing; side: Side; startedAt: Date }>();
  for (const row of rows) {
    if (row.id === null || row.pairingStartedAt === null || pairings.has(row.id)) continue;
    // The pairing joins its request inside the LEFT JOIN: with its id, every pairing column is there.
    const pairing = fromRawRow(row as ContextRow & PairingRawRow);
    pairings.set(row.id, { pairing, side: pairing.seekerId === userId ? 'seeker' : 'listener', startedAt: row.pairingStartedAt });
  }
  // Oldest first, as activePairingsOf reads them.
  const mine = [...pairings.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()).map(({ pairing, side }) => ({ pairing, side }));
  const safetyNet = rows.filter((row): row is ContextRow & SafetyNetRow => row.netInitiativeId !== null);
  return { fresh: true, mine, safetyNet };
}

export async function recordRelayed(db: Db, input: { pairingId: string; fromSide: Side; sourceTs: string; mirrorTs: string }): Promise<void> {
  await db.relayedMessage.upsert({
    where: { pairingId_fromSide_sourceTs: { pairingId: input.pairingId, fromSide: input.fromSide, sourceTs: input.sourceTs } },
    create: input,
    update: { mirrorTs: input.mirrorTs },
  });
}

/** The copy of `sourceTs` (a message `fromSide` wrote) in the other person's DM. */
export async function findMirror(db: Db, pairingId: string, fromSide: Side, sourceTs: string): Promise<string | null> {
  const row = await db.relayedMessage.findUnique({ where: { pairingId_fromSide_sourceTs: { pairingId, fromSide, sourceTs } } });
  return row?.mirrorTs ?? null;
}

/**
 * For a reaction on a message the reactor received: the original it mirrors, in the other person's DM.
 */
export async function findOriginalOfMirror(
  db: Db,
  workspaceId: string,
  reactorId: string,
  mirrorTs: string,
): Promise<{ pairing: Pairing; originalTs: string; originalSide: Side } | null> {
  for (const { pairing, side } of await activePairingsOf(db, workspaceId, reactorId)) {
    const other: Side = side === 'seeker' ? 'listener' : 'seeker';
    const row = await db.relayedMessage.findFirst({ where: { pairingId: pairing.id, fromSide: other, mirrorTs } });
    if (row) return { pairing, originalTs: row.sourceTs, originalSide: other };
  }
  return null;
}

export async function crisisWordsFor(db: Db, initiativeId: string): Promise<string> {
  const row = await db.initiative.findUnique({ where: { id: initiativeId }, select: { crisisWords: true } });
  return row?.crisisWords ?? '';
}

/** The initiative's resources, with its texts in other languages (domain/initiative-texts.ts). */
export async function resourcesFor(db: Db, initiativeId: string): Promise<{ resources: string; texts: string }> {
  const row = await db.initiative.findUnique({ where: { id: initiativeId }, select: { resources: true, texts: true } });
  return row ?? { resources: '', texts: '{}' };
}
