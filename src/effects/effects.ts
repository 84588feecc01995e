// What must happen after a use case has committed (STYLE.md "Use cases return effects"). A use case
// returns these as plain data; one module (run-effects.ts) performs them, so no capability calls
// another capability's messaging or matching directly. Messages that must arrive are already outbox
// rows by the time an effect names them; effects never carry message text.

export type Effect =
  /** Outbox rows written by the committed transaction: send them now rather than on the next tick. */
  | { kind: 'send'; outboxIds: readonly string[] }
  /** These people's Home tabs show something that changed (best effort: a Home is re-read on open). */
  | { kind: 'refresh-homes'; workspaceId: string; userIds: readonly string[] }
  /** A listener may have become available: offer the initiative's waiting requests. */
  | { kind: 'match-initiative'; initiativeId: string }
  /** This request is waiting again: offer it to the next listener, or tell the seeker honestly. */
  | { kind: 'rematch-request'; requestId: string };

export const effects: {
  send(outboxIds: readonly string[]): Effect[];
  refreshHomes(workspaceId: string, userIds: Iterable<string>): Effect[];
  matchInitiative(initiativeId: string): Effect;
  rematchRequest(requestId: string): Effect;
  afterPairingEnded(
    workspaceId: string,
    ended: { outboxIds: readonly string[]; requeued: boolean; pairing: { requestId: string; seekerId: string; listenerUserId: string } },
  ): Effect[];
} = {
  send: (outboxIds: readonly string[]): Effect[] => (outboxIds.length > 0 ? [{ kind: 'send', outboxIds }] : []),
  refreshHomes: (workspaceId: string, userIds: Iterable<string>): Effect[] => {
    const unique = [...new Set(userIds)];
    return unique.length > 0 ? [{ kind: 'refresh-homes', workspaceId, userIds: unique }] : [];
  },
  matchInitiative: (initiativeId: string): Effect => ({ kind: 'match-initiative', initiativeId }),
  rematchRequest: (requestId: string): Effect => ({ kind: 'rematch-request', requestId }),
  /** After a pairing ended (pairings/end.ts): the notes go, the seeker is offered someone else if the request waits again, Homes refresh. */
  afterPairingEnded: (
    workspaceId: string,
    ended: { outboxIds: readonly string[]; requeued: boolean; pairing: { requestId: string; seekerId: string; listenerUserId: string } },
  ): Effect[] => [
    ...effects.send(ended.outboxIds),
    ...(ended.requeued ? [effects.rematchRequest(ended.pairing.requestId)] : []),
    ...effects.refreshHomes(workspaceId, [ended.pairing.seekerId, ended.pairing.listenerUserId]),
  ],
};

/** Runs effects after commit. Never throws: a failure is logged, and the outbox and scheduler retry. */
export interface EffectRunner {
  run(effects: readonly Effect[]): Promise<void>;
}
