import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { CONSENT_TEXTS } from '../../src/domain/consent.js';
import * as copy from '../../src/features/initiatives/copy.js';
import * as invitationCopy from '../../src/features/initiatives/invitation-copy.js';
import { INTERNATIONAL_LINES } from '../../src/domain/resources.js';
import { APPROVAL_REQUIRED, InitiativeIds, NEW_INITIATIVE, TEXT_BLOCKS } from '../../src/features/initiatives/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import {
  acceptInvitation,
  asView,
  buttonValue,
  click,
  commandModal,
  fieldErrorsOf,
  initiativeFields,
  inputBlock,
  invitationFor,
  makeWorkspaceAdmin,
  openedModal,
  openSetupForm,
  startE2E,
  stateFor,
  submit,
  TEAM,
  TEST_RESOURCES,
  textOf,
  updatedView,
  type E2E,
} from '../support/flows.js';
import { eventCallback, viewSubmission } from '../../src/simulator/requests.js';

// Issue 3, "setup by a colleague": the real process, a fake Slack and signed requests.

const B = InitiativeIds.blocks;
const COORDINATOR = 'U0COORD001';
const HR_VIEWER = 'U0HRVIEW01';
const SECOND_COORDINATOR = 'U0COORD002';
const OUTSIDER = 'U0OUTSIDE1';

