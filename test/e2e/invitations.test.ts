import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { CONSENT_TEXTS } from '../../src/domain/consent.js';
import * as copy from '../../src/features/initiatives/copy.js';
import * as invitationCopy from '../../src/features/initiatives/invitation-copy.js';
import { CONSENT_GIVEN as COORDINATOR_CONSENT, InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import {
  acceptInvitation,
  click,
  commandModal,
  fieldErrorsOf,
  initiativeFields,
  inputBlock,
  invitationFor,
  listenerFields,
  openListenForm,
  openSetupForm,
  setUpInitiative,
  startE2E,
  submit,
  textOf,
  updatedView,
  volunteer,
  type E2E,
  type FieldValue,
  type ModalView,
} from '../support/flows.js';

// Issue 13, "no role or consent decided by the client": the real process, a fake Slack and signed
// requests. Roles are granted only from stored invitations, consent is asked whenever the server says
// so whatever the form claims, and only admins, owners, INITIATIVE_CREATORS and coordinators create
// initiatives. Each forgery below is a request anyone in the workspace could send.

const B = InitiativeIds.blocks;
const L = ListenerIds.blocks;
const ADMIN = 'U0ADMIN001';
const CREATOR = 'U0CREATOR1'; // named in INITIATIVE_CREATORS, not an admin
const NOBODY = 'U0NOBODY01'; // neither
const HR_VIEWER = 'U0HRVIEW01';
const SECOND = 'U0SECOND01';
const OUTSIDER = 'U0OUTSIDE1';
const LISTENER = 'U0LISTEN01';

/** The form as a forger would send it: without the consent box, and with private_metadata of their choosing. */
function forged(view: ModalView, metadata: Record<string, unknown>, consentBlock: string): { view: ModalView } {
  return { view: { ...view, blocks: view.blocks.filter((b) => b.block_id !== consentBlock), private_metadata: JSON.stringify(metadata) } };
}

function hasInput(view: ModalView, blockId: string): boolean {
  return view.blocks.some((b) => b.type === 'input' && b.block_id === blockId);
}

describe.each(TEST_PROVIDERS)('invitations, creators and consent decided by the server on %s', (provider) => {
  let e2e: E2E;
  let initiativeId = '';

  beforeAll(async () => {
    e2e = await startE2E(provider, inject('templates'), {
      users: [{ id: ADMIN, is_admin: true }, { id: CREATOR }, { id: NOBODY }, { id: OUTSIDER }],
      env: { INITIATIVE_CREATORS: CREATOR },
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** Nothing names `userId` as a member, and no consent of theirs is recorded. */
  async function grantedNothing(userId: string): Promise<void> {
    expect(await e2e.db.initiativeMember.count({ where: { userId } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId } })).toBe(0);
  }

  it('tells someone who is not an admin, owner, listed creator or coordinator who can set up an initiative, and creates nothing from their forged form', async () => {
    const { view } = await commandModal(e2e, NOBODY, 'setup');
    expect(view.blocks.some((b) => b.type === 'input')).toBe(false);
    const text = textOf(view.blocks);
    expect(text).toBe(copy.notAllowedToCreate(english, [CREATOR]));
    expect(text).toContain('workspace admins and owners');
    expect(text).toContain(`<@${CREATOR}>`);
    expect(text).toContain('coordinators of an existing initiative');

    // The check is made again on submission: a setup form taken from an admin and sent as NOBODY.
    const adminForm = await openSetupForm(e2e, ADMIN);
    expect(adminForm.view.callback_id).toBe(InitiativeIds.setupModal);
    const response = await submit(e2e, NOBODY, adminForm, initiativeFields({ [B.name]: 'Not allowed' }));
    expect(textOf(updatedView(response).blocks)).toBe(copy.notAllowedToCreate(english, [CREATOR]));
    expect(await e2e.db.initiative.count()).toBe(0);
    await grantedNothing(NOBODY);
  });

  it('lets someone named in INITIATIVE_CREATORS set up an initiative without being an admin', async () => {
    const form = await openSetupForm(e2e, CREATOR);
    expect(form.view.callback_id).toBe(InitiativeIds.setupModal);
    const response = await submit(e2e, CREATOR, form, initiativeFields({ [B.name]: 'Creators Circle' }));
    expect(response.text).toBe('');
    const initiative = await e2e.db.initiative.findFirstOrThrow({ where: { name: 'Creators Circle' }, include: { members: true } });
    expect(initiative.members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: CREATOR, role: 'coordinator' }]);
  });

  it('lets an admin set up an initiative, storing one invitation per person named', async () => {
    initiativeId = (await setUpInitiative(e2e, ADMIN, { [B.name]: 'Admin Circle', [B.approval]: [], [B.hrViewers]: [HR_VIEWER], [B.coordinators]: [SECOND] })).id;
    const rows = await e2e.db.invitation.findMany({ where: { initiativeId }, orderBy: { role: 'asc' } });
    expect(rows.map((r) => ({ role: r.role, inviteeId: r.inviteeId }))).toEqual([
      { role: 'coordinator', inviteeId: SECOND },
      { role: 'hr_viewer', inviteeId: HR_VIEWER },
    ]);
    const invitation = await invitationFor(e2e, HR_VIEWER);
    expect(invitation.value).toBe(rows[1]!.id);
    await grantedNothing(HR_VIEWER);
  });

  it('refuses 11 people in a picker with an error on that field, saving nothing and inviting nobody', async () => {
    const form = await openSetupForm(e2e, ADMIN);
    expect(inputBlock(form.view, B.coordinators).element).toMatchObject({ max_selected_items: copy.MAX_PEOPLE_PER_PICKER });
    const eleven = Array.from({ length: 11 }, (_, i) => `U0MANY${String(i).padStart(4, '0')}`);
    const initiatives = await e2e.db.initiative.count();
    const invitations = await e2e.db.invitation.count();
    const response = await submit(e2e, ADMIN, form, initiativeFields({ [B.name]: 'Crowded', [B.coordinators]: eleven }));
    expect(fieldErrorsOf(response)).toEqual({ [B.coordinators]: english('setup.error.tooManyPeople', { max: copy.MAX_PEOPLE_PER_PICKER }) });
    expect(await e2e.db.initiative.count()).toBe(initiatives);
    expect(await e2e.db.invitation.count()).toBe(invitations);
  });

  it('grants nothing from a forged invitation button: another role or person in the value, the clicker\'s own id, or someone else\'s invitation', async () => {
    const invitation = await invitationFor(e2e, HR_VIEWER);
    const values = [
      JSON.stringify({ initiativeId, role: 'hr_viewer', userId: OUTSIDER }),
      JSON.stringify({ initiativeId, role: 'coordinator', userId: OUTSIDER }),
      OUTSIDER,
      initiativeId,
    ];
    for (const value of values) {
      const since = e2e.mark();
      await click(e2e, { actionId: InitiativeIds.acceptRole, value, userId: OUTSIDER, channelId: `D${OUTSIDER}`, messageTs: '1700000002.000100' });
      const refusal = await e2e.next('chat.postEphemeral', since, (call) => call.args.user === OUTSIDER);
      expect(refusal.args.text).toBe(invitationCopy.invitationGone(english));
    }
    const since = e2e.mark();
    await click(e2e, { actionId: InitiativeIds.acceptRole, value: invitation.value, userId: OUTSIDER, channelId: `D${HR_VIEWER}` });
    const refusal = await e2e.next('chat.postEphemeral', since, (call) => call.args.user === OUTSIDER);
    expect(refusal.args.text).toBe(invitationCopy.notYourInvitation(english));

    await grantedNothing(OUTSIDER);
    // The real invitation still stands for the person it was made for.
    expect(await e2e.db.invitation.count({ where: { id: invitation.value, inviteeId: HR_VIEWER } })).toBe(1);
  });

  it('lets a coordinator of an existing initiative, who is not an admin, set up another', async () => {
    await acceptInvitation(e2e, SECOND, await invitationFor(e2e, SECOND));
    expect(await e2e.db.initiativeMember.count({ where: { userId: SECOND, role: 'coordinator', initiativeId } })).toBe(1);
    const form = await openSetupForm(e2e, SECOND);
    expect(form.view.callback_id).toBe(InitiativeIds.setupModal);
    const response = await submit(e2e, SECOND, form, initiativeFields({ [B.name]: 'Second Circle' }));
    expect(response.text).toBe('');
    expect(await e2e.db.initiative.count({ where: { name: 'Second Circle' } })).toBe(1);
  });

  /** The admin's edit form for the initiative, through /peer setup and the chooser. */
  async function editForm(): Promise<{ viewId: string; view: ModalView }> {
    const opened = await commandModal(e2e, ADMIN, 'setup');
    const response = await submit(e2e, ADMIN, opened, { [B.choice]: initiativeId });
    return { viewId: opened.viewId, view: updatedView(response) };
  }

  it('withdraws an invitation edited out before it is answered, says so in the DM, and the old button grants nothing', async () => {
    const invitation = await invitationFor(e2e, HR_VIEWER);
    const stored = await e2e.db.invitation.findUniqueOrThrow({ where: { id: invitation.value } });
    expect(stored.channel).toBeTruthy();
    const form = await editForm();
    // Pending invitees are in the picker, so saving the form unchanged keeps their invitation.
    expect(inputBlock(form.view, B.hrViewers).element.initial_users).toEqual([HR_VIEWER]);

    const since = e2e.mark();
    expect((await submit(e2e, ADMIN, form, { [B.hrViewers]: [] })).text).toBe('');
    const replaced = await e2e.next('chat.update', since, (call) => call.args.ts === stored.messageTs);
    expect(replaced.args.channel).toBe(stored.channel);
    expect(replaced.args.text).toBe(invitationCopy.invitationWithdrawn(english, 'hr_viewer', 'Admin Circle'));
    expect(await e2e.db.invitation.count({ where: { inviteeId: HR_VIEWER } })).toBe(0);

    const clicked = e2e.mark();
    await click(e2e, { actionId: InitiativeIds.acceptRole, value: invitation.value, userId: HR_VIEWER, channelId: String(stored.channel), messageTs: String(stored.messageTs) });
    const refusal = await e2e.next('chat.postEphemeral', clicked, (call) => call.args.user === HR_VIEWER);
    expect(refusal.args.text).toBe(invitationCopy.invitationGone(english));
    await grantedNothing(HR_VIEWER);
  });

  it('records a withdrawal for a member removed from the form', async () => {
    const form = await editForm();
    expect(inputBlock(form.view, B.coordinators).element.initial_users).toEqual([ADMIN, SECOND]);
    expect((await submit(e2e, ADMIN, form, { [B.coordinators]: [ADMIN] })).text).toBe('');
    expect(await e2e.db.initiativeMember.count({ where: { userId: SECOND, initiativeId } })).toBe(0);
    const records = await e2e.db.consentRecord.findMany({ where: { userId: SECOND, initiativeId }, orderBy: { createdAt: 'asc' } });
    expect(records.map((r) => ({ purpose: r.purpose, action: r.action }))).toEqual([
      { purpose: 'coordinator', action: 'given' },
      { purpose: 'coordinator', action: 'withdrawn' },
    ]);
  });

  it('asks for consent on a new initiative whatever a forged private_metadata says, creating nothing without it', async () => {
    const form = await openSetupForm(e2e, ADMIN);
    const before = await e2e.db.initiative.count();
    const fields = initiativeFields({ [B.name]: 'No consent' });
    delete fields[B.consent];
    const response = await submit(e2e, ADMIN, forged(form.view, { initiativeId: null, needsConsent: false }, B.consent), fields);
    const again = updatedView(response);
    expect(hasInput(again, B.consent)).toBe(true);
    expect(textOf(again.blocks)).toContain(CONSENT_TEXTS.coordinator.text);
    expect(inputBlock(again, B.name).element.initial_value).toBe('No consent');
    expect(await e2e.db.initiative.count()).toBe(before);
  });

  it('asks a coordinator whose consent is to an older text to consent again before saving, whatever the form says', async () => {
    await e2e.db.consentRecord.updateMany({ where: { userId: ADMIN, initiativeId }, data: { textVersion: 'coordinator-0000000000' } });
    const form = await editForm();
    expect(hasInput(form.view, B.consent)).toBe(true);
    const response = await submit(e2e, ADMIN, forged(form.view, { initiativeId, needsConsent: false }, B.consent), { [B.name]: 'Renamed without consent' });
    expect(hasInput(updatedView(response), B.consent)).toBe(true);
    expect((await e2e.db.initiative.findUniqueOrThrow({ where: { id: initiativeId } })).name).toBe('Admin Circle');

    // Ticked, it saves and records consent to the current text.
    const ticked = await submit(e2e, ADMIN, form, { [B.name]: 'Admin Circle', [B.consent]: [COORDINATOR_CONSENT] });
    expect(ticked.text).toBe('');
    const latest = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: ADMIN, initiativeId }, orderBy: { createdAt: 'desc' } });
    expect(latest).toMatchObject({ action: 'given', textVersion: CONSENT_TEXTS.coordinator.version });
  });

  it('asks a new listener for consent whatever a forged private_metadata says, storing nothing without it', async () => {
    const form = await openListenForm(e2e, OUTSIDER, initiativeId);
    expect(hasInput(form.view, L.consent)).toBe(true);
    const fields = listenerFields(form.view);
    delete fields[L.consent];
    const response = await submit(e2e, OUTSIDER, forged(form.view, { initiativeId, needsConsent: false }, L.consent), fields);
    expect(hasInput(updatedView(response), L.consent)).toBe(true);
    expect(await e2e.db.listenerProfile.count({ where: { userId: OUTSIDER } })).toBe(0);
    await grantedNothing(OUTSIDER);
  });

  it('asks a listener whose consent is to an older text to consent again before their profile changes, whatever the form says', async () => {
    const { profile } = await volunteer(e2e, LISTENER, { initiativeId, fields: { [L.capacity]: '2' } });
    await e2e.db.consentRecord.updateMany({ where: { userId: LISTENER }, data: { textVersion: 'listener-0000000000' } });
    const form = await openListenForm(e2e, LISTENER, initiativeId);
    expect(hasInput(form.view, L.consent)).toBe(true);
    const fields: Record<string, FieldValue> = { ...listenerFields(form.view), [L.capacity]: '5' };
    delete fields[L.consent];
    const response = await submit(e2e, LISTENER, forged(form.view, { initiativeId, needsConsent: false }, L.consent), fields);
    expect(hasInput(updatedView(response), L.consent)).toBe(true);
    expect((await e2e.db.listenerProfile.findUniqueOrThrow({ where: { id: profile.id } })).capacity).toBe(2);
    expect(await e2e.db.consentRecord.count({ where: { userId: LISTENER, textVersion: CONSENT_TEXTS.listener.version } })).toBe(0);
  });
});
