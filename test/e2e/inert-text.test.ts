import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { CONSENT_GIVEN as COORDINATOR_CONSENT, InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { PairingIds, REPORT_REASONS } from '../../src/features/pairings/ids.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import {
  acceptInvitation,
  asView,
  click,
  command,
  invitationFor,
  jsonOf,
  makeWorkspaceAdmin,
  openSetupForm,
  responded,
  submit,
  TEAM,
  volunteer,
} from '../support/flows.js';
import { CHANNEL, inertTextProblems, LINK, LIVE_MARKUP, MENTION, textsOf } from '../support/inert-text.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  openCommandModal,
  person,
  startPairingE2E,
  type PairingE2E,
} from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';

// Issue 13, "text from people is inert", end to end: an initiative whose name, description, topic,
// resources and guidelines, a listener's introduction and a seeker's note are full of Slack markup (a
// link dressed up as an instruction, a mention, <!channel>) goes through a whole journey: setup and an
// invitation, volunteering and approval, pause and resume, a request with "I need help right now", the
// offer, the introductions, the relay, a report, every Home tab, and the end. Every Web API call the app
// made must show that markup as plain text: no live link, mention or broadcast in any mrkdwn, nothing
// escaped twice, and plain_text (buttons, options, text inputs) as typed.

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const HR_VIEWER = person('U0HRVIEW01', 'Gwendolyn', 'Ashcombe');
const LISTENER = person('U0LISTNA01', 'Perpetua', 'Lindqvist');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const PEOPLE = [COORDINATOR, HR_VIEWER, LISTENER, SEEKER];

/** As typed, with a right-to-left override hidden in it; stored and shown without it. */
const NAME_TYPED = `${LINK} ${MENTION}\u202E ${CHANNEL}`;
const NAME = `${LINK} ${MENTION} ${CHANNEL}`;
const DESCRIPTION = `Colleagues & friends ${CHANNEL} ${MENTION}`;
const TOPIC = `${CHANNEL} & ${MENTION} burnout`;
const RESOURCES = `Call ${LINK} & ask ${MENTION}. In danger now: call 999.`;
const GUIDELINES = `Listen first & never diagnose ${CHANNEL} ${LINK}`;
const INTRO = `I have been there ${MENTION} ${CHANNEL} & ${LINK}`;
const NOTE = `${CHANNEL} please & ${LINK} ${MENTION}`;
/** A relayed message: the person's own words, in which a mention or @channel must still not reach anyone. */
const RELAYED = `Thank you <!channel> <@U0SOMEONE> <!here>, my notes are at <https://relay.example.org/notes|read me> &amp; more`;

/** The text as it is escaped where it enters mrkdwn: exactly once. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Everything Slack reads as mrkdwn in a call, one string. */
function mrkdwnOf(call: RecordedCall): string {
  return textsOf(call.args).mrkdwn.map((t) => t.text).join('\n');
}

