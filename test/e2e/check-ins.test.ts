import { english } from '../../src/i18n/translate.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { displayPseudonym } from '../../src/domain/pseudonyms.js';
import * as checkInCopy from '../../src/features/check-ins/copy.js';
import { CheckInIds, LISTENER_ANSWERS, SEEKER_ANSWERS } from '../../src/features/check-ins/ids.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import * as requestCopy from '../../src/features/requests/copy.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { makeInitiative } from '../support/factories.js';
import { zoneInWorkingHours } from '../support/working-hours.js';
import { startFakeSlack, type FakeSlack, type RecordedCall, type ResponseHandler } from '../../src/simulator/web-api.js';
import { acceptInvitation, buttonValue, invitationFor, jsonOf, setUpInitiative, TEAM, textOf, volunteer, type Block } from '../support/flows.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  eventually,
  identityOf,
  leaksTo,
  nextOffer,
  offersSince,
  person,
  startPairingE2E,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';

// Issue 5 end to end: the real process (`npm start`, scheduler ticking every second) sends due check-ins
// to a fake Slack, and each answer has its effect. The process runs on the real clock, so check-ins only
// go at a humane hour for their recipient: everyone here lives in a timezone where it is a workday
// between 09:00 and 17:00 right now. Rows are made due by moving their times into the past; cadence,
// timezones, quiet hours, leases and retries with a fixed clock are in test/features/check-ins/.

// ---- A timezone where it is working hours now ---------------------------------------------------------

const ZONE = zoneInWorkingHours(new Date());
if (!ZONE) console.warn('check-ins e2e: it is a workday between 09:00 and 17:00 in no timezone right now, so these tests are skipped');

// ---- People ----------------------------------------------------------------------------------------------

const here = (p: Person): Person => ({ ...p, tz: ZONE ?? 'Europe/London' });

const COORDINATOR = here(person('U0CHKCRD01', 'Wilhelmina', 'Stroganova'));
const SECOND_COORDINATOR = here(person('U0CHKCRD02', 'Bartholomew', 'Quince'));
const ANXIETY_LISTENERS = [
  here(person('U0CHKLSA01', 'Seraphina', 'Holloway')),
  here(person('U0CHKLSA02', 'Ambrose', 'Delacroix')),
  here(person('U0CHKLSA03', 'Ottilie', 'Fairweather')),
];
const BEREAVEMENT_LISTENER = here(person('U0CHKLSB01', 'Cornelius', 'Ashdown'));
const PAIRED_SEEKER = here(person('U0CHKSKR01', 'Evangeline', 'Thistlewood'));
const SWITCHING_SEEKER = here(person('U0CHKSKR02', 'Peregrine', 'Muldoon'));
const ENDING_SEEKER = here(person('U0CHKSKR03', 'Rosalind', 'Featherstonehaugh'));
const BEREAVED_SEEKER = here(person('U0CHKSKR04', 'Lysander', 'Pennywhistle'));
const LATER_BEREAVED_SEEKER = here(person('U0CHKSKR05', 'Marigold', 'Coppersmith'));
const SUPPORTED_SEEKER = here(person('U0CHKSKR06', 'Ignatius', 'Wolstenholme'));
const EARLY_END_SEEKER = here(person('U0CHKSKR07', 'Theodora', 'Bramblecombe'));
const WAITING_SEEKER = here(person('U0CHKSKR08', 'Algernon', 'Smallbridge'));
// Listener care (issue 15): one listener in three conversations.
const CARING_LISTENER = here(person('U0CHKLSC01', 'Philippa', 'Lanchester'));
const CARING_SEEKERS = [
  here(person('U0CHKSKR09', 'Barnaby', 'Ravenscroft')),
  here(person('U0CHKSKR10', 'Clementine', 'Oakenshaw')),
  here(person('U0CHKSKR11', 'Desmond', 'Whitlock')),
];
const PEOPLE: Person[] = [
  COORDINATOR,
  SECOND_COORDINATOR,
  ...ANXIETY_LISTENERS,
  BEREAVEMENT_LISTENER,
  PAIRED_SEEKER,
  SWITCHING_SEEKER,
  ENDING_SEEKER,
  BEREAVED_SEEKER,
  LATER_BEREAVED_SEEKER,
  SUPPORTED_SEEKER,
  EARLY_END_SEEKER,
  WAITING_SEEKER,
  CARING_LISTENER,
  ...CARING_SEEKERS,
];

function byId(id: string): Person {
  const found = PEOPLE.find((p) => p.id === id);
  if (!found) throw new Error(`nobody is ${id}`);
  return found;
}

// No &, < or > so the text appears in the blocks as written (they would be escaped for mrkdwn).
const RESOURCES = 'Lighthouse EAP 0800 555 0142, day and night. Samaritans 116 123. In danger now: call 999.';
const INITIATIVE_NAME = 'Lighthouse Circle';
const DAY = 24 * 60 * 60 * 1000;
const SEEKER_LABELS = ['Helpful', 'Not yet', "I'd like someone else", 'End'];
const LISTENER_LABELS = ["I'm fine", 'I need a break', 'Talk to a coordinator'];

// ---- Reading what the app sent -------------------------------------------------------------------------

type Button = { action_id?: string; value?: string; text?: { text: string } };

function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []) as Button[]).filter((e) => e.action_id !== undefined);
}

function labelsOf(blocks: unknown): string[] {
  return buttonsOf(blocks).map((b) => b.text?.text ?? '');
}

/** Every answer's own action id: Slack refuses a block whose action ids repeat. */
const ANSWER_IDS: readonly string[] = Object.values(CheckInIds.answer);

