import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { addReports, type DispatchReport, type PacedSender } from '../delivery/dispatcher.js';
import { effects, type EffectRunner } from '../effects/effects.js';
import { dispatchDueCheckIns } from '../features/check-ins/dispatcher.js';
import { pruneProcessedEvents } from '../features/events/dedupe.js';
import { expireOffers } from '../features/pairings/offers.js';
import { applyRetention } from '../features/pairings/retention.js';
import { initiativesWithWaitingRequests } from '../features/requests/service.js';
import type { Logger } from '../logger.js';
import { pruneOutbox, sendOutbox } from '../outbox/send.js';

// Named jobs the scheduler runs. Each only claims work from the database (conditional updates and
// leases), so any number of app processes can run them at once and each piece of work happens once.

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  sender: PacedSender;
  effects: EffectRunner;
  owner: string;
}

/** Offers nobody answered in time move to the next listener; the offer message says so. */
export async function expireOffersJob(deps: JobDeps): Promise<number> {
  const expired = await expireOffers(deps);
  await deps.effects.run([...effects.send(expired.outboxIds), ...expired.initiativeIds.map(effects.matchInitiative)]);
  if (expired.count > 0) deps.logger.info({ expired: expired.count }, 'offers timed out');
  return expired.count;
}

/** Waiting requests are offered whenever a listener can take them (for example, quiet hours ended). */
export async function matchWaitingJob(deps: JobDeps): Promise<number> {
  const initiatives = await initiativesWithWaitingRequests(deps.db);
  await deps.effects.run(initiatives.map(effects.matchInitiative));
  return initiatives.length;
}

/**
 * The one dispatcher's tick: outbox messages first (people are waiting for introductions and offers),
 * then due check-ins and waiting updates; each row is sent once across every process (leases).
 */
export async function deliverJob(deps: JobDeps): Promise<number> {
  const outbox = await sendOutbox(deps.sender, deps, { owner: deps.owner });
  if (total(outbox) > 0) deps.logger.info({ ...outbox }, 'outbox dispatched');
  const checkIns = await dispatchDueCheckIns(deps.sender, deps, { owner: deps.owner });
  if (total(checkIns) > 0) deps.logger.info({ ...checkIns }, 'check-ins dispatched');
  return addReports(outbox, checkIns).sent;
}

function total(report: DispatchReport): number {
  return Object.values(report).reduce((a, b) => a + b, 0);
}

/** Ended pairings past retention are deleted (counts were kept as they happened); old ids and rows too. */
export async function retentionJob(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  const removed = await applyRetention(deps.db, now);
  await pruneProcessedEvents(deps.db, now);
  await pruneOutbox(deps.db, now);
  if (removed.pairings + removed.requests > 0) deps.logger.info({ ...removed }, 'retention applied');
  return removed.pairings + removed.requests;
}
