import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import type { Tx } from '../db/client.js';
import { jsonRows } from '../db/json-rows.js';
import { getOrCreate } from '../domain/maps.js';
import type { OutboxListenerNote } from '../features/listeners/copy.js';
import type { EndNote, OfferClosed, PairingNoteKey, ReportNotice } from '../features/pairings/copy.js';
import type { CircleReportNotice } from '../features/circles/relay-views.js';

// The transactional outbox: a message that must follow a committed change is a row written in the
// same transaction as the change, so the change and the promise to tell someone commit together or
// not at all. It is sent right after commit (src/outbox/send.ts) and, if that fails or the process
// dies, by the scheduler under a lease (src/delivery/lease.ts).
//
// What a row may hold: ids, choices, and messages made only of the app's own copy, pseudonyms,
// initiative names and resources. Never relayed text (DESIGN.md invariant 2), and never free text a
// person wrote (a note, an introduction): messages that carry those are rendered from their own rows
// when sent, so erasing those rows leaves nothing behind here.

export type Side = 'seeker' | 'listener';

/** A message rendered when it is enqueued: app copy only (see above). */
export interface RenderedMessage {
  text: string;
  blocks: KnownBlock[];
}

export type OutboxMessage =
  /** Post a rendered message to the recipient's DM (channel: the user id, or a known DM channel). */
  | { kind: 'message'; message: RenderedMessage; channel?: string; threadTs?: string | null; broadcast?: boolean }
  /** The offer to a listener: rendered when sent (it carries the seeker's note); its ts is recorded. */
  | { kind: 'offer'; offerId: string }
  /**
   * Replace an offer message that can no longer be answered: why (`closed`), worded when sent in the
   * listener's language; rows written before that carry the English `message` instead.
   */
  | { kind: 'offer_closed'; offerId: string; closed?: OfferClosed; message?: RenderedMessage }
  /** One side's introduction to a new pairing: rendered when sent (note, introduction); ts recorded. */
  | { kind: 'intro'; pairingId: string; side: Side }
  /** A coordinator's invitation: rendered when sent from its Invitation row (gone: not sent); ts recorded. */
  | { kind: 'invitation'; invitationId: string; inviterId: string }
  /** Coordinators asked to approve a volunteer: rendered when sent (it carries their introduction). */
  | { kind: 'approval_request'; profileId: string }
  /**
   * Replace a message an earlier outbox row posted (its channel and ts are recorded on that row when it is
   * sent): every coordinator's copy of an approval request once one of them decided, worded when sent
   * in that coordinator's language from the decision (`decided`); rows written before that carry the
   * English `message` instead. An original never posted needs nothing replaced; one still being sent is waited for.
   */
  | { kind: 'replace'; outboxId: string; decided?: ApprovalDecided; message?: RenderedMessage }
  /**
   * A note to a listener about their place in an initiative (welcome back after a dated pause, paused
   * after offers went unanswered, a coordinator's decision): which note, worded when sent in the
   * listener's language with the initiative's name as it then is. Rows written before that are 'message'.
   */
  | { kind: 'listener_note'; note: OutboxListenerNote; initiativeId: string }
  /**
   * A concern raised in a pairing, to one coordinator (issue 15): what it says (ids, pseudonyms, the
   * reason's value), worded when sent in that coordinator's language with the initiative's name as it then
   * is. Rows written before that are 'message'. In a circle (issue 20, reporterSide 'member'), the circle's
   * id too, its description read when sent.
   */
  | { kind: 'report_notice'; initiativeId: string; notice: ReportNotice | CircleReportNotice }
  /** A listener asks the coordinators for support (issue 14), to one of them, worded when sent in their language. */
  | { kind: 'support_asked'; initiativeId: string; listenerId: string }
  /** Replace an invitation DM that can no longer be answered (withdrawn or expired; its row is gone). */
  | { kind: 'invitation_closed'; channel: string; ts: string; message: RenderedMessage }
  /**
   * The seeker's one waiting message: posted the first time (its ts recorded on the request), then
   * updated in place; rendered when sent from the request's state, with what just happened.
   */
  | { kind: 'waiting'; requestId: string; event: WaitingEvent }
  /**
   * One side's note when a pairing ends (src/features/pairings/end.ts): rendered when sent, in that side's
   * language, from which note it is; the seeker's kind ending adds the initiative's resources and
   * "Did this help?". In the conversation's thread, broadcast to the DM.
   */
  /**
   * A note from the app to one side of a pairing (names shared, a concern sent): which note and its
   * values (ids, mentions), worded when sent in that side's language; with `revealButton` (the pairing
   * id), the offer to share names. In the conversation's thread, broadcast to the DM.
   */
  | {
      kind: 'note';
      note: PairingNoteKey;
      values?: Record<string, string>;
      initiativeId: string;
      revealButton?: string;
      channel?: string | null;
      threadTs?: string | null;
      broadcast?: boolean;
    }
  | {
      kind: 'pairing_end';
      pairingId: string;
      initiativeId: string;
      side: Side;
      note: EndNote;
      seekerPseudonym: string;
      kindEnding: boolean;
      channel?: string | null;
      threadTs?: string | null;
      broadcast?: boolean;
    };

