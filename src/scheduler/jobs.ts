import type { WebClient } from '@slack/web-api';
import { dispatchDueCheckIns } from '../features/check-ins/dispatcher.js';
import { pruneProcessedEvents } from '../features/events/dedupe.js';
import { applyRetention } from '../features/pairings/retention.js';
import { OFFER_EXPIRED } from '../features/requests/copy.js';
import { matchInitiativeAndNotify, type NotifyDeps } from '../features/requests/notify.js';
import { expireOffers, initiativesWithWaitingRequests } from '../features/requests/service.js';
import { renderPlain } from '../features/requests/views.js';

// Named jobs the scheduler runs. Each only claims work from the database (conditional updates), so
// any number of app processes can run them at once and each piece of work happens once.

/** Offers nobody answered in time move to the next listener. */
export async function expireOffersJob(client: WebClient, deps: NotifyDeps): Promise<number> {
  const expired = await expireOffers(deps);
  for (const offer of expired) {
    if (offer.channel && offer.messageTs) {
      try {
        await client.chat.update({ channel: offer.channel, ts: offer.messageTs, ...renderPlain(OFFER_EXPIRED) });
      } catch (error) {
        deps.logger.warn({ err: error, code: 'offer_update_failed', offerId: offer.offerId }, 'could not mark an offer expired');
      }
    }
  }
  for (const initiativeId of new Set(expired.map((o) => o.initiativeId))) await matchInitiativeAndNotify(client, deps, initiativeId);
  if (expired.length > 0) deps.logger.info({ expired: expired.length }, 'offers timed out');
  return expired.length;
}

/** Waiting requests are offered whenever a listener can take them (for example, quiet hours ended). */
export async function matchWaitingJob(client: WebClient, deps: NotifyDeps): Promise<number> {
  let offered = 0;
  for (const initiativeId of await initiativesWithWaitingRequests(deps.db)) {
    offered += await matchInitiativeAndNotify(client, deps, initiativeId);
  }
  return offered;
}

/** Due check-ins and waiting updates, each sent once across every process (leases in the database). */
export function dispatchCheckInsJob(owner: string) {
  return async (client: WebClient, deps: NotifyDeps): Promise<number> => {
    const report = await dispatchDueCheckIns(client, deps, { owner });
    const total = report.sent + report.postponed + report.cancelled + report.retried + report.failed;
    if (total > 0) deps.logger.info({ ...report }, 'check-ins dispatched');
    return report.sent;
  };
}

/** Ended pairings past retention are deleted (counts were kept as they happened); old event ids too. */
export async function retentionJob(_client: WebClient, deps: NotifyDeps): Promise<number> {
  const now = deps.clock.now();
  const removed = await applyRetention(deps.db, now);
  await pruneProcessedEvents(deps.db, now);
  if (removed.pairings + removed.requests > 0) deps.logger.info({ ...removed }, 'retention applied');
  return removed.pairings + removed.requests;
}