/** The check-in answer button labelled `label` (its action id and value), exactly as the app posted it. */
function answerButton(call: RecordedCall, label: string): { actionId: string; value: string } {
  const found = buttonsOf(call.args.blocks).find((b) => ANSWER_IDS.includes(b.action_id ?? '') && b.text?.text === label);
  if (!found?.action_id || !found.value) throw new Error(`no "${label}" answer in the message`);
  return { actionId: found.action_id, value: found.value };
}

function isCheckIn(blocks: unknown): boolean {
  return buttonsOf(blocks).some((b) => ANSWER_IDS.includes(b.action_id ?? ''));
}

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

function shown(call: RecordedCall): string {
  return `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
}

/** Keeps the `ts` the fake answered each chat.postMessage with, so the stored ts can be compared. */
function recordPostedTs(slack: FakeSlack): Map<RecordedCall, string> {
  const posted = new Map<RecordedCall, string>();
  const handler: ResponseHandler = (call, reply) => {
    const answer = reply();
    const ts = (answer.body as { ts?: unknown }).ts;
    if (typeof ts === 'string') posted.set(call, ts);
    return answer;
  };
  slack.setResponse('chat.postMessage', handler);
  return posted;
}

const suite = ZONE ? describe : describe.skip;

// ---- One process, each provider ------------------------------------------------------------------------

suite.each(TEST_PROVIDERS)('check-ins from the running app on %s', (provider) => {
  let e2e: PairingE2E;
  let postedTs: Map<RecordedCall, string>;
  let initiativeId: string;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    postedTs = recordPostedTs(e2e.slack);
    const B = InitiativeIds.blocks;
    const initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [B.name]: INITIATIVE_NAME,
      [B.topics]: 'Anxiety\nBereavement\nParenting\nCaring',
      [B.resources]: RESOURCES,
      [B.approval]: [],
      [B.coordinators]: [SECOND_COORDINATOR.id],
    });
    initiativeId = initiative.id;
    await acceptInvitation(e2e, SECOND_COORDINATOR.id, await invitationFor(e2e, SECOND_COORDINATOR.id));
    for (const listener of ANXIETY_LISTENERS) await volunteer(e2e, listener.id, { fields: { topicLabels: ['Anxiety'] } });
    await volunteer(e2e, BEREAVEMENT_LISTENER.id, { fields: { topicLabels: ['Bereavement'] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  interface Paired {
    pairingId: string;
    requestId: string;
    seeker: Person;
    listener: Person;
    seekerPseudonym: string;
    listenerPseudonym: string;
  }

  /** A seeker asks on `topic` and the listener offered accepts, through the real flows. */
  async function pairUp(seeker: Person, topic: string): Promise<Paired> {
    const asked = await askForListener(e2e, seeker.id, { topic });
    if (!asked.offer) throw new Error(`nobody was offered ${seeker.id}'s request`);
    const intro = await acceptOffer(e2e, asked.offer, seeker.id);
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
    return {
      pairingId: pairing.id,
      requestId: asked.requestId,
      seeker,
      listener: byId(asked.offer.listenerId),
      seekerPseudonym: pairing.seekerPseudonym,
      listenerPseudonym: pairing.listenerPseudonym,
    };
  }

  /** A check-in by its subject: the pairing (seeker, reviews) or the listener's profile (listener: one per listener). */
  async function checkInRow(subjectId: string, kind: 'seeker' | 'listener' | 'seeker_review' | 'listener_review', sequence = 1) {
    return e2e.db.checkIn.findUniqueOrThrow({ where: { subjectId_kind_sequence: { subjectId, kind, sequence } } });
  }

  /** The listener profile's id: the subject of their own check-ins, whatever their number of conversations. */
  async function profileOf(userId: string): Promise<string> {
    return (await e2e.db.listenerProfile.findUniqueOrThrow({ where: { initiativeId_userId: { initiativeId, userId } } })).id;
  }

  /** The listener's own check-in waiting to be sent (there is at most one). */
  async function pendingListenerCheckIn(userId: string) {
    const rows = await e2e.db.checkIn.findMany({ where: { subjectId: await profileOf(userId), kind: 'listener', status: 'scheduled' } });
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  /** Moves check-ins into the past, as if their time had come (`agoMs` before now). */
  async function makeDue(ids: string[], agoMs = 60_000): Promise<void> {
    const past = new Date(Date.now() - agoMs);
    const { count } = await e2e.db.checkIn.updateMany({ where: { id: { in: ids } }, data: { dueAt: past, deliverAt: past } });
    if (count !== ids.length) throw new Error(`made ${count} of ${ids.length} check-ins due`);
  }

  /** The check-in message for `checkInId` posted to `userId` after `since`. */
  function checkInMessage(userId: string, checkInId: string, since: number): Promise<RecordedCall> {
    return e2e.next('chat.postMessage', since, (c) => sentTo(userId)(c) && jsonOf(c.args.blocks).includes(checkInId), 10_000);
  }

  /** Check-in messages (answer buttons) posted after `since` that carry `checkInId`. */
  function checkInPostsSince(since: number, checkInId: string): RecordedCall[] {
    return e2e.slack.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postMessage' && isCheckIn(c.args.blocks) && jsonOf(c.args.blocks).includes(checkInId));
  }

  /** `userId` clicks the answer labelled `label` in a check-in message; resolves with the app's answer. */
  async function answer(userId: string, message: RecordedCall, label: string): Promise<RecordedCall> {
    const since = e2e.mark();
    const { responseKey } = await clickAs(e2e, userId, {
      ...answerButton(message, label),
      channelId: `D${userId}`,
      messageTs: postedTs.get(message) ?? '1700000000.000100',
      message: { text: message.args.text, blocks: message.args.blocks },
    });
    return answered(e2e, since, responseKey);
  }

  /** An anonymous weekly count for this initiative, summed over weeks. */
  async function counted(metric: string): Promise<number> {
    const rows = await e2e.db.anonymousCount.findMany({ where: { initiativeId, metric } });
    return rows.reduce((sum, r) => sum + r.count, 0);
  }

  /** The sent state of a check-in, once the app recorded it after Slack answered. */
  function sentRow(id: string) {
    return eventually(() => e2e.db.checkIn.findFirst({ where: { id, status: 'sent', messageTs: { not: null } } }), 8000);
  }

  // ---- 1. Both sides get their first check-in ---------------------------------------------------------

  let first: Paired;
  let firstToSeeker: RecordedCall;
  let firstToListener: RecordedCall;

  it('sends both first check-ins once they are due: the seeker is asked about a pseudonym, the listener how they are', async () => {
    first = await pairUp(PAIRED_SEEKER, 'Anxiety');
    const seekerRow = await checkInRow(first.pairingId, 'seeker');
    // The listener's check-in is about them (subject: their profile), one whatever their number of conversations.
    const listenerRow = await checkInRow(await profileOf(first.listener.id), 'listener');
    expect(listenerRow.pairingId).toBeNull();
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: first.pairingId } });
    // Scheduled N days after the start (the initiative's default: 7); nothing goes before that.
    for (const row of [seekerRow, listenerRow]) {
      expect(row).toMatchObject({ status: 'scheduled', sequence: 1, initiativeId });
      expect(row.dueAt.getTime()).toBe(pairing.startedAt.getTime() + 7 * DAY);
    }
    expect(seekerRow.recipientId).toBe(PAIRED_SEEKER.id);
    expect(listenerRow.recipientId).toBe(first.listener.id);

    const since = e2e.mark();
    await makeDue([seekerRow.id, listenerRow.id]);
    firstToSeeker = await checkInMessage(PAIRED_SEEKER.id, seekerRow.id, since);
    firstToListener = await checkInMessage(first.listener.id, listenerRow.id, since);

    // The seeker: how is it going with the listener, by pseudonym; four choices; the resources.
    expect(String(firstToSeeker.args.text)).toMatch(/^How is it going/);
    expect(firstToSeeker.args.text).toBe(checkInCopy.seekerQuestion(english, first.listenerPseudonym));
    expect(shown(firstToSeeker)).toContain(displayPseudonym(english, first.listenerPseudonym));
    expect(labelsOf(firstToSeeker.args.blocks)).toEqual(SEEKER_LABELS);
    // Each answer has its own action id (one block of buttons); Slack refuses repeated ones.
    expect(buttonsOf(firstToSeeker.args.blocks).map((b) => b.action_id)).toEqual(SEEKER_ANSWERS.map((a) => CheckInIds.answer[a]));
    expect(textOf(firstToSeeker.args.blocks)).toContain(RESOURCES);
    // Invariant 1: nothing in it identifies the listener, not even their user id.
    expect(JSON.stringify(firstToSeeker.args)).not.toContain(first.listener.id);
    expect(leaksTo([firstToSeeker], e2e.owners, PAIRED_SEEKER.id, [first.listener])).toEqual([]);

    // The listener: how are they doing; three choices; nothing about the seeker.
    expect(String(firstToListener.args.text)).toMatch(/^How are you doing\?/);
    expect(firstToListener.args.text).toBe(english('checkIns.listenerQuestion'));
    expect(labelsOf(firstToListener.args.blocks)).toEqual(LISTENER_LABELS);
    expect(buttonsOf(firstToListener.args.blocks).map((b) => b.action_id)).toEqual(LISTENER_ANSWERS.map((a) => CheckInIds.answer[a]));
    expect(leaksTo([firstToListener], e2e.owners, first.listener.id, [PAIRED_SEEKER])).toEqual([]);

    // Recorded as sent with the ts Slack answered, and the next one scheduled a period (14 days) later.
    for (const [row, call] of [
      [seekerRow, firstToSeeker],
      [listenerRow, firstToListener],
    ] as const) {
      const sent = await sentRow(row.id);
      expect(sent.messageTs).toBe(postedTs.get(call));
      expect(sent.channel).toBe(`D${row.recipientId}`);
      expect(sent.sentAt).not.toBeNull();
      expect(sent).toMatchObject({ attempts: 1, leaseOwner: null, leaseUntil: null, answer: null });
      const next = await checkInRow(row.subjectId, row.kind as 'seeker' | 'listener', 2);
      expect(next).toMatchObject({ status: 'scheduled', recipientId: row.recipientId, attempts: 0 });
      expect(next.dueAt.getTime()).toBe(sent.dueAt.getTime() + 14 * DAY);
      expect(next.deliverAt.getTime()).toBe(next.dueAt.getTime());
    }
    expect(checkInPostsSince(since, seekerRow.id)).toHaveLength(1);
    expect(checkInPostsSince(since, listenerRow.id)).toHaveLength(1);
  });

  // ---- 2. Each answer's effect ------------------------------------------------------------------------

  it('"Helpful" is stored as a choice and counted; a second click changes nothing', async () => {
    const row = await checkInRow(first.pairingId, 'seeker');
    const reply = await answer(PAIRED_SEEKER.id, firstToSeeker, 'Helpful');
    expect(reply.args).toMatchObject({ text: english(checkInCopy.THANKS_KEYS.helpful), replace_original: true });
    expect(await checkInRow(first.pairingId, 'seeker')).toMatchObject({ id: row.id, answer: 'helpful', status: 'sent' });
    expect((await checkInRow(first.pairingId, 'seeker')).answeredAt).not.toBeNull();
    expect(await counted('checkin_helpful')).toBe(1);

    // Clicking again, the same or another answer, is thanked and changes nothing.
    for (const label of ['Helpful', 'Not yet', 'End']) {
      const again = await answer(PAIRED_SEEKER.id, firstToSeeker, label);
      expect(again.args.text).toBe(english('checkIns.alreadyAnswered'));
    }
    expect((await checkInRow(first.pairingId, 'seeker')).answer).toBe('helpful');
    expect(await counted('checkin_helpful')).toBe(1);
    expect(await counted('checkin_not_yet')).toBe(0);
    expect(await counted('checkin_end')).toBe(0);
    expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: first.pairingId } })).status).toBe('active');
  });

  it('"Not yet" on the next check-in on the cadence is stored and counted, and the pairing carries on', async () => {
    const row = await checkInRow(first.pairingId, 'seeker', 2);
    const since = e2e.mark();
    await makeDue([row.id]);
    const message = await checkInMessage(PAIRED_SEEKER.id, row.id, since);
    expect(message.args.text).toBe(checkInCopy.seekerQuestion(english, first.listenerPseudonym));
    await sentRow(row.id);

    const reply = await answer(PAIRED_SEEKER.id, message, 'Not yet');
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.not_yet));
    expect((await checkInRow(first.pairingId, 'seeker', 2)).answer).toBe('not_yet');
    expect(await counted('checkin_not_yet')).toBe(1);
    expect(await counted('checkin_helpful')).toBe(1);
    expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: first.pairingId } })).status).toBe('active');
    expect((await checkInRow(first.pairingId, 'seeker', 3)).status).toBe('scheduled');
  });

  it('"I\'m fine" is stored and counted, and the listener stays available', async () => {
    const reply = await answer(first.listener.id, firstToListener, "I'm fine");
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.fine));
    expect((await checkInRow(await profileOf(first.listener.id), 'listener')).answer).toBe('fine');
    expect(await counted('checkin_fine')).toBe(1);
    const profile = await e2e.db.listenerProfile.findUniqueOrThrow({ where: { initiativeId_userId: { initiativeId, userId: first.listener.id } } });
    expect(profile.status).toBe('active');
  });

  it('"I\'d like someone else" ends the pairing and offers the request to a different listener', async () => {
    const paired = await pairUp(SWITCHING_SEEKER, 'Anxiety');
    const seekerRow = await checkInRow(paired.pairingId, 'seeker');
    let since = e2e.mark();
    await makeDue([seekerRow.id]);
    const message = await checkInMessage(SWITCHING_SEEKER.id, seekerRow.id, since);
    await sentRow(seekerRow.id);

    since = e2e.mark();
    const reply = await answer(SWITCHING_SEEKER.id, message, "I'd like someone else");
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.someone_else));
    await e2e.next('chat.postMessage', since, (c) => sentTo(paired.listener.id)(c) && shown(c).includes(english('pairings.end.someoneElseListener')));
    const offer = await nextOffer(e2e, since);
    expect(offer.listenerId).not.toBe(paired.listener.id);
    expect(ANXIETY_LISTENERS.map((l) => l.id)).toContain(offer.listenerId);
    expect(leaksTo([offer.call], e2e.owners, offer.listenerId, [SWITCHING_SEEKER])).toEqual([]);

    expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: paired.pairingId } })).toMatchObject({
      status: 'ended',
      endedBy: 'seeker',
      endReason: 'someone_else',
    });
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: paired.requestId } })).status).toBe('offered');
    expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: offer.offerId } })).requestId).toBe(paired.requestId);
    expect((await checkInRow(paired.pairingId, 'seeker')).answer).toBe('someone_else');
    // The ended pairing's other check-ins are cancelled (its seeker's, and the planned-ending questions);
    // the seeker gets waiting updates instead.
    expect((await checkInRow(paired.pairingId, 'listener_review')).status).toBe('cancelled');
    expect((await checkInRow(paired.pairingId, 'seeker_review')).status).toBe('cancelled');
    expect((await checkInRow(paired.pairingId, 'seeker', 2)).status).toBe('cancelled');
    expect(await e2e.db.checkIn.count({ where: { requestId: paired.requestId, kind: 'waiting', status: 'scheduled' } })).toBe(1);
    expect(await counted('checkin_someone_else')).toBe(1);
  });

  it('"End" ends the pairing and closes the request', async () => {
    const paired = await pairUp(ENDING_SEEKER, 'Anxiety');
    const seekerRow = await checkInRow(paired.pairingId, 'seeker');
    let since = e2e.mark();
    await makeDue([seekerRow.id]);
    const message = await checkInMessage(ENDING_SEEKER.id, seekerRow.id, since);
    await sentRow(seekerRow.id);

    since = e2e.mark();
    const reply = await answer(ENDING_SEEKER.id, message, 'End');
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.end));
    await e2e.next('chat.postMessage', since, (c) => sentTo(paired.listener.id)(c) && shown(c).includes(english('pairings.end.byOther')));
    expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: paired.pairingId } })).toMatchObject({
      status: 'ended',
      endedBy: 'seeker',
      endReason: 'ended',
    });
    expect(await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: paired.requestId } })).toMatchObject({
      status: 'closed',
      closedReason: 'ended',
    });
    expect((await checkInRow(paired.pairingId, 'seeker')).answer).toBe('end');
    expect((await checkInRow(paired.pairingId, 'listener_review')).status).toBe('cancelled');
    expect(await counted('checkin_end')).toBe(1);
    expect(offersSince(e2e, since)).toEqual([]);
  });

  it('"I need a break" pauses the listener: no new offers, the current conversation carries on', async () => {
    const paired = await pairUp(BEREAVED_SEEKER, 'Bereavement');
    expect(paired.listener.id).toBe(BEREAVEMENT_LISTENER.id);
    const listenerRow = await checkInRow(await profileOf(BEREAVEMENT_LISTENER.id), 'listener');
    const since = e2e.mark();
    await makeDue([listenerRow.id]);
    const message = await checkInMessage(BEREAVEMENT_LISTENER.id, listenerRow.id, since);
    await sentRow(listenerRow.id);

    const reply = await answer(BEREAVEMENT_LISTENER.id, message, 'I need a break');
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.break));
    // With a way to choose a return date (the listeners capability opens the form).
    expect(labelsOf(reply.args.blocks)).toEqual([english('checkIns.chooseReturnDate')]);
    expect(buttonValue(reply.args.blocks, ListenerIds.pauseUntilButton)).toBe(initiativeId);
    // The click is thanked first, then the pause is stored.
    const profile = await eventually(() =>
      e2e.db.listenerProfile.findFirst({ where: { initiativeId, userId: BEREAVEMENT_LISTENER.id, status: 'paused' } }),
    );
    expect(profile.pausedAt).not.toBeNull();
    expect(profile.pauseReason).toBe('break');
    expect((await checkInRow(await profileOf(BEREAVEMENT_LISTENER.id), 'listener')).answer).toBe('break');
    expect(await counted('checkin_break')).toBe(1);
    expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: paired.pairingId } })).status).toBe('active');

    // They are the only Bereavement listener, with a free slot; a new request is not offered to them.
    const asking = e2e.mark();
    const asked = await askForListener(e2e, LATER_BEREAVED_SEEKER.id, { topic: 'Bereavement' });
    expect(asked.offer).toBeNull();
    expect(shown(asked.waitingDm)).toContain(requestCopy.noListenerYet(english, 'Bereavement'));
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('waiting');
    expect(offersSince(e2e, asking)).toEqual([]);
  });

  it('"Talk to a coordinator" tells every coordinator which listener asked, never whom they support', async () => {
    const paired = await pairUp(SUPPORTED_SEEKER, 'Anxiety');
    const listenerRow = await pendingListenerCheckIn(paired.listener.id);
    let since = e2e.mark();
    await makeDue([listenerRow.id]);
    const message = await checkInMessage(paired.listener.id, listenerRow.id, since);
    await sentRow(listenerRow.id);

    since = e2e.mark();
    const reply = await answer(paired.listener.id, message, 'Talk to a coordinator');
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.coordinator));
    const notices = await Promise.all(
      [COORDINATOR, SECOND_COORDINATOR].map((c) => e2e.next('chat.postMessage', since, (call) => sentTo(c.id)(call))),
    );
    for (const notice of notices) {
      expect(notice.args.text).toBe(checkInCopy.coordinatorNotice(paired.listener.id, INITIATIVE_NAME));
      expect(shown(notice)).toContain(`<@${paired.listener.id}>`);
      const payload = JSON.stringify(notice.args);
      // Invariant 5: nothing about the person they support: no id, no pseudonym, no name.
      expect(payload).not.toContain(SUPPORTED_SEEKER.id);
      expect(payload).not.toContain(paired.seekerPseudonym);
      expect(payload).not.toContain(displayPseudonym(english, paired.seekerPseudonym));
      for (const identity of identityOf(SUPPORTED_SEEKER)) expect(payload.toLowerCase()).not.toContain(identity.toLowerCase());
    }
    // Only the coordinators were told, once each.
    const told = e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && shown(c).includes(`<@${paired.listener.id}>`));
    expect(told.map((c) => c.args.channel).sort()).toEqual([COORDINATOR.id, SECOND_COORDINATOR.id].sort());
    expect((await e2e.db.checkIn.findUniqueOrThrow({ where: { id: listenerRow.id } })).answer).toBe('coordinator');
    expect(await counted('checkin_coordinator')).toBe(1);
    const profile = await e2e.db.listenerProfile.findUniqueOrThrow({ where: { initiativeId_userId: { initiativeId, userId: paired.listener.id } } });
    expect(profile.status).toBe('active');
    expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: paired.pairingId } })).status).toBe('active');
  });

  // ---- 3. A pairing that ended first ------------------------------------------------------------------

  let earlyEnd: Paired;

  it('a pairing that ended before its check-in was due sends none, even once the time has come', async () => {
    earlyEnd = await pairUp(EARLY_END_SEEKER, 'Anxiety');
    let since = e2e.mark();
    await clickAs(e2e, EARLY_END_SEEKER.id, { actionId: PairingIds.end, value: earlyEnd.pairingId, channelId: `D${EARLY_END_SEEKER.id}` });
    await e2e.next('chat.postMessage', since, (c) => sentTo(EARLY_END_SEEKER.id)(c) && shown(c).includes(english('pairings.end.byYou')));
    const rows = await e2e.db.checkIn.findMany({ where: { pairingId: earlyEnd.pairingId } });
    expect(rows.map((r) => r.kind).sort()).toEqual(['listener_review', 'seeker', 'seeker_review']);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);

    // Their time comes (earlier than a live check-in made due with them, which the scheduler sends).
    const live = await pendingListenerCheckIn(first.listener.id);
    since = e2e.mark();
    await makeDue(rows.map((r) => r.id), 5 * 60_000);
    await makeDue([live.id]);
    await checkInMessage(first.listener.id, live.id, since);
    await sentRow(live.id);
    for (const row of rows) {
      expect(await e2e.db.checkIn.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'cancelled', sentAt: null, messageTs: null, attempts: 0 });
      expect(checkInPostsSince(0, row.id)).toEqual([]);
    }
  });

  it('a check-in left scheduled for a pairing that has ended (a send racing the end) is cancelled when due, not sent', async () => {
    // What a send that committed its next check-in just after the end's cancellation would leave behind.
    const ended = await checkInRow(earlyEnd.pairingId, 'seeker');
    const since = e2e.mark();
    const stray = await e2e.db.checkIn.create({
      data: {
        initiativeId,
        kind: 'seeker',
        subjectId: earlyEnd.pairingId,
        pairingId: earlyEnd.pairingId,
        recipientId: EARLY_END_SEEKER.id,
        sequence: 2,
        dueAt: new Date(ended.dueAt.getTime() + 14 * DAY),
        deliverAt: new Date(Date.now() - 60_000),
        status: 'scheduled',
      },
    });
    const cancelled = await eventually(() => e2e.db.checkIn.findFirst({ where: { id: stray.id, status: 'cancelled' } }), 8000);
    expect(cancelled).toMatchObject({ sentAt: null, messageTs: null, leaseOwner: null });
    expect(checkInPostsSince(since, stray.id)).toEqual([]);
    expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && sentTo(EARLY_END_SEEKER.id)(c))).toEqual([]);
  });

  // ---- 5. Waiting for a listener ----------------------------------------------------------------------

  it('a seeker still waiting gets the waiting update with the resources and a Cancel button, which cancels the request', async () => {
    const asked = await askForListener(e2e, WAITING_SEEKER.id, { topic: 'Parenting' });
    expect(asked.offer).toBeNull();
    const row = await e2e.db.checkIn.findFirstOrThrow({ where: { requestId: asked.requestId, kind: 'waiting' } });
    // Its place is recorded once Slack has answered the post.
    const request = await eventually(() => e2e.db.supportRequest.findFirst({ where: { id: asked.requestId, waitingMessageTs: { not: null } } }), 8000);
    expect(row).toMatchObject({ status: 'scheduled', sequence: 1, recipientId: WAITING_SEEKER.id, subjectId: asked.requestId });
    // The first update comes a day after asking, then every waitingUpdateEveryDays (3 by default).
    expect(row.dueAt.getTime()).toBe(request.createdAt.getTime() + DAY);
    // The waiting message went at submit, and its place is recorded to update it in place.
    expect(request.waitingMessageTs).toBe(postedTs.get(asked.waitingDm));

    let since = e2e.mark();
    await makeDue([row.id]);
    const update = await e2e.next(
      'chat.postMessage',
      since,
      (c) => sentTo(WAITING_SEEKER.id)(c) && c.args.text === english('checkIns.waitingUpdate'),
      10_000,
    );
    expect(textOf(update.args.blocks)).toContain(RESOURCES);
    expect(labelsOf(update.args.blocks)).toEqual(['Cancel my request']);
    expect(buttonValue(update.args.blocks, RequestIds.cancelButton)).toBe(asked.requestId);
    const sent = await sentRow(row.id);
    expect(sent.messageTs).toBe(postedTs.get(update));
    const next = await e2e.db.checkIn.findUniqueOrThrow({ where: { subjectId_kind_sequence: { subjectId: asked.requestId, kind: 'waiting', sequence: 2 } } });
    expect(next.status).toBe('scheduled');
    expect(next.dueAt.getTime()).toBe(sent.dueAt.getTime() + 3 * DAY);

    since = e2e.mark();
    const { responseKey } = await clickAs(e2e, WAITING_SEEKER.id, {
      actionId: RequestIds.cancelButton,
      value: buttonValue(update.args.blocks, RequestIds.cancelButton),
      channelId: `D${WAITING_SEEKER.id}`,
      messageTs: postedTs.get(update) ?? '1700000000.000100',
      message: { text: update.args.text, blocks: update.args.blocks },
    });
    expect((await answered(e2e, since, responseKey)).args.text).toBe(english('waiting.cancelled'));
    // The waiting message itself now says the request is cancelled, with no Cancel button left.
    const closed = await e2e.next('chat.update', since, (c) => c.args.ts === request.waitingMessageTs, 10_000);
    expect(closed.args.text).toBe(english('waiting.cancelled'));
    expect(jsonOf(closed.args.blocks)).not.toContain(RequestIds.cancelButton);
    expect(await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).toMatchObject({
      status: 'closed',
      closedReason: 'cancelled',
    });

    // The next update, when its time comes, is not sent.
    since = e2e.mark();
    await makeDue([next.id]);
    await eventually(() => e2e.db.checkIn.findFirst({ where: { id: next.id, status: 'cancelled' } }), 8000);
    expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && sentTo(WAITING_SEEKER.id)(c))).toEqual([]);
  });

  // ---- 6. Listener care (issue 15) ------------------------------------------------------------------

  const caring: Paired[] = [];

  it('a listener in 3 conversations gets one wellbeing check-in a period, saying how many, never who', async () => {
    await volunteer(e2e, CARING_LISTENER.id, { fields: { topicLabels: ['Caring'], [ListenerIds.blocks.capacity]: '3' } });
    for (const seeker of CARING_SEEKERS) caring.push(await pairUp(seeker, 'Caring'));
    expect(caring.map((p) => p.listener.id)).toEqual(CARING_SEEKERS.map(() => CARING_LISTENER.id));

    // One check-in for the listener, scheduled by their first conversation; one per seeker.
    const profileId = await profileOf(CARING_LISTENER.id);
    const rows = await e2e.db.checkIn.findMany({ where: { subjectId: profileId } });
    expect(rows).toHaveLength(1);
    const listenerRow = rows[0]!;
    expect(listenerRow).toMatchObject({ kind: 'listener', sequence: 1, status: 'scheduled', pairingId: null, recipientId: CARING_LISTENER.id });
    const firstStart = (await e2e.db.pairing.findUniqueOrThrow({ where: { id: caring[0]!.pairingId } })).startedAt;
    expect(listenerRow.dueAt.getTime()).toBe(firstStart.getTime() + 7 * DAY);
    const seekerRows = await Promise.all(caring.map((p) => checkInRow(p.pairingId, 'seeker')));

    // Every check-in of the three conversations falls due at once.
    const since = e2e.mark();
    await makeDue([listenerRow.id, ...seekerRows.map((r) => r.id)]);
    const message = await checkInMessage(CARING_LISTENER.id, listenerRow.id, since);
    for (const [i, p] of caring.entries()) await checkInMessage(p.seeker.id, seekerRows[i]!.id, since);
    const sent = await sentRow(listenerRow.id);
    // A few more scheduler ticks: still one.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const toListener = e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && sentTo(CARING_LISTENER.id)(c) && isCheckIn(c.args.blocks));
    expect(toListener).toEqual([message]);

    expect(message.args.text).toBe(english('checkIns.listenerQuestion'));
    expect(textOf(message.args.blocks)).toContain(checkInCopy.listenerLoad(english, 3));
    expect(textOf(message.args.blocks)).toContain("You're supporting 3 colleagues at the moment.");
    expect(labelsOf(message.args.blocks)).toEqual(LISTENER_LABELS);
    // It says how many, never who: no seeker's id, name or pseudonym.
    expect(leaksTo([message], e2e.owners, CARING_LISTENER.id, CARING_SEEKERS)).toEqual([]);
    for (const p of caring) expect(JSON.stringify(message.args)).not.toContain(p.seekerPseudonym);

    // The next, a period on; still one for the listener.
    const next = await e2e.db.checkIn.findMany({ where: { subjectId: profileId, status: 'scheduled' } });
    expect(next.map((r) => r.sequence)).toEqual([2]);
    expect(next[0]!.dueAt.getTime()).toBe(sent.dueAt.getTime() + 14 * DAY);
  });

  it('"Let\'s wrap up" on the planned-ending question ends the conversation kindly for both, closes the request and thanks the listener', async () => {
    const p = caring[0]!;
    // Six weeks on: the conversation began six weeks ago, and its question to the seeker is due.
    await e2e.db.pairing.update({ where: { id: p.pairingId }, data: { startedAt: new Date(Date.now() - 42 * DAY) } });
    const review = await checkInRow(p.pairingId, 'seeker_review');
    expect(review).toMatchObject({ status: 'scheduled', sequence: 1, recipientId: p.seeker.id, pairingId: p.pairingId });
    let since = e2e.mark();
    await makeDue([review.id]);
    const message = await checkInMessage(p.seeker.id, review.id, since);
    expect(message.args.text).toBe(checkInCopy.reviewQuestion(english, p.listenerPseudonym, 6));
    expect(String(message.args.text)).toContain(`You and *${displayPseudonym(english, p.listenerPseudonym)}* have been talking for 6 weeks.`);
    expect(labelsOf(message.args.blocks)).toEqual(['Keep going', "Let's wrap up"]);
    expect(leaksTo([message], e2e.owners, p.seeker.id, [CARING_LISTENER])).toEqual([]);
    await sentRow(review.id);

    since = e2e.mark();
    const reply = await answer(p.seeker.id, message, "Let's wrap up");
    expect(reply.args.text).toBe(english(checkInCopy.THANKS_KEYS.wrap_up));
    const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(CARING_LISTENER.id)(c) && shown(c).includes(english('pairings.end.plannedForListener')));
    expect(shown(toListener)).toContain(pairingCopy.listenerThanks(english, p.seekerPseudonym));
    expect(leaksTo([toListener], e2e.owners, CARING_LISTENER.id, [p.seeker])).toEqual([]);
    const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(p.seeker.id)(c) && shown(c).includes(english('pairings.end.plannedByYou')));
    expect(textOf(toSeeker.args.blocks)).toContain(RESOURCES);

    expect(await e2e.db.pairing.findUniqueOrThrow({ where: { id: p.pairingId } })).toMatchObject({ status: 'ended', endedBy: 'seeker', endReason: 'planned' });
    expect(await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: p.requestId } })).toMatchObject({ status: 'closed', closedReason: 'ended' });
    expect((await checkInRow(p.pairingId, 'seeker_review')).answer).toBe('wrap_up');
    expect((await checkInRow(p.pairingId, 'listener_review')).status).toBe('cancelled');
    expect(await counted('checkin_wrap_up')).toBe(1);
    // Not put back in the queue; the listener, still in two conversations, keeps their one check-in.
    expect(offersSince(e2e, since)).toEqual([]);
    expect((await pendingListenerCheckIn(CARING_LISTENER.id)).sequence).toBe(2);
  });

  // ---- The whole run --------------------------------------------------------------------------------

  it('sent every check-in once, offered the paused listener nothing new, and logged no error', async () => {
    const sent = await e2e.db.checkIn.findMany({ where: { status: 'sent', kind: { in: ['seeker', 'listener', 'seeker_review', 'listener_review'] } } });
    expect(sent.length).toBeGreaterThanOrEqual(8);
    for (const row of sent) expect(checkInPostsSince(0, row.id)).toHaveLength(1);
    expect(e2e.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.text === english('checkIns.waitingUpdate'))).toHaveLength(1);
    expect(offersSince(e2e, 0).filter((o) => o.listenerId === BEREAVEMENT_LISTENER.id)).toHaveLength(1);
    expect(await e2e.db.checkIn.count({ where: { status: { in: ['sending', 'failed'] } } })).toBe(0);
    const errors = e2e.bot.logLines().filter((line) => typeof line.level === 'number' && line.level >= 50);
    expect(errors).toEqual([]);
  });
});

