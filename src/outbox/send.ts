import type { ChatPostMessageArguments, ChatUpdateArguments } from '@slack/web-api';
import type { Db, Tx } from '../db/client.js';
import { PARKED, UNAVAILABLE_RETRY_MS } from '../delivery/unavailable.js';
import { WorkspaceUnavailableError } from '../slack/workspace-tokens.js';
import { drain, type DeliveryDeps, type DispatchOptions, type DispatchReport, type PacedSender, type Queue, type SendOutcome } from '../delivery/dispatcher.js';
import { LeaseRunningOut, RELEASED, underClaim, withinLease, type Claim } from '../delivery/lease.js';
import { isPermanentSlackError, MAX_OUTBOX_ATTEMPTS, outboxRetryDelaySeconds } from '../domain/delivery.js';
import { getOffer, recordOfferMessage } from '../features/pairings/offers.js';
import { getPairing } from '../features/pairings/pairing-row.js';
import { PairingIds } from '../features/pairings/ids.js';
import { recordIntroduction } from '../features/pairings/service.js';
import { renderCrisisSupportNotice, renderListenerIntro, renderNote, renderReportNotice, renderRevealOffer, renderSeekerEnding, renderSeekerIntro } from '../features/pairings/views.js';
import { OFFER_CLOSED_KEYS } from '../features/pairings/copy.js';
import { renderPlain } from '../features/requests/views.js';
import { circleDescriptionOf } from '../features/circles/relay-service.js';
import { renderCircleReportNotice } from '../features/circles/relay-views.js';
import { endNoteText } from '../features/pairings/end.js';
import { invitationForMessage, recordInvitationMessage } from '../features/initiatives/invitations.js';
import { renderInvitation } from '../features/initiatives/invitation-views.js';
import { renderOffer } from '../features/requests/views.js';
import { recordWaitingMessage, waitingMessageFor } from '../features/requests/waiting.js';
import { pendingProfileForApproval } from '../features/listeners/service.js';
import { approvalDecided } from '../features/listeners/copy.js';
import { renderApprovalRequest, renderListenerNote, renderText } from '../features/listeners/views.js';
import { ListenerIds } from '../features/listeners/ids.js';
import { pauseUntilValue } from '../features/listeners/pause-input.js';
import { errorCodeOf, retryAfterOf } from '../slack/bulk-sender.js';
import type { PersonLanguages } from '../features/common/person-language.js';
import { english, translatorFor, type Translate } from '../i18n/translate.js';
import type { ApprovalDecided, OutboxMessage } from './outbox.js';
import { resourcesIn, textsIn } from '../domain/initiative-texts.js';

// Sends outbox rows (src/outbox/outbox.ts) through the one dispatcher: right after the commit that
// wrote them (only those ids), and on every scheduler tick for whatever is due (a failed send, or a
// process that died before or during the send). A message whose subject is gone is cancelled, not sent.

interface OutboxRow {
  id: string;
  workspaceId: string;
  recipientId: string;
  message: OutboxMessage;
  claim: Claim;
}

type Prepared =
  | { method: 'post'; args: ChatPostMessageArguments; after?: (tx: Tx, posted: { channel?: string; ts?: string }, now: Date) => Promise<void> }
  | { method: 'update'; args: ChatUpdateArguments }
  /** Not yet: what this row depends on is still being sent elsewhere. Back in the queue, not an attempt. */
  | { method: 'wait'; seconds: number };

/** How long a replacement waits for the message it replaces, while that one is still being sent. */
const REPLACE_WAIT_SECONDS = 5;

/** What the outbox sends with: the dispatcher's deps, and the recipients' languages (English without). */
export type OutboxDeps = DeliveryDeps & { languages?: PersonLanguages };

/**
 * The recipient's language (issue 19), for the messages rendered here in it (offers, the waiting
 * message, introductions, notes to listeners, approval requests and their decisions, the coordinators'
 * notices of concerns and calls for support). Read only, like every first contact: their chosen
 * language, cached locale or Slack's, else the default of the initiative the message is about. A
 * workspace the app can no longer reach is English here; the send itself then meets the same refusal
 * and parks the row.
 */
