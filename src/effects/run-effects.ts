import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { PacedSender } from '../delivery/dispatcher.js';
import type { Random } from '../domain/pseudonyms.js';
import { publishHomes } from '../features/home/publish.js';
import { matchRequest, matchWaitingRequests } from '../features/requests/matching.js';
import { tellWaiting } from '../features/requests/waiting.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { sendOutbox } from '../outbox/send.js';
import type { PersonLanguages } from '../features/common/person-language.js';
import type { Effect, EffectRunner } from './effects.js';

// The one module that performs effects (effects.ts). It is also the only place where one capability's
// outcome leads to another capability's work: matching after a listener became free, a seeker told
// when nobody is, Home tabs refreshed.

export interface EffectDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  random: Random;
  sender: PacedSender;
  /** This process's name on leases. */
  owner: string;
  /** Counts offers made and, through the dispatcher, outbox sends. */
  metrics?: Metrics;
  /** Recipients' languages for the outbox's messages (issue 19); English without. */
  languages?: PersonLanguages;
}

export function createEffectRunner(deps: EffectDeps): EffectRunner {
  const send = async (outboxIds: readonly string[]) => {
    if (outboxIds.length > 0) await sendOutbox(deps.sender, deps, { owner: deps.owner, ids: [...outboxIds] });
  };

  async function perform(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'send':
        return send(effect.outboxIds);
      case 'refresh-homes':
        return publishHomes(await deps.sender.clientFor(effect.workspaceId), deps, effect.workspaceId, effect.userIds);
      case 'match-initiative': {
        const { offers, outboxIds } = await matchWaitingRequests(deps, effect.initiativeId);
        deps.metrics?.offersMade(offers.length);
        return send(outboxIds);
      }
      case 'rematch-request': {
        const result = await matchRequest(deps, effect.requestId);
        if (result.kind === 'offered') {
          deps.metrics?.offersMade(1);
          return send(result.outboxIds);
        }
        // Nobody is free: say so honestly, with the resources, rather than leave them in silence.
        if (result.kind === 'waiting') return send(await tellWaiting(deps, { requestId: effect.requestId, event: result.offHours ? 'off-hours' : 'still-looking' }));
        return;
      }
    }
  }

  return {
    async run(list) {
      for (const effect of list) {
        try {
          await perform(effect);
        } catch (error) {
          // Committed work stays committed: outbox rows are sent by the scheduler, waiting requests
          // are matched by its sweep, and a Home tab is re-read when it is opened.
          deps.logger.warn({ err: error, code: 'effect_failed', effect: effect.kind }, 'an effect did not complete');
        }
      }
    },
  };
}
