import type { WebClient } from '@slack/web-api';
import type { Random } from '../../domain/pseudonyms.js';
import type { Logger } from '../../logger.js';
import type { ServiceDeps } from '../initiatives/service.js';
import { PairingIds } from '../pairings/ids.js';
import { getOffer, recordIntroductions, recordOfferMessage, type Pairing } from '../pairings/service.js';
import { renderListenerIntro, renderSeekerIntro } from '../pairings/views.js';
import { matchRequest, matchWaitingRequests, type MatchResult, type OfferMade } from './matching.js';
import { STILL_LOOKING } from './copy.js';
import { renderOffer, renderWaiting } from './views.js';

// Matching's messages: the offer DM to a listener, and the two introductions when a pairing starts.
// Every message to one side names the other only by pseudonym (DESIGN.md invariant 1).

export type NotifyDeps = ServiceDeps & { random: Random; logger: Logger };

export async function sendOffer(client: WebClient, deps: NotifyDeps, made: OfferMade): Promise<void> {
  const offer = await getOffer(deps.db, made.offerId);
  if (!offer || offer.status !== 'pending') return;
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: offer.initiativeId }, select: { offerTimeoutHours: true } });
  const posted = await client.chat.postMessage({
    channel: offer.listenerUserId,
    ...renderOffer({
      offerId: offer.offerId,
      seekerPseudonym: offer.seekerPseudonym,
      topic: offer.topic,
      note: offer.note,
      timeoutHours: initiative.offerTimeoutHours,
      acceptId: PairingIds.acceptOffer,
      declineId: PairingIds.declineOffer,
    }),
  });
  if (posted.channel && posted.ts) await recordOfferMessage(deps.db, offer.offerId, posted.channel, posted.ts);
  deps.logger.info({ offerId: offer.offerId, requestId: offer.requestId }, 'offer sent');
}

/** Matches one request and sends the offer if there is one. */
export async function matchAndNotify(client: WebClient, deps: NotifyDeps, requestId: string): Promise<MatchResult> {
  const result = await matchRequest(deps, requestId);
  if (result.kind === 'offered') await sendOffer(client, deps, result.offer);
  return result;
}

/**
 * Re-matches a request that is waiting again (a decline, "someone else", a listener who stopped) and,
 * when nobody is free, tells the seeker honestly and shows the resources again.
 */
export async function rematchForSeeker(client: WebClient, deps: NotifyDeps, requestId: string): Promise<MatchResult> {
  const result = await matchAndNotify(client, deps, requestId);
  if (result.kind === 'waiting') {
    const request = await deps.db.supportRequest.findUnique({
      where: { id: requestId },
      select: { seekerId: true, initiative: { select: { resources: true } } },
    });
    if (request) {
      await client.chat.postMessage({
        channel: request.seekerId,
        ...renderWaiting({ text: STILL_LOOKING, resources: request.initiative.resources, requestId }),
      });
    }
  }
  return result;
}

/** Offers every waiting request of an initiative that can be offered now (a listener became free). */
export async function matchInitiativeAndNotify(client: WebClient, deps: NotifyDeps, initiativeId: string): Promise<number> {
  const offers = await matchWaitingRequests(deps, initiativeId);
  for (const offer of offers) {
    try {
      await sendOffer(client, deps, offer);
    } catch (error) {
      deps.logger.error({ err: error, code: 'offer_send_failed', offerId: offer.offerId }, 'could not send an offer');
    }
  }
  return offers.length;
}

/** Introduces both sides, each under the other's pseudonym, and records where the DMs are. */
export async function introducePairing(client: WebClient, deps: NotifyDeps, pairing: Pairing): Promise<void> {
  const [initiative, request, listener] = await Promise.all([
    deps.db.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { guidelines: true } }),
    deps.db.supportRequest.findUniqueOrThrow({ where: { id: pairing.requestId }, include: { topic: { select: { label: true } } } }),
    deps.db.listenerProfile.findUniqueOrThrow({ where: { id: pairing.listenerId }, select: { intro: true } }),
  ]);
  const seekerPost = await client.chat.postMessage({
    channel: pairing.seekerId,
    ...renderSeekerIntro({
      pairingId: pairing.id,
      listenerPseudonym: pairing.listenerPseudonym,
      seekerPseudonym: pairing.seekerPseudonym,
      listenerIntro: listener.intro,
    }),
  });
  const listenerPost = await client.chat.postMessage({
    channel: pairing.listenerUserId,
    ...renderListenerIntro({
      pairingId: pairing.id,
      seekerPseudonym: pairing.seekerPseudonym,
      listenerPseudonym: pairing.listenerPseudonym,
      topic: request.topic?.label ?? null,
      note: request.note,
      guidelines: initiative.guidelines,
    }),
  });
  await recordIntroductions(
    deps.db,
    pairing.id,
    { channel: seekerPost.channel ?? pairing.seekerId, ts: seekerPost.ts ?? '' },
    { channel: listenerPost.channel ?? pairing.listenerUserId, ts: listenerPost.ts ?? '' },
  );
  deps.logger.info({ pairingId: pairing.id }, 'pairing started');
}
