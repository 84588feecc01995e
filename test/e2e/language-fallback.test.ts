import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consentText } from '../../src/domain/consent.js';
import * as checkInCopy from '../../src/features/check-ins/copy.js';
import { InitiativeIds, TEXT_BLOCKS } from '../../src/features/initiatives/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { PreferenceIds } from '../../src/features/preferences/ids.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import * as requestCopy from '../../src/features/requests/copy.js';
import { translatorFor } from '../../src/i18n/translate.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { command, commandModal, jsonOf, setUpInitiative, submit, textOf, volunteer, type Block } from '../support/flows.js';
import { acceptOffer, answered, askForListener, clickAs, dmFrom, eventually, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';
import { zoneInWorkingHours } from '../support/working-hours.js';

// Issue 19 end to end: where Slack's locale is one the app does not speak (fr-FR, pt-BR), everything
// is worded in the initiative's default language (a setup field; German here), not English; and a
// person's own choice on their Home tab wins over both, until they go back to their Slack's.
// Check-ins go only at a humane hour, so everyone lives where it is working hours now.

const ZONE = zoneInWorkingHours(new Date());
const here = (p: Person, locale: string): Person => ({ ...p, tz: ZONE ?? 'Europe/London', locale });

const COORDINATOR = here(person('U0FBKCRD01', 'Wilhelmina', 'Oberhauser'), 'en-GB');
const SEEKER = here(person('U0FBKSKR01', 'Apolline', 'Desrosiers'), 'fr-FR');
const LISTENER = here(person('U0FBKLSN01', 'Joaquim', 'Albuquerque'), 'pt-BR');
const COLLEAGUE = here(person('U0FBKCOL01', 'Rosalind', 'Pemberton'), 'en-GB');
const PEOPLE = [COORDINATOR, SEEKER, LISTENER, COLLEAGUE];
const GERMAN_RESOURCES = 'Telefonseelsorge: 0800 111 0 111 (rund um die Uhr)';
const GERMAN_GUIDELINES = 'Hör zu, ohne zu urteilen. Was du hörst, bleibt bei dir.';
const de = translatorFor('de');
const en = translatorFor('en');
const es = translatorFor('es');

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const blocksOfView = (call: RecordedCall) => (call.args.view as { blocks: Block[] }).blocks;
type Button = { action_id: string; value: string };
const buttonsIn = (call: RecordedCall) => ((call.args.blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []) as Button[]);

const suite = ZONE ? describe : describe.skip;

suite.each(TEST_PROVIDERS)("the initiative's language and a person's own choice, on %s", (provider) => {
  let e2e: PairingE2E;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Kreis Nord',
      [InitiativeIds.blocks.topics]: 'Anxiety',
      [InitiativeIds.blocks.approval]: [],
      [InitiativeIds.blocks.language]: 'de',
      // The coordinator's own words in German: resources, guidelines and the topic's label.
      [TEXT_BLOCKS.de.resources]: GERMAN_RESOURCES,
      [TEXT_BLOCKS.de.guidelines]: GERMAN_GUIDELINES,
      [TEXT_BLOCKS.de.topics]: 'Angst',
    });
    // The listener's form shows the topic in the initiative's German too.
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Angst'] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function helpFor(userId: string): Promise<string> {
    const { response } = await command(e2e, userId, 'help');
    return (response.json as { text: string }).text;
  }

  /** Clicks one of the Home tab's language buttons and returns the tab as published after it. */
  async function chooseLanguage(userId: string, actionId: string, value: string, expected: string): Promise<RecordedCall> {
    const since = e2e.mark();
    await clickAs(e2e, userId, { actionId, value, view: { id: 'V0HOMETAB1', type: 'home' } });
    return e2e.next('views.publish', since, (c) => c.args.user_id === userId && textOf(blocksOfView(c)).includes(expected));
  }

  /** Makes the check-in `id` due now and returns the message the app sends for it. */
  async function dueCheckIn(id: string, to: string): Promise<RecordedCall> {
    const since = e2e.mark();
    const past = new Date(Date.now() - 60_000);
    await e2e.db.checkIn.update({ where: { id }, data: { dueAt: past, deliverAt: past } });
    return e2e.next('chat.postMessage', since, (c) => sentTo(to)(c) && jsonOf(c.args.blocks).includes(id), 10_000);
  }

  it('keeps the default language chosen on the setup form', async () => {
    const initiative = await e2e.db.initiative.findFirstOrThrow({ where: { name: 'Kreis Nord' } });
    expect(initiative.language).toBe('de');
  });

  it("words everything for a fr-FR seeker and a pt-BR listener in the initiative's German, and a colleague with en-GB in English", async () => {
    const initiative = await e2e.db.initiative.findFirstOrThrow({ where: { name: 'Kreis Nord' } });
    const { response } = await command(e2e, SEEKER.id, 'help');
    const help = response.json as { text: string; blocks: Block[] };
    expect(help.text.startsWith(de('help.intro'))).toBe(true);
    // The resources the coordinator wrote in German, for German readers only.
    expect(textOf(help.blocks)).toContain(GERMAN_RESOURCES);
    expect(textOf(help.blocks)).not.toContain(initiative.resources.split('\n')[0]);
    const { response: theirs } = await command(e2e, COLLEAGUE.id, 'help');
    expect((theirs.json as { text: string }).text.startsWith(en('help.intro'))).toBe(true);
    expect(textOf((theirs.json as { blocks: Block[] }).blocks)).not.toContain(GERMAN_RESOURCES);

    const form = await commandModal(e2e, SEEKER.id, 'request');
    expect(form.view.title.text).toBe(de('requests.title'));
    expect(textOf(form.view.blocks)).toContain(consentText('seeker_request', 'de').text);
    expect(textOf(form.view.blocks)).toContain(GERMAN_RESOURCES);
    expect(jsonOf(form.view.blocks)).toContain('"text":"Angst"');
    expect(jsonOf(form.view.blocks)).not.toContain('"text":"Anxiety"');

    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Angst' });
    expect(asked.waitingDm.args.text).toBe(requestCopy.requestReceived(de, 'Angst'));
    expect(textOf(asked.waitingDm.args.blocks)).toContain(GERMAN_RESOURCES);
    if (!asked.offer) throw new Error('nobody was offered the request');
    expect(asked.offer.listenerId).toBe(LISTENER.id);
    expect(asked.offer.call.args.text).toBe(de('offers.notification'));
    expect(textOf(asked.offer.call.args.blocks)).toContain('Angst');
    const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: SEEKER.id, purpose: 'seeker_request', action: 'given' } });
    expect(consent.textVersion).toBe(consentText('seeker_request', 'de').version);

    await eventually(() => e2e.db.supportRequest.findFirst({ where: { id: asked.requestId, waitingMessageTs: { not: null } } }), 8000);
    const intro = await acceptOffer(e2e, asked.offer, SEEKER.id);
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
    expect(intro.toSeeker.args.text).toBe(pairingCopy.introForSeeker(de, pairing.listenerPseudonym));
    expect(intro.toListener.args.text).toBe(pairingCopy.introForListenerNotification(de, pairing.seekerPseudonym));
    expect(textOf(intro.toListener.args.blocks)).toContain(GERMAN_GUIDELINES);

    const seekerRow = await e2e.db.checkIn.findFirstOrThrow({ where: { subjectId: pairing.id, kind: 'seeker', status: 'scheduled' } });
    const checkIn = await dueCheckIn(seekerRow.id, SEEKER.id);
    expect(checkIn.args.text).toBe(checkInCopy.seekerQuestion(de, pairing.listenerPseudonym));
    expect(textOf(checkIn.args.blocks)).toContain(GERMAN_RESOURCES);
  });

  it('a language chosen on the Home tab wins over Slack and the initiative, for help and for check-ins, until they go back', async () => {
    // The colleague (en-GB) picks Spanish: the tab says so, in Spanish, with a way back.
    const chosen = await chooseLanguage(COLLEAGUE.id, PreferenceIds.language.es, 'es', es('home.language.chosen', { language: 'Español' }));
    expect(jsonOf(blocksOfView(chosen))).toContain(PreferenceIds.language.slack);
    expect(textOf(blocksOfView(chosen))).toContain(es('home.language.useSlack'));
    expect(await e2e.db.personPreference.findUnique({ where: { userId: COLLEAGUE.id } })).toMatchObject({ language: 'es', previews: false });
    expect((await helpFor(COLLEAGUE.id)).startsWith(es('help.intro'))).toBe(true);

    // The fr-FR seeker picks English: their next check-in comes in English, not the initiative's German.
    await chooseLanguage(SEEKER.id, PreferenceIds.language.en, 'en', en('home.language.chosen', { language: 'English' }));
    const pairing = await e2e.db.pairing.findFirstOrThrow({ where: { seekerId: SEEKER.id, status: 'active' } });
    const next = await eventually(() => e2e.db.checkIn.findFirst({ where: { subjectId: pairing.id, kind: 'seeker', status: 'scheduled' } }), 8000);
    const checkIn = await dueCheckIn(next.id, SEEKER.id);
    expect(checkIn.args.text).toBe(checkInCopy.seekerQuestion(en, pairing.listenerPseudonym));
    expect((await helpFor(SEEKER.id)).startsWith(en('help.intro'))).toBe(true);

    // Back to their Slack's language: fr-FR is not spoken, so German again, and the choice is gone.
    const back = await chooseLanguage(SEEKER.id, PreferenceIds.language.slack, 'slack', de('home.language.fromSlack', { language: 'Deutsch' }));
    expect(jsonOf(blocksOfView(back))).not.toContain(PreferenceIds.language.slack);
    expect(await e2e.db.personPreference.findUnique({ where: { userId: SEEKER.id } })).toMatchObject({ language: null });
    expect((await helpFor(SEEKER.id)).startsWith(de('help.intro'))).toBe(true);
  });

  it('relays with a notification in the reader\'s language, and words the crisis notes for each side in theirs', async () => {
    const pairing = await e2e.db.pairing.findFirstOrThrow({ where: { seekerId: SEEKER.id, status: 'active' } });
    const since = e2e.mark();
    await dmFrom(e2e, SEEKER.id, 'Manchmal will ich nicht mehr leben.');
    // The listener (pt-BR, so the initiative's German) is notified without words, in German.
    const relayed = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && jsonOf(c.args.blocks).includes('nicht mehr leben'));
    expect(relayed.args.text).toBe(de('pairings.relayedNotification'));
    // The seeker: the crisis lead and the German resources; the listener: their note, in German.
    const lead = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && c.args.text === de('pairings.crisis.seekerLead'));
    expect(textOf(lead.args.blocks)).toContain(GERMAN_RESOURCES);
    const note = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && c.args.text === de('pairings.crisis.listenerNote'));
    expect(textOf(note.args.blocks)).toContain(GERMAN_RESOURCES);
    expect(buttonsIn(note).map((b) => b.action_id)).toContain(PairingIds.shareResources);
    // The listener shares the resources: the seeker gets them in German, the listener's answer is German too.
    const share = buttonsIn(note).find((b) => b.action_id === PairingIds.shareResources)!;
    const clickedAt = e2e.mark();
    const { responseKey } = await clickAs(e2e, LISTENER.id, { actionId: share.action_id, value: share.value, channelId: `D${LISTENER.id}` });
    const shared = await e2e.next('chat.postMessage', clickedAt, (c) => sentTo(SEEKER.id)(c) && String(c.args.text).startsWith(pairingCopy.resourcesSharedWithYou(de, pairing.listenerPseudonym)));
    expect(textOf(shared.args.blocks)).toContain(GERMAN_RESOURCES);
    expect((await answered(e2e, clickedAt, responseKey)).args.text).toBe(pairingCopy.resourcesShared(de, pairing.seekerPseudonym));
  });

  it("offers to share names in each side's language", async () => {
    const pairing = await e2e.db.pairing.findFirstOrThrow({ where: { seekerId: SEEKER.id, status: 'active' } });
    const since = e2e.mark();
    await clickAs(e2e, SEEKER.id, { actionId: PairingIds.reveal, value: pairing.id, channelId: `D${SEEKER.id}` });
    await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && c.args.text === de('pairings.reveal.waiting'));
    const offered = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && c.args.text === de('pairings.reveal.offered'));
    expect(buttonsIn(offered).map((b) => (b as { text?: { text: string } }).text?.text)).toEqual([de('pairings.button.reveal')]);
  });

  it("opens the form to raise a concern in the reporter's language, with its error in it too", async () => {
    const pairing = await e2e.db.pairing.findFirstOrThrow({ where: { seekerId: SEEKER.id, status: 'active' } });
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.report, value: pairing.id, channelId: `D${SEEKER.id}` });
    const opened = await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId);
    const view = opened.args.view as { title: { text: string }; blocks: Block[] };
    expect(view.title.text).toBe(de('reports.title'));
    expect(jsonOf(view.blocks)).toContain(de('reports.reason.safety'));
    const refused = await submit(e2e, SEEKER.id, { view: view as never }, {});
    expect(JSON.stringify(refused.json)).toContain(de('reports.chooseReason'));
    expect(await e2e.db.report.count()).toBe(0);
  });

  it('ends the conversation in each side\'s language: the seeker\'s kind ending with the German resources, the listener\'s thanks', async () => {
    const pairing = await e2e.db.pairing.findFirstOrThrow({ where: { seekerId: SEEKER.id, status: 'active' } });
    const since = e2e.mark();
    await clickAs(e2e, SEEKER.id, { actionId: PairingIds.end, value: pairing.id, channelId: `D${SEEKER.id}` });
    const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && c.args.text === de('pairings.end.byYou'));
    expect(textOf(toSeeker.args.blocks)).toContain(GERMAN_RESOURCES);
    expect(textOf(toSeeker.args.blocks)).toContain(de('pairings.ending.question'));
    const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && String(c.args.text).startsWith(de('pairings.end.byOther')));
    expect(toListener.args.text).toContain(pairingCopy.listenerThanks(de, pairing.seekerPseudonym));
    // "Did this help?", answered in German too.
    const helped = buttonsIn(toSeeker).find((b) => b.action_id === PairingIds.endingHelped)!;
    const clickedAt = e2e.mark();
    const { responseKey } = await clickAs(e2e, SEEKER.id, { actionId: helped.action_id, value: helped.value, channelId: `D${SEEKER.id}` });
    expect((await answered(e2e, clickedAt, responseKey)).args.text).toBe(de('pairings.ending.thanks'));
  });

  it("sends what is stored about them in their language, and confirms the erasure in it", async () => {
    const since = e2e.mark();
    const { response } = await command(e2e, SEEKER.id, 'my-data');
    const summary = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && String(c.args.text).startsWith(de('myData.title')));
    expect(String(summary.args.text)).toContain('Eine Anfrage bei *Kreis Nord*');
    expect(textOf(summary.args.blocks)).toContain(de('myData.onlyYou'));
    const file = await e2e.next('files.completeUploadExternal', since);
    expect(JSON.stringify(file.args)).toContain(de('myData.fileTitle'));
    await eventually(async () => (e2e.slack.calls.slice(since).some((c) => c.method === 'response_url' && jsonOf(c.args).includes(de('myData.sent'))) ? true : null), 5000);
    expect(response.status).toBe(200);

    const form = await commandModal(e2e, SEEKER.id, 'delete-my-data');
    expect(form.view.title.text).toBe(de('myData.confirm.title'));
    expect(textOf(form.view.blocks)).toContain(de('myData.confirm.text'));
    const erasedAt = e2e.mark();
    await submit(e2e, SEEKER.id, form, {});
    await e2e.next('chat.postMessage', erasedAt, (c) => sentTo(SEEKER.id)(c) && c.args.text === de('myData.erased'));
  });

  it('a value that is not a language changes nothing', async () => {
    const before = await e2e.db.personPreference.findUnique({ where: { userId: COLLEAGUE.id } });
    await clickAs(e2e, COLLEAGUE.id, { actionId: PreferenceIds.language.de, value: 'fr', view: { id: 'V0HOMETAB1', type: 'home' } });
    expect(await e2e.db.personPreference.findUnique({ where: { userId: COLLEAGUE.id } })).toEqual(before);
  });
});
