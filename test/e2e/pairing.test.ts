import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/consent.js';
import { displayPseudonym } from '../../src/domain/pseudonyms.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { BLOCK_PAIR, PairingIds, REPORT_REASONS } from '../../src/features/pairings/ids.js';
import * as requestCopy from '../../src/features/requests/copy.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { eventCallback } from '../../src/simulator/requests.js';
import {
  asView,
  buttonValue,
  jsonOf,
  openedModal,
  setUpInitiative,
  submit,
  TEAM,
  textOf,
  updatedView,
  volunteer,
  type Block,
  type ModalView,
} from '../support/flows.js';
import {
  acceptOffer,
  answered,
  answerOffer,
  askForListener,
  cancelRequest,
  clickAs,
  dmFrom,
  editFrom,
  eventually,
  newTs,
  everyRow,
  withoutClockRows,
  identityLeaksBetween,
  isOffer,
  leaksTo,
  nextOffer,
  offersSince,
  openCommandModal,
  person,
  startPairingE2E,
  type Introduced,
  type Offered,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';

// Issue 4 end to end: request, offer, decline, re-offer, accept, relay both ways, mutual reveal, end;
// timeout to the next listener; nobody available until someone opts in; ask for someone else; report and
// block. The real process (scheduler ticking every second), a fake Slack and signed requests. Each
// privacy invariant has a test named after it (DESIGN.md 1, 2, 6).

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const SECOND_COORDINATOR = person('U0COORD002', 'Barnaby', 'Fitzwilliam');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const TIMEOUT_SEEKER = person('U0SEEKER02', 'Ottoline', 'Marchetti');
const SWITCHING_SEEKER = person('U0SEEKER03', 'Casimir', 'Abernathy');
const REPORTING_SEEKER = person('U0SEEKER04', 'Henrietta', 'Okonkwo');
const WAITING_SEEKER = person('U0SEEKER05', 'Ignatius', 'Pemberton');
const ANXIETY_LISTENERS = [
  person('U0LISTNA01', 'Perpetua', 'Lindqvist'),
  person('U0LISTNB01', 'Thaddeus', 'Ravensworth'),
  person('U0LISTNC01', 'Araminta', 'Szczepanski'),
];
const LATE_LISTENER = person('U0LISTND01', 'Leopold', 'Vanderhoeven');
const PARENTING_LISTENER = person('U0LISTNE01', 'Clementine', 'Achterberg');
const OUTSIDER = person('U0OUTSID01', 'Mortimer', 'Blackwood');
const PEOPLE: Person[] = [
  COORDINATOR,
  SECOND_COORDINATOR,
  SEEKER,
  TIMEOUT_SEEKER,
  SWITCHING_SEEKER,
  REPORTING_SEEKER,
  WAITING_SEEKER,
  ...ANXIETY_LISTENERS,
  LATE_LISTENER,
  PARENTING_LISTENER,
  OUTSIDER,
];

function byId(id: string): Person {
  const found = PEOPLE.find((p) => p.id === id);
  if (!found) throw new Error(`nobody is ${id}`);
  return found;
}

const RESOURCES = 'Harbour EAP line 0800 555 0100, open day and night. Samaritans 116 123. In danger now: call 999.';
const SECOND_RESOURCES = 'Second Circle EAP 0800 555 0199. Crisis text line: text SHOUT to 85258.';
const GUIDELINES = 'Harbour guidelines: listen first, never diagnose, signpost to the EAP when unsure.';
const NOTE = 'Work has been overwhelming since the reorganisation and I am not sleeping.';

// Relayed words: each distinctive, so a copy in the logs or the database can be found (invariant 2).
const FROM_SEEKER = 'Thank you for listening, saffron-gondola-7731 is how the week felt.';
const FROM_LISTENER = 'I remember that feeling well: cobalt-metronome-2264 helped me.';
const EDITED_BEFORE = 'It started in March: vermilion-archway-5519.';
const EDITED_AFTER = 'It started in February, actually: vermilion-archway-6620.';
const PRIVATE_PHRASE = 'nobody knows this but ultramarine-pelican-4408 keeps me going';
const REPLY_PHRASE = 'that means a lot, tangerine-quokka-9137';
const WITH_FILE = 'Here is the letter they sent me: ochre-lantern-3346';
const CRISIS = 'Some nights I want to die, if I am honest: indigo-cormorant-8853';
const SECOND_CRISIS = 'I still cannot cope with any of it: heliotrope-marmot-2290';
const LISTENER_CRISIS = 'Years ago I felt I could not go on and had thoughts of suicide: russet-albatross-4471';
const RELAYED = [FROM_SEEKER, FROM_LISTENER, EDITED_BEFORE, EDITED_AFTER, PRIVATE_PHRASE, REPLY_PHRASE, WITH_FILE, CRISIS, SECOND_CRISIS, LISTENER_CRISIS];

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

/** Everything a DM shows, its fallback text and its blocks. */
function shown(call: RecordedCall): string {
  return `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
}

function actionIdsOf(blocks: unknown): string[] {
  return ((blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []).map((e) => e.action_id)).filter((id): id is string => !!id);
}

/** Where a modal's first question is: everything before it is what the person sees first. */
function firstInputIndex(view: ModalView): number {
  return view.blocks.findIndex((b) => b.type === 'input');
}

describe.each(TEST_PROVIDERS)('anonymous pairing on %s', (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Harbour Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement\nParenting',
      [InitiativeIds.blocks.resources]: RESOURCES,
      [InitiativeIds.blocks.guidelines]: GUIDELINES,
      [InitiativeIds.blocks.approval]: [],
    });
    for (const listener of ANXIETY_LISTENERS) await volunteer(e2e, listener.id, { fields: { topicLabels: ['Anxiety'] } });
    await volunteer(e2e, PARENTING_LISTENER.id, { fields: { topicLabels: ['Parenting'] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** The introductions after an accept clicked at `since` (when the click was not made by acceptOffer). */
  async function acceptOfferDone(offer: Offered, seekerId: string, since: number): Promise<Introduced> {
    const toSeeker = await e2e.next('chat.postMessage', since, (c) => c.args.channel === seekerId && jsonOf(c.args.blocks).includes(PairingIds.end));
    const toListener = await e2e.next('chat.postMessage', since, (c) => c.args.channel === offer.listenerId && jsonOf(c.args.blocks).includes(PairingIds.end));
    const pairingId = buttonValue(toSeeker.args.blocks, PairingIds.end);
    await eventually(() => e2e.db.pairing.findFirst({ where: { id: pairingId, listenerThreadTs: { not: null } } }));
    return { pairingId, toSeeker, toListener };
  }

  async function slotsOf(userId: string): Promise<number> {
    const profile = await e2e.db.listenerProfile.findUniqueOrThrow({ where: { initiativeId_userId: { initiativeId: initiative.id, userId } } });
    return profile.reservedSlots;
  }

  /** Calls after `since` addressed to `userId`'s DM (by user id or DM channel). */
  function callsToSince(since: number, userId: string): RecordedCall[] {
    return e2e.slack.calls.slice(since).filter(sentTo(userId));
  }

  // ---- 1. Request --------------------------------------------------------------------------------

  describe('the main story: request, decline, re-offer, accept, relay, reveal, end', () => {
    let asked: Awaited<ReturnType<typeof askForListener>>;
    let firstOffer: Offered;
    let secondOffer: Offered;
    let intro: Introduced;
    let listener: Person;
    let revealMark = 0;

    it('invariant 6: /peer request shows the resources first, then "I need help right now", before any question', async () => {
      const { view, loading } = await openCommandModal(e2e, SEEKER.id);
      // The "One moment…" view shown while loading already points to emergency help.
      expect(textOf(loading.blocks)).toContain('emergency number');
      expect(view.callback_id).toBe(RequestIds.requestModal);
      expect(view.blocks[0]?.text?.text).toBe(english('requests.resourcesFirst'));
      expect(view.blocks[1]?.text?.text).toBe(RESOURCES);
      expect(actionIdsOf([view.blocks[2]])).toEqual([RequestIds.helpNowButton]);
      expect(textOf([view.blocks[2]])).toContain('I need help right now');
      expect(firstInputIndex(view)).toBeGreaterThan(2);
      expect(textOf(view.blocks)).toContain(CONSENT_TEXTS.seeker_request.text);
    });

    it('invariant 6: the App Home button opens the same modal, resources first', async () => {
      const since = e2e.mark();
      const { triggerId } = await clickAs(e2e, SEEKER.id, { actionId: RequestIds.requestButton, view: { id: 'V0HOMETAB1', type: 'home' } });
      const { view } = await openedModal(e2e, since, triggerId);
      expect(view.callback_id).toBe(RequestIds.requestModal);
      expect(view.blocks[1]?.text?.text).toBe(RESOURCES);
      expect(firstInputIndex(view)).toBeGreaterThan(2);
    });

    it('invariant 6: "I need help right now" shows only the resources and creates no request', async () => {
      const modal = await openCommandModal(e2e, SEEKER.id);
      const since = e2e.mark();
      await clickAs(e2e, SEEKER.id, {
        actionId: RequestIds.helpNowButton,
        value: buttonValue(modal.view.blocks, RequestIds.helpNowButton),
        view: { id: modal.viewId, callback_id: modal.view.callback_id, private_metadata: modal.view.private_metadata ?? '' },
      });
      const update = await e2e.next('views.update', since, (c) => c.args.view_id === modal.viewId);
      const view = asView(update.args.view);
      expect(view.blocks[0]?.text?.text).toBe(english('requests.helpNowLead'));
      expect(textOf(view.blocks)).toContain(RESOURCES);
      expect(view.blocks.some((b) => b.type === 'input' || b.type === 'actions')).toBe(false);
      expect(view.submit).toBeUndefined();
      expect(await e2e.db.supportRequest.count()).toBe(0);
      expect(await e2e.db.consentRecord.count({ where: { userId: SEEKER.id } })).toBe(0);
      expect(offersSince(e2e, since)).toEqual([]);
    });

    it('submitting a topic and a note records consent and the request, and offers it to one listener under a pseudonym', async () => {
      asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety', note: NOTE });
      expect(shown(asked.waitingDm)).toContain(requestCopy.requestReceived(english, 'Anxiety'));
      expect(jsonOf(asked.waitingDm.args.blocks)).toContain(RequestIds.cancelButton);

      const request = await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId }, include: { topic: true } });
      expect(request).toMatchObject({ seekerId: SEEKER.id, note: NOTE, status: 'offered', initiativeId: initiative.id });
      expect(request.topic?.label).toBe('Anxiety');
      const consents = await e2e.db.consentRecord.findMany({ where: { userId: SEEKER.id } });
      expect(consents).toEqual([expect.objectContaining({ purpose: 'seeker_request', action: 'given', initiativeId: initiative.id })]);

      expect(asked.offer).not.toBeNull();
      firstOffer = asked.offer!;
      expect(ANXIETY_LISTENERS.map((l) => l.id)).toContain(firstOffer.listenerId);
      const text = shown(firstOffer.call);
      expect(text).toContain('Anxiety');
      expect(text).toContain(NOTE);
      expect(text).toContain(displayPseudonym(english, request.seekerPseudonym));
      // Accept, Decline, and "Pause until…" (issue 15), which carries the initiative and this offer.
      expect(actionIdsOf(firstOffer.call.args.blocks)).toEqual([PairingIds.acceptOffer, PairingIds.declineOffer, ListenerIds.pauseUntilButton]);
      expect(JSON.parse(buttonValue(firstOffer.call.args.blocks, ListenerIds.pauseUntilButton))).toEqual({ initiativeId: initiative.id, offerId: firstOffer.offerId });
      expect(buttonValue(firstOffer.call.args.blocks, PairingIds.declineOffer)).toBe(firstOffer.offerId);
      // Exactly one listener is asked at a time.
      expect(offersSince(e2e, 0)).toHaveLength(1);
      const offer = await e2e.db.offer.findUniqueOrThrow({ where: { id: firstOffer.offerId }, include: { listener: true } });
      expect(offer).toMatchObject({ requestId: asked.requestId, status: 'pending', channel: `D${firstOffer.listenerId}` });
      expect(offer.listener.userId).toBe(firstOffer.listenerId);
      expect(await slotsOf(firstOffer.listenerId)).toBe(1);
    });

    it('a decline passes the request to another listener, never back to the one who declined', async () => {
      // Only the listener it was meant for can answer an offer.
      const other = ANXIETY_LISTENERS.find((l) => l.id !== firstOffer.listenerId)!;
      const stray = e2e.mark();
      const { responseKey: strayKey } = await answerOffer(e2e, { ...firstOffer, listenerId: other.id }, 'decline');
      const refused = await answered(e2e, stray, strayKey);
      expect(shown(refused)).toContain(english('offers.notYours'));
      expect(refused.args.replace_original).not.toBe(true);
      expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: firstOffer.offerId } })).status).toBe('pending');

      const since = e2e.mark();
      const { responseKey } = await answerOffer(e2e, firstOffer, 'decline');
      const reply = await answered(e2e, since, responseKey);
      expect(reply.args.replace_original).toBe(true);
      expect(shown(reply)).toContain(english('offers.declined'));

      secondOffer = await nextOffer(e2e, since);
      expect(secondOffer.listenerId).not.toBe(firstOffer.listenerId);
      expect(ANXIETY_LISTENERS.map((l) => l.id)).toContain(secondOffer.listenerId);
      expect(shown(secondOffer.call)).toContain(NOTE);
      expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: firstOffer.offerId } })).status).toBe('declined');
      expect(await slotsOf(firstOffer.listenerId)).toBe(0);
      expect(await slotsOf(secondOffer.listenerId)).toBe(1);
      listener = byId(secondOffer.listenerId);

      // The seeker hears of it in the same waiting message, updated in place, never a second one.
      const request = await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } });
      expect(request.waitingChannel).not.toBeNull();
      const updated = await e2e.next('chat.update', since, (c) => c.args.ts === request.waitingMessageTs && shown(c).includes(english('waiting.offerNotTaken')));
      expect(updated.args.channel).toBe(request.waitingChannel);
      expect(jsonOf(updated.args.blocks)).toContain(RequestIds.cancelButton);
      expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.channel === SEEKER.id)).toEqual([]);
    });

    it('accepting introduces both sides by pseudonym, with the guidelines for the listener and the pairing buttons', async () => {
      intro = await acceptOffer(e2e, secondOffer, SEEKER.id);
      const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      expect(pairing).toMatchObject({ status: 'active', seekerId: SEEKER.id, listenerUserId: listener.id, requestId: asked.requestId });
      expect(pairing.listenerPseudonym).not.toBe(pairing.seekerPseudonym);
      expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('paired');

      expect(shown(intro.toSeeker)).toContain(displayPseudonym(english, pairing.listenerPseudonym));
      expect(shown(intro.toSeeker)).toContain(english('pairings.whatToExpect'));
      expect(actionIdsOf(intro.toSeeker.args.blocks)).toEqual([PairingIds.end, PairingIds.someoneElse, PairingIds.reveal, PairingIds.report]);

      expect(shown(intro.toListener)).toContain(displayPseudonym(english, pairing.seekerPseudonym));
      expect(shown(intro.toListener)).toContain(GUIDELINES);
      expect(shown(intro.toListener)).toContain(NOTE);
      // Only the seeker can ask for someone else.
      expect(actionIdsOf(intro.toListener.args.blocks)).toEqual([PairingIds.end, PairingIds.reveal, PairingIds.report]);
      for (const call of [intro.toSeeker, intro.toListener]) {
        for (const id of actionIdsOf(call.args.blocks)) expect(buttonValue(call.args.blocks, id)).toBe(intro.pairingId);
      }
      expect(await slotsOf(listener.id)).toBe(1);
    });

    it('relays messages both ways under the sender\'s pseudonym, storing only timestamps', async () => {
      const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      let since = e2e.mark();
      const seekerTs = await dmFrom(e2e, SEEKER.id, FROM_SEEKER);
      const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(FROM_SEEKER));
      expect(shown(toListener)).toContain(displayPseudonym(english, pairing.seekerPseudonym));

      since = e2e.mark();
      const listenerTs = await dmFrom(e2e, listener.id, FROM_LISTENER);
      const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(FROM_LISTENER));
      expect(shown(toSeeker)).toContain(displayPseudonym(english, pairing.listenerPseudonym));

      // Slack retries an event it thinks was not delivered: the retry is not relayed a second time.
      since = e2e.mark();
      const eventId = 'Ev0RETRIED01';
      await dmFrom(e2e, SEEKER.id, 'said once, delivered twice', {}, { eventId });
      await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes('said once, delivered twice'));
      await dmFrom(e2e, SEEKER.id, 'said once, delivered twice', {}, { eventId, retryNum: 1 });
      await dmFrom(e2e, SEEKER.id, 'and then something new');
      await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes('and then something new'));
      expect(callsToSince(since, listener.id).filter((c) => shown(c).includes('said once, delivered twice'))).toHaveLength(1);

      const relayed = await eventually(async () => {
        const rows = await e2e.db.relayedMessage.findMany({ where: { pairingId: pairing.id }, orderBy: { createdAt: 'asc' } });
        return rows.length === 4 ? rows : null;
      });
      expect(relayed.slice(0, 2).map((r) => [r.fromSide, r.sourceTs])).toEqual([
        ['seeker', seekerTs],
        ['listener', listenerTs],
      ]);
    });

    it('does not relay a file, and tells the sender why; the text beside it is passed on', async () => {
      const since = e2e.mark();
      const file = { id: 'F0LETTER01', name: 'letter-from-hr-okonkwo.pdf', title: 'letter-from-hr-okonkwo.pdf', url_private: 'https://files.example.invalid/F0LETTER01' };
      await dmFrom(e2e, SEEKER.id, WITH_FILE, { subtype: 'file_share', files: [file] });
      const told = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.filesNotRelayed')));
      expect(told.args.channel).toBe(`D${SEEKER.id}`);
      const toListener = callsToSince(since, listener.id);
      expect(toListener).toHaveLength(1);
      expect(shown(toListener[0]!)).toContain(WITH_FILE);
      const payload = JSON.stringify(toListener[0]!.args);
      for (const detail of ['F0LETTER01', 'letter-from-hr', 'files.example.invalid']) expect(payload).not.toContain(detail);
      expect(e2e.slack.calls.slice(since).some((c) => c.method.startsWith('files.'))).toBe(false);

      // A file with no words: nothing reaches the listener at all.
      const again = e2e.mark();
      await dmFrom(e2e, SEEKER.id, '', { subtype: 'file_share', files: [{ ...file, id: 'F0LETTER02' }] });
      await e2e.next('chat.postMessage', again, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.filesNotRelayed')));
      expect(callsToSince(again, listener.id)).toEqual([]);
    });

    it('answers a message from someone with no active pairing with the safety net, and relays nothing', async () => {
      const since = e2e.mark();
      await dmFrom(e2e, OUTSIDER.id, 'hello? is anyone there');
      const told = await e2e.next('chat.postMessage', since, sentTo(OUTSIDER.id));
      expect(told.args.channel).toBe(`D${OUTSIDER.id}`);
      expect(shown(told)).toContain(english('safety.calmLine'));
      expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    });

    it('mirrors an edit onto the relayed copy with chat.update', async () => {
      let since = e2e.mark();
      const sourceTs = await dmFrom(e2e, SEEKER.id, EDITED_BEFORE);
      await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(EDITED_BEFORE));
      const mirror = await eventually(() =>
        e2e.db.relayedMessage.findUnique({ where: { pairingId_fromSide_sourceTs: { pairingId: intro.pairingId, fromSide: 'seeker', sourceTs } } }),
      );

      since = e2e.mark();
      await editFrom(e2e, SEEKER.id, sourceTs, EDITED_AFTER, EDITED_BEFORE);
      const update = await e2e.next('chat.update', since, (c) => c.args.ts === mirror.mirrorTs);
      expect(update.args.channel).toBe(`D${listener.id}`);
      expect(shown(update)).toContain(EDITED_AFTER);
      expect(shown(update)).not.toContain(EDITED_BEFORE);
    });

    it('invariant 2: relayed text is never stored or logged', async () => {
      const since = e2e.mark();
      await dmFrom(e2e, SEEKER.id, PRIVATE_PHRASE);
      await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(PRIVATE_PHRASE));
      const replyTs = await dmFrom(e2e, listener.id, REPLY_PHRASE);
      await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(REPLY_PHRASE));
      // Everything the relay writes has been written.
      await eventually(() =>
        e2e.db.relayedMessage.findUnique({ where: { pairingId_fromSide_sourceTs: { pairingId: intro.pairingId, fromSide: 'listener', sourceTs: replyTs } } }),
      );

      const rows = await everyRow(e2e.db, provider);
      expect(rows.tables).toEqual(expect.arrayContaining(['SupportRequest', 'Pairing', 'RelayedMessage', 'Offer', 'ProcessedEvent']));
      // The dump does see what is stored: the note the seeker chose to give their listener.
      expect(rows.text).toContain(NOTE);
      const output = e2e.bot.output();
      expect(output).toContain('message relayed');
      for (const phrase of RELAYED.filter((p) => p !== CRISIS && p !== SECOND_CRISIS && p !== LISTENER_CRISIS)) {
        expect(rows.text).not.toContain(phrase);
        expect(output).not.toContain(phrase);
        // Nor any distinctive part of it.
        const marker = /[a-z]+-[a-z]+-\d{4}/.exec(phrase)![0];
        expect(rows.text).not.toContain(marker);
        expect(output).not.toContain(marker);
      }
    });

    it('crisis words from the seeker only: the seeker gets the resources, the listener one note a day with the resources and two buttons; only its time is stored', async () => {
      // "What to expect" told the seeker this would happen.
      expect(shown(intro.toSeeker)).toContain(english('pairings.whatToExpect'));
      expect(english('pairings.whatToExpect')).toContain('crisis');
      const before = await everyRow(e2e.db, provider);
      const pairingBefore = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      expect(pairingBefore.crisisNotedAt).toBeNull();
      const since = e2e.mark();

      // A listener's own words set off nothing: their past is not a crisis in this conversation.
      const listenerTs = await dmFrom(e2e, listener.id, LISTENER_CRISIS);
      await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(LISTENER_CRISIS));
      await eventually(() =>
        e2e.db.relayedMessage.findUnique({ where: { pairingId_fromSide_sourceTs: { pairingId: intro.pairingId, fromSide: 'listener', sourceTs: listenerTs } } }),
      );

      const seekerSince = e2e.mark();
      await dmFrom(e2e, SEEKER.id, CRISIS);
      await e2e.next('chat.postMessage', seekerSince, (c) => sentTo(listener.id)(c) && shown(c).includes(CRISIS));
      const toListener = await e2e.next('chat.postMessage', seekerSince, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.crisis.listenerNote')));
      const toSeeker = await e2e.next('chat.postMessage', seekerSince, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.crisis.seekerLead')));
      expect(shown(toSeeker)).toContain(RESOURCES);
      // The listener's note carries the resources, names the coordinators, and offers both buttons, each asking first.
      expect(shown(toListener)).toContain(RESOURCES);
      expect(shown(toListener)).toContain(`<@${COORDINATOR.id}>`);
      expect(actionIdsOf(toListener.args.blocks)).toEqual([PairingIds.shareResources, PairingIds.askCoordinator]);
      const buttons = (toListener.args.blocks as Block[])
        .flatMap((b) => (b.elements ?? []) as { type?: string; action_id?: string; confirm?: { title?: unknown } }[])
        .filter((el) => el.type === 'button');
      expect(buttons.map((b) => [b.action_id, !!b.confirm?.title])).toEqual([
        [PairingIds.shareResources, true],
        [PairingIds.askCoordinator, true],
      ]);
      expect(buttonValue(toListener.args.blocks, PairingIds.shareResources)).toBe(intro.pairingId);
      expect(toListener.args.thread_ts).toBe(pairingBefore.listenerThreadTs);
      // The notes are private: neither quotes the words.
      expect(shown(toListener)).not.toContain(CRISIS);
      expect(shown(toSeeker)).not.toContain(CRISIS);

      // A second crisis message the same day: the seeker gets the resources again, the listener no second note.
      const againSince = e2e.mark();
      await dmFrom(e2e, SEEKER.id, SECOND_CRISIS);
      await e2e.next('chat.postMessage', againSince, (c) => sentTo(listener.id)(c) && shown(c).includes(SECOND_CRISIS));
      await e2e.next('chat.postMessage', againSince, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.crisis.seekerLead')));
      const notes = e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && shown(c).includes(english('pairings.crisis.listenerNote')));
      expect(notes).toHaveLength(1);
      // Twice for the seeker's two messages, never for the listener's.
      expect(callsToSince(since, SEEKER.id).filter((c) => shown(c).includes(english('pairings.crisis.seekerLead')))).toHaveLength(2);

      // Stored: only when this conversation's note went (Pairing.crisisNotedAt), never the words, and no other row.
      const after = await everyRow(e2e.db, provider);
      const [countsAfter, countsBefore] = [withoutClockRows(after.counts), withoutClockRows(before.counts)];
      for (const table of Object.keys(countsBefore).filter((t) => t !== 'RelayedMessage' && t !== 'ProcessedEvent')) {
        expect(countsAfter[table], table).toBe(countsBefore[table]);
      }
      expect(after.counts.RelayedMessage).toBe(before.counts.RelayedMessage! + 3);
      const pairingAfter = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      expect(pairingAfter).toEqual({ ...pairingBefore, crisisNotedAt: expect.any(Date) });
      expect(pairingAfter.crisisNotedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      for (const text of [after.text, e2e.bot.output()]) {
        for (const marker of ['indigo-cormorant', 'russet-albatross', 'heliotrope-marmot']) expect(text).not.toContain(marker);
        expect(text.toLowerCase()).not.toContain('want to die');
      }
    });

    it('the crisis note\'s buttons work for the listener only: share the resources under the pseudonym, ask a coordinator without naming the seeker', async () => {
      const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      // The seeker (or anyone else) pressing a forged button is refused, and nobody else hears of it.
      for (const actionId of [PairingIds.shareResources, PairingIds.askCoordinator]) {
        const since = e2e.mark();
        const { responseKey } = await clickAs(e2e, SEEKER.id, { actionId, value: intro.pairingId, channelId: `D${SEEKER.id}` });
        expect(shown(await answered(e2e, since, responseKey))).toContain(english('pairings.crisis.notYours'));
        expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
      }
      expect(await e2e.db.outboxMessage.count({ where: { recipientId: COORDINATOR.id, kind: 'support_asked' } })).toBe(0);

      let since = e2e.mark();
      let click = await clickAs(e2e, listener.id, { actionId: PairingIds.shareResources, value: intro.pairingId, channelId: `D${listener.id}` });
      const shared = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(pairingCopy.resourcesSharedWithYou(english, pairing.listenerPseudonym)));
      expect(shown(shared)).toContain(RESOURCES);
      expect(shared.args.thread_ts).toBe(pairing.seekerThreadTs);
      expect(shown(await answered(e2e, since, click.responseKey))).toContain(pairingCopy.resourcesShared(english, pairing.seekerPseudonym));
      expect(identityLeaksBetween([shared], e2e.owners, SEEKER, listener)).toEqual([]);

      since = e2e.mark();
      click = await clickAs(e2e, listener.id, { actionId: PairingIds.askCoordinator, value: intro.pairingId, channelId: `D${listener.id}` });
      expect(shown(await answered(e2e, since, click.responseKey))).toContain(english('pairings.crisis.coordinatorAsked'));
      const notice = await e2e.next('chat.postMessage', since, (c) => sentTo(COORDINATOR.id)(c) && shown(c).includes(pairingCopy.crisisSupportNotice(english, listener.id, initiative.name)));
      // Invariant 5: the coordinators learn who asks for support, never whom they listen to.
      expect(leaksTo([notice], e2e.owners, COORDINATOR.id, [SEEKER])).toEqual([]);
      expect(shown(notice)).not.toContain(displayPseudonym(english, pairing.seekerPseudonym));
      expect(shown(notice)).not.toContain(pairing.seekerPseudonym);
      expect(callsToSince(since, SEEKER.id)).toEqual([]);
    });

    it("a crisis note Slack refuses is not the seeker's failure: their message went, and their next crisis message brings the note", async () => {
      // A day on: this conversation's note may go again.
      await e2e.db.pairing.update({ where: { id: intro.pairingId }, data: { crisisNotedAt: null } });
      const isNote = (c: RecordedCall) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.crisis.listenerNote'));
      e2e.slack.setResponse('chat.postMessage', (call, reply) => (isNote(call) ? { body: { ok: false, error: 'channel_not_found' } } : reply()));
      const since = e2e.mark();
      try {
        await dmFrom(e2e, SEEKER.id, CRISIS);
        await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(CRISIS));
        await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.crisis.seekerLead')));
        await e2e.next('chat.postMessage', since, isNote);
        // The claim is given back once Slack refused the note, and the log says so by its code.
        await eventually(async () =>
          (await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).crisisNotedAt === null && e2e.bot.logLines().some((line) => line.code === 'crisis_note_not_sent')
            ? true
            : null,
        );
      } finally {
        e2e.slack.clearResponse('chat.postMessage');
      }
      // Nothing told the seeker their message was not passed on.
      expect(callsToSince(since, SEEKER.id).filter((c) => shown(c).includes(english('common.messageNotPassedOn')))).toEqual([]);

      const again = e2e.mark();
      await dmFrom(e2e, SEEKER.id, SECOND_CRISIS);
      const note = await e2e.next('chat.postMessage', again, isNote);
      expect(e2e.slack.calls.indexOf(note)).toBeGreaterThanOrEqual(again);
      expect(buttonValue(note.args.blocks, PairingIds.shareResources)).toBe(intro.pairingId);
      expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).crisisNotedAt).not.toBeNull();
    });

    it('invariant 1: no call addressed to one side carries the other side\'s identity before both reveal', async () => {
      // One side chooses: the other is asked, and still no id crosses.
      let since = e2e.mark();
      await clickAs(e2e, SEEKER.id, { actionId: PairingIds.reveal, value: intro.pairingId, channelId: `D${SEEKER.id}` });
      const waiting = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.reveal.waiting')));
      const offered = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.reveal.offered')));
      expect(actionIdsOf(offered.args.blocks)).toEqual([PairingIds.reveal]);
      expect(shown(waiting)).not.toContain('<@');
      expect(shown(offered)).not.toContain('<@');
      expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).toMatchObject({ seekerRevealed: true, listenerRevealed: false });

      // The other side chooses too: only now do both see each other's mention.
      revealMark = e2e.mark();
      since = revealMark;
      await clickAs(e2e, listener.id, { actionId: PairingIds.reveal, value: intro.pairingId, channelId: `D${listener.id}` });
      const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.reveal.done', { user: `<@${listener.id}>` })));
      const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.reveal.done', { user: `<@${SEEKER.id}>` })));
      expect(shown(toSeeker)).toContain(`<@${listener.id}>`);
      expect(shown(toListener)).toContain(`<@${SEEKER.id}>`);

      // Every call in the run up to the second choice, whoever it went to.
      const before = e2e.slack.calls.slice(0, revealMark);
      expect(before.filter((c) => c.method === 'chat.postMessage').length).toBeGreaterThan(10);
      expect(identityLeaksBetween(before, e2e.owners, SEEKER, listener)).toEqual([]);
      // The listener who declined never learnt who asked either, before or after.
      expect(identityLeaksBetween(e2e.slack.calls, e2e.owners, SEEKER, byId(firstOffer.listenerId))).toEqual([]);
      // The check does see a leak: after both chose, the mentions are exactly that.
      const after = identityLeaksBetween(e2e.slack.calls, e2e.owners, SEEKER, listener);
      expect(after.map((l) => l.found)).toEqual(expect.arrayContaining([SEEKER.id, listener.id]));
    });

    it('ending sends both a kind closing message, ends the pairing and frees the listener\'s slot', async () => {
      expect(await slotsOf(listener.id)).toBe(1);
      const since = e2e.mark();
      await clickAs(e2e, SEEKER.id, { actionId: PairingIds.end, value: intro.pairingId, channelId: `D${SEEKER.id}` });
      const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.end.byYou')));
      const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.end.byOther')));
      const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
      expect(pairing).toMatchObject({ status: 'ended', endedBy: 'seeker', endReason: 'ended' });
      expect(toSeeker.args.thread_ts).toBe(pairing.seekerThreadTs);
      expect(toListener.args.thread_ts).toBe(pairing.listenerThreadTs);
      expect(await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).toMatchObject({ status: 'closed', closedReason: 'ended' });
      expect(await slotsOf(listener.id)).toBe(0);
      for (const l of ANXIETY_LISTENERS) expect(await slotsOf(l.id)).toBe(0);
      // Over the whole request, the listener who declined was asked once only.
      const offers = await e2e.db.offer.findMany({ where: { requestId: asked.requestId }, include: { listener: true } });
      expect(offers.filter((o) => o.listener.userId === firstOffer.listenerId)).toHaveLength(1);

      // A second click, or a reveal after the end, changes nothing and says so.
      for (const actionId of [PairingIds.end, PairingIds.reveal]) {
        const again = e2e.mark();
        const { responseKey } = await clickAs(e2e, listener.id, { actionId, value: intro.pairingId, channelId: `D${listener.id}` });
        expect(shown(await answered(e2e, again, responseKey))).toContain(english('pairings.alreadyEnded'));
      }

      // After the end, messages are no longer relayed.
      const later = e2e.mark();
      await dmFrom(e2e, SEEKER.id, 'are you still there?');
      const told = await e2e.next('chat.postMessage', later, sentTo(SEEKER.id));
      expect(shown(told)).toContain(english('safety.calmLine'));
      expect(callsToSince(later, listener.id)).toEqual([]);
    });
  });

  // ---- 7. Timeout ---------------------------------------------------------------------------------

  it('an offer nobody answers in time expires: the DM says so and the next listener is asked', async () => {
    const asked = await askForListener(e2e, TIMEOUT_SEEKER.id, { topic: 'Anxiety' });
    const first = asked.offer!;
    expect(first).not.toBeNull();
    const row = await e2e.db.offer.findUniqueOrThrow({ where: { id: first.offerId } });
    // Four hours by default; move the deadline into the past instead of waiting.
    expect(row.expiresAt.getTime() - row.offeredAt.getTime()).toBe(4 * 60 * 60 * 1000);
    const since = e2e.mark();
    await e2e.db.offer.update({ where: { id: first.offerId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const expired = await e2e.next('chat.update', since, (c) => c.args.ts === row.messageTs);
    expect(expired.args.channel).toBe(row.channel);
    expect(shown(expired)).toContain(english('offers.expired'));
    expect(jsonOf(expired.args.blocks)).not.toContain(PairingIds.acceptOffer);
    const next = await nextOffer(e2e, since);
    expect(next.listenerId).not.toBe(first.listenerId);
    expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: first.offerId } })).status).toBe('timed_out');
    expect(await slotsOf(first.listenerId)).toBe(0);

    // A click on the expired offer changes nothing.
    const late = e2e.mark();
    const { responseKey } = await answerOffer(e2e, first, 'accept');
    expect(shown(await answered(e2e, late, responseKey))).toContain(english('offers.gone'));
    expect(await e2e.db.pairing.count({ where: { requestId: asked.requestId } })).toBe(0);

    // The seeker cancels: the open offer is withdrawn and its DM says so.
    const nextRow = await e2e.db.offer.findUniqueOrThrow({ where: { id: next.offerId } });
    const cancelled = e2e.mark();
    expect(shown(await cancelRequest(e2e, TIMEOUT_SEEKER.id, asked.requestId))).toContain(english('waiting.cancelled'));
    const withdrawn = await e2e.next('chat.update', cancelled, (c) => c.args.ts === nextRow.messageTs);
    expect(shown(withdrawn)).toContain(english('offers.withdrawn'));
    expect(await slotsOf(next.listenerId)).toBe(0);
  });

  // ---- 8. Nobody available, then someone opts in ----------------------------------------------------

  it('with no listener for the topic the seeker is told honestly and shown the resources; a new listener gets it at once', async () => {
    const asked = await askForListener(e2e, WAITING_SEEKER.id, { topic: 'Bereavement', note: 'My father died in the spring.' });
    expect(asked.offer).toBeNull();
    expect(shown(asked.waitingDm)).toContain(requestCopy.noListenerYet(english, 'Bereavement'));
    expect(shown(asked.waitingDm)).toContain(RESOURCES);
    expect(actionIdsOf(asked.waitingDm.args.blocks)).toEqual([RequestIds.cancelButton]);
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('waiting');

    const since = e2e.mark();
    await volunteer(e2e, LATE_LISTENER.id, { fields: { topicLabels: ['Bereavement'] } });
    const offer = await nextOffer(e2e, since, LATE_LISTENER.id);
    expect(shown(offer.call)).toContain('Bereavement');
    expect(shown(offer.call)).toContain('My father died in the spring.');
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('offered');

    await cancelRequest(e2e, WAITING_SEEKER.id, asked.requestId);
    expect(await slotsOf(LATE_LISTENER.id)).toBe(0);
  });

  // ---- 9. Ask for someone else ----------------------------------------------------------------------

  // Left waiting by the test below with every Anxiety listener excluded; the report-and-block test's
  // wait for a matching sweep checks that the sweep does not offer it back to any of them either.
  const switching = { requestId: '', declinedAt: 0 };

  it('"Ask for someone else" ends the pairing kindly and offers the request to a different listener', async () => {
    const asked = await askForListener(e2e, SWITCHING_SEEKER.id, { topic: 'Anxiety' });
    // A double click on Accept starts one pairing; the second click is told the offer is gone.
    const clicks = e2e.mark();
    const [one, two] = await Promise.all([answerOffer(e2e, asked.offer!, 'accept'), answerOffer(e2e, asked.offer!, 'accept')]);
    const replies = await Promise.all([answered(e2e, clicks, one.responseKey), answered(e2e, clicks, two.responseKey)]);
    expect(replies.filter((r) => shown(r).includes(english('offers.gone')))).toHaveLength(1);
    const intro = await acceptOfferDone(asked.offer!, SWITCHING_SEEKER.id, clicks);
    expect(await e2e.db.pairing.count({ where: { requestId: asked.requestId } })).toBe(1);
    expect(callsToSince(clicks, SWITCHING_SEEKER.id).filter((c) => jsonOf(c.args.blocks).includes(PairingIds.end))).toHaveLength(1);
    const first = asked.offer!.listenerId;
    expect(await slotsOf(first)).toBe(1);

    // The listener has no such button, and clicking it anyway changes nothing.
    expect(actionIdsOf(intro.toListener.args.blocks)).not.toContain(PairingIds.someoneElse);
    await clickAs(e2e, first, { actionId: PairingIds.someoneElse, value: intro.pairingId, channelId: `D${first}` });

    const since = e2e.mark();
    await clickAs(e2e, SWITCHING_SEEKER.id, { actionId: PairingIds.someoneElse, value: intro.pairingId, channelId: `D${SWITCHING_SEEKER.id}` });
    await e2e.next('chat.postMessage', since, (c) => sentTo(SWITCHING_SEEKER.id)(c) && shown(c).includes(english('pairings.end.someoneElseSeeker')));
    await e2e.next('chat.postMessage', since, (c) => sentTo(first)(c) && shown(c).includes(english('pairings.end.someoneElseListener')));
    const second = await nextOffer(e2e, since);
    expect(second.listenerId).not.toBe(first);
    expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).toMatchObject({ status: 'ended', endedBy: 'seeker', endReason: 'someone_else' });
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('offered');
    expect(await slotsOf(first)).toBe(0);

    // The new listener declines: the last one is asked, never the first again.
    let declined = e2e.mark();
    await answerOffer(e2e, second, 'decline');
    const third = await nextOffer(e2e, declined);
    expect([first, second.listenerId]).not.toContain(third.listenerId);
    // The seeker, waiting again, hears of the decline at once in a fresh waiting message (resources, Cancel).
    const waiting = await e2e.next('chat.postMessage', declined, (c) => sentTo(SWITCHING_SEEKER.id)(c) && shown(c).includes(english('waiting.offerNotTaken')));
    expect(jsonOf(waiting.args.blocks)).toContain(RequestIds.cancelButton);
    const waitingTs = (await eventually(() => e2e.db.supportRequest.findFirst({ where: { id: asked.requestId, waitingMessageTs: { not: null } } }))).waitingMessageTs;

    // The last one declines too: nobody is left, and the request waits.
    declined = e2e.mark();
    const { responseKey } = await answerOffer(e2e, third, 'decline');
    expect(shown(await answered(e2e, declined, responseKey))).toContain(english('offers.declined'));
    // The seeker is told honestly that nobody is free yet, with the resources and a Cancel button, in
    // the same waiting message, updated in place.
    const stillLooking = await e2e.next('chat.update', declined, (c) => c.args.ts === waitingTs && shown(c).includes(english('waiting.stillLooking')));
    expect(jsonOf(stillLooking.args.blocks)).toContain(RequestIds.cancelButton);
    expect(jsonOf(stillLooking.args.blocks)).not.toContain(third.listenerId);
    switching.requestId = asked.requestId;
    switching.declinedAt = declined;
  });

  // ---- 10. Report and block -----------------------------------------------------------------------

  it('a report tells the coordinators the initiative, pseudonyms, reason and the listener it concerns (never the seeker), blocks the pair and ends the pairing', async () => {
    const asked = await askForListener(e2e, REPORTING_SEEKER.id, { topic: 'Parenting' });
    expect(asked.offer?.listenerId).toBe(PARENTING_LISTENER.id);
    const intro = await acceptOffer(e2e, asked.offer!, REPORTING_SEEKER.id);
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });

    let since = e2e.mark();
    const { triggerId } = await clickAs(e2e, REPORTING_SEEKER.id, {
      actionId: PairingIds.report,
      value: intro.pairingId,
      channelId: `D${REPORTING_SEEKER.id}`,
    });
    const opened = await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId);
    const view = asView(opened.args.view);
    expect(view.callback_id).toBe(PairingIds.reportModal);
    expect(textOf(view.blocks)).toContain(english('reports.intro'));

    // Without a reason the modal asks for one.
    const empty = await submit(e2e, REPORTING_SEEKER.id, { view });
    expect((empty.json as { response_action?: string }).response_action).toBe('errors');

    since = e2e.mark();
    const reason = REPORT_REASONS.find((r) => r.value === 'uncomfortable')!;
    const response = await submit(e2e, REPORTING_SEEKER.id, { view }, { [PairingIds.blocks.reason]: reason.value, [PairingIds.blocks.block]: [BLOCK_PAIR] });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const notice = await e2e.next('chat.postMessage', since, sentTo(COORDINATOR.id));
    expect(shown(notice)).toContain(
      pairingCopy.reportNotice(english, {
        reportId: buttonValue(notice.args.blocks, PairingIds.replyToReport),
        initiativeName: initiative.name,
        reporterSide: 'seeker',
        reporterPseudonym: pairing.seekerPseudonym,
        aboutPseudonym: pairing.listenerPseudonym,
        reason: reason.value,
        aboutListenerUserId: PARENTING_LISTENER.id,
      }),
    );
    expect(shown(notice)).toContain(initiative.name);
    expect(shown(notice)).toContain(`*${pairing.seekerPseudonym}*`);
    expect(shown(notice)).toContain(pairing.listenerPseudonym);
    expect(shown(notice)).toContain(english(reason.label));
    // Issue 15: a seeker's report names the listener it concerns; coordinators never learn who asked at all (invariant 5).
    expect(shown(notice)).toContain(`<@${PARENTING_LISTENER.id}>`);
    expect(leaksTo([notice], e2e.owners, COORDINATOR.id, [REPORTING_SEEKER])).toEqual([]);
    expect(leaksTo(e2e.slack.calls, e2e.owners, COORDINATOR.id, [REPORTING_SEEKER])).toEqual([]);

    await e2e.next('chat.postMessage', since, (c) => sentTo(REPORTING_SEEKER.id)(c) && shown(c).includes(english('pairings.report.sent')));
    await e2e.next('chat.postMessage', since, (c) => sentTo(PARENTING_LISTENER.id)(c) && shown(c).includes(english('pairings.end.byOther')));
    const blocks = await e2e.db.pairBlock.findMany();
    expect(blocks).toEqual([
      expect.objectContaining({ initiativeId: initiative.id, seekerId: REPORTING_SEEKER.id, listenerUserId: PARENTING_LISTENER.id }),
    ]);
    expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).toMatchObject({ status: 'ended', endReason: 'reported' });
    expect(await slotsOf(PARENTING_LISTENER.id)).toBe(0);
  });

  it('a later request by the same seeker is never offered to the listener they blocked', async () => {
    const since = e2e.mark();
    const asked = await askForListener(e2e, REPORTING_SEEKER.id, { topic: 'Parenting' });
    // The blocked listener is free and the only one on this topic, so nobody else could be in the way.
    expect(asked.offer).toBeNull();
    expect(shown(asked.waitingDm)).toContain(requestCopy.noListenerYet(english, 'Parenting'));
    // The scheduler's matching sweep runs every 5 ticks (5 s here): let it run at least once. A
    // negative can only be observed by waiting.
    await new Promise((resolve) => setTimeout(resolve, 5500));
    expect(offersSince(e2e, since)).toEqual([]);
    expect(await e2e.db.offer.count({ where: { requestId: asked.requestId } })).toBe(0);
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('waiting');
    await cancelRequest(e2e, REPORTING_SEEKER.id, asked.requestId);

    // The same sweep left the "someone else" request waiting too: each Anxiety listener was asked once.
    const anxiety = ANXIETY_LISTENERS.map((l) => l.id);
    expect(offersSince(e2e, switching.declinedAt).filter((o) => anxiety.includes(o.listenerId))).toEqual([]);
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: switching.requestId } })).status).toBe('waiting');
    const offers = await e2e.db.offer.findMany({ where: { requestId: switching.requestId }, include: { listener: true } });
    expect(offers.map((o) => o.listener.userId).sort()).toEqual([...anxiety].sort());
    await cancelRequest(e2e, SWITCHING_SEEKER.id, switching.requestId);
  });

  // ---- One listener, two conversations ----------------------------------------------------------

  it('keeps two conversations of one listener apart: threads route replies, edits, deletions and reactions', async () => {
    const [first, second] = [TIMEOUT_SEEKER, WAITING_SEEKER];
    const listener = PARENTING_LISTENER;
    const pairings = [];
    for (const seeker of [first, second]) {
      const asked = await askForListener(e2e, seeker.id, { topic: 'Parenting' });
      expect(asked.offer?.listenerId).toBe(listener.id);
      const intro = await acceptOffer(e2e, asked.offer!, seeker.id);
      pairings.push(await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } }));
    }
    const [withFirst, withSecond] = pairings as [(typeof pairings)[number], (typeof pairings)[number]];
    expect(await slotsOf(listener.id)).toBe(2);

    // A seeker's message reaches the listener in the thread of that conversation's introduction.
    let since = e2e.mark();
    await dmFrom(e2e, first.id, 'first seeker here');
    const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes('first seeker here'));
    expect(toListener.args.thread_ts).toBe(withFirst.listenerThreadTs);
    expect(shown(toListener)).toContain(displayPseudonym(english, withFirst.seekerPseudonym));

    // Crisis words from the first seeker: the listener's note sits in that conversation's thread, so it
    // is clear who may be at risk (and is broadcast to the DM so it is not missed).
    since = e2e.mark();
    await dmFrom(e2e, first.id, 'lately I think about how to end my life');
    const note = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.crisis.listenerNote')));
    expect(note.args.thread_ts).toBe(withFirst.listenerThreadTs);
    expect(String(note.args.reply_broadcast)).toBe('true');
    const resources = await e2e.next('chat.postMessage', since, (c) => sentTo(first.id)(c) && shown(c).includes(english('pairings.crisis.seekerLead')));
    expect(resources.args.thread_ts).toBe(withFirst.seekerThreadTs);
    expect(callsToSince(since, second.id)).toEqual([]);

    // The second seeker offers to reveal: the listener is asked in that conversation's thread.
    since = e2e.mark();
    await clickAs(e2e, second.id, { actionId: PairingIds.reveal, value: withSecond.id, channelId: `D${second.id}` });
    const revealOffer = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.reveal.offered')));
    expect(revealOffer.args.thread_ts).toBe(withSecond.listenerThreadTs);
    expect(buttonValue(revealOffer.args.blocks, PairingIds.reveal)).toBe(withSecond.id);
    expect(shown(revealOffer)).not.toContain(second.id);

    // A reply outside any thread could be for either: it is not passed on, and the listener is asked.
    since = e2e.mark();
    await dmFrom(e2e, listener.id, 'which of you am I talking to?');
    await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.whichPairing')));
    expect([...callsToSince(since, first.id), ...callsToSince(since, second.id)]).toEqual([]);

    // A reply in the second conversation's thread goes to the second seeker only.
    since = e2e.mark();
    const replyTs = await dmFrom(e2e, listener.id, 'hello second seeker', { thread_ts: withSecond.listenerThreadTs });
    const toSecond = await e2e.next('chat.postMessage', since, (c) => sentTo(second.id)(c) && shown(c).includes('hello second seeker'));
    expect(shown(toSecond)).toContain(displayPseudonym(english, withSecond.listenerPseudonym));
    expect(callsToSince(since, first.id)).toEqual([]);
    const mirror = await eventually(() =>
      e2e.db.relayedMessage.findUnique({ where: { pairingId_fromSide_sourceTs: { pairingId: withSecond.id, fromSide: 'listener', sourceTs: replyTs } } }),
    );

    // The seeker reacts to the copy: the app adds the same reaction to the listener's original.
    since = e2e.mark();
    const reactionTs = newTs();
    await e2e.send(
      eventCallback(
        { type: 'reaction_added', user: second.id, reaction: 'heart', item: { type: 'message', channel: `D${second.id}`, ts: mirror.mirrorTs }, item_user: e2e.slack.botUserId, event_ts: reactionTs },
        { teamId: TEAM },
      ),
    );
    const reaction = await e2e.next('reactions.add', since);
    expect(reaction.args).toMatchObject({ channel: withSecond.listenerChannel, timestamp: replyTs, name: 'heart' });

    // The listener edits and then deletes their reply in the thread: both are mirrored on the copy.
    since = e2e.mark();
    const editTs = newTs();
    await e2e.send(
      eventCallback(
        {
          type: 'message',
          subtype: 'message_changed',
          hidden: true,
          channel_type: 'im',
          channel: `D${listener.id}`,
          ts: editTs,
          event_ts: editTs,
          message: { type: 'message', user: listener.id, text: 'hello again second seeker', ts: replyTs, thread_ts: withSecond.listenerThreadTs },
          previous_message: { type: 'message', user: listener.id, text: 'hello second seeker', ts: replyTs, thread_ts: withSecond.listenerThreadTs },
        },
        { teamId: TEAM },
      ),
    );
    const edited = await e2e.next('chat.update', since, (c) => c.args.ts === mirror.mirrorTs);
    expect(edited.args.channel).toBe(withSecond.seekerChannel);
    expect(shown(edited)).toContain('hello again second seeker');

    since = e2e.mark();
    const deleteTs = newTs();
    await e2e.send(
      eventCallback(
        {
          type: 'message',
          subtype: 'message_deleted',
          hidden: true,
          channel_type: 'im',
          channel: `D${listener.id}`,
          ts: deleteTs,
          deleted_ts: replyTs,
          event_ts: deleteTs,
          previous_message: { type: 'message', user: listener.id, text: 'hello again second seeker', ts: replyTs, thread_ts: withSecond.listenerThreadTs },
        },
        { teamId: TEAM },
      ),
    );
    const deleted = await e2e.next('chat.delete', since);
    expect(deleted.args).toMatchObject({ channel: withSecond.seekerChannel, ts: mirror.mirrorTs });

    // The listener ends both; each seeker is told kindly, and both slots come back.
    for (const [seeker, pairing] of [
      [first, withFirst],
      [second, withSecond],
    ] as const) {
      since = e2e.mark();
      await clickAs(e2e, listener.id, { actionId: PairingIds.end, value: pairing.id, channelId: `D${listener.id}` });
      await e2e.next('chat.postMessage', since, (c) => sentTo(seeker.id)(c) && shown(c).includes(english('pairings.end.forSeekerByListener')));
      await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(english('pairings.end.byYou')));
    }
    expect(await slotsOf(listener.id)).toBe(0);
  });

  // ---- The whole run --------------------------------------------------------------------------------

  it('invariant 1: over the whole run, no seeker and listener who did not both reveal learnt who the other is', async () => {
    const pairings = await e2e.db.pairing.findMany();
    const offers = await e2e.db.offer.findMany({ include: { listener: true, request: true } });
    const revealed = new Set(pairings.filter((p) => p.seekerRevealed && p.listenerRevealed).map((p) => `${p.seekerId}/${p.listenerUserId}`));
    const pairs = new Map<string, [string, string]>();
    for (const p of pairings) pairs.set(`${p.seekerId}/${p.listenerUserId}`, [p.seekerId, p.listenerUserId]);
    for (const o of offers) pairs.set(`${o.request.seekerId}/${o.listener.userId}`, [o.request.seekerId, o.listener.userId]);
    expect(pairings).toHaveLength(5);
    expect(pairs.size).toBeGreaterThanOrEqual(8);
    for (const [key, [seekerId, listenerId]] of pairs) {
      if (revealed.has(key)) continue;
      expect(identityLeaksBetween(e2e.slack.calls, e2e.owners, byId(seekerId), byId(listenerId)), key).toEqual([]);
    }
  });

  it('invariant 6: with two initiatives, the chooser starts with every initiative\'s resources', async () => {
    await setUpInitiative(e2e, SECOND_COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Second Circle',
      [InitiativeIds.blocks.resources]: SECOND_RESOURCES,
      [InitiativeIds.blocks.approval]: [],
    });
    const chooser = await openCommandModal(e2e, SEEKER.id);
    expect(chooser.view.callback_id).toBe(InitiativeIds.chooseModal);
    const choice = firstInputIndex(chooser.view);
    const lead = textOf(chooser.view.blocks.slice(0, choice));
    expect(chooser.view.blocks[0]?.text?.text).toBe(english('requests.resourcesFirst'));
    expect(lead).toContain(RESOURCES);
    expect(lead).toContain(SECOND_RESOURCES);
    expect(chooser.view.blocks[choice]?.block_id).toBe(InitiativeIds.blocks.choice);

    // Choosing one leads to its request modal, resources first again.
    const response = await submit(e2e, SEEKER.id, chooser, { [InitiativeIds.blocks.choice]: initiative.id });
    const view = updatedView(response);
    expect(view.callback_id).toBe(RequestIds.requestModal);
    expect(view.blocks[0]?.text?.text).toBe(english('requests.resourcesFirst'));
    expect(view.blocks[1]?.text?.text).toBe(RESOURCES);
    expect(actionIdsOf([view.blocks[2]])).toEqual([RequestIds.helpNowButton]);
    expect(firstInputIndex(view)).toBeGreaterThan(2);
  });

  it('logged no unhandled error in the whole run', () => {
    const errors = e2e.bot.logLines().filter((line) => typeof line.level === 'number' && line.level >= 50);
    expect(errors).toEqual([]);
    expect(e2e.slack.calls.filter((c) => isOffer(c)).length).toBeGreaterThanOrEqual(8);
  });
});
