import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSENT_TEXTS, consentText } from '../../src/domain/consent.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as invitationCopy from '../../src/features/initiatives/invitation-copy.js';
import { translatorFor } from '../../src/i18n/translate.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { acceptInvitation, buttonValue, click, commandModal, invitationFor, setUpInitiative, submit, textOf, updatedView } from '../support/flows.js';
import { eventually, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 19 end to end for invitations: a coordinator whose Slack is in British English names a colleague
// whose Slack speaks German as a coordinator, and one whose Slack speaks Spanish as an HR viewer. Each DM
// is worded in the invitee's language with the consent text in it; accepting records the version of the
// German text the person read and is answered in German; the Spanish invitation, withdrawn before it is
// answered, is replaced in Spanish, and its old button is answered in Spanish too.

const COORDINATOR: Person = { ...person('U0ILGCRD01', 'Eleanor', 'Whitcombe'), locale: 'en-GB' };
const GERMAN: Person = { ...person('U0ILGDE001', 'Friederike', 'Baumgartner'), tz: 'Europe/Berlin', locale: 'de-DE' };
const SPANISH: Person = { ...person('U0ILGES001', 'Lucía', 'Fernández'), tz: 'Europe/Madrid', locale: 'es-ES' };
const NAME = 'Kreis Süd & Ost';
const B = InitiativeIds.blocks;
const de = translatorFor('de');
const es = translatorFor('es');

describe.each(TEST_PROVIDERS)("invitations in the invitee's language, on %s", (provider) => {
  let e2e: PairingE2E;
  let initiativeId: string;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [COORDINATOR, GERMAN, SPANISH]);
    ({ id: initiativeId } = await setUpInitiative(e2e, COORDINATOR.id, { [B.name]: NAME, [B.coordinators]: [GERMAN.id], [B.hrViewers]: [SPANISH.id] }));
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** The invitation once its DM is recorded as sent (where it went, and in which language), just after the post. */
  const sentInvitation = (id: string) => eventually(() => e2e.db.invitation.findFirst({ where: { id, messageTs: { not: null } } }));

  it('sends a colleague whose Slack speaks German the invitation in German, with the German consent text, and stores that language', async () => {
    const invitation = await invitationFor(e2e, GERMAN.id);
    expect(invitation.call.args.text).toBe(invitationCopy.invitationText(de, COORDINATOR.id, 'coordinator', NAME));
    const text = textOf(invitation.call.args.blocks);
    expect(text).toContain(de('invitations.header'));
    expect(text).toContain(consentText('coordinator', 'de').text);
    expect(text).not.toContain(CONSENT_TEXTS.coordinator.text);
    expect(text).toContain(de('invitations.accept'));
    expect(text).toContain(de('invitations.decline'));
    expect(await sentInvitation(invitation.value)).toMatchObject({ inviteeId: GERMAN.id, role: 'coordinator', language: 'de' });
  });

  it('sends the colleague whose Slack speaks Spanish theirs in Spanish', async () => {
    const invitation = await invitationFor(e2e, SPANISH.id);
    expect(invitation.call.args.text).toBe(invitationCopy.invitationText(es, COORDINATOR.id, 'hr_viewer', NAME));
    expect(textOf(invitation.call.args.blocks)).toContain(consentText('hr_viewer', 'es').text);
    expect((await sentInvitation(invitation.value)).language).toBe('es');
  });

  it('records the German consent text as the one accepted, and thanks them in German', async () => {
    const invitation = await invitationFor(e2e, GERMAN.id);
    const since = e2e.mark();
    await acceptInvitation(e2e, GERMAN.id, invitation);
    const updated = await e2e.next('chat.update', since, (call) => call.args.channel === `D${GERMAN.id}`);
    expect(updated.args.text).toBe(invitationCopy.roleAccepted(de, 'coordinator', NAME));
    expect(await e2e.db.initiativeMember.count({ where: { userId: GERMAN.id, initiativeId, role: 'coordinator' } })).toBe(1);
    const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: GERMAN.id } });
    expect(consent).toMatchObject({ initiativeId, purpose: 'coordinator', action: 'given', surface: 'message:invitation' });
    expect(consent.textVersion).toBe(consentText('coordinator', 'de').version);
    expect(consent.textVersion).not.toBe(CONSENT_TEXTS.coordinator.version);
  });

  it('replaces the Spanish invitation, withdrawn before it is answered, in Spanish, and answers its old button in Spanish', async () => {
    const invitation = await invitationFor(e2e, SPANISH.id);
    const stored = await sentInvitation(invitation.value);

    // The coordinator takes the HR viewer off the form: /peer setup, the initiative, saved without them.
    const opened = await commandModal(e2e, COORDINATOR.id, 'setup');
    const form = { viewId: opened.viewId, view: updatedView(await submit(e2e, COORDINATOR.id, opened, { [B.choice]: initiativeId })) };
    const since = e2e.mark();
    expect((await submit(e2e, COORDINATOR.id, form, { [B.hrViewers]: [] })).text).toBe('');
    const replaced = await e2e.next('chat.update', since, (call) => call.args.ts === stored.messageTs);
    expect(replaced.args.channel).toBe(stored.channel);
    expect(replaced.args.text).toBe(invitationCopy.invitationWithdrawn(es, 'hr_viewer', NAME));
    expect(await e2e.db.invitation.count({ where: { inviteeId: SPANISH.id } })).toBe(0);

    // Nothing stands any more: the answer comes in the clicker's own language, from their Slack.
    const clicked = e2e.mark();
    expect(buttonValue(invitation.call.args.blocks, InitiativeIds.acceptRole)).toBe(invitation.value);
    await click(e2e, { actionId: InitiativeIds.acceptRole, value: invitation.value, userId: SPANISH.id, channelId: String(stored.channel), messageTs: String(stored.messageTs) });
    const refusal = await e2e.next('chat.postEphemeral', clicked, (call) => call.args.user === SPANISH.id);
    expect(refusal.args.text).toBe(invitationCopy.invitationGone(es));
    expect(await e2e.db.initiativeMember.count({ where: { userId: SPANISH.id } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId: SPANISH.id } })).toBe(0);
  });
});