// ---- 4. Two processes, one PostgreSQL database --------------------------------------------------------

const BULK = 1000;

describe.skipIf(!ZONE || !TEST_PROVIDERS.includes('postgresql'))('two app processes on one PostgreSQL database', () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let opened: Database;
  let processes: AppProcess[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack({ teamId: TEAM });
    database = await createTestDatabase('postgresql', inject('templates'));
    opened = await openDatabase(database.url);
    const start = () => startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: { SCHEDULER_TICK_SECONDS: '1', LOG_LEVEL: 'info' } });
    processes = await Promise.all([start(), start()]);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await opened?.close();
    await slack?.close();
    await database?.drop();
  });

  /** What each process reported in its 'check-ins dispatched' lines, summed. */
  function reported(p: AppProcess) {
    const lines = p.logLines().filter((l) => l.msg === 'check-ins dispatched');
    const sum = (key: string) => lines.reduce((total, l) => total + (typeof l[key] === 'number' ? (l[key] as number) : 0), 0);
    return { ticks: lines.length, sent: sum('sent'), lostLease: sum('lease-lost'), cancelled: sum('cancelled'), postponed: sum('postponed'), failed: sum('failed'), retried: sum('retried') };
  }

  it(`sends each of ${BULK} due check-ins exactly once between them`, { timeout: 90_000 }, async () => {
    const db = opened.db;
    const initiative = await makeInitiative(db, { workspaceId: TEAM });
    const now = Date.now();
    const people = Array.from({ length: BULK }, (_, i) => ({ userId: `U0BULK${String(i).padStart(4, '0')}`, requestId: randomUUID() }));
    await db.supportRequest.createMany({
      data: people.map((p) => ({
        id: p.requestId,
        initiativeId: initiative.id,
        seekerId: p.userId,
        seekerPseudonym: 'Heron',
        topicId: initiative.topics[0]!.id,
        status: 'waiting',
        createdAt: new Date(now - 15 * DAY),
      })),
    });
    await db.personTimezone.createMany({ data: people.map((p) => ({ userId: p.userId, timezone: ZONE, fetchedAt: new Date(now) })) });
    // One statement, so both processes find all of them due at the same tick.
    const due = new Date(now - 60_000);
    await db.checkIn.createMany({
      data: people.map((p) => ({
        initiativeId: initiative.id,
        kind: 'waiting',
        subjectId: p.requestId,
        requestId: p.requestId,
        recipientId: p.userId,
        sequence: 1,
        dueAt: due,
        deliverAt: due,
        status: 'scheduled',
      })),
    });

    const deadline = Date.now() + 60_000;
    let sent = 0;
    while (sent < BULK && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sent = await db.checkIn.count({ where: { sequence: 1, status: 'sent' } });
    }
    const took = Date.now() - now;
    expect(sent).toBe(BULK);
    // Each process logs its tick once the tick is over; wait for both tallies to add up.
    await eventually(async () => (processes.reduce((total, p) => total + reported(p).sent, 0) >= BULK ? true : null), 10_000);

    // Exactly one message each, with their own request's Cancel button.
    const posts = slack.callsTo('chat.postMessage');
    const perRecipient = new Map<string, RecordedCall[]>();
    for (const call of posts) perRecipient.set(String(call.args.channel), [...(perRecipient.get(String(call.args.channel)) ?? []), call]);
    expect(posts).toHaveLength(BULK);
    expect(perRecipient.size).toBe(BULK);
    for (const p of people) {
      const got = perRecipient.get(p.userId) ?? [];
      expect(got, p.userId).toHaveLength(1);
      expect(buttonValue(got[0]!.args.blocks, RequestIds.cancelButton)).toBe(p.requestId);
    }
    const rows = await db.checkIn.findMany({ where: { sequence: 1 }, select: { messageTs: true, leaseOwner: true, attempts: true } });
    expect(new Set(rows.map((r) => r.messageTs)).size).toBe(BULK);
    expect(rows.every((r) => r.leaseOwner === null && r.attempts === 1)).toBe(true);
    expect(await db.checkIn.count({ where: { sequence: 2, status: 'scheduled' } })).toBe(BULK);

    // Who sent what: both tallies add up to every check-in, and nobody lost a lease.
    const tallies = processes.map(reported);
    expect(tallies.reduce((total, t) => total + t.sent, 0)).toBe(BULK);
    for (const t of tallies) expect(t).toMatchObject({ lostLease: 0, failed: 0, retried: 0, cancelled: 0, postponed: 0 });
    console.info(`check-ins e2e: ${BULK} check-ins sent in ${took} ms; process A sent ${tallies[0]!.sent} in ${tallies[0]!.ticks} tick(s), process B ${tallies[1]!.sent} in ${tallies[1]!.ticks}`);
    if (tallies.some((t) => t.sent === 0)) console.warn('check-ins e2e: one process sent every check-in (allowed: whichever claims first sends)');
    for (const p of processes) expect(p.logLines().filter((l) => typeof l.level === 'number' && l.level >= 50)).toEqual([]);
  });
});