/** A coordinator's decision on a volunteer (ids, the choice, and when: an ISO date). */
export interface ApprovalDecided {
  listenerId: string;
  coordinatorId: string;
  initiativeId: string;
  approved: boolean;
  at: string;
}

/** What just happened to a request, for its waiting message. */
export type WaitingEvent = 'received' | 'no-listener' | 'off-hours' | 'declined' | 'still-looking' | 'paired' | 'cancelled';

export interface OutboxEntry {
  /** Unique per change: a second enqueue of the same key is a bug, and fails the transaction. */
  key: string;
  workspaceId: string;
  recipientId: string;
  subjectId?: string | null;
  message: OutboxMessage;
  /** Not before this time (a note that is not urgent waits for the recipient's hours); default: now. */
  deliverAt?: Date;
}

/**
 * Writes the entries inside the caller's transaction; returns their ids, to send right after commit.
 * One INSERT per distinct delivery time (usually one), whatever the number of entries: the rows go as
 * a single JSON parameter (src/db/json-rows.ts).
 * Prisma's createMany took about a third of a millisecond a row, and a parameter per value still
 * cost more than the insert itself (a 1,000-offer sweep writes 1,000 rows here).
 */
export async function enqueue(tx: Tx, now: Date, entries: readonly OutboxEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const ids = entries.map(() => randomUUID());
  const byDeliverAt = new Map<number, { deliverAt: Date; rows: Record<string, string | null>[] }>();
  entries.forEach((e, i) => {
    const deliverAt = e.deliverAt ?? now;
    getOrCreate(byDeliverAt, deliverAt.getTime(), () => ({ deliverAt, rows: [] })).rows.push({
      id: ids[i]!,
      dedupeKey: e.key,
      workspaceId: e.workspaceId,
      kind: e.message.kind,
      recipientId: e.recipientId,
      subjectId: e.subjectId ?? null,
      args: JSON.stringify(e.message),
    });
  });
  for (const { deliverAt, rows } of byDeliverAt.values()) {
    await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("id", "dedupeKey", "workspaceId", "kind", "recipientId", "subjectId", "args", "status", "deliverAt", "createdAt")
        SELECT x.value ->> 'id', x.value ->> 'dedupeKey', x.value ->> 'workspaceId', x.value ->> 'kind', x.value ->> 'recipientId',
          x.value ->> 'subjectId', x.value ->> 'args', 'scheduled', ${deliverAt}, ${now}
        FROM jsonb_each(${jsonRows(rows)}) x`;
  }
  return ids;
}

/** Keys that make each enqueue unique without a lookup. */
export const outboxKey = {
  intro: (pairingId: string, side: Side) => `intro:${pairingId}:${side}`,
  ended: (pairingId: string, side: Side) => `ended:${pairingId}:${side}`,
  offer: (offerId: string) => `offer:${offerId}`,
  offerClosed: (offerId: string) => `offer-closed:${offerId}`,
  invitation: (invitationId: string) => `invitation:${invitationId}`,
  invitationClosed: (invitationId: string) => `invitation-closed:${invitationId}`,
  /** Anything that can happen more than once for the same subject. */
  once: (what: string) => `${what}:${randomUUID()}`,
} as const;
