import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { publishHomes } from '../home/publish.js';
import { readForm } from '../common/view-state.js';
import { introducePairing, rematchForSeeker, type NotifyDeps } from '../requests/notify.js';
import * as requestCopy from '../requests/copy.js';
import { renderPlain } from '../requests/views.js';
import * as copy from './copy.js';
import { BLOCK_PAIR, PairingIds, REPORT_REASONS } from './ids.js';
import {
  answerOffer,
  blockPair,
  chooseReveal,
  coordinatorsOf,
  endPairing,
  getPairing,
  sideOf,
  type EndReason,
} from './service.js';
import { announceEnd } from './notify.js';
import { renderNote, renderReportModal, renderRevealOffer } from './views.js';

const reportMetadata = z.object({ pairingId: z.string() });

export function register(app: App, deps: FeatureDeps): void {
  const services: NotifyDeps = serviceDeps(deps);

  for (const [actionId, accept] of [
    [PairingIds.acceptOffer, true],
    [PairingIds.declineOffer, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const answer = await answerOffer(services, { offerId: a.value, userId: a.userId, accept });
      if (answer.kind === 'not-yours') {
        await respond({ ...renderPlain(requestCopy.NOT_YOUR_OFFER), replace_original: false, response_type: 'ephemeral' });
        return;
      }
      if (answer.kind === 'gone') {
        await respond({ ...renderPlain(requestCopy.OFFER_GONE), replace_original: true });
        return;
      }
      if (answer.kind === 'declined') {
        await respond({ ...renderPlain(requestCopy.OFFER_DECLINED), replace_original: true });
        await rematchForSeeker(client, services, answer.requestId);
        return;
      }
      await respond({ ...renderPlain('Thank you for saying yes. I\'ve introduced you below.'), replace_original: true });
      await introducePairing(client, services, answer.pairing);
      await publishHomes(client, services, a.workspaceId, [answer.pairing.seekerId, answer.pairing.listenerUserId]);
    });
  }

  async function end(client: WebClient, workspaceId: string, pairingId: string, userId: string, reason: EndReason): Promise<string | null> {
    const pairing = await getPairing(services.db, pairingId);
    const side = pairing ? sideOf(pairing, userId) : null;
    if (!pairing || !side) return null;
    if (reason === 'someone_else' && side !== 'seeker') return null;
    const result = await endPairing(services, { pairingId, by: side, reason });
    if (result.kind === 'already-ended') return copy.ALREADY_ENDED;
    await announceEnd(client, result.pairing, side, reason);
    if (result.requeued) await rematchForSeeker(client, services, result.pairing.requestId);
    await publishHomes(client, services, workspaceId, [result.pairing.seekerId, result.pairing.listenerUserId]);
    return null;
  }

  app.action(PairingIds.end, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const note = await end(client, a.workspaceId, a.value, a.userId, 'ended');
    if (note) await respond({ ...renderPlain(note), replace_original: false, response_type: 'ephemeral' });
  });

  app.action(PairingIds.someoneElse, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const note = await end(client, a.workspaceId, a.value, a.userId, 'someone_else');
    if (note) await respond({ ...renderPlain(note), replace_original: false, response_type: 'ephemeral' });
  });

  app.action(PairingIds.reveal, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const result = await chooseReveal(services, { pairingId: a.value, userId: a.userId });
    if (result.kind === 'not-active') {
      await respond({ ...renderPlain(copy.ALREADY_ENDED), replace_original: false, response_type: 'ephemeral' });
      return;
    }
    const p = result.pairing;
    const side = sideOf(p, a.userId)!;
    // Each note goes in its conversation's thread (broadcast to the DM), so someone in two conversations
    // knows which person offered, and reveals themselves only to the one they mean.
    const seekerThread = p.seekerThreadTs ? { thread_ts: p.seekerThreadTs, reply_broadcast: true } : {};
    const listenerThread = p.listenerThreadTs ? { thread_ts: p.listenerThreadTs, reply_broadcast: true } : {};
    const [mine, mineThread, theirs, theirsThread] =
      side === 'seeker'
        ? [p.seekerChannel, seekerThread, p.listenerChannel, listenerThread]
        : [p.listenerChannel, listenerThread, p.seekerChannel, seekerThread];
    if (result.kind === 'waiting-for-other') {
      await client.chat.postMessage({ channel: mine, ...mineThread, ...renderNote(copy.REVEAL_WAITING) });
      await client.chat.postMessage({ channel: theirs, ...theirsThread, ...renderRevealOffer(p.id) });
      return;
    }
    // Both chose: only now does either side's user id go to the other (DESIGN.md invariant 1).
    await client.chat.postMessage({ channel: p.seekerChannel, ...seekerThread, ...renderNote(copy.revealed(p.listenerUserId)) });
    await client.chat.postMessage({ channel: p.listenerChannel, ...listenerThread, ...renderNote(copy.revealed(p.seekerId)) });
  });

  app.action(PairingIds.report, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    await client.views.open({ trigger_id: a.triggerId, view: renderReportModal(a.value) });
  });

  app.view(PairingIds.reportModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    const form = readForm(s.values);
    const reason = REPORT_REASONS.find((r) => r.value === form[PairingIds.blocks.reason]);
    if (!reason) {
      await ack({ response_action: 'errors', errors: { [PairingIds.blocks.reason]: 'Please choose what the concern is.' } });
      return;
    }
    await ack();
    const pairingId = parseJson(reportMetadata, s.privateMetadata)?.pairingId;
    const pairing = pairingId ? await getPairing(services.db, pairingId) : null;
    const side = pairing ? sideOf(pairing, s.userId) : null;
    if (!pairing || !side) return;
    const initiative = await services.db.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { name: true } });
    const [from, about] = side === 'seeker' ? [pairing.seekerPseudonym, pairing.listenerPseudonym] : [pairing.listenerPseudonym, pairing.seekerPseudonym];
    // A minimal notice: initiative, pseudonyms, reason; never a name or a message (invariant 5).
    const notice = copy.reportNotice(initiative.name, from, about, reason.label);
    for (const coordinator of await coordinatorsOf(services.db, pairing.initiativeId)) {
      await client.chat.postMessage({ channel: coordinator, ...renderNote(notice) });
    }
    const reporterChannel = side === 'seeker' ? pairing.seekerChannel : pairing.listenerChannel;
    await client.chat.postMessage({ channel: reporterChannel, ...renderNote(copy.REPORT_SENT) });
    const blocked = Array.isArray(form[PairingIds.blocks.block]) && (form[PairingIds.blocks.block] as string[]).includes(BLOCK_PAIR);
    deps.logger.info({ pairingId: pairing.id, reason: reason.value, blocked }, 'concern reported');
    if (blocked) {
      await blockPair(services.db, pairing);
      const result = await endPairing(services, { pairingId: pairing.id, by: side, reason: 'reported' });
      if (result.kind === 'ended') await announceEnd(client, result.pairing, side, 'reported');
    }
  });
}