function recipientTranslator(sender: PacedSender, deps: OutboxDeps, row: OutboxRow): (initiativeId: string) => Promise<Translate> {
  return async (initiativeId) => {
    if (!deps.languages) return english;
    try {
      return translatorFor(await deps.languages.of(await sender.clientFor(row.workspaceId), row.recipientId, { workspaceId: row.workspaceId, initiativeId }));
    } catch (error) {
      if (error instanceof WorkspaceUnavailableError) return english;
      throw error;
    }
  };
}

/** A post to the recipient's DM (or the channel given), in a conversation's thread when it has one, broadcast if asked. */
function threadPost(
  row: OutboxRow,
  target: { channel?: string | null; threadTs?: string | null; broadcast?: boolean },
  message: { text: string; blocks: unknown[] },
): ChatPostMessageArguments {
  return {
    channel: target.channel ?? row.recipientId,
    ...(target.threadTs ? { thread_ts: target.threadTs, ...(target.broadcast ? { reply_broadcast: true as const } : {}) } : {}),
    ...message,
  } as ChatPostMessageArguments;
}

/** Renders a row into the Web API call it stands for, or null when there is nothing left to send. */
async function prepare(db: Db, row: OutboxRow, translator: (initiativeId: string) => Promise<Translate>): Promise<Prepared | null> {
  const m = row.message;
  switch (m.kind) {
    case 'message':
      return { method: 'post', args: threadPost(row, m, m.message) };
    case 'note': {
      const t = await translator(m.initiativeId);
      const message = m.revealButton ? renderRevealOffer(t, m.revealButton) : renderNote(t(m.note, m.values));
      return { method: 'post', args: threadPost(row, m, message) };
    }
    case 'pairing_end': {
      const t = await translator(m.initiativeId);
      const text = endNoteText(t, m.side, m.note, m.seekerPseudonym);
      const initiative = m.kindEnding ? await db.initiative.findUnique({ where: { id: m.initiativeId }, select: { name: true, resources: true, texts: true } }) : null;
      const message = initiative
        ? renderSeekerEnding(t, { text, pairingId: m.pairingId, initiativeName: initiative.name, resources: resourcesIn(initiative, t.language) })
        : renderNote(text);
      return { method: 'post', args: threadPost(row, m, message) };
    }
    case 'offer': {
      const offer = await getOffer(db, m.offerId);
      if (!offer || offer.status !== 'pending') return null;
      const t = await translator(offer.initiativeId);
      return {
        method: 'post',
        args: {
          channel: offer.listenerUserId,
          ...renderOffer(t, {
            offerId: offer.offerId,
            seekerPseudonym: offer.seekerPseudonym,
            topic: offer.topic ? textsIn({ texts: offer.initiativeTexts }, t.language).topicLabel(offer.topic) : null,
            note: offer.note,
            timeoutHours: offer.offerTimeoutHours,
            acceptId: PairingIds.acceptOffer,
            declineId: PairingIds.declineOffer,
            pauseUntil: { actionId: ListenerIds.pauseUntilButton, value: pauseUntilValue(offer.initiativeId, offer.offerId) },
          }),
        },
        after: async (tx, posted) => {
          if (posted.channel && posted.ts) await recordOfferMessage(tx, offer.offerId, posted.channel, posted.ts);
        },
      };
    }
    case 'offer_closed': {
      const offer = await getOffer(db, m.offerId);
      // An offer message that never went out needs no replacing (its own row is cancelled when sent).
      if (!offer?.channel || !offer.messageTs) return null;
      // Worded now, in the listener's language; an older row carries its English words.
      const message = m.closed ? renderPlain((await translator(offer.initiativeId))(OFFER_CLOSED_KEYS[m.closed])) : m.message;
      if (!message) return null;
      return { method: 'update', args: { channel: offer.channel, ts: offer.messageTs, ...message } };
    }
    case 'intro': {
      const pairing = await getPairing(db, m.pairingId);
      if (!pairing || pairing.status !== 'active') return null;
      const [initiative, request, listener] = await Promise.all([
        db.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { guidelines: true, texts: true } }),
        db.supportRequest.findUniqueOrThrow({ where: { id: pairing.requestId }, include: { topic: { select: { label: true } } } }),
        db.listenerProfile.findUnique({ where: { id: pairing.listenerId }, select: { intro: true } }),
      ]);
      // Every message to one side names the other only by pseudonym (DESIGN.md invariant 1), in that side's language.
      const t = await translator(pairing.initiativeId);
      const own = textsIn(initiative, t.language);
      const rendered =
        m.side === 'seeker'
          ? renderSeekerIntro(t, {
              pairingId: pairing.id,
              listenerPseudonym: pairing.listenerPseudonym,
              seekerPseudonym: pairing.seekerPseudonym,
              listenerIntro: listener?.intro ?? null,
            })
          : renderListenerIntro(t, {
              pairingId: pairing.id,
              seekerPseudonym: pairing.seekerPseudonym,
              listenerPseudonym: pairing.listenerPseudonym,
              topic: request.topic ? own.topicLabel(request.topic.label) : null,
              note: request.note,
              guidelines: own.guidelines,
            });
      return {
        method: 'post',
        args: { channel: m.side === 'seeker' ? pairing.seekerId : pairing.listenerUserId, ...rendered },
        after: async (tx, posted) => {
          if (posted.ts) await recordIntroduction(tx, pairing.id, m.side, posted.channel ?? (m.side === 'seeker' ? pairing.seekerId : pairing.listenerUserId), posted.ts);
        },
      };
    }
    case 'invitation': {
      // Rendered from the stored invitation: one withdrawn, answered or expired before sending is not sent.
      const invitation = await invitationForMessage(db, m.invitationId);
      if (!invitation) return null;
      // In the invitee's language, stored with the invitation: it closes, and consent is recorded, in it.
      const t = await translator(invitation.initiativeId);
      return {
        method: 'post',
        args: { channel: invitation.inviteeId, ...renderInvitation(t, { inviterId: m.inviterId, invitation }) },
        after: async (tx, posted, now) => {
          if (!posted.channel || !posted.ts) return;
          await recordInvitationMessage(tx, now, {
            invitationId: invitation.id,
            workspaceId: row.workspaceId,
            inviteeId: invitation.inviteeId,
            initiativeId: invitation.initiativeId,
            role: invitation.role,
            initiativeName: invitation.initiativeName,
            channel: posted.channel,
            ts: posted.ts,
            language: t.language,
          });
        },
      };
    }
    case 'invitation_closed':
      return { method: 'update', args: { channel: m.channel, ts: m.ts, ...m.message } };
    case 'waiting': {
      const waiting = await waitingMessageFor(db, m.requestId, m.event, translator);
      if (!waiting) return null;
      if (waiting.channel && waiting.ts) return { method: 'update', args: { channel: waiting.channel, ts: waiting.ts, ...waiting.message } };
      // Never posted and no longer open (paired, cancelled): the introduction or the click already said it.
      if (!waiting.open) return null;
      return {
        method: 'post',
        args: { channel: waiting.seekerId, ...waiting.message },
        after: async (tx, posted) => {
          if (posted.channel && posted.ts) await recordWaitingMessage(tx, m.requestId, posted.channel, posted.ts);
        },
      };
    }
    case 'approval_request': {
      // A volunteer already decided on (or who withdrew) needs no approval message any more.
      const pending = await pendingProfileForApproval(db, m.profileId);
      if (!pending) return null;
      // In this coordinator's language, the topics as the coordinators wrote them in it.
      const t = await translator(pending.profile.initiativeId);
      const own = textsIn({ texts: pending.initiativeTexts }, t.language);
      return { method: 'post', args: { channel: row.recipientId, ...renderApprovalRequest(t, { profile: pending.profile, topicLabels: pending.topicLabels.map(own.topicLabel) }) } };
    }
    case 'listener_note': {
      // The initiative's name as it is now; an initiative gone has nothing left to say.
      const initiative = await db.initiative.findUnique({ where: { id: m.initiativeId }, select: { name: true } });
      if (!initiative) return null;
      const t = await translator(m.initiativeId);
      return { method: 'post', args: { channel: row.recipientId, ...renderListenerNote(t, m.note, { initiativeName: initiative.name, initiativeId: m.initiativeId }) } };
    }
    case 'report_notice':
    case 'support_asked': {
      // To one coordinator, in their language, with the initiative's name as it is now; an initiative gone
      // (its reports with it) has nothing left to say.
      const initiative = await db.initiative.findUnique({ where: { id: m.initiativeId }, select: { name: true } });
      if (!initiative) return null;
      const t = await translator(m.initiativeId);
      const notice =
        m.kind === 'support_asked'
          ? renderCrisisSupportNotice(t, { listenerId: m.listenerId, initiativeName: initiative.name })
          : m.notice.reporterSide === 'member'
            ? renderCircleReportNotice(t, { ...m.notice, initiativeName: initiative.name, circleDescription: await circleDescriptionOf(db, m.notice.circleId) })
            : renderReportNotice(t, { ...m.notice, initiativeName: initiative.name });
      return { method: 'post', args: { channel: row.recipientId, ...notice } };
    }
    case 'replace': {
      const original = await db.outboxMessage.findUnique({ where: { id: m.outboxId }, select: { status: true, channel: true, messageTs: true } });
      // Claimed by a sender right now: it may have rendered before the change that replaces it, so wait
      // for it to land (its ts is recorded in the same transaction that marks it sent).
      if (original?.status === 'sending') return { method: 'wait', seconds: REPLACE_WAIT_SECONDS };
      // Never posted (it renders nothing now, or was given up), or gone (erased): nothing to replace.
      if (original?.status !== 'sent' || !original.channel || !original.messageTs) return null;
      // Worded now, in the reader's language; an older row carries its English words.
      const message = m.decided ? await renderDecided(db, m.decided, translator) : m.message;
      if (!message) return null;
      return { method: 'update', args: { channel: original.channel, ts: original.messageTs, ...message } };
    }
  }
}

