import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { PairingIds, REPORT_REASONS } from '../../src/features/pairings/ids.js';
import { english, translatorFor, type Translate } from '../../src/i18n/translate.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { acceptInvitation, asView, buttonValue, fieldErrorsOf, invitationFor, jsonOf, setUpInitiative, submit, textOf, updatedView, volunteer, type ModalView } from '../support/flows.js';
import { acceptOffer, answered, askForListener, clickAs, leaksTo, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 19 end to end for the coordinators' side of concerns and of a listener asking for support: an
// initiative has two coordinators, one whose Slack speaks German (de-DE) and one British English
// (en-GB). Messages to several coordinators are rendered per recipient: a concern raised reaches each in
// their own language, and so does a listener's call for support; the German coordinator's reply form,
// its refusals and its answer are German, while the reporter hears the reply in their own language.
// Nothing here waits for anyone's working hours (the listener is available every day, at any time).

const GERMAN: Person = { ...person('U0CLGCRDDE', 'Wiebke', 'Oberländer'), tz: 'Europe/Berlin', locale: 'de-DE' };
const BRITISH: Person = { ...person('U0CLGCRDEN', 'Rosalind', 'Pemberton'), tz: 'Europe/London', locale: 'en-GB' };
const SEEKER: Person = { ...person('U0CLGSEEK1', 'Thaddeus', 'Blackwood'), locale: 'en-GB' };
const LISTENER: Person = { ...person('U0CLGLSTN1', 'Ottilie', 'Fairweather'), locale: 'en-GB' };
const COORDINATORS: [Person, Translate][] = [
  [GERMAN, translatorFor('de')],
  [BRITISH, english],
];
const de = translatorFor('de');
const REPLY = 'Danke, dass du dich gemeldet hast. Wir kümmern uns darum: saffron-pelican-2291.';

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const closeOf = (view: ModalView) => (view as { close?: { text: string } }).close?.text;
const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;

describe.each(TEST_PROVIDERS)("the coordinators' notices in each coordinator's language, on %s", (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };
  let pairingId = '';
  /** The concern's notice, as each coordinator got it. */
  const notices = new Map<string, RecordedCall>();

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [GERMAN, BRITISH, SEEKER, LISTENER]);
    const since = e2e.mark();
    initiative = await setUpInitiative(e2e, BRITISH.id, {
      [InitiativeIds.blocks.name]: 'Leuchtturm Nord',
      [InitiativeIds.blocks.topics]: 'Anxiety',
      [InitiativeIds.blocks.approval]: [],
      [InitiativeIds.blocks.coordinators]: [GERMAN.id],
    });
    await acceptInvitation(e2e, GERMAN.id, await invitationFor(e2e, GERMAN.id, since));
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    pairingId = (await acceptOffer(e2e, asked.offer!, SEEKER.id)).pairingId;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** `who` clicks "Reply to …" in a notice: the placeholder shown at once, then the form. */
  async function openReply(who: Person, notice: RecordedCall): Promise<{ loading: ModalView; viewId: string; view: ModalView }> {
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, who.id, { actionId: PairingIds.replyToReport, value: buttonValue(notice.args.blocks, PairingIds.replyToReport), channelId: `D${who.id}` });
    const opened = await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId);
    const update = await e2e.next('views.update', since);
    return { loading: asView(opened.args.view), viewId: String(update.args.view_id), view: asView(update.args.view) };
  }

  it('a concern raised reaches each coordinator in their own language: German for de-DE, English for en-GB', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const opening = e2e.mark();
    const { triggerId } = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.report, value: pairingId, channelId: `D${SEEKER.id}` });
    const form = asView((await e2e.next('views.open', opening, (c) => c.args.trigger_id === triggerId)).args.view);
    const since = e2e.mark();
    const reason = REPORT_REASONS.find((r) => r.value === 'safety')!;
    expect((await submit(e2e, SEEKER.id, { view: form }, { [PairingIds.blocks.reason]: reason.value })).status).toBe(200);
    // The reporter is thanked in their own language.
    await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.report.sent')));

    const report = await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } });
    for (const [coordinator, t] of COORDINATORS) {
      const notice = await e2e.next('chat.postMessage', since, (c) => sentTo(coordinator.id)(c) && jsonOf(c.args.blocks).includes(PairingIds.replyToReport));
      notices.set(coordinator.id, notice);
      // The lock screen names nobody, in the coordinator's language.
      expect(notice.args.text).toBe(t('reports.coordinators.notification'));
      expect(textOf(notice.args.blocks)).toContain(
        pairingCopy.reportNotice(t, {
          reportId: report.id,
          initiativeName: initiative.name,
          reporterSide: 'seeker',
          reporterPseudonym: pairing.seekerPseudonym,
          aboutPseudonym: pairing.listenerPseudonym,
          aboutListenerUserId: LISTENER.id,
          reason: reason.value,
        }),
      );
      expect(shown(notice)).toContain(t(reason.label));
      expect(jsonOf(notice.args.blocks)).toContain(JSON.stringify(t('reports.coordinators.replyButton', { pseudonym: pairing.seekerPseudonym })));
      expect(buttonValue(notice.args.blocks, PairingIds.replyToReport)).toBe(report.id);
      // Invariant 5 in either language: nothing addressed to a coordinator identifies the seeker.
      expect(leaksTo(e2e.slack.calls, e2e.owners, coordinator.id, [SEEKER])).toEqual([]);
    }
    // Each worded for its reader alone: no English in the German notice.
    const german = shown(notices.get(GERMAN.id)!);
    expect(german).toContain('Grund: Ich mache mir Sorgen um die Sicherheit von jemandem.');
    for (const words of [english(reason.label), english('reports.coordinators.notification'), 'A concern was raised']) expect(german).not.toContain(words);
    expect(shown(notices.get(BRITISH.id)!)).not.toContain(de(reason.label));
    // The rows that carried them held what the notice says, not its English words.
    const rows = await e2e.db.outboxMessage.findMany({ where: { kind: 'report_notice', recipientId: { in: [GERMAN.id, BRITISH.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.args).join('\n')).not.toContain(english(reason.label));
  });

  it('the German coordinator opens the reply form in German, is answered in German, and the reporter hears the reply in English', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const { loading, viewId, view } = await openReply(GERMAN, notices.get(GERMAN.id)!);
    // Worded in German from the first moment: the placeholder shown while the report loads, then the form.
    expect(loading.title.text).toBe(de('reports.coordinators.replyTitle'));
    expect(textOf(loading.blocks)).toContain(de('common.loading'));
    expect(view.callback_id).toBe(PairingIds.reportReplyModal);
    expect([view.title.text, view.submit?.text, closeOf(view)]).toEqual([de('reports.coordinators.replyTitle'), de('reports.coordinators.replySubmit'), de('common.cancel')]);
    expect(textOf(view.blocks)).toContain(pairingCopy.replyIntro(de, pairing.seekerPseudonym, initiative.name));
    expect(jsonOf(view.blocks)).toContain(JSON.stringify(de('reports.coordinators.replyLabel')));
    expect(jsonOf(view.blocks)).toContain(JSON.stringify(de('reports.coordinators.replyHint')));
    expect(JSON.parse(view.private_metadata ?? '{}')).toEqual({ reportId: buttonValue(notices.get(GERMAN.id)!.args.blocks, PairingIds.replyToReport), language: 'de' });

    // A blank reply is refused in German, and nothing is sent.
    const blank = await submit(e2e, GERMAN.id, { viewId, view }, { [PairingIds.blocks.replyText]: '   ' });
    expect(fieldErrorsOf(blank)).toEqual({ [PairingIds.blocks.replyText]: de('reports.coordinators.replyEmpty') });

    const since = e2e.mark();
    const response = await submit(e2e, GERMAN.id, { viewId, view }, { [PairingIds.blocks.replyText]: REPLY });
    const answer = updatedView(response);
    expect(answer.title.text).toBe(de('reports.coordinators.replyTitle'));
    expect(textOf(answer.blocks)).toContain(de('reports.coordinators.replySent', { pseudonym: pairing.seekerPseudonym }));
    expect(closeOf(answer)).toBe(de('common.close'));
    // The reporter's side is theirs: English around the coordinator's own words, under their pseudonym.
    const reply = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes('saffron-pelican-2291'));
    expect(reply.args.text).toBe(english('reports.replyNotification'));
    expect(shown(reply)).toContain(pairingCopy.reportReplyLead(english, initiative.name, pairing.seekerPseudonym));
    expect(JSON.stringify(reply.args)).not.toContain(GERMAN.id);
    expect(leaksTo(e2e.slack.calls, e2e.owners, GERMAN.id, [SEEKER])).toEqual([]);
  });

  it('the British coordinator opening the same concern is told in English that it was answered, with the date', async () => {
    const { repliedAt } = await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } });
    const { loading, view } = await openReply(BRITISH, notices.get(BRITISH.id)!);
    expect(loading.title.text).toBe(english('reports.coordinators.replyTitle'));
    expect(view.callback_id).toBe(PairingIds.reportReplyModal);
    expect(view.title.text).toBe(english('reports.coordinators.replyTitle'));
    expect(textOf(view.blocks)).toContain(pairingCopy.alreadyReplied(english, repliedAt!));
    expect(textOf(view.blocks)).not.toContain(pairingCopy.alreadyReplied(de, repliedAt!));
  });

  it('a listener asking for support: a note to each coordinator in their own language, naming the listener and never the seeker', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const since = e2e.mark();
    const { responseKey } = await clickAs(e2e, LISTENER.id, { actionId: PairingIds.askCoordinator, value: pairingId, channelId: `D${LISTENER.id}` });
    expect(shown(await answered(e2e, since, responseKey))).toContain(english('pairings.crisis.coordinatorAsked'));
    for (const [coordinator, t] of COORDINATORS) {
      const note = await e2e.next('chat.postMessage', since, (c) => sentTo(coordinator.id)(c) && shown(c).includes(`<@${LISTENER.id}>`));
      expect(note.args.text).toBe(t('pairings.crisis.coordinatorNotification'));
      expect(textOf(note.args.blocks)).toContain(pairingCopy.crisisSupportNotice(t, LISTENER.id, initiative.name));
      // Invariant 5: whom they listen to is not said, by name or pseudonym.
      expect(shown(note)).not.toContain(pairing.seekerPseudonym);
      expect(leaksTo([note], e2e.owners, coordinator.id, [SEEKER])).toEqual([]);
    }
    expect(shown(await e2e.next('chat.postMessage', since, sentTo(GERMAN.id)))).not.toContain('asks for support');
    expect(e2e.slack.calls.slice(since).filter(sentTo(SEEKER.id))).toEqual([]);
  });
});
