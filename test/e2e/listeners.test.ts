import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/consent.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as copy from '../../src/features/listeners/copy.js';
import { english } from '../../src/i18n/translate.js';
import { INTRO_MAX, ListenerIds } from '../../src/features/listeners/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { eventually } from '../support/pairing-flows.js';
import {
  acceptInvitation,
  buttonValue,
  click,
  command,
  commandModal,
  fieldErrorsOf,
  inputBlock,
  jsonOf,
  invitationFor,
  listenerFields,
  openedModal,
  openListenForm,
  responded,
  setUpInitiative,
  startE2E,
  submit,
  textOf,
  volunteer,
  type E2E,
  type FieldValue,
} from '../support/flows.js';

// Issue 3, listener opt-in with consent: with and without approval, rejected input, a double submit,
// pause, resume and stop. The real process, a fake Slack and signed requests.

const B = ListenerIds.blocks;
const COORDINATOR = 'U0COORD001';
const SECOND_COORDINATOR = 'U0COORD002';
const OUTSIDER = 'U0OUTSIDE1';
const REJECTED = 'U0REJECT01';
const LISTENER = 'U0LISTEN01';
const DOUBLE = 'U0DOUBLE01';
const APPROVED = 'U0APPROV01';
const DECLINED = 'U0DECLIN01';

// Introductions are what a listener tells strangers about themselves: they must never reach the logs.
const INTRO = 'I lived with panic attacks for years: marmalade-kestrel-4471';
const APPROVED_INTRO = 'Grief came in waves for me after my dad died: tangerine-heron-9902';
const DECLINED_INTRO = 'Caring for my mum taught me a lot: cobalt-otter-5538';