/** A coordinator's decision on a volunteer, for a copy of the approval request; null when the initiative is gone. */
async function renderDecided(db: Db, d: ApprovalDecided, translator: (initiativeId: string) => Promise<Translate>) {
  const initiative = await db.initiative.findUnique({ where: { id: d.initiativeId }, select: { name: true } });
  if (!initiative) return null;
  const t = await translator(d.initiativeId);
  return renderText(approvalDecided(t, { listenerId: d.listenerId, coordinatorId: d.coordinatorId, initiative: initiative.name, approved: d.approved, at: new Date(d.at) }));
}

async function settle(db: Db, claim: Claim, data: Record<string, unknown>): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({ where: underClaim(claim), data: { ...data, ...RELEASED } });
  return count === 1;
}

async function sendRow(sender: PacedSender, deps: OutboxDeps, row: OutboxRow): Promise<SendOutcome> {
  const prepared = await prepare(deps.db, row, recipientTranslator(sender, deps, row));
  if (!prepared) return (await settle(deps.db, row.claim, { status: 'cancelled' })) ? 'cancelled' : 'lease-lost';
  if (prepared.method === 'wait') {
    const later = new Date(deps.clock.now().getTime() + prepared.seconds * 1000);
    return (await settle(deps.db, row.claim, { status: 'scheduled', deliverAt: later, attempts: { decrement: 1 } })) ? 'postponed' : 'lease-lost';
  }
  let posted: { channel?: string; ts?: string };
  try {
    posted = await sender.paced(row.workspaceId, (client) =>
      withinLease(row.claim, () => deps.clock.now(), async (): Promise<{ channel?: string; ts?: string }> =>
        prepared.method === 'post' ? client.chat.postMessage(prepared.args) : client.chat.update(prepared.args),
      ),
    );
  } catch (error) {
    const now = deps.clock.now();
    if (error instanceof LeaseRunningOut) {
      // Not sent and not an attempt: back in the queue at once, for whoever claims it next.
      const ok = await settle(deps.db, row.claim, { status: 'scheduled', deliverAt: now, attempts: { decrement: 1 } });
      return ok ? 'postponed' : 'lease-lost';
    }
    if (error instanceof WorkspaceUnavailableError) {
      // Uninstalled or revoked: kept unsent, not an attempt; a reinstall brings it back, the grace period's end erases it.
      const ok = await settle(deps.db, row.claim, { status: 'scheduled', deliverAt: new Date(now.getTime() + UNAVAILABLE_RETRY_MS), lastError: PARKED, attempts: { decrement: 1 } });
      return ok ? 'postponed' : 'lease-lost';
    }
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== null) {
      // Slack asked us to slow down: not a failed attempt, so it does not use up the row's tries.
      const ok = await settle(deps.db, row.claim, { status: 'scheduled', deliverAt: new Date(now.getTime() + retryAfter * 1000), attempts: { decrement: 1 } });
      return ok ? 'rate-limited' : 'lease-lost';
    }
    const code = errorCodeOf(error);
    const giveUp = isPermanentSlackError(code) || row.claim.attempt >= MAX_OUTBOX_ATTEMPTS;
    const ok = await settle(
      deps.db,
      row.claim,
      giveUp
        ? { status: 'failed', lastError: code }
        : { status: 'scheduled', lastError: code, deliverAt: new Date(now.getTime() + outboxRetryDelaySeconds(row.claim.attempt) * 1000) },
    );
    const log = { outboxId: row.id, kind: row.message.kind, code, attempts: row.claim.attempt };
    if (giveUp) deps.logger.error(log, 'gave up sending a message');
    else deps.logger.warn(log, 'message send failed; will retry');
    return !ok ? 'lease-lost' : giveUp ? 'failed' : 'retried';
  }
  const recorded = await deps.db.$transaction(async (tx) => {
    // Where a posted message landed, so a later change can replace it (the 'replace' kind).
    const landed = prepared.method === 'post' ? { channel: posted.channel ?? null, messageTs: posted.ts ?? null } : {};
    const { count } = await tx.outboxMessage.updateMany({ where: underClaim(row.claim), data: { status: 'sent', sentAt: deps.clock.now(), ...landed, ...RELEASED } });
    if (count !== 1) return false;
    if (prepared.method === 'post' && prepared.after) await prepared.after(tx, posted, deps.clock.now());
    return true;
  });
  if (!recorded) deps.logger.error({ outboxId: row.id, code: 'lease_lost' }, 'an outbox lease expired while sending');
  return recorded ? 'sent' : 'lease-lost';
}