describe.each(TEST_PROVIDERS)('setting up an initiative on %s', (provider) => {
  let e2e: E2E;
  let initiativeId = '';

  beforeAll(async () => {
    e2e = await startE2E(provider, inject('templates'));
    // Only workspace admins and owners, INITIATIVE_CREATORS and coordinators may set one up (issue 13).
    makeWorkspaceAdmin(e2e, COORDINATOR);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function nothingStored(): Promise<void> {
    expect(await e2e.db.workspace.count()).toBe(0);
    expect(await e2e.db.initiative.count()).toBe(0);
    expect(await e2e.db.initiativeTopic.count()).toBe(0);
    expect(await e2e.db.initiativeMember.count()).toBe(0);
    expect(await e2e.db.consentRecord.count()).toBe(0);
    expect(await e2e.db.invitation.count()).toBe(0);
  }

  it('opens a loading modal at once, then fills in the setup form with default topics and the consent text', async () => {
    const { loading, view } = await commandModal(e2e, COORDINATOR, 'setup');
    expect(textOf(loading.blocks)).toContain('One moment');
    expect(view.callback_id).toBe(InitiativeIds.setupModal);
    expect(inputBlock(view, B.topics).element.initial_value).toBe(english('setup.default.topics'));
    expect(inputBlock(view, B.minGroupSize).element.initial_value).toBe('5');
    expect(inputBlock(view, B.consent).element.options).toHaveLength(1);
    expect(textOf(view.blocks)).toContain('*What we store:*');
    await nothingStored();
  });

  it('rejects a submission without the consent tick with an error on the consent field, storing nothing', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const response = await submit(e2e, COORDINATOR, form, initiativeFields({ [B.consent]: [] }));
    expect(response.status).toBe(200);
    expect(Object.keys(fieldErrorsOf(response))).toEqual([B.consent]);
    await nothingStored();
  });

  it('rejects a minimum group size of 2 with an error on that field, storing nothing', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const response = await submit(e2e, COORDINATOR, form, initiativeFields({ [B.minGroupSize]: '2' }));
    expect(Object.keys(fieldErrorsOf(response))).toEqual([B.minGroupSize]);
    await nothingStored();
  });

  it('refuses the resources template as shipped on its field, and a list with no number or link, storing nothing', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const template = await submit(e2e, COORDINATOR, form, initiativeFields({ [B.resources]: english('setup.default.resources') }));
    expect(fieldErrorsOf(template)).toEqual({ [B.resources]: copy.placeholderLeft(english, '<your EAP phone number>') });
    const noContact = await submit(e2e, COORDINATOR, form, initiativeFields({ [B.resources]: 'Talk to your manager.\nLook after yourself.' }));
    expect(fieldErrorsOf(noContact)).toEqual({ [B.resources]: english('setup.error.noContact') });
    await nothingStored();
  });

  it('checks the texts in other languages as it checks the initiative\'s own: real contacts, one topic per line, storing nothing', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const fields = (extra: Record<string, string>) => initiativeFields({ [B.topics]: 'Anxiety\nGrief', ...extra });
    const placeholder = await submit(e2e, COORDINATOR, form, fields({ [TEXT_BLOCKS.de.resources]: 'Telefonseelsorge: <Nummer>' }));
    expect(fieldErrorsOf(placeholder)).toEqual({ [TEXT_BLOCKS.de.resources]: copy.placeholderLeft(english, '<Nummer>') });
    const noContact = await submit(e2e, COORDINATOR, form, fields({ [TEXT_BLOCKS.es.resources]: 'Habla con tu responsable.' }));
    expect(fieldErrorsOf(noContact)).toEqual({ [TEXT_BLOCKS.es.resources]: english('setup.error.noContact') });
    const oneTopicShort = await submit(e2e, COORDINATOR, form, fields({ [TEXT_BLOCKS.de.topics]: 'Angst' }));
    expect(fieldErrorsOf(oneTopicShort)).toEqual({ [TEXT_BLOCKS.de.topics]: copy.topicLinesMismatch(english, 2) });
    await nothingStored();
  });

  it('"Preview as a seeker" shows the request form as a colleague would see it, resources first, saving nothing', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const since = e2e.mark();
    const typed = initiativeFields({ [B.name]: 'Preview Circle', [B.topics]: 'Anxiety\nGrief', [B.resourceLines]: ['us988'] });
    const { triggerId } = await click(e2e, {
      actionId: InitiativeIds.previewButton,
      userId: COORDINATOR,
      view: { id: form.viewId, callback_id: InitiativeIds.setupModal, state: { values: stateFor(form.view, typed) } },
    });
    const pushed = await e2e.next('views.push', since, (call) => call.args.trigger_id === triggerId);
    const preview = asView(pushed.args.view);
    expect(preview.callback_id).toBe(InitiativeIds.previewModal);
    const shown = textOf(preview.blocks);
    // Resources first: before the first question.
    expect(shown.indexOf('0800 123 4567')).toBeGreaterThan(-1);
    expect(shown.indexOf('988 Suicide and Crisis Lifeline')).toBeGreaterThan(-1);
    expect(JSON.stringify(preview.blocks)).toContain('Grief');
    // Closing it saves nothing.
    const closed = await e2e.send(viewSubmission({ teamId: TEAM, userId: COORDINATOR, callbackId: InitiativeIds.previewModal, viewId: 'VPREVIEW1', values: {} }));
    expect(closed.status).toBe(200);
    expect(closed.text).toBe('');
    await nothingStored();
  });

  it('creates the initiative, its topics, the creator as coordinator and their consent record', async () => {
    const form = await openSetupForm(e2e, COORDINATOR);
    const since = e2e.mark();
    const before = Date.now();
    const response = await submit(
      e2e,
      COORDINATOR,
      form,
      initiativeFields({
        [B.name]: 'Peer Support UK',
        [B.topics]: 'Anxiety\nBereavement and loss\n\nanxiety\nNeurodivergence',
        [B.resourceLines]: ['samaritans'],
        [B.approval]: [],
        [B.hrViewers]: [HR_VIEWER],
        [B.minGroupSize]: '6',
        [B.retentionDays]: '60',
        [B.firstCheckInDays]: '3',
        [B.checkInEveryDays]: '10',
        [B.waitingUpdateEveryDays]: '5',
        [B.reviewAfterWeeks]: '8',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const confirmation = await e2e.next('chat.postMessage', since, (call) => call.args.channel === COORDINATOR);
    expect(String(confirmation.args.text)).toContain('Peer Support UK');
    await e2e.next('views.publish', since, (call) => call.args.user_id === COORDINATOR);

    const initiative = await e2e.db.initiative.findFirstOrThrow({ include: { topics: { orderBy: { position: 'asc' } }, members: true } });
    initiativeId = initiative.id;
    expect(initiative).toMatchObject({
      workspaceId: TEAM,
      name: 'Peer Support UK',
      description: 'Colleagues listening to colleagues.',
      approvalRequired: false,
      minGroupSize: 6,
      retentionDays: 60,
      firstCheckInDays: 3,
      checkInEveryDays: 10,
      waitingUpdateEveryDays: 5,
      reviewAfterWeeks: 8,
    });
    expect(initiative.resources).toBe(`${TEST_RESOURCES}\n${INTERNATIONAL_LINES.find((l) => l.id === 'samaritans')!.line.en}`);
    expect(initiative.topics.map((t) => t.label)).toEqual(['Anxiety', 'Bereavement and loss', 'Neurodivergence']);
    expect(initiative.members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: COORDINATOR, role: 'coordinator' }]);

    const consents = await e2e.db.consentRecord.findMany();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      workspaceId: TEAM,
      userId: COORDINATOR,
      initiativeId,
      purpose: 'coordinator',
      action: 'given',
      textVersion: CONSENT_TEXTS.coordinator.version,
      surface: 'modal:setup',
    });
    expect(consents[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(consents[0]!.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('invites a named HR viewer, storing only the invitation (initiative, role, person, time) until they accept', async () => {
    const invitation = await invitationFor(e2e, HR_VIEWER);
    expect(invitation.call.args.text).toBe(invitationCopy.invitationText(english, COORDINATOR, 'hr_viewer', 'Peer Support UK'));
    expect(textOf(invitation.call.args.blocks)).toContain(CONSENT_TEXTS.hr_viewer.text);
    expect(await e2e.db.initiativeMember.count({ where: { userId: HR_VIEWER } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId: HR_VIEWER } })).toBe(0);
    // DESIGN.md invariant 3's one exception; the button carries only the invitation's id.
    const stored = await e2e.db.invitation.findFirstOrThrow({ where: { inviteeId: HR_VIEWER } });
    expect(stored).toMatchObject({ initiativeId, role: 'hr_viewer' });
    expect(invitation.value).toBe(stored.id);
  });

  it('refuses an invitation clicked by someone other than the invited person', async () => {
    const invitation = await invitationFor(e2e, HR_VIEWER);
    const since = e2e.mark();
    await click(e2e, { actionId: InitiativeIds.acceptRole, value: invitation.value, userId: OUTSIDER, channelId: `D${HR_VIEWER}` });
    const refusal = await e2e.next('chat.postEphemeral', since, (call) => call.args.user === OUTSIDER);
    expect(refusal.args.text).toBe(invitationCopy.notYourInvitation(english));
    expect(await e2e.db.initiativeMember.count({ where: { userId: OUTSIDER } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId: OUTSIDER } })).toBe(0);
  });

  it('stores the HR viewer with their consent once they accept', async () => {
    const invitation = await invitationFor(e2e, HR_VIEWER);
    const since = e2e.mark();
    await acceptInvitation(e2e, HR_VIEWER, invitation);
    const updated = await e2e.next('chat.update', since, (call) => call.args.channel === `D${HR_VIEWER}`);
    expect(updated.args.text).toBe(invitationCopy.roleAccepted(english, 'hr_viewer', 'Peer Support UK'));
    await e2e.next('views.publish', since, (call) => call.args.user_id === HR_VIEWER);

    const member = await e2e.db.initiativeMember.findFirstOrThrow({ where: { userId: HR_VIEWER } });
    expect(member).toMatchObject({ initiativeId, role: 'hr_viewer' });
    expect(await e2e.db.invitation.count({ where: { inviteeId: HR_VIEWER } })).toBe(0);
    const consent = await e2e.db.consentRecord.findFirstOrThrow({ where: { userId: HR_VIEWER } });
    expect(consent).toMatchObject({
      initiativeId,
      purpose: 'hr_viewer',
      action: 'given',
      textVersion: CONSENT_TEXTS.hr_viewer.version,
      surface: 'message:invitation',
    });
  });

  it('shows the Home tab with coordinator tools when the coordinator opens it', async () => {
    const since = e2e.mark();
    const res = await e2e.send(eventCallback({ type: 'app_home_opened', user: COORDINATOR, channel: `D${COORDINATOR}`, tab: 'home' }, { teamId: TEAM }));
    expect(res.status).toBe(200);
    const published = await e2e.next('views.publish', since, (call) => call.args.user_id === COORDINATOR);
    expect(buttonValue((published.args.view as { blocks: unknown }).blocks, InitiativeIds.editButton)).toBe(initiativeId);
  });

  it('gives someone who is not a coordinator a polite refusal when they open the settings', async () => {
    const since = e2e.mark();
    const { triggerId } = await click(e2e, { actionId: InitiativeIds.editButton, value: initiativeId, userId: OUTSIDER, view: { type: 'home', id: 'VHOMEOUT1' } });
    const { view } = await openedModal(e2e, since, triggerId);
    expect(view.callback_id).not.toBe(InitiativeIds.setupModal);
    expect(textOf(view.blocks)).toContain(english('setup.notCoordinator'));
    expect(view.blocks.some((b) => b.type === 'input')).toBe(false);
  });

  it('refuses a forged settings submission from someone who is not a coordinator, changing nothing', async () => {
    // The outsider may not open the form at all, so the forgery starts from the coordinator's.
    const form = {
      view: {
        ...(await openSetupForm(e2e, COORDINATOR)).view,
        private_metadata: JSON.stringify({ initiativeId, needsConsent: false }),
      },
    };
    const response = await submit(e2e, OUTSIDER, form, initiativeFields({ [B.name]: 'Taken over', [B.consent]: [] }));
    expect(textOf(updatedView(response).blocks)).toContain(english('setup.notCoordinator'));
    expect((await e2e.db.initiative.findUniqueOrThrow({ where: { id: initiativeId } })).name).toBe('Peer Support UK');
    expect(await e2e.db.initiative.count()).toBe(1);
  });

  it('lets the coordinator edit the settings and invite another coordinator', async () => {
    const since = e2e.mark();
    const { triggerId } = await click(e2e, { actionId: InitiativeIds.editButton, value: initiativeId, userId: COORDINATOR, view: { type: 'home', id: 'VHOMECO1' } });
    const form = await openedModal(e2e, since, triggerId);
    expect(form.view.callback_id).toBe(InitiativeIds.setupModal);
    expect(inputBlock(form.view, B.name).element.initial_value).toBe('Peer Support UK');
    expect(inputBlock(form.view, B.hrViewers).element.initial_users).toEqual([HR_VIEWER]);
    // The coordinator consented when they set it up; editing does not ask again.
    expect(form.view.blocks.some((b) => b.block_id === B.consent)).toBe(false);

    const saving = e2e.mark();
    const response = await submit(e2e, COORDINATOR, form, {
      [B.name]: 'Peer Support UK & Ireland',
      [B.topics]: 'Anxiety\nNeurodivergence\nChronic illness',
      [B.approval]: [APPROVAL_REQUIRED],
      [B.coordinators]: [SECOND_COORDINATOR],
    });
    expect(response.text).toBe('');
    const saved = await e2e.next('chat.postMessage', saving, (call) => call.args.channel === COORDINATOR);
    expect(saved.args.text).toBe(copy.saved(english, 'Peer Support UK & Ireland', 1));

    const initiative = await e2e.db.initiative.findUniqueOrThrow({ where: { id: initiativeId }, include: { topics: { orderBy: { position: 'asc' } } } });
    expect(initiative.name).toBe('Peer Support UK & Ireland');
    expect(initiative.approvalRequired).toBe(true);
    expect(initiative.topics.map((t) => t.label)).toEqual(['Anxiety', 'Neurodivergence', 'Chronic illness']);
    // The HR viewer stays (still named); the new coordinator is only invited.
    expect(await e2e.db.initiativeMember.count({ where: { userId: HR_VIEWER } })).toBe(1);
    expect(await e2e.db.initiativeMember.count({ where: { userId: SECOND_COORDINATOR } })).toBe(0);

    const invitation = await invitationFor(e2e, SECOND_COORDINATOR, saving);
    expect(invitation.call.args.text).toBe(invitationCopy.invitationText(english, COORDINATOR, 'coordinator', 'Peer Support UK & Ireland'));
  });

  it('stores nothing about an invited coordinator who declines', async () => {
    const invitation = await invitationFor(e2e, SECOND_COORDINATOR);
    const since = e2e.mark();
    await click(e2e, {
      actionId: InitiativeIds.declineRole,
      value: invitation.value,
      userId: SECOND_COORDINATOR,
      channelId: `D${SECOND_COORDINATOR}`,
    });
    const updated = await e2e.next('chat.update', since, (call) => call.args.channel === `D${SECOND_COORDINATOR}`);
    expect(updated.args.text).toBe(invitationCopy.roleDeclined(english));
    expect(await e2e.db.invitation.count({ where: { inviteeId: SECOND_COORDINATOR } })).toBe(0);
    expect(await e2e.db.initiativeMember.count({ where: { userId: SECOND_COORDINATOR } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId: SECOND_COORDINATOR } })).toBe(0);
  });

  it('offers the coordinator a choice between editing and a new initiative on /peer setup', async () => {
    const { view } = await commandModal(e2e, COORDINATOR, 'setup');
    expect(view.callback_id).toBe(InitiativeIds.chooseModal);
    const values = inputBlock(view, B.choice).element.options?.map((o) => o.value);
    expect(values).toEqual([initiativeId, NEW_INITIATIVE]);
  });
});
