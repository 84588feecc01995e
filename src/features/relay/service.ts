import type { Db } from '../../db/client.js';
import { activePairingsOf, type Pairing, type Side } from '../pairings/service.js';

// Where a message written to the app belongs, and which relayed copy mirrors which original.
// Only timestamps are stored, never text (DESIGN.md invariant 2).

export type Route =
  | { kind: 'pairing'; pairing: Pairing; side: Side; counterpartHasOthers: boolean }
  | { kind: 'none' }
  | { kind: 'ambiguous' };

/**
 * A reply in the thread of a pairing's introduction belongs to that pairing; a top-level message
 * belongs to the person's only active pairing. With several and no thread, we ask rather than guess.
 */
export async function routeMessage(db: Db, workspaceId: string, userId: string, threadTs: string | null): Promise<Route> {
  const mine = await activePairingsOf(db, workspaceId, userId);
  if (mine.length === 0) return { kind: 'none' };
  const inThread = threadTs
    ? mine.find(({ pairing, side }) => (side === 'seeker' ? pairing.seekerThreadTs : pairing.listenerThreadTs) === threadTs)
    : undefined;
  const chosen = inThread ?? (mine.length === 1 ? mine[0] : undefined);
  if (!chosen) return { kind: 'ambiguous' };
  const counterpartId = chosen.side === 'seeker' ? chosen.pairing.listenerUserId : chosen.pairing.seekerId;
  const theirs = await activePairingsOf(db, workspaceId, counterpartId);
  return { kind: 'pairing', pairing: chosen.pairing, side: chosen.side, counterpartHasOthers: theirs.length > 1 };
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

export async function resourcesFor(db: Db, initiativeId: string): Promise<string> {
  const row = await db.initiative.findUnique({ where: { id: initiativeId }, select: { resources: true } });
  return row?.resources ?? '';
}
