import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { addDays, localDate, startOfLocalDay } from '../../src/domain/local-time.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as copy from '../../src/features/listeners/copy.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { buttonValue, command, fieldErrorsOf, openedModal, responded, setUpInitiative, submit, textOf, volunteer } from '../support/flows.js';
import { answered, askForListener, clickAs, eventually, openCommandModal, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 15 end to end, the real process against a fake Slack: "Pause until <date>" from /peer pause and
// from an offer, the automatic resume on that day with its kind note, /peer resume at once, and the
// gentle pause after three offers in a row went unanswered. The process runs on the real clock (its
// scheduler ticks every second), so time is moved by moving rows' times into the past.

const ZONE = 'Europe/London';
const here = (p: Person): Person => ({ ...p, tz: ZONE });

const COORDINATOR = here(person('U0PSECRD01', 'Philippa', 'Ravenscroft'));
const PAUSER = here(person('U0PSELSN01', 'Tobias', 'Merriweather'));
const QUIET = here(person('U0PSELSN02', 'Imogen', 'Blackthorne'));
const OFFER_SEEKER = here(person('U0PSESKR01', 'Horatio', 'Pemberton'));
const BEREAVED = [
  here(person('U0PSESKR02', 'Clementine', 'Ashworth')),
  here(person('U0PSESKR03', 'Barnaby', 'Winterbottom')),
  here(person('U0PSESKR04', 'Henrietta', 'Lockwood')),
];
const PEOPLE = [COORDINATOR, PAUSER, QUIET, OFFER_SEEKER, ...BEREAVED];
const NAME = 'Harbour Circle';
const B = ListenerIds.blocks;

const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
const to = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

describe.each(TEST_PROVIDERS)('pausing until a date, resuming, and unanswered offers on %s', (provider) => {
  let e2e: PairingE2E;
  let initiativeId: string;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    const initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: NAME,
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement',
      [InitiativeIds.blocks.approval]: [],
    });
    initiativeId = initiative.id;
    for (const [listener, topic] of [
      [PAUSER, 'Anxiety'],
      [QUIET, 'Bereavement'],
    ] as const) {
      await volunteer(e2e, listener.id, { fields: { topicLabels: [topic] } });
      // Offers may come any time of any day: this file is about pausing, not working hours.
      await e2e.db.listenerProfile.updateMany({ where: { userId: listener.id }, data: { workDays: '0,1,2,3,4,5,6', workStart: '00:00', workEnd: '00:00' } });
    }
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const profileOf = (userId: string) => e2e.db.listenerProfile.findFirstOrThrow({ where: { userId } });

  it('/peer pause opens the form; a day that is not after today is refused in the form; a later day pauses until its start', async () => {
    const form = await openCommandModal(e2e, PAUSER.id, 'pause');
    expect(form.view.callback_id).toBe(ListenerIds.pauseModal);
    expect(textOf(form.view.blocks)).toContain(english('listeners.pause.intro', { initiative: NAME }));

    const today = localDate(new Date(), ZONE);
    const refused = await submit(e2e, PAUSER.id, form, { [B.pauseUntil]: today });
    expect(fieldErrorsOf(refused)).toEqual({ [B.pauseUntil]: english('listeners.pause.notAfterToday') });
    expect((await profileOf(PAUSER.id)).status).toBe('active');

    const date = addDays(today, 3);
    const since = e2e.mark();
    expect((await submit(e2e, PAUSER.id, form, { [B.pauseUntil]: date })).text).toBe('');
    const told = await e2e.next('chat.postMessage', since, to(PAUSER.id));
    expect(told.args.text).toBe(copy.pausedUntilDate(english, NAME, copy.pauseDate('en', date)));
    expect(await profileOf(PAUSER.id)).toMatchObject({ status: 'paused', pauseReason: 'self', pausedUntil: startOfLocalDay(date, ZONE) });
    await e2e.next('views.publish', since, (call) => call.args.user_id === PAUSER.id);

    // The form shows the date when opened again.
    const again = await openCommandModal(e2e, PAUSER.id, 'pause');
    expect(textOf(again.view.blocks)).toContain(copy.currentlyPaused(english, copy.pauseDate('en', date)));
  });

  it('when that day comes, the scheduler resumes them once and the welcome-back note arrives; offers reach them again', async () => {
    const since = e2e.mark();
    await e2e.db.listenerProfile.updateMany({ where: { userId: PAUSER.id }, data: { pausedUntil: new Date(Date.now() - 1000) } });
    const welcome = await e2e.next('chat.postMessage', since, (c) => to(PAUSER.id)(c) && c.args.text === english('listeners.welcomeBack', { initiative: NAME }), 15_000);
    expect(buttonValue(welcome.args.blocks, ListenerIds.pauseUntilButton)).toBe(initiativeId);
    expect(await profileOf(PAUSER.id)).toMatchObject({ status: 'active', pausedAt: null, pausedUntil: null, pauseReason: null });
    await e2e.next('views.publish', since, (call) => call.args.user_id === PAUSER.id);

    // Matching sees them again: the next request on their topic is offered to them.
    const asked = await askForListener(e2e, OFFER_SEEKER.id, { topic: 'Anxiety' });
    expect(asked.offer?.listenerId).toBe(PAUSER.id);
    // No second note (the job runs every five ticks; exactly once under concurrent runs is test/features/listeners/pause.test.ts).
    expect(e2e.slack.calls.slice(since).filter((c) => to(PAUSER.id)(c) && c.args.text === english('listeners.welcomeBack', { initiative: NAME }))).toHaveLength(1);
  });

  it('"Pause until…" on an offer opens the form; pausing declines that offer and its message says so', async () => {
    const offer = await e2e.db.offer.findFirstOrThrow({ where: { listener: { userId: PAUSER.id }, status: 'pending' } });
    const offerCall = e2e.slack.calls.find((c) => c.method === 'chat.postMessage' && to(PAUSER.id)(c) && JSON.stringify(c.args.blocks ?? null).includes(offer.id))!;
    const value = buttonValue(offerCall.args.blocks, ListenerIds.pauseUntilButton);
    expect(JSON.parse(value)).toEqual({ initiativeId, offerId: offer.id });

    const opening = e2e.mark();
    const { triggerId } = await clickAs(e2e, PAUSER.id, { actionId: ListenerIds.pauseUntilButton, value, channelId: offer.channel!, messageTs: offer.messageTs! });
    const form = await openedModal(e2e, opening, triggerId);
    expect(textOf(form.view.blocks)).toContain(english('listeners.pause.fromOffer'));

    const since = e2e.mark();
    expect((await submit(e2e, PAUSER.id, form)).text).toBe('');
    const replaced = await e2e.next('chat.update', since, (c) => c.args.ts === offer.messageTs);
    expect(shown(replaced)).toContain(english('offers.declined'));
    expect((await e2e.next('chat.postMessage', since, to(PAUSER.id))).args.text).toBe(english('listeners.paused', { initiative: NAME }));
    expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('declined');
    expect(await profileOf(PAUSER.id)).toMatchObject({ status: 'paused', pausedUntil: null, pauseReason: 'self', reservedSlots: 0 });
    // Nobody else listens on Anxiety: the request waits (the seeker is told honestly, with the resources).
    await eventually(() => e2e.db.supportRequest.findFirst({ where: { id: offer.requestId, status: 'waiting' } }));
  });

  it('/peer resume resumes at once', async () => {
    const { response, responseKey } = await command(e2e, PAUSER.id, 'resume');
    expect(response.status).toBe(200);
    expect((await responded(e2e, responseKey)).args.text).toBe(english('listeners.resumed', { initiative: NAME }));
    expect(await profileOf(PAUSER.id)).toMatchObject({ status: 'active', pausedAt: null, pausedUntil: null, pauseReason: null, unansweredOffers: 0 });
  });

  it('three offers in a row left unanswered pause new offers kindly; coordinators see it; Resume in the note resumes', async () => {
    let last = 0;
    for (const seeker of BEREAVED) {
      const asked = await askForListener(e2e, seeker.id, { topic: 'Bereavement' });
      expect(asked.offer?.listenerId).toBe(QUIET.id);
      const row = await eventually(() => e2e.db.offer.findFirst({ where: { id: asked.offer!.offerId, messageTs: { not: null } } }));
      last = e2e.mark();
      // Four hours to answer: move the deadline into the past instead of waiting.
      await e2e.db.offer.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const expired = await e2e.next('chat.update', last, (c) => c.args.ts === row.messageTs);
      expect(shown(expired)).toContain(english('offers.expired'));
    }

    const note = await e2e.next('chat.postMessage', last, (c) => to(QUIET.id)(c) && c.args.text === english('listeners.pausedForNoAnswer', { initiative: NAME }));
    expect(buttonValue(note.args.blocks, ListenerIds.resumeButton)).toBe(initiativeId);
    expect(await profileOf(QUIET.id)).toMatchObject({ status: 'paused', pauseReason: 'no_answer', unansweredOffers: 3, pausedUntil: null });
    // The coordinator's Home is published again, the listener shown "paused (no answer)" (DESIGN.md invariant 5: status only).
    const home = await e2e.next('views.publish', last, (call) => call.args.user_id === COORDINATOR.id);
    expect(textOf((home.args.view as { blocks?: unknown }).blocks)).toContain('paused (no answer)');
    // Nobody else hears about it, and the note names no seeker.
    for (const seeker of BEREAVED) expect(JSON.stringify(note.args)).not.toContain(seeker.id);

    const since = e2e.mark();
    const { responseKey } = await clickAs(e2e, QUIET.id, { actionId: ListenerIds.resumeButton, value: initiativeId, channelId: `D${QUIET.id}`, messageTs: String(note.args.ts ?? '1700000000.000100') });
    expect((await answered(e2e, since, responseKey)).args.text).toBe(english('listeners.resumed', { initiative: NAME }));
    expect(await profileOf(QUIET.id)).toMatchObject({ status: 'active', pauseReason: null, unansweredOffers: 0 });
  });
});
