import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { PairingIds, REPORT_REASONS } from '../../src/features/pairings/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { acceptInvitation, asView, buttonValue, commandModal, fieldErrorsOf, invitationFor, jsonOf, setUpInitiative, submit, textOf, updatedView, volunteer, type ModalView } from '../support/flows.js';
import {
  acceptOffer,
  askForListener,
  clickAs,
  eventually,
  everyRow,
  identityLeaksBetween,
  leaksTo,
  person,
  startPairingE2E,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';

// Issue 15 end to end, reports coordinators can act on: a seeker reports their listener, and each
// coordinator's notice names the listener, never the seeker (invariant 5); a coordinator replies, and
// the reporter gets the reply under their pseudonym, neutralised, never stored or logged; anyone else
// is refused and nothing is sent; a listener's report names nobody; a reporter who erased their data is
// no longer reachable. The real process, a fake Slack and signed requests.

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const SECOND_COORDINATOR = person('U0COORD002', 'Barnaby', 'Fitzwilliam');
const HR_VIEWER = person('U0HRVIEW01', 'Cornelius', 'Ashdown');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const LISTENER = person('U0LISTNA01', 'Perpetua', 'Lindqvist');
const PEOPLE: Person[] = [COORDINATOR, SECOND_COORDINATOR, HR_VIEWER, SEEKER, LISTENER];
const COORDINATORS = [COORDINATOR, SECOND_COORDINATOR];

// What a coordinator writes: distinctive, so a copy in the logs or the database can be found; hostile,
// so a mention, a broadcast or a masked link in it can be seen to be neutralised.
const REPLY = `Thank you for telling us, we are on it: amber-narwhal-6612. <!channel> <@${COORDINATOR.id}> <https://example.org|Confirm your account>`;
const SECOND_REPLY = 'We have spoken with the listener: teal-ocelot-4407.';

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;

describe.each(TEST_PROVIDERS)('reports coordinators can act on, on %s', (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };
  let pairingId = '';
  /** The seeker's report's notice, as each coordinator got it. */
  const notices = new Map<string, RecordedCall>();

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    const since = e2e.mark();
    initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Lantern Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety',
      [InitiativeIds.blocks.approval]: [],
      [InitiativeIds.blocks.coordinators]: [SECOND_COORDINATOR.id],
      [InitiativeIds.blocks.hrViewers]: [HR_VIEWER.id],
    });
    for (const p of [SECOND_COORDINATOR, HR_VIEWER]) await acceptInvitation(e2e, p.id, await invitationFor(e2e, p.id, since));
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    pairingId = (await acceptOffer(e2e, asked.offer!, SEEKER.id)).pairingId;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** `reporter` reports a concern in the pairing (without blocking) through the real form. */
  async function reportAs(reporter: Person) {
    const opening = e2e.mark();
    const { triggerId } = await clickAs(e2e, reporter.id, { actionId: PairingIds.report, value: pairingId, channelId: `D${reporter.id}` });
    const view = asView((await e2e.next('views.open', opening, (c) => c.args.trigger_id === triggerId)).args.view);
    const since = e2e.mark();
    const reason = REPORT_REASONS.find((r) => r.value === 'guidelines')!;
    expect((await submit(e2e, reporter.id, { view }, { [PairingIds.blocks.reason]: reason.value })).status).toBe(200);
    await e2e.next('chat.postMessage', since, (c) => sentTo(reporter.id)(c) && shown(c).includes(english('pairings.report.sent')));
    const got = new Map<string, RecordedCall>();
    for (const c of COORDINATORS) got.set(c.id, await e2e.next('chat.postMessage', since, (call) => sentTo(c.id)(call) && jsonOf(call.args.blocks).includes(PairingIds.replyToReport)));
    return { since, reason, got };
  }

  /** `who` clicks "Reply to …" in a notice; resolves with the modal they were shown. */
  async function openReply(who: Person, notice: RecordedCall): Promise<{ viewId: string; view: ModalView }> {
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, who.id, { actionId: PairingIds.replyToReport, value: buttonValue(notice.args.blocks, PairingIds.replyToReport), channelId: `D${who.id}` });
    await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId);
    const update = await e2e.next('views.update', since);
    return { viewId: String(update.args.view_id), view: asView(update.args.view) };
  }

  it('a seeker\'s report reaches each coordinator naming the listener it concerns, never the seeker', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const { since, reason, got } = await reportAs(SEEKER);
    for (const c of COORDINATORS) {
      const notice = got.get(c.id)!;
      notices.set(c.id, notice);
      expect(shown(notice)).toContain(initiative.name);
      expect(shown(notice)).toContain(`<@${LISTENER.id}>`);
      expect(shown(notice)).toContain(pairing.seekerPseudonym);
      expect(shown(notice)).toContain(english(reason.label));
      expect(jsonOf(notice.args.blocks)).toContain(english('reports.coordinators.replyButton', { pseudonym: pairing.seekerPseudonym }));
      // Invariant 5: nothing ever addressed to a coordinator carries anything that identifies the seeker.
      expect(leaksTo(e2e.slack.calls, e2e.owners, c.id, [SEEKER])).toEqual([]);
    }
    // The HR viewer hears nothing of it; the listener is not told they were reported.
    expect(e2e.slack.calls.slice(since).filter(sentTo(HR_VIEWER.id))).toEqual([]);
    expect(e2e.slack.calls.slice(since).filter((c) => sentTo(LISTENER.id)(c) && shown(c).includes('concern'))).toEqual([]);
    expect(await e2e.db.report.findMany({ where: { initiativeId: initiative.id } })).toEqual([
      expect.objectContaining({ reporterId: SEEKER.id, reporterSide: 'seeker', reporterPseudonym: pairing.seekerPseudonym, aboutListenerUserId: LISTENER.id, repliedAt: null }),
    ]);
  });

  it('refuses the reply form to anyone but a coordinator, and a forged reply sends nothing', async () => {
    for (const who of [HR_VIEWER, LISTENER]) {
      const { view } = await openReply(who, notices.get(COORDINATOR.id)!);
      expect(view.callback_id).not.toBe(PairingIds.reportReplyModal);
      expect(textOf(view.blocks)).toContain(english('reports.coordinators.notCoordinator'));
      expect(jsonOf(view)).not.toContain(SEEKER.id);
    }
    // The listener submits the coordinator's form as if it were theirs: refused in the form, nothing sent.
    const { viewId, view } = await openReply(COORDINATOR, notices.get(COORDINATOR.id)!);
    const since = e2e.mark();
    const forged = await submit(e2e, LISTENER.id, { viewId, view }, { [PairingIds.blocks.replyText]: 'I know it was you' });
    expect(fieldErrorsOf(forged)).toEqual({ [PairingIds.blocks.replyText]: english('reports.coordinators.notCoordinator') });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect((await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } })).repliedAt).toBeNull();
  });

  it('keeps the form open and unreplied when Slack does not take the reply', async () => {
    const { viewId, view } = await openReply(SECOND_COORDINATOR, notices.get(SECOND_COORDINATOR.id)!);
    e2e.slack.setResponse('chat.postMessage', (call, defaultReply) => (sentTo(SEEKER.id)(call) ? { status: 200, body: { ok: false, error: 'fatal_error' } } : defaultReply()));
    try {
      const failed = await submit(e2e, SECOND_COORDINATOR.id, { viewId, view }, { [PairingIds.blocks.replyText]: REPLY });
      expect(fieldErrorsOf(failed)).toEqual({ [PairingIds.blocks.replyText]: english('reports.coordinators.notSent') });
    } finally {
      e2e.slack.clearResponse('chat.postMessage');
    }
    expect((await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } })).repliedAt).toBeNull();
  });

  it('a coordinator\'s reply reaches the reporter under their pseudonym, neutralised, and is stored nowhere', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const { viewId, view } = await openReply(SECOND_COORDINATOR, notices.get(SECOND_COORDINATOR.id)!);
    expect(view.callback_id).toBe(PairingIds.reportReplyModal);
    expect(textOf(view.blocks)).toContain(pairingCopy.replyIntro(english, pairing.seekerPseudonym, initiative.name));

    const since = e2e.mark();
    const response = await submit(e2e, SECOND_COORDINATOR.id, { viewId, view }, { [PairingIds.blocks.replyText]: REPLY });
    // The form closes on a confirmation only once the reply has gone.
    expect(textOf(updatedView(response).blocks)).toContain(english('reports.coordinators.replySent', { pseudonym: pairing.seekerPseudonym }));
    const reply = e2e.slack.calls.slice(since).find((c) => c.method === 'chat.postMessage' && sentTo(SEEKER.id)(c));
    expect(reply).toBeDefined();
    const text = shown(reply!);
    expect(text).toContain(pairingCopy.reportReplyLead(english, initiative.name, pairing.seekerPseudonym));
    expect(text).toContain('amber-narwhal-6612');
    // Mentions, broadcasts and masked links in the words are inert; the notification carries none of them.
    expect(jsonOf(reply!.args.blocks)).not.toContain('<!channel>');
    expect(jsonOf(reply!.args.blocks)).not.toContain(`<@${COORDINATOR.id}>`);
    expect(jsonOf(reply!.args.blocks)).toContain('Confirm your account (<https://example.org>)');
    expect(reply!.args.text).toBe(english('reports.replyNotification'));
    // Who replied is not said; the reporter stays anonymous to the coordinator.
    expect(JSON.stringify(reply!.args)).not.toContain(SECOND_COORDINATOR.id);
    expect(leaksTo(e2e.slack.calls, e2e.owners, SECOND_COORDINATOR.id, [SEEKER])).toEqual([]);

    expect((await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } })).repliedAt).not.toBeNull();
    // Written by a person: never stored, never logged.
    expect((await everyRow(e2e.db, provider)).text).not.toContain('amber-narwhal-6612');
    expect(e2e.bot.output()).not.toContain('amber-narwhal-6612');

    // A second coordinator opening the same report sees it was answered.
    const again = await openReply(COORDINATOR, notices.get(COORDINATOR.id)!);
    const replied = (await e2e.db.report.findFirstOrThrow({ where: { reporterId: SEEKER.id } })).repliedAt!;
    expect(textOf(again.view.blocks)).toContain(pairingCopy.alreadyReplied(english, replied));
  });

  it('a listener\'s report names nobody, and a reply reaches the listener without the seeker\'s identity', async () => {
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
    const { got } = await reportAs(LISTENER);
    for (const c of COORDINATORS) {
      const notice = got.get(c.id)!;
      expect(shown(notice)).toContain(pairing.seekerPseudonym);
      expect(jsonOf(notice.args)).not.toContain(SEEKER.id);
      expect(jsonOf(notice.args.blocks)).toContain(english('reports.coordinators.replyButton', { pseudonym: pairing.listenerPseudonym }));
      expect(leaksTo(e2e.slack.calls, e2e.owners, c.id, [SEEKER])).toEqual([]);
    }
    const { viewId, view } = await openReply(COORDINATOR, got.get(COORDINATOR.id)!);
    const since = e2e.mark();
    const response = await submit(e2e, COORDINATOR.id, { viewId, view }, { [PairingIds.blocks.replyText]: SECOND_REPLY });
    expect(textOf(updatedView(response).blocks)).toContain(english('reports.coordinators.replySent', { pseudonym: pairing.listenerPseudonym }));
    const reply = await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && shown(c).includes('teal-ocelot-4407'));
    expect(shown(reply)).toContain(pairingCopy.reportReplyLead(english, initiative.name, pairing.listenerPseudonym));
    expect(identityLeaksBetween(e2e.slack.calls, e2e.owners, SEEKER, LISTENER)).toEqual([]);
  });

  it('tells a coordinator kindly when the reporter erased their data, and sends nothing', async () => {
    const confirm = await commandModal(e2e, SEEKER.id, 'delete-my-data');
    expect(confirm.view.callback_id).toBe(MyDataIds.confirmModal);
    expect((await submit(e2e, SEEKER.id, confirm)).status).toBe(200);
    await eventually(async () => ((await e2e.db.report.count({ where: { reporterId: SEEKER.id } })) === 0 ? true : null));
    // The listener's report stays for the coordinators.
    expect(await e2e.db.report.count({ where: { reporterId: LISTENER.id } })).toBe(1);

    const { view } = await openReply(COORDINATOR, notices.get(COORDINATOR.id)!);
    expect(textOf(view.blocks)).toContain(english('reports.coordinators.reporterGone'));
    expect(view.callback_id).not.toBe(PairingIds.reportReplyModal);
  });
});
