import type { Clock } from '../clock.js';
import { clearDeletedRemnants, type Db } from '../db/client.js';
import { addReports, type DispatchReport, type PacedSender } from '../delivery/dispatcher.js';
import { effects, type EffectRunner } from '../effects/effects.js';
import { dispatchDueCheckIns } from '../features/check-ins/dispatcher.js';
import { pruneProcessedEvents } from '../features/events/dedupe.js';
import { takeDueSnapshots } from '../features/insights/service.js';
import { expireInvitations } from '../features/initiatives/invitations.js';
import { resumeDuePauses } from '../features/listeners/service.js';
import { expireOffers } from '../features/pairings/offers.js';
import { applyRetention } from '../features/pairings/retention.js';
import { initiativesWithWaitingRequests } from '../features/requests/service.js';
import { eraseDueWorkspaces } from '../features/workspaces/service.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { pruneOutbox, sendOutbox } from '../outbox/send.js';
import type { PersonLanguages } from '../features/common/person-language.js';

// Named jobs the scheduler runs. Each only claims work from the database (conditional updates and
// leases), so any number of app processes can run them at once and each piece of work happens once.

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  sender: PacedSender;
  effects: EffectRunner;
  owner: string;
  /** The dispatcher counts each tick's check-ins and outbox sends here. */
  metrics?: Metrics;
  /** Recipients' languages for the outbox's messages (issue 19); English without. */
  languages?: PersonLanguages;
}

/**
 * Offers nobody answered in time move to the next listener; the offer message says so. A listener
 * whose third offer in a row went unanswered is paused, told kindly, and shown paused on the Homes.
 */
export async function expireOffersJob(deps: JobDeps): Promise<number> {
  const expired = await expireOffers(deps);
  await deps.effects.run([
    ...effects.send(expired.outboxIds),
    ...expired.initiativeIds.map(effects.matchInitiative),
    ...expired.homes.flatMap((h) => effects.refreshHomes(h.workspaceId, h.userIds)),
  ]);
  if (expired.count > 0) deps.logger.info({ expired: expired.count, pausedForNoAnswer: expired.homes.length }, 'offers timed out');
  return expired.count;
}

/**
 * Listeners whose "pause until" day has begun (in their own timezone) take offers again: each is resumed
 * by one conditional update, so with several processes only one resumes them and sends the kind note.
 */
export async function resumePausesJob(deps: JobDeps): Promise<number> {
  const { resumed, effects: follow } = await resumeDuePauses(deps);
  await deps.effects.run(follow);
  if (resumed > 0) deps.logger.info({ resumed }, 'paused listeners resumed on their date');
  return resumed;
}

/** Invitations unanswered for 14 days are deleted and their DMs say so (DESIGN.md invariant 3). */
export async function expireInvitationsJob(deps: JobDeps): Promise<number> {
  const { expired, outboxIds } = await expireInvitations(deps);
  await deps.effects.run(effects.send(outboxIds));
  if (expired > 0) deps.logger.info({ expired }, 'invitations expired');
  return expired;
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

/**
 * Ended pairings past retention are deleted (counts were kept as they happened); old ids and rows too,
 * the timezone cache, the insights access log and do-not-pair records. Then what deleted rows left in
 * the database files is cleared (src/db/client.ts), which also finishes any erasure whose own clearing
 * had to wait.
 */
export async function retentionJob(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  const removed = await applyRetention(deps.db, now);
  await pruneProcessedEvents(deps.db, now);
  await pruneOutbox(deps.db, now);
  const total = Object.values(removed).reduce((a, b) => a + b, 0);
  if (total > 0) deps.logger.info({ ...removed }, 'retention applied');
  if (!(await clearDeletedRemnants(deps.db))) deps.logger.warn({ code: 'remnants_pending' }, 'deleted rows stay in the database files until the next retention run');
  return total;
}

/**
 * Workspaces uninstalled longer ago than UNINSTALL_GRACE_DAYS are erased, each in one transaction
 * (issue 16). A reinstall that commits first calls it off.
 */
export async function eraseUninstalledJob(deps: JobDeps): Promise<number> {
  return eraseDueWorkspaces(deps);
}

/**
 * Each initiative's insights snapshot for the day (issue 13): the "now" figures every view shows that
 * day. Taken once per initiative and UTC day; the unique key makes one row whichever process runs it
 * first, and a view takes it itself if it looks before this job has run.
 */
export async function insightsSnapshotJob(deps: JobDeps): Promise<number> {
  const { taken, pruned } = await takeDueSnapshots(deps.db, deps.clock.now());
  if (taken + pruned > 0) deps.logger.info({ taken, pruned }, 'insights snapshots taken');
  return taken;
}