describe.each(TEST_PROVIDERS)('volunteering as a listener on %s', (provider) => {
  let e2e: E2E;
  let open: { id: string; name: string };
  let network: { id: string; name: string };

  beforeAll(async () => {
    e2e = await startE2E(provider, inject('templates'));
    open = await setUpInitiative(e2e, COORDINATOR, {
      [InitiativeIds.blocks.name]: 'Open Circle',
      [InitiativeIds.blocks.approval]: [],
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function consentsOf(userId: string) {
    return e2e.db.consentRecord.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  async function count(metric: string, initiativeId: string): Promise<number> {
    const rows = await e2e.db.anonymousCount.findMany({ where: { metric, initiativeId } });
    return rows.reduce((sum, r) => sum + r.count, 0);
  }

  it('goes straight to the listen form when there is one initiative, with its guidelines and the consent text', async () => {
    const { view } = await commandModal(e2e, LISTENER, 'listen');
    expect(view.callback_id).toBe(ListenerIds.listenModal);
    expect(e2e.slack.calls.some((c) => c.method === 'views.update' && (c.args.view as { callback_id?: string }).callback_id === InitiativeIds.chooseModal)).toBe(false);
    expect(textOf(view.blocks)).toContain('Listen more than you speak');
    expect(textOf(view.blocks)).toContain(CONSENT_TEXTS.listener.text);
    expect(inputBlock(view, B.capacity).element.initial_value).toBe('2');
    expect(inputBlock(view, B.topics).element.options?.map((o) => o.text.text)).toContain('Anxiety');
  });

  describe('rejects bad input field by field and stores nothing', () => {
    const cases: [name: string, change: Record<string, FieldValue>, blockId: string][] = [
      ['without the consent tick', { [B.consent]: [] }, B.consent],
      ['with a capacity of 6', { [B.capacity]: '6' }, B.capacity],
      ['with a 281-character introduction', { [B.intro]: 'x'.repeat(INTRO_MAX + 1) }, B.intro],
      ['with no day for new conversations', { [B.workDays]: [] }, B.workDays],
      ['without a start to the working hours', { [B.workStart]: null }, B.workStart],
      ['without an end to the working hours', { [B.workEnd]: null }, B.workEnd],
    ];

    it.each(cases)('%s', async (_name, change, blockId) => {
      const form = await openListenForm(e2e, REJECTED);
      const response = await submit(e2e, REJECTED, form, listenerFields(form.view, change));
      expect(response.status).toBe(200);
      expect(Object.keys(fieldErrorsOf(response))).toEqual([blockId]);
      expect(await e2e.db.listenerProfile.count()).toBe(0);
      expect(await e2e.db.listenerTopic.count()).toBe(0);
      expect(await e2e.db.consentRecord.count({ where: { userId: REJECTED } })).toBe(0);
      expect(await e2e.db.consentRecord.count({ where: { purpose: 'listener' } })).toBe(0);
    });

    it('accepts an introduction of exactly 280 characters (the limit is not off by one)', async () => {
      const form = await openListenForm(e2e, REJECTED);
      const since = e2e.mark();
      const response = await submit(e2e, REJECTED, form, listenerFields(form.view, { [B.intro]: 'y'.repeat(INTRO_MAX) }));
      expect(response.text).toBe('');
      await e2e.next('chat.postMessage', since, (call) => call.args.channel === REJECTED);
      const profile = await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: REJECTED } });
      expect(profile.intro).toHaveLength(INTRO_MAX);
      // Tidy up through the product itself, so the rest of the file starts from no listeners.
      const { responseKey } = await command(e2e, REJECTED, 'stop');
      await responded(e2e, responseKey);
      expect(await e2e.db.listenerProfile.count()).toBe(0);
    });
  });

  it('creates an active profile with its topics and a listener consent record, and welcomes the listener', async () => {
    const since = e2e.mark();
    const before = Date.now();
    const { profile, welcome } = await volunteer(e2e, LISTENER, {
      fields: {
        topicLabels: ['Anxiety', 'Bereavement and loss'],
        [B.capacity]: '3',
        [B.intro]: INTRO,
        [B.languages]: ['en', 'fr'],
        [B.quietStart]: '20:00',
        [B.quietEnd]: '08:00',
      },
    });
    expect(welcome.args.text).toBe(english('listeners.welcomeActive', { initiative: 'Open Circle' }));
    expect(profile).toMatchObject({
      initiativeId: open.id,
      userId: LISTENER,
      status: 'active',
      capacity: 3,
      intro: INTRO,
      languages: 'en,fr',
      quietHoursStart: '20:00',
      quietHoursEnd: '08:00',
    });
    expect(profile.approvedAt).not.toBeNull();
    const topics = await e2e.db.initiativeTopic.findMany({ where: { initiativeId: open.id, label: { in: ['Anxiety', 'Bereavement and loss'] } } });
    expect(profile.topics.map((t) => t.topicId).sort()).toEqual(topics.map((t) => t.id).sort());

    const consents = await consentsOf(LISTENER);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      initiativeId: open.id,
      purpose: 'listener',
      action: 'given',
      textVersion: CONSENT_TEXTS.listener.version,
      surface: 'modal:listen',
    });
    expect(consents[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await e2e.next('views.publish', since, (call) => call.args.user_id === LISTENER);
    // No approval needed: no coordinator is asked.
    expect(e2e.slack.calls.slice(since).some((c) => jsonOf(c.args.blocks).includes(ListenerIds.approve))).toBe(false);
    expect(await count('listener_joined', open.id)).toBe(2); // the 280-character volunteer, then this one
  });

  it('creates exactly one profile and one consent record from a double submit', async () => {
    const form = await openListenForm(e2e, DOUBLE);
    const since = e2e.mark();
    const fields = listenerFields(form.view, { topicLabels: ['Neurodivergence'] });
    const [first, second] = await Promise.all([submit(e2e, DOUBLE, form, fields), submit(e2e, DOUBLE, form, fields)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Both submissions are answered in the person's DM once their work is done.
    await e2e.nth(2, 'chat.postMessage', since, (call) => call.args.channel === DOUBLE);

    expect(await e2e.db.listenerProfile.count({ where: { userId: DOUBLE } })).toBe(1);
    const profile = await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: DOUBLE }, include: { topics: true } });
    expect(profile.topics).toHaveLength(1);
    expect((await consentsOf(DOUBLE)).map((c) => c.action)).toEqual(['given']);
    expect(await count('listener_joined', open.id)).toBe(3);
  });

  describe('pause, resume and stop', () => {
    async function peer(text: string): Promise<string> {
      const { response, responseKey } = await command(e2e, LISTENER, text);
      expect(response.status).toBe(200);
      return String((await responded(e2e, responseKey)).args.text);
    }

    async function status(): Promise<string | undefined> {
      return (await e2e.db.listenerProfile.findFirst({ where: { userId: LISTENER } }))?.status;
    }

    it('pauses from the form /peer pause opens (no date: until they resume), and the form says so when already paused', async () => {
      const form = await commandModal(e2e, LISTENER, 'pause');
      expect(form.view.callback_id).toBe(ListenerIds.pauseModal);
      expect(textOf(form.view.blocks)).toContain(english('listeners.pause.intro', { initiative: 'Open Circle' }));
      const since = e2e.mark();
      expect((await submit(e2e, LISTENER, form)).text).toBe('');
      expect((await e2e.next('chat.postMessage', since, (call) => call.args.channel === LISTENER)).args.text).toBe(english('listeners.paused', { initiative: 'Open Circle' }));
      const profile = await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER } });
      expect(profile).toMatchObject({ status: 'paused', pausedUntil: null, pauseReason: 'self' });
      expect(profile.pausedAt).not.toBeNull();
      const again = await commandModal(e2e, LISTENER, 'pause');
      expect(textOf(again.view.blocks)).toContain(english('listeners.pause.currentlyNoDate'));
      expect(await status()).toBe('paused');
    });

    it('resumes', async () => {
      expect(await peer('resume')).toBe(english('listeners.resumed', { initiative: 'Open Circle' }));
      const profile = await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER } });
      expect(profile.status).toBe('active');
      expect(profile.pausedAt).toBeNull();
      expect(await peer('resume')).toBe(copy.notPaused(english, 'Open Circle', 'active'));
    });

    it('stops: deletes the profile and appends a withdrawal to the consent log', async () => {
      const profileId = (await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER } })).id;
      expect(await peer('stop')).toBe(english('listeners.stopped', { initiative: 'Open Circle' }));
      expect(await e2e.db.listenerProfile.count({ where: { userId: LISTENER } })).toBe(0);
      expect(await e2e.db.listenerTopic.count({ where: { listenerId: profileId } })).toBe(0);
      const consents = await consentsOf(LISTENER);
      expect(consents.map((c) => [c.purpose, c.action, c.surface])).toEqual([
        ['listener', 'given', 'modal:listen'],
        ['listener', 'withdrawn', 'command:stop'],
      ]);
      expect(consents[1]).toMatchObject({ initiativeId: open.id, textVersion: CONSENT_TEXTS.listener.version });
      expect(await count('listener_left', open.id)).toBe(2); // the 280-character volunteer, then this one
    });

    it('tells someone who is not a listener so, for pause, resume and stop', async () => {
      for (const verb of ['pause', 'resume', 'stop']) expect(await peer(verb)).toBe(english('listeners.notAListener'));
    });

    it('answers an unknown subcommand with help', async () => {
      const { response } = await command(e2e, LISTENER, 'volunteer-me-please');
      const body = response.json as { text: string };
      expect(body.text).toContain('/peer listen');
      expect(body.text).toContain('/peer pause');
    });
  });

  describe('with a coordinator\'s approval', () => {
    let pendingId = '';

    it('shows the initiative chooser first once the workspace has two initiatives', async () => {
      network = await setUpInitiative(e2e, COORDINATOR, { [InitiativeIds.blocks.name]: 'Listening Network' });
      expect((await e2e.db.initiative.findUniqueOrThrow({ where: { id: network.id } })).approvalRequired).toBe(true);

      // A second coordinator, so that every coordinator can be seen to be asked.
      const opening = e2e.mark();
      const { triggerId } = await click(e2e, { actionId: InitiativeIds.editButton, value: network.id, userId: COORDINATOR, view: { type: 'home', id: 'VHOME0001' } });
      const editing = await openedModal(e2e, opening, triggerId);
      const inviting = e2e.mark();
      expect((await submit(e2e, COORDINATOR, editing, { [InitiativeIds.blocks.coordinators]: [SECOND_COORDINATOR] })).text).toBe('');
      await acceptInvitation(e2e, SECOND_COORDINATOR, await invitationFor(e2e, SECOND_COORDINATOR, inviting));
      expect(await e2e.db.initiativeMember.count({ where: { initiativeId: network.id, role: 'coordinator' } })).toBe(2);

      const form = await openListenForm(e2e, APPROVED, network.id);
      expect(form.chooser?.callback_id).toBe(InitiativeIds.chooseModal);
      expect(inputBlock(form.chooser!, InitiativeIds.blocks.choice).element.options?.map((o) => o.value)).toEqual([open.id, network.id]);
      expect(form.view.callback_id).toBe(ListenerIds.listenModal);
      expect(JSON.parse(form.view.private_metadata ?? '{}')).toMatchObject({ initiativeId: network.id });
    });

    it('keeps the profile pending and asks every coordinator to approve or decline', async () => {
      const since = e2e.mark();
      const { profile, welcome } = await volunteer(e2e, APPROVED, { initiativeId: network.id, fields: { [B.intro]: APPROVED_INTRO } });
      pendingId = profile.id;
      expect(profile.status).toBe('pending');
      expect(profile.approvedAt).toBeNull();
      expect(welcome.args.text).toBe(english('listeners.welcomePending', { initiative: 'Listening Network' }));
      expect((await consentsOf(APPROVED)).map((c) => [c.purpose, c.action, c.initiativeId])).toEqual([['listener', 'given', network.id]]);

      for (const coordinator of [COORDINATOR, SECOND_COORDINATOR]) {
        const request = await e2e.next('chat.postMessage', since, (call) => call.args.channel === coordinator && jsonOf(call.args.blocks).includes(ListenerIds.approve));
        expect(buttonValue(request.args.blocks, ListenerIds.approve)).toBe(profile.id);
        expect(buttonValue(request.args.blocks, ListenerIds.decline)).toBe(profile.id);
      }
    });

    it('refuses an approval from someone who is not a coordinator', async () => {
      const { responseKey } = await click(e2e, { actionId: ListenerIds.approve, value: pendingId, userId: OUTSIDER });
      expect((await responded(e2e, responseKey)).args.text).toBe(english('listeners.approval.notCoordinator'));
      expect((await e2e.db.listenerProfile.findUniqueOrThrow({ where: { id: pendingId } })).status).toBe('pending');
    });

    /** Where each coordinator's copy of the approval request landed, as the outbox recorded it (issue 15). */
    async function approvalCopiesOf(profileId: string) {
      // Marked sent, with where it landed, right after Slack answered the post.
      const copies = await eventually(async () => {
        const sent = await e2e.db.outboxMessage.findMany({ where: { kind: 'approval_request', subjectId: profileId, status: 'sent' }, orderBy: { recipientId: 'asc' } });
        return sent.length === 2 ? sent : null;
      });
      expect(copies.map((c) => c.recipientId)).toEqual([COORDINATOR, SECOND_COORDINATOR]);
      for (const c of copies) expect([c.channel, c.messageTs]).toEqual([`D${c.recipientId}`, expect.stringMatching(/^\d+\.\d{6}$/)]);
      return copies;
    }

    it('activates the profile on approval and tells the listener', async () => {
      const copies = await approvalCopiesOf(pendingId);
      const since = e2e.mark();
      const { responseKey } = await click(e2e, { actionId: ListenerIds.approve, value: pendingId, userId: COORDINATOR, channelId: `D${COORDINATOR}` });
      expect((await responded(e2e, responseKey)).args).toMatchObject({
        text: copy.decidedByYou(english, true, APPROVED, 'Listening Network'),
        replace_original: true,
      });
      const told = await e2e.next('chat.postMessage', since, (call) => call.args.channel === APPROVED);
      expect(told.args.text).toBe(english('listeners.approvedForListener', { initiative: 'Listening Network' }));
      const profile = await e2e.db.listenerProfile.findUniqueOrThrow({ where: { id: pendingId } });
      expect(profile.status).toBe('active');
      expect(profile.approvedAt).not.toBeNull();

      // Issue 15: every coordinator's copy, the decider's too, now shows the decision, with no buttons left.
      for (const c of copies) {
        const update = await e2e.next('chat.update', since, (call) => call.args.channel === c.channel && call.args.ts === c.messageTs);
        expect(String(update.args.text)).toMatch(new RegExp(`^<@${APPROVED}> was approved as a listener with \\*Listening Network\\* by <@${COORDINATOR}> on <!date\\^\\d+\\^\\{date_long\\}\\|\\d{4}-\\d{2}-\\d{2}>\\.$`));
        expect(jsonOf(update.args.blocks)).not.toContain(ListenerIds.approve);
        expect(jsonOf(update.args.blocks)).not.toContain(ListenerIds.decline);
      }

      // A click on a copy that had not been updated yet is answered honestly.
      const late = await click(e2e, { actionId: ListenerIds.approve, value: pendingId, userId: SECOND_COORDINATOR, channelId: `D${SECOND_COORDINATOR}` });
      expect((await responded(e2e, late.responseKey)).args.text).toBe(english('listeners.approval.alreadyDecided'));
    });

    it('deletes the profile on decline and tells the volunteer kindly', async () => {
      const since = e2e.mark();
      const { profile } = await volunteer(e2e, DECLINED, { initiativeId: network.id, fields: { [B.intro]: DECLINED_INTRO } });
      const request = await e2e.next('chat.postMessage', since, (call) => call.args.channel === SECOND_COORDINATOR && jsonOf(call.args.blocks).includes(ListenerIds.decline));
      const value = buttonValue(request.args.blocks, ListenerIds.decline);
      const copies = await approvalCopiesOf(profile.id);

      const deciding = e2e.mark();
      const { responseKey } = await click(e2e, { actionId: ListenerIds.decline, value, userId: SECOND_COORDINATOR, channelId: `D${SECOND_COORDINATOR}` });
      expect((await responded(e2e, responseKey)).args.text).toBe(copy.decidedByYou(english, false, DECLINED, 'Listening Network'));
      const told = await e2e.next('chat.postMessage', deciding, (call) => call.args.channel === DECLINED);
      expect(told.args.text).toBe(english('listeners.declinedForListener', { initiative: 'Listening Network' }));
      for (const c of copies) {
        const update = await e2e.next('chat.update', deciding, (call) => call.args.channel === c.channel && call.args.ts === c.messageTs);
        expect(String(update.args.text)).toContain(`<@${DECLINED}> was declined as a listener with *Listening Network* by <@${SECOND_COORDINATOR}> on `);
        expect(jsonOf(update.args.blocks)).not.toContain(ListenerIds.decline);
      }

      expect(await e2e.db.listenerProfile.count({ where: { userId: DECLINED } })).toBe(0);
      expect(await e2e.db.listenerTopic.count({ where: { listenerId: profile.id } })).toBe(0);
      expect((await consentsOf(DECLINED)).map((c) => [c.action, c.surface])).toEqual([
        ['given', 'modal:listen'],
        ['withdrawn', 'coordinator:declined'],
      ]);
    });
  });

  it('never writes a listener\'s introduction to the logs', () => {
    const output = e2e.bot.output();
    expect(output.length).toBeGreaterThan(0);
    // Booleans, so a failure does not print the whole log.
    for (const intro of [INTRO, APPROVED_INTRO, DECLINED_INTRO]) {
      expect(output.includes(intro), `the log quotes "${intro}"`).toBe(false);
      expect(output.includes(intro.split(': ')[1]!), `the log quotes part of "${intro}"`).toBe(false);
    }
  });
});