describe.each(TEST_PROVIDERS)('text from people is inert on %s', (provider) => {
  let e2e: PairingE2E;
  let initiativeId = '';
  let pairingId = '';

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** The calls after `since` that show `text` escaped once in their mrkdwn. */
  const showing = (since: number, text: string) => e2e.slack.calls.slice(since).filter((c) => mrkdwnOf(c).includes(escaped(text)));

  it('a coordinator sets up the initiative and invites an HR viewer; the name is stored without the hidden override', async () => {
    makeWorkspaceAdmin(e2e, COORDINATOR.id);
    const form = await openSetupForm(e2e, COORDINATOR.id);
    const B = InitiativeIds.blocks;
    const since = e2e.mark();
    const response = await submit(e2e, COORDINATOR.id, form, {
      [B.name]: NAME_TYPED,
      [B.description]: DESCRIPTION,
      [B.topics]: `Anxiety\n${TOPIC}`,
      [B.resources]: RESOURCES,
      [B.guidelines]: GUIDELINES,
      [B.hrViewers]: [HR_VIEWER.id],
      [B.consent]: [COORDINATOR_CONSENT],
    });
    expect(response.text).toBe('');
    const confirmation = await e2e.next('chat.postMessage', since, (c) => c.args.channel === COORDINATOR.id);
    expect(mrkdwnOf(confirmation)).toContain(`*${escaped(NAME)}*`);

    const row = await e2e.db.initiative.findFirstOrThrow({ include: { topics: true } });
    initiativeId = row.id;
    expect(row.name).toBe(NAME);
    expect(row.topics.map((t) => t.label)).toContain(TOPIC);

    const invitation = await invitationFor(e2e, HR_VIEWER.id, since);
    expect(mrkdwnOf(invitation.call)).toContain(escaped(NAME));
    await acceptInvitation(e2e, HR_VIEWER.id, invitation);
  });

  it('a listener volunteers with an introduction, is approved, pauses and resumes', async () => {
    const since = e2e.mark();
    const { profile, welcome, form } = await volunteer(e2e, LISTENER.id, {
      fields: { topicLabels: [TOPIC], [ListenerIds.blocks.intro]: INTRO },
    });
    // The topic is offered as typed (plain_text); the guidelines are shown escaped.
    expect(form.view.blocks.some((b) => jsonOf(b).includes(JSON.stringify(TOPIC).slice(1, -1)))).toBe(true);
    expect(mrkdwnOf({ method: 'views.update', args: { view: form.view }, at: 0 })).toContain(escaped(GUIDELINES));
    expect(mrkdwnOf(welcome)).toContain(escaped(NAME));

    const request = await e2e.next('chat.postMessage', since, (c) => c.args.channel === COORDINATOR.id && jsonOf(c.args.blocks).includes(ListenerIds.approve));
    expect(mrkdwnOf(request)).toContain(escaped(INTRO));
    expect(mrkdwnOf(request)).toContain(escaped(TOPIC));
    const approving = e2e.mark();
    const { responseKey } = await click(e2e, { actionId: ListenerIds.approve, value: profile.id, userId: COORDINATOR.id, channelId: `D${COORDINATOR.id}` });
    expect(mrkdwnOf(await answered(e2e, approving, responseKey))).toContain(escaped(NAME));
    await e2e.next('chat.postMessage', approving, (c) => c.args.channel === LISTENER.id && mrkdwnOf(c).includes(escaped(NAME)));

    // `/peer pause` opens the "Pause until" form (issue 15): its text and the confirmation name the initiative escaped.
    const pauseForm = await openCommandModal(e2e, LISTENER.id, 'pause');
    expect(mrkdwnOf({ method: 'views.update', args: { view: pauseForm.view }, at: 0 })).toContain(escaped(NAME));
    const pausing = e2e.mark();
    expect((await submit(e2e, LISTENER.id, pauseForm)).text).toBe('');
    expect(mrkdwnOf(await e2e.next('chat.postMessage', pausing, (c) => c.args.channel === LISTENER.id))).toContain(escaped(NAME));
    const { responseKey: key } = await command(e2e, LISTENER.id, 'resume');
    expect(mrkdwnOf(await responded(e2e, key))).toContain(escaped(NAME));
  });

  it('a seeker sees the resources escaped, asks "I need help right now", then asks for a listener with a note', async () => {
    const modal = await openCommandModal(e2e, SEEKER.id);
    expect(modal.view.blocks[1]?.text?.text).toBe(escaped(RESOURCES));
    // "I need help right now" reads the resources back from the form (so they show with the database
    // down) and shows them escaped once, not twice.
    const since = e2e.mark();
    await clickAs(e2e, SEEKER.id, {
      actionId: RequestIds.helpNowButton,
      value: initiativeId,
      view: { id: modal.viewId, type: 'modal', callback_id: modal.view.callback_id, private_metadata: modal.view.private_metadata ?? '', blocks: modal.view.blocks },
    });
    const helpNow = await e2e.next('views.update', since, (c) => c.args.view_id === modal.viewId);
    expect(mrkdwnOf(helpNow)).toContain(escaped(RESOURCES));

    const asked = await askForListener(e2e, SEEKER.id, { topic: TOPIC, note: NOTE });
    expect(mrkdwnOf(asked.waitingDm)).toContain(escaped(TOPIC));
    expect(mrkdwnOf(asked.waitingDm)).toContain(escaped(RESOURCES));
    expect(asked.offer?.listenerId).toBe(LISTENER.id);
    expect(mrkdwnOf(asked.offer!.call)).toContain(escaped(TOPIC));
    expect(mrkdwnOf(asked.offer!.call)).toContain(escaped(NOTE));

    const intro = await acceptOffer(e2e, asked.offer!, SEEKER.id);
    pairingId = intro.pairingId;
    expect(mrkdwnOf(intro.toSeeker)).toContain(escaped(INTRO));
    for (const text of [TOPIC, NOTE, GUIDELINES]) expect(mrkdwnOf(intro.toListener)).toContain(escaped(text));
  });

  it('relays the seeker\'s words with no mention, broadcast or masked link left in them, and the crisis note escapes the resources', async () => {
    const since = e2e.mark();
    await dmFrom(e2e, SEEKER.id, RELAYED);
    const relayed = await e2e.next('chat.postMessage', since, (c) => c.args.channel !== SEEKER.id && c.args.channel !== `D${SEEKER.id}` && mrkdwnOf(c).includes('read me'));
    const shown = mrkdwnOf(relayed);
    expect(shown).toContain('Thank you &lt;!channel&gt; @someone &lt;!here&gt;, my notes are at read me (<https://relay.example.org/notes>) &amp; more');
    expect(shown).not.toContain('U0SOMEONE');

    const crisisMark = e2e.mark();
    await dmFrom(e2e, SEEKER.id, 'Some nights I want to die, if I am honest.');
    const note = await e2e.next('chat.postMessage', crisisMark, (c) => (c.args.channel === SEEKER.id || c.args.channel === `D${SEEKER.id}`) && mrkdwnOf(c).includes('Call '));
    expect(mrkdwnOf(note)).toContain(escaped(RESOURCES));
  });

  it('a report tells the coordinator the initiative\'s name escaped', async () => {
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.report, value: pairingId, channelId: `D${SEEKER.id}` });
    const opened = await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId);
    const reason = REPORT_REASONS.find((r) => r.value === 'other')!;
    const response = await submit(e2e, SEEKER.id, { view: asView(opened.args.view) }, { [PairingIds.blocks.reason]: reason.value });
    expect(response.text).toBe('');
    const notice = await e2e.next('chat.postMessage', since, (c) => c.args.channel === COORDINATOR.id && mrkdwnOf(c).includes(english(reason.label)));
    expect(mrkdwnOf(notice)).toContain(escaped(NAME));
  });

  it('every Home tab shows the name escaped in mrkdwn and as typed on its buttons', async () => {
    for (const p of PEOPLE) {
      const since = e2e.mark();
      const res = await e2e.send(eventCallback({ type: 'app_home_opened', user: p.id, channel: `D${p.id}`, tab: 'home' }, { teamId: TEAM }));
      expect(res.status).toBe(200);
      await e2e.next('views.publish', since, (c) => c.args.user_id === p.id);
    }
    const homes = (id: string) => e2e.slack.callsTo('views.publish').filter((c) => c.args.user_id === id).at(-1)!;
    expect(mrkdwnOf(homes(COORDINATOR.id))).toContain(`*${escaped(NAME)}*: you coordinate this initiative`);
    expect(mrkdwnOf(homes(LISTENER.id))).toContain(`You listen with *${escaped(NAME)}*`);
    expect(mrkdwnOf(homes(SEEKER.id))).toContain(`Your request about *${escaped(TOPIC)}*`);
    // The HR viewer's insights button is plain_text: the name as typed, which Slack shows as text.
    const insightsButtons = textsOf(homes(HR_VIEWER.id).args).plain.map((t) => t.text).filter((t) => t.startsWith('Insights: '));
    expect(insightsButtons.some((t) => t.startsWith(`Insights: ${LINK}`))).toBe(true);
  });

  it('the seeker ends the conversation', async () => {
    const since = e2e.mark();
    await clickAs(e2e, SEEKER.id, { actionId: PairingIds.end, value: pairingId, channelId: `D${SEEKER.id}` });
    await eventually(() => e2e.db.pairing.findFirst({ where: { id: pairingId, status: 'ended' } }));
    await e2e.next('chat.postMessage', since, (c) => c.args.channel === LISTENER.id || c.args.channel === `D${LISTENER.id}`);
  });

  it('no Web API call the app made carries a live link, mention or broadcast a person typed, or text escaped twice', async () => {
    // Let anything still in flight (outbox sends, Home refreshes) arrive before looking.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const calls = e2e.slack.calls;
    const problems = calls.flatMap((call, index) => inertTextProblems(call.args).map((p) => ({ index, method: call.method, ...p })));
    expect(problems).toEqual([]);
    // Nor does any other string (a title, a value, private_metadata) hold them; plain_text may, as Slack shows it as text.
    const elsewhere = calls.flatMap((call, index) =>
      textsOf(call.args)
        .other.filter((t) => LIVE_MARKUP.some((m) => t.text.includes(m)))
        .map((t) => ({ index, method: call.method, ...t })),
    );
    expect(elsewhere).toEqual([]);
    // The hidden override never reached anyone.
    expect(calls.filter((c) => JSON.stringify(c.args).includes('\\u202e') || JSON.stringify(c.args).includes('\u202E'))).toEqual([]);
    // And the check looked at something: the name, escaped once, went out in many messages and views.
    expect(showing(0, NAME).length).toBeGreaterThanOrEqual(10);
    expect(calls.filter((c) => c.refusal)).toEqual([]);
  });
});
