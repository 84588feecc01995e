import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consentText } from '../../src/domain/consent.js';
import { addDays, localDate } from '../../src/domain/local-time.js';
import { InitiativeIds, TEXT_BLOCKS } from '../../src/features/initiatives/ids.js';
import * as copy from '../../src/features/listeners/copy.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { translatorFor } from '../../src/i18n/translate.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import {
  buttonValue,
  click,
  command,
  commandModal,
  fieldErrorsOf,
  jsonOf,
  listenerFields,
  responded,
  setUpInitiative,
  submit,
  textOf,
} from '../support/flows.js';
import { eventually, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 19 end to end for the listeners capability: a listener whose Slack speaks German volunteers,
// is welcomed, pauses and resumes in German, with the guidelines and topics the coordinator wrote in
// German and the German consent text recorded as the words they read; the coordinator, whose Slack is
// in British English, is asked, answered and shown the decision in English. Notes sent later through
// the outbox (the decision, the welcome back) are worded when sent, in the listener's language.

const LISTENER_ZONE = 'Europe/Berlin';
const COORDINATOR: Person = { ...person('U0LLGCRD01', 'Eleanor', 'Whitcombe'), tz: 'Europe/London', locale: 'en-GB' };
const LISTENER: Person = { ...person('U0LLGLSN01', 'Friederike', 'Baumgartner'), tz: LISTENER_ZONE, locale: 'de-DE' };
const NAME = 'Kreis Süd';
const ENGLISH_GUIDELINES = 'Listen without judging. What you hear stays with you.';
const GERMAN_GUIDELINES = 'Hör zu, ohne zu urteilen. Was du hörst, bleibt bei dir.';
const de = translatorFor('de');
const en = translatorFor('en');
const B = ListenerIds.blocks;

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

describe.each(TEST_PROVIDERS)('the listeners capability in each person\'s language, on %s', (provider) => {
  let e2e: PairingE2E;
  let initiativeId: string;
  let form: Awaited<ReturnType<typeof commandModal>>;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [COORDINATOR, LISTENER]);
    // English by default, approval required (the form's default); the coordinator's German guidelines and topic labels.
    ({ id: initiativeId } = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: NAME,
      [InitiativeIds.blocks.topics]: 'Anxiety\nGrief',
      [InitiativeIds.blocks.guidelines]: ENGLISH_GUIDELINES,
      [TEXT_BLOCKS.de.guidelines]: GERMAN_GUIDELINES,
      [TEXT_BLOCKS.de.topics]: 'Angst\nTrauer',
    }));
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const profile = () => e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER.id, initiativeId } });

  it('/peer listen opens the form in German, with the German guidelines, topics and consent text', async () => {
    form = await commandModal(e2e, LISTENER.id, 'listen');
    expect(form.loading.title.text).toBe(de('listeners.listenTitle'));
    expect(form.view.callback_id).toBe(ListenerIds.listenModal);
    expect(form.view.title.text).toBe(de('listeners.listenTitle'));
    expect(form.view.submit?.text).toBe(de('listeners.volunteer'));
    expect((form.view as { close?: { text: string } }).close?.text).toBe(de('common.cancel'));
    const text = textOf(form.view.blocks);
    expect(text).toContain(de('listeners.guidelinesHeading', { initiative: NAME }));
    expect(text).toContain(GERMAN_GUIDELINES);
    expect(text).not.toContain(ENGLISH_GUIDELINES);
    expect(text).toContain(de('listeners.topicsLabel'));
    expect(text).toContain(consentText('listener', 'de').text);
    expect(text).toContain(de('listeners.consentCheckbox'));
    // Topics as the coordinator wrote them in German, weekdays as German writes them.
    expect(jsonOf(form.view.blocks)).toContain('"text":"Angst"');
    expect(jsonOf(form.view.blocks)).not.toContain('"text":"Anxiety"');
    expect(jsonOf(form.view.blocks)).toContain('"text":"Montag"');
    expect(JSON.parse(form.view.private_metadata ?? '{}')).toEqual({ initiativeId, language: 'de' });
  });

  it('answers a mistake in the form in German', async () => {
    const refused = await submit(e2e, LISTENER.id, form, listenerFields(form.view, { topicLabels: ['Angst'], [B.topics]: [] }));
    expect(fieldErrorsOf(refused)).toEqual({ [B.topics]: de('listeners.error.topics') });
    expect(await e2e.db.listenerProfile.count({ where: { userId: LISTENER.id } })).toBe(0);
  });

  it('welcomes them in German and records the German consent text; the en-GB coordinator is asked in English', async () => {
    const since = e2e.mark();
    expect((await submit(e2e, LISTENER.id, form, listenerFields(form.view, { topicLabels: ['Angst'] }))).text).toBe('');
    const welcome = await e2e.next('chat.postMessage', since, sentTo(LISTENER.id));
    expect(welcome.args.text).toBe(copy.initiativeNote(de, 'welcomePending', NAME));

    const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: LISTENER.id, purpose: 'listener', action: 'given' } });
    expect(consent.textVersion).toBe(consentText('listener', 'de').version);
    expect(consent.textVersion).not.toBe(consentText('listener', 'en').version);

    const asked = await e2e.next('chat.postMessage', since, (c) => sentTo(COORDINATOR.id)(c) && jsonOf(c.args.blocks).includes(ListenerIds.approve));
    expect(asked.args.text).toBe(copy.approvalRequest(en, LISTENER.id, NAME, 'Anxiety'));
    expect(textOf(asked.args.blocks)).toContain(en('listeners.approval.header'));
    expect(buttonValue(asked.args.blocks, ListenerIds.approve)).toBe((await profile()).id);
  });

  it('an en-GB coordinator approving gets English; the listener hears it in German; the request becomes the decision, in English', async () => {
    const pending = await profile();
    // Marked sent, with where it landed, right after Slack answered the post.
    const copyRow = await eventually(() => e2e.db.outboxMessage.findFirst({ where: { kind: 'approval_request', subjectId: pending.id, status: 'sent' } }));
    const since = e2e.mark();
    const { responseKey } = await click(e2e, { actionId: ListenerIds.approve, value: pending.id, userId: COORDINATOR.id, channelId: `D${COORDINATOR.id}` });
    expect((await responded(e2e, responseKey)).args.text).toBe(copy.decidedByYou(en, true, LISTENER.id, NAME));
    const told = await e2e.next('chat.postMessage', since, sentTo(LISTENER.id));
    expect(told.args.text).toBe(copy.initiativeNote(de, 'approved', NAME));
    const replaced = await e2e.next('chat.update', since, (c) => c.args.ts === copyRow.messageTs);
    expect(String(replaced.args.text)).toMatch(new RegExp(`^<@${LISTENER.id}> was approved as a listener with \\*${NAME}\\* by <@${COORDINATOR.id}> on <!date\\^`));
    expect((await profile()).status).toBe('active');
  });

  it('pauses until a day in German: the form, its refusal, the answer, and the welcome back when that day comes', async () => {
    const pause = await commandModal(e2e, LISTENER.id, 'pause');
    expect(pause.loading.title.text).toBe(de('listeners.pause.title'));
    expect(pause.view.callback_id).toBe(ListenerIds.pauseModal);
    expect(pause.view.title.text).toBe(de('listeners.pause.title'));
    expect(pause.view.submit?.text).toBe(de('listeners.pause.submit'));
    expect(textOf(pause.view.blocks)).toContain(copy.initiativeNote(de, 'pauseIntro', NAME));

    const today = localDate(new Date(), LISTENER_ZONE);
    const refused = await submit(e2e, LISTENER.id, pause, { [B.pauseUntil]: today });
    expect(fieldErrorsOf(refused)).toEqual({ [B.pauseUntil]: de('listeners.pause.notAfterToday') });

    const date = addDays(today, 3);
    let since = e2e.mark();
    expect((await submit(e2e, LISTENER.id, pause, { [B.pauseUntil]: date })).text).toBe('');
    const told = await e2e.next('chat.postMessage', since, sentTo(LISTENER.id));
    expect(told.args.text).toBe(copy.pausedUntilDate(de, NAME, copy.pauseDate('de', date)));
    expect((await profile()).status).toBe('paused');
    // The form, opened again, says so in German, with the day as German writes it.
    const again = await commandModal(e2e, LISTENER.id, 'pause');
    expect(textOf(again.view.blocks)).toContain(copy.currentlyPaused(de, copy.pauseDate('de', date)));

    // The day comes (moved into the past): the scheduler resumes them, and the note is worded when sent, in German.
    since = e2e.mark();
    await e2e.db.listenerProfile.updateMany({ where: { userId: LISTENER.id }, data: { pausedUntil: new Date(Date.now() - 1000) } });
    const back = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && c.args.text === copy.initiativeNote(de, 'welcomeBack', NAME), 15_000);
    expect(textOf(back.args.blocks)).toContain(de('listeners.pauseAgain'));
    expect(buttonValue(back.args.blocks, ListenerIds.pauseUntilButton)).toBe(initiativeId);
    expect((await profile()).status).toBe('active');
  });

  it('pauses with no day and resumes with /peer resume, in German', async () => {
    const pause = await commandModal(e2e, LISTENER.id, 'pause');
    const since = e2e.mark();
    expect((await submit(e2e, LISTENER.id, pause)).text).toBe('');
    expect((await e2e.next('chat.postMessage', since, sentTo(LISTENER.id))).args.text).toBe(copy.initiativeNote(de, 'paused', NAME));

    const resume = await command(e2e, LISTENER.id, 'resume');
    expect((await responded(e2e, resume.responseKey)).args.text).toBe(copy.initiativeNote(de, 'resumed', NAME));
    const again = await command(e2e, LISTENER.id, 'resume');
    expect((await responded(e2e, again.responseKey)).args.text).toBe(copy.notPaused(de, NAME, 'active'));
    expect((await profile()).status).toBe('active');
  });

  it('stops with /peer stop, in German, and the withdrawal names the German words they agreed to', async () => {
    const stop = await command(e2e, LISTENER.id, 'stop');
    expect((await responded(e2e, stop.responseKey)).args.text).toBe(de('listeners.stopped', { initiative: NAME }));
    const records = await e2e.db.consentRecord.findMany({ where: { userId: LISTENER.id, purpose: 'listener' }, orderBy: { createdAt: 'asc' } });
    expect(records.map((r) => [r.action, r.textVersion])).toEqual([
      ['given', consentText('listener', 'de').version],
      ['withdrawn', consentText('listener', 'de').version],
    ]);
  });
});
