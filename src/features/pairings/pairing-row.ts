import { Prisma, type Db, type Tx } from '../../db/client.js';

// A pairing as the rest of the app sees it, mapped from its row at the edge (STYLE.md "Services").

export type Side = 'seeker' | 'listener';

export interface Pairing {
  id: string;
  requestId: string;
  initiativeId: string;
  listenerId: string;
  seekerId: string;
  listenerUserId: string;
  seekerPseudonym: string;
  listenerPseudonym: string;
  seekerChannel: string;
  listenerChannel: string;
  seekerThreadTs: string | null;
  listenerThreadTs: string | null;
  status: 'active' | 'ended';
  seekerRevealed: boolean;
  listenerRevealed: boolean;
}

type PairingRow = Omit<Pairing, 'initiativeId' | 'status'> & { status: string; request: { initiativeId: string } };

export function toPairing(row: PairingRow): Pairing {
  return {
    id: row.id,
    requestId: row.requestId,
    initiativeId: row.request.initiativeId,
    listenerId: row.listenerId,
    seekerId: row.seekerId,
    listenerUserId: row.listenerUserId,
    seekerPseudonym: row.seekerPseudonym,
    listenerPseudonym: row.listenerPseudonym,
    seekerChannel: row.seekerChannel,
    listenerChannel: row.listenerChannel,
    seekerThreadTs: row.seekerThreadTs,
    listenerThreadTs: row.listenerThreadTs,
    status: row.status === 'active' ? 'active' : 'ended',
    seekerRevealed: row.seekerRevealed,
    listenerRevealed: row.listenerRevealed,
  };
}

export const withRequest = { request: { select: { initiativeId: true } } };

/** The columns of a `Pairing` read with raw SQL: the pairing as `p`, its request as `r`. */
export const PAIRING_COLUMNS = Prisma.sql`p."id", p."requestId", r."initiativeId", p."listenerId", p."seekerId", p."listenerUserId",
  p."seekerPseudonym", p."listenerPseudonym", p."seekerChannel", p."listenerChannel", p."seekerThreadTs", p."listenerThreadTs",
  p."status", p."seekerRevealed", p."listenerRevealed"`;

export type PairingRawRow = Omit<Pairing, 'status' | 'seekerRevealed' | 'listenerRevealed'> & {
  status: string;
  /** SQLite hands raw booleans back as 0 or 1. */
  seekerRevealed: boolean | number;
  listenerRevealed: boolean | number;
};

/** A row with PAIRING_COLUMNS (and maybe others, which are left out) as a Pairing. */
export function fromRawRow(row: PairingRawRow): Pairing {
  return toPairing({
    ...row,
    request: { initiativeId: row.initiativeId },
    seekerRevealed: row.seekerRevealed === true || row.seekerRevealed === 1,
    listenerRevealed: row.listenerRevealed === true || row.listenerRevealed === 1,
  });
}

export async function getPairing(db: Db | Tx, pairingId: string): Promise<Pairing | null> {
  const row = await db.pairing.findUnique({ where: { id: pairingId }, include: withRequest });
  return row ? toPairing(row) : null;
}

