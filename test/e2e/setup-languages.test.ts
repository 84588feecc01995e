import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consentText } from '../../src/domain/consent.js';
import { INTERNATIONAL_LINES } from '../../src/domain/resources.js';
import * as copy from '../../src/features/initiatives/copy.js';
import { CONSENT_GIVEN, InitiativeIds } from '../../src/features/initiatives/ids.js';
import { translatorFor } from '../../src/i18n/translate.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import {
  click,
  commandModal,
  fieldErrorsOf,
  initiativeFields,
  inputBlock,
  makeWorkspaceAdmin,
  openedModal,
  submit,
  TEST_RESOURCES,
  textOf,
  updatedView,
} from '../support/flows.js';
import { person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 19 end to end for setting up: an admin whose Slack speaks German gets the whole setup form in
// German (labels, the template of resources, guidelines and topics, the widely known lines, the
// coordinator consent), its errors and its confirmation too, and the German consent text is recorded
// as the words they agreed to; the new initiative's default language is German. A Spanish colleague
// who may not set one up is told so in Spanish. Nothing here waits for working hours.

const ADMIN: Person = { ...person('U0SLGADM01', 'Annegret', 'Vollmer'), tz: 'Europe/Berlin', locale: 'de-DE' };
const COLLEAGUE: Person = { ...person('U0SLGCOL01', 'Lucía', 'Navarro'), tz: 'Europe/Madrid', locale: 'es-ES' };
const de = translatorFor('de');
const es = translatorFor('es');
const B = InitiativeIds.blocks;

describe.each(TEST_PROVIDERS)('setting up an initiative in the admin\'s language, on %s', (provider) => {
  let e2e: PairingE2E;
  let initiativeId = '';

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [ADMIN, COLLEAGUE]);
    makeWorkspaceAdmin(e2e, ADMIN.id);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('shows a German admin the setup form in German, starting from the German template, and refuses it in German until it is theirs', async () => {
    const { loading, view } = await commandModal(e2e, ADMIN.id, 'setup');
    expect(loading.title.text).toBe(de('setup.title'));
    expect(textOf(loading.blocks)).toContain(de('common.loading'));
    expect(view.title.text).toBe(de('setup.title'));
    expect(view.submit?.text).toBe(de('setup.create'));
    expect((inputBlock(view, B.name) as unknown as { label: { text: string } }).label.text).toBe(de('setup.name.label'));
    expect(inputBlock(view, B.topics).element.initial_value).toBe(de('setup.default.topics'));
    expect(inputBlock(view, B.resources).element.initial_value).toBe(de('setup.default.resources'));
    expect(inputBlock(view, B.guidelines).element.initial_value).toBe(de('setup.default.guidelines'));
    // A new initiative is offered the language its template is written in.
    expect((inputBlock(view, B.language).element as { initial_option?: { value: string } }).initial_option?.value).toBe('de');
    const lines = (inputBlock(view, B.resourceLines).element.options as { text: { text: string } }[]).map((o) => o.text.text);
    expect(lines).toEqual(INTERNATIONAL_LINES.map((l) => l.line.de));
    const text = textOf(view.blocks);
    expect(text).toContain(consentText('coordinator', 'de').text);
    expect(text).not.toContain(consentText('coordinator', 'en').text);
    expect(text).not.toContain('Listener guidelines');

    // The template as shipped: refused, in German, naming the placeholder left.
    const form = { viewId: undefined, view };
    const template = await submit(e2e, ADMIN.id, form, { [B.name]: 'Peer Support Süd', [B.description]: 'Kolleginnen und Kollegen hören einander zu.', [B.consent]: [CONSENT_GIVEN] });
    expect(fieldErrorsOf(template)).toEqual({ [B.resources]: copy.placeholderLeft(de, '<eure EAP-Telefonnummer>') });
    const numbers = await submit(e2e, ADMIN.id, form, initiativeFields({ [B.retentionDays]: '3', [B.name]: '' }));
    expect(fieldErrorsOf(numbers)).toEqual({ [B.name]: de('setup.error.nameMissing'), [B.retentionDays]: de('setup.error.days', { min: 7, max: 3650 }) });
    const noConsent = await submit(e2e, ADMIN.id, form, initiativeFields({ [B.consent]: [] }));
    expect(fieldErrorsOf(noConsent)).toEqual({ [B.consent]: de('setup.error.consent') });
    expect(await e2e.db.initiative.count()).toBe(0);
    expect(await e2e.db.consentRecord.count()).toBe(0);

    // Saved: the German confirmation, the German topics, German by default, and the German consent text recorded.
    const since = e2e.mark();
    const saved = await submit(e2e, ADMIN.id, form, initiativeFields({ [B.name]: 'Peer Support Süd', [B.resources]: TEST_RESOURCES, [B.resourceLines]: ['telefonseelsorge'] }));
    expect(saved.text).toBe('');
    const confirmation = await e2e.next('chat.postMessage', since, (call) => call.args.channel === ADMIN.id);
    expect(confirmation.args.text).toBe(copy.created(de, 'Peer Support Süd', 0));
    expect(textOf(confirmation.args.blocks as never)).toContain(de('setup.confirmationFooter'));
    const initiative = await e2e.db.initiative.findFirstOrThrow({ include: { topics: { orderBy: { position: 'asc' } } } });
    initiativeId = initiative.id;
    expect(initiative.language).toBe('de');
    expect(initiative.resources).toBe(`${TEST_RESOURCES}\n${INTERNATIONAL_LINES.find((l) => l.id === 'telefonseelsorge')!.line.de}`);
    expect(initiative.topics.map((t) => t.label)).toEqual(de('setup.default.topics').split('\n'));
    const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: ADMIN.id, purpose: 'coordinator' } });
    expect(consent.textVersion).toBe(consentText('coordinator', 'de').version);
    expect(consent.textVersion).not.toBe(consentText('coordinator', 'en').version);
  });

  it('opens the edit form in German, and a German coordinator who already agreed is not asked again', async () => {
    const since = e2e.mark();
    const { triggerId } = await click(e2e, { actionId: InitiativeIds.editButton, value: initiativeId, userId: ADMIN.id, view: { type: 'home', id: 'VHOMESLG1' } });
    const form = await openedModal(e2e, since, triggerId);
    expect(form.view.title.text).toBe(de('setup.editTitle'));
    expect(form.view.submit?.text).toBe(de('setup.save'));
    expect(form.view.blocks.some((b) => b.block_id === B.consent)).toBe(false);
    const saving = e2e.mark();
    expect((await submit(e2e, ADMIN.id, form, { [B.description]: 'Wir hören einander zu.' })).text).toBe('');
    const saved = await e2e.next('chat.postMessage', saving, (call) => call.args.channel === ADMIN.id);
    expect(saved.args.text).toBe(copy.saved(de, 'Peer Support Süd', 0));
    expect(await e2e.db.consentRecord.count({ where: { userId: ADMIN.id } })).toBe(1);
  });

  it('tells a Spanish colleague who may not set one up, in Spanish, and opens no form', async () => {
    const { view } = await commandModal(e2e, COLLEAGUE.id, 'setup');
    expect(view.title.text).toBe(es('setup.title'));
    expect(textOf(view.blocks)).toBe(copy.notAllowedToCreate(es, []));
    // And a coordinator's form they forge is refused in the language it was shown in, saving nothing.
    const forged = await submit(e2e, COLLEAGUE.id, { view: { ...view, callback_id: InitiativeIds.setupModal, private_metadata: JSON.stringify({ initiativeId, language: 'es' }), blocks: [] } });
    expect(textOf(updatedView(forged).blocks)).toBe(es('setup.notCoordinator'));
    expect((await e2e.db.initiative.findUniqueOrThrow({ where: { id: initiativeId } })).description).toBe('Wir hören einander zu.');
  });
});