/**
 * How long a row written to be sent at once is left to the process that wrote it (it sends it right
 * after its commit, in the order written) before a scheduler tick anywhere may send it instead.
 */
export const WRITER_GRACE_MS = 10_000;

export function outboxQueue(sender: PacedSender, deps: OutboxDeps): Queue<OutboxRow> {
  return {
    name: 'outbox',
    table: 'OutboxMessage',
    writerGraceMs: WRITER_GRACE_MS,
    async load(claims) {
      const rows = new Map(
        (await deps.db.outboxMessage.findMany({ where: { id: { in: claims.map((c) => c.id) } } })).map((r) => [r.id, r]),
      );
      return claims.flatMap((claim) => {
        const r = rows.get(claim.id);
        return r ? [{ id: r.id, workspaceId: r.workspaceId, recipientId: r.recipientId, message: JSON.parse(r.args) as OutboxMessage, claim }] : [];
      });
    },
    send: (row) => sendRow(sender, deps, row),
  };
}

/** Sends outbox rows: the given ids (right after commit), or whatever is due (a scheduler tick). */
export function sendOutbox(sender: PacedSender, deps: OutboxDeps, options: DispatchOptions): Promise<DispatchReport> {
  return drain(deps, outboxQueue(sender, deps), options);
}

/**
 * Sent, cancelled and failed rows are kept a day for diagnosis, then deleted. A posted approval request
 * is kept longer, while it may still need replacing: its volunteer is still waiting for a decision, or a
 * replacement of it is not sent yet (its row holds where the copy landed; nothing else does).
 */
export async function pruneOutbox(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [pending, replacing] = await Promise.all([
    db.listenerProfile.findMany({ where: { status: 'pending' }, select: { id: true } }),
    db.outboxMessage.findMany({ where: { kind: 'replace', status: { in: ['scheduled', 'sending'] } }, select: { subjectId: true } }),
  ]);
  const stillNeeded = [...pending.map((p) => p.id), ...replacing.flatMap((r) => (r.subjectId ? [r.subjectId] : []))];
  const { count } = await db.outboxMessage.deleteMany({
    where: {
      status: { in: ['sent', 'cancelled', 'failed'] },
      createdAt: { lt: cutoff },
      NOT: { kind: 'approval_request', status: 'sent', subjectId: { in: stillNeeded } },
    },
  });
  return count;
}
