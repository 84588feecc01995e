import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppLanguage } from '../../src/domain/app-language.js';
import { displayPseudonym } from '../../src/domain/pseudonyms.js';
import * as checkInCopy from '../../src/features/check-ins/copy.js';
import { CheckInIds, LISTENER_ANSWERS, SEEKER_ANSWERS } from '../../src/features/check-ins/ids.js';
import { consentText } from '../../src/domain/consent.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import * as requestCopy from '../../src/features/requests/copy.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { translatorFor } from '../../src/i18n/translate.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { command, commandModal, fieldErrorsOf, jsonOf, setUpInitiative, submit, textOf, volunteer, type Block } from '../support/flows.js';
import { acceptOffer, answered, askForListener, clickAs, dmFrom, eventually, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';
import { zoneInWorkingHours } from '../support/working-hours.js';

// Issue 19 end to end, on the running app: /peer help, the safety net, the request form (and the
// consent version recorded), a check-in and the reply to its answer reach each person in
// the language of their Slack locale (users.info with include_locale, cached with their timezone),
// while the listener on the other side of the same pairing gets theirs in English; a locale the app
// does not speak falls back to English. Check-ins go only at a humane hour, so everyone lives where it
// is working hours now (as in check-ins.test.ts).

const ZONE = zoneInWorkingHours(new Date());
const here = (p: Person, locale: string): Person => ({ ...p, tz: ZONE ?? 'Europe/London', locale });

const COORDINATOR = here(person('U0LNGCRD01', 'Ingrid', 'Falkenrath'), 'en-GB');
const SEEKERS: { person: Person; topic: string; language: AppLanguage }[] = [
  { person: here(person('U0LNGSKD01', 'Lieselotte', 'Brandauer'), 'de-DE'), topic: 'Anxiety', language: 'de' },
  { person: here(person('U0LNGSKE01', 'Mercedes', 'Villanueva'), 'es-ES'), topic: 'Bereavement', language: 'es' },
  // A locale the app does not speak: the initiative's language, English here (German: language-fallback.test.ts).
  { person: here(person('U0LNGSKF01', 'Apolline', 'Desrosiers'), 'fr-FR'), topic: 'Parenting', language: 'en' },
];
const LISTENERS: Record<string, Person> = {
  Anxiety: here(person('U0LNGLSA01', 'Barnaby', 'Cholmondeley'), 'en-GB'),
  Bereavement: here(person('U0LNGLSB01', 'Tabitha', 'Wrenfield'), 'en-GB'),
  // A German listener for the French seeker: the offer and their check-in in German, the seeker's side in English.
  Parenting: here(person('U0LNGLSC01', 'Percival', 'Ashcombe'), 'de-DE'),
};
const languageOf = (p: Person): AppLanguage => (p.locale?.startsWith('de') ? 'de' : p.locale?.startsWith('es') ? 'es' : 'en');
const PEOPLE = [COORDINATOR, ...SEEKERS.map((s) => s.person), ...Object.values(LISTENERS)];

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
type Button = { action_id?: string; value?: string; text?: { text: string } };
const buttonsOf = (blocks: unknown): Button[] => ((blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []) as Button[]).filter((e) => e.action_id !== undefined);
const labelsOf = (call: RecordedCall) => buttonsOf(call.args.blocks).map((b) => b.text?.text ?? '');

const suite = ZONE ? describe : describe.skip;

suite.each(TEST_PROVIDERS)('each person in their own language, on %s', (provider) => {
  let e2e: PairingE2E;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Harbour Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement\nParenting',
      [InitiativeIds.blocks.approval]: [],
    });
    for (const [topic, listener] of Object.entries(LISTENERS)) await volunteer(e2e, listener.id, { fields: { topicLabels: [topic] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('answers /peer help and a message outside a conversation in each person\'s language, and stores nothing about them', async () => {
    for (const seeker of SEEKERS) {
      const t = translatorFor(seeker.language);
      const { response } = await command(e2e, seeker.person.id, 'help');
      const help = response.json as { text: string; blocks: unknown[] };
      expect(help.text.startsWith(t('help.intro')), seeker.person.locale).toBe(true);
      expect(textOf(help.blocks)).toContain(t('safety.resourcesLead').replace(/\*/g, ''));
      expect(textOf(help.blocks)).toContain(t('help.command.request'));

      const since = e2e.mark();
      await dmFrom(e2e, seeker.person.id, 'hello, is anyone there?');
      const net = await e2e.next('chat.postMessage', since, sentTo(seeker.person.id), 5000);
      expect(net.args.text).toBe(t('safety.notificationText'));
      expect(textOf(net.args.blocks)).toContain(t('safety.calmLine'));
      expect(labelsOf(net)).toEqual([t('safety.askForAListener')]);
      // Invariant 3: they have consented to nothing yet, so their locale was not written down.
      expect(await e2e.db.personTimezone.count({ where: { userId: seeker.person.id } })).toBe(0);
    }
  });

  for (const seeker of SEEKERS) {
    it(`words a ${seeker.person.locale} seeker's form, waiting message, introduction, check-in and reply in ${seeker.language}, and the offer, introduction and check-in of their ${LISTENERS[seeker.topic]!.locale} listener in theirs`, async () => {
      const listener = LISTENERS[seeker.topic]!;
      const t = translatorFor(seeker.language);
      // The request form: its placeholder, title, questions, consent text and errors in their language.
      const form = await commandModal(e2e, seeker.person.id, 'request');
      expect(form.loading.title.text).toBe(t('requests.title'));
      expect(form.view.title.text).toBe(t('requests.title'));
      expect(textOf(form.view.blocks)).toContain(t('requests.resourcesFirst'));
      expect(textOf(form.view.blocks)).toContain(consentText('seeker_request', seeker.language).text);
      expect(fieldErrorsOf(await submit(e2e, seeker.person.id, form, {}))).toEqual({ [RequestIds.blocks.topic]: t('requests.error.topic') });

      const asked = await askForListener(e2e, seeker.person.id, { topic: seeker.topic });
      // The seeker's waiting message (rendered when the outbox sends it) and the listener's offer, each in their own language.
      const tl = translatorFor(languageOf(listener));
      expect(asked.waitingDm.args.text).toBe(requestCopy.requestReceived(t, seeker.topic));
      expect(labelsOf(asked.waitingDm)).toEqual([t('requests.cancelMyRequest')]);
      if (!asked.offer) throw new Error('nobody was offered the request');
      expect(asked.offer.call.args.text).toBe(tl('offers.notification'));
      expect(textOf(asked.offer.call.args.blocks)).toContain(tl('offers.header'));
      expect(labelsOf(asked.offer.call)).toEqual([tl('offers.accept'), tl('offers.decline'), tl('offers.pauseUntil')]);
      // The consent recorded is the version of the words they read.
      const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: seeker.person.id, purpose: 'seeker_request', action: 'given' } });
      expect(consent.textVersion).toBe(consentText('seeker_request', seeker.language).version);
      expect(asked.offer.listenerId).toBe(listener.id);
      // The app records where the waiting message landed once Slack answers; accepting before that would
      // leave the paired note with nothing to update (it is then not sent: the introduction says it).
      await eventually(() => e2e.db.supportRequest.findFirst({ where: { id: asked.requestId, waitingMessageTs: { not: null } } }), 8000);
      const since = e2e.mark();
      const intro = await acceptOffer(e2e, asked.offer, seeker.person.id);
      // Paired: the waiting message says so, in the seeker's language.
      await e2e.next('chat.update', since, (c) => sentTo(seeker.person.id)(c) && c.args.text === t('waiting.paired'));
      const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId }, include: { listener: true } });
      // The introductions: each side's in their own language, the other named only by pseudonym.
      expect(intro.toSeeker.args.text).toBe(pairingCopy.introForSeeker(t, pairing.listenerPseudonym));
      expect(textOf(intro.toSeeker.args.blocks)).toContain(t('pairings.whatToExpect'));
      expect(labelsOf(intro.toSeeker)).toEqual([t('pairings.button.end'), t('pairings.button.someoneElse'), t('pairings.button.reveal'), t('pairings.button.report')]);
      expect(intro.toListener.args.text).toBe(pairingCopy.introForListenerNotification(tl, pairing.seekerPseudonym));
      expect(labelsOf(intro.toListener)).toEqual([tl('pairings.button.end'), tl('pairings.button.reveal'), tl('pairings.button.report')]);
      const rows = await e2e.db.checkIn.findMany({ where: { OR: [{ subjectId: pairing.id, kind: 'seeker' }, { subjectId: pairing.listenerId, kind: 'listener' }] } });
      expect(rows).toHaveLength(2);

      const dueFrom = e2e.mark();
      const past = new Date(Date.now() - 60_000);
      await e2e.db.checkIn.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { dueAt: past, deliverAt: past } });
      const seekerRow = rows.find((r) => r.kind === 'seeker')!;
      const listenerRow = rows.find((r) => r.kind === 'listener')!;
      const toSeeker = await e2e.next('chat.postMessage', dueFrom, (c) => sentTo(seeker.person.id)(c) && jsonOf(c.args.blocks).includes(seekerRow.id), 10_000);
      const toListener = await e2e.next('chat.postMessage', dueFrom, (c) => sentTo(listener.id)(c) && jsonOf(c.args.blocks).includes(listenerRow.id), 10_000);

      // The seeker: their question, answer labels and resources heading in their language.
      expect(toSeeker.args.text).toBe(checkInCopy.seekerQuestion(t, pairing.listenerPseudonym));
      expect(String(toSeeker.args.text)).toContain(displayPseudonym(t, pairing.listenerPseudonym));
      if (t.language !== 'en') expect(String(toSeeker.args.text)).not.toContain('a colleague');
      expect(labelsOf(toSeeker)).toEqual(SEEKER_ANSWERS.map((a) => t(checkInCopy.ANSWER_LABEL_KEYS[a])));
      expect(textOf(toSeeker.args.blocks)).toContain(t('checkIns.resourcesLead').replace(/\*/g, ''));
      // The listener of the same pairing: their own language.
      expect(toListener.args.text).toBe(tl('checkIns.listenerQuestion'));
      expect(labelsOf(toListener)).toEqual(LISTENER_ANSWERS.map((a) => tl(checkInCopy.ANSWER_LABEL_KEYS[a])));

      // Slack was asked for the locale, and it is kept with the timezone (erased with the person, shown in my-data).
      const lookups = e2e.slack.calls.filter((c) => c.method === 'users.info' && c.args.user === seeker.person.id);
      expect(lookups.some((c) => String(c.args.include_locale) === 'true')).toBe(true);
      expect(await e2e.db.personTimezone.findUnique({ where: { userId: seeker.person.id } })).toMatchObject({ locale: seeker.person.locale });

      // The answer, once the app recorded the check-in as sent: the reply where they clicked is in their language too.
      const sent = await eventually(() => e2e.db.checkIn.findFirst({ where: { id: seekerRow.id, status: 'sent', messageTs: { not: null } } }), 8000);
      const helpful = buttonsOf(toSeeker.args.blocks).find((b) => b.action_id === CheckInIds.answer.helpful)!;
      const clickedAt = e2e.mark();
      const { responseKey } = await clickAs(e2e, seeker.person.id, {
        actionId: helpful.action_id!,
        value: helpful.value!,
        channelId: `D${seeker.person.id}`,
        messageTs: sent.messageTs!,
        message: { text: toSeeker.args.text, blocks: toSeeker.args.blocks },
      });
      const reply = await answered(e2e, clickedAt, responseKey);
      expect(reply.args.text).toBe(t(checkInCopy.THANKS_KEYS.helpful));
    });
  }
});
