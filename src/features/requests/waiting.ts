import type { Db, Tx } from '../../db/client.js';
import { textsIn } from '../../domain/initiative-texts.js';
import { waitEstimateHours } from '../../domain/wait-estimate.js';
import { enqueue, outboxKey, type OutboxEntry, type WaitingEvent } from '../../outbox/outbox.js';
import type { ServiceDeps } from '../initiatives/service.js';
import type { Translate } from '../../i18n/translate.js';
import * as copy from './copy.js';
import type { MatchResult } from './matching.js';
import { renderWaitingStatus } from './views.js';

// The seeker's one waiting message (STYLE.md "One owner per lifecycle"): an outbox row of kind
// 'waiting' is written in the same transaction as each change to the request (received, an offer
// declined or timed out, still looking, paired, cancelled). The first send posts it and records its
// channel and ts on the request; later sends update it in place, rendered from the request as it is.

/** Past matches considered for the estimate: the most recent ones. */
const ESTIMATE_SAMPLE = 200;

export function waitingEntry(request: { id: string; seekerId: string; workspaceId: string }, event: WaitingEvent): OutboxEntry {
  return {
    key: outboxKey.once(`waiting:${request.id}`),
    workspaceId: request.workspaceId,
    recipientId: request.seekerId,
    subjectId: request.id,
    message: { kind: 'waiting', requestId: request.id, event },
  };
}

/**
 * What the seeker is told once their new request was matched: that it went to a listener, or honestly
 * why it waits: nobody free, or listeners who could take it but are outside their hours (issue 15).
 */
export function waitingEventAfterMatch(result: MatchResult): WaitingEvent {
  if (result.kind === 'offered') return 'received';
  return result.kind === 'waiting' && result.offHours ? 'off-hours' : 'no-listener';
}

/** Writes the waiting update inside the caller's transaction; nothing if the request is gone. */
export async function enqueueWaiting(tx: Tx, now: Date, requestId: string, event: WaitingEvent): Promise<string[]> {
  const request = await tx.supportRequest.findUnique({
    where: { id: requestId },
    select: { id: true, seekerId: true, initiative: { select: { workspaceId: true } } },
  });
  if (!request) return [];
  return enqueue(tx, now, [waitingEntry({ id: request.id, seekerId: request.seekerId, workspaceId: request.initiative.workspaceId }, event)]);
}

/** The same, in its own transaction (the request was already changed, e.g. matched or not). */
export async function tellWaiting(deps: ServiceDeps, input: { requestId: string; event: WaitingEvent }): Promise<string[]> {
  const now = deps.clock.now();
  return deps.db.$transaction((tx) => enqueueWaiting(tx, now, input.requestId, input.event));
}

function openText(t: Translate, event: WaitingEvent, topic: string): string {
  switch (event) {
    case 'received':
      return copy.requestReceived(t, topic);
    case 'no-listener':
      return copy.noListenerYet(t, topic);
    case 'off-hours':
      return copy.listenersOffHours(t, topic);
    case 'declined':
      return t('waiting.offerNotTaken');
    case 'still-looking':
    case 'paired':
    case 'cancelled':
      return t('waiting.stillLooking');
  }
}

/**
 * What the message says is what is true when it is sent. A new request can be offered by another
 * process's sweep between its commit and its submitter's own match, which then finds it no longer
 * waiting (or no listener left): its seeker must hear that someone was asked, not "nobody yet".
 */
function shownEvent(event: WaitingEvent, status: string): WaitingEvent {
  return status === 'offered' && (event === 'no-listener' || event === 'off-hours') ? 'received' : event;
}

export interface WaitingMessage {
  seekerId: string;
  channel: string | null;
  ts: string | null;
  /** Still open: a message worth posting when none was posted yet. */
  open: boolean;
  message: ReturnType<typeof renderWaitingStatus>;
}

/** The waiting message as it reads now, in the seeker's language (`t`), or null when the request is gone (erased, retention). */
export async function waitingMessageFor(
  db: Db,
  requestId: string,
  event: WaitingEvent,
  translator: (initiativeId: string) => Promise<Translate>,
): Promise<WaitingMessage | null> {
  const request = await db.supportRequest.findUnique({
    where: { id: requestId },
    include: { topic: { select: { label: true } }, initiative: { select: { id: true, resources: true, texts: true, minGroupSize: true } } },
  });
  if (!request) return null;
  const t = await translator(request.initiative.id);
  // The coordinators' words in the seeker's language where they wrote them (issue 19).
  const own = textsIn(request.initiative, t.language);
  const base = { seekerId: request.seekerId, channel: request.waitingChannel, ts: request.waitingMessageTs };
  if (request.status === 'paired') return { ...base, open: false, message: renderWaitingStatus(t, { kind: 'paired' }) };
  if (request.status === 'closed') {
    // Ended or erased requests have their own messages; only a cancel speaks here.
    if (request.closedReason !== 'cancelled') return null;
    return { ...base, open: false, message: renderWaitingStatus(t, { kind: 'cancelled' }) };
  }
  const past = await db.matchTime.findMany({
    where: { initiativeId: request.initiative.id },
    select: { minutes: true },
    orderBy: { weekStart: 'desc' },
    take: ESTIMATE_SAMPLE,
  });
  return {
    ...base,
    open: true,
    message: renderWaitingStatus(t, {
      kind: 'open',
      text: openText(t, shownEvent(event, request.status), request.topic ? own.topicLabel(request.topic.label) : t('safety.anyTopic')),
      resources: own.resources,
      requestId: request.id,
      estimateHours: waitEstimateHours(
        past.map((p) => p.minutes),
        request.initiative.minGroupSize,
      ),
    }),
  };
}

export async function recordWaitingMessage(db: Db | Tx, requestId: string, channel: string, ts: string): Promise<void> {
  await db.supportRequest.updateMany({ where: { id: requestId }, data: { waitingChannel: channel, waitingMessageTs: ts } });
}
