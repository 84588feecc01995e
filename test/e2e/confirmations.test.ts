import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIMITS } from '../../src/features/common/blocks.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { click, jsonOf, setUpInitiative, TEAM, volunteer } from '../support/flows.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  isOffer,
  nextOffer,
  person,
  startPairingE2E,
  type PairingE2E,
} from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';

// Issue 14, "confirmation before anything that cannot be undone" and "discreet by default", end to end:
// over a journey (volunteers approved and declined, request, offer, accept, relay both ways, every Home
// tab, end) every button that ends, reveals, stops, declines or erases carries a Block Kit confirm in
// every Web API call the app made, and no notification text of an offer or relayed message holds the
// note or the words.

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const LISTENER = person('U0LISTNA01', 'Perpetua', 'Lindqvist');
const VOLUNTEER = person('U0LISTNB01', 'Thaddeus', 'Ravensworth');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const PEOPLE = [COORDINATOR, LISTENER, VOLUNTEER, SEEKER];

const NOTE = 'Since the reorganisation I have not slept, periwinkle-gazebo-4417.';
const FROM_SEEKER = 'It has been a hard week, saffron-gondola-7731.';
const FROM_LISTENER = 'I remember that feeling well, cobalt-metronome-2264.';
const TOPIC = 'Anxiety';

/** The buttons that act at once and cannot be undone, and whether they destroy something. */
const IRREVERSIBLE: Record<string, { destructive: boolean }> = {
  [PairingIds.end]: { destructive: true },
  [PairingIds.someoneElse]: { destructive: true },
  [PairingIds.reveal]: { destructive: false },
  [ListenerIds.stopButton]: { destructive: true },
  [ListenerIds.decline]: { destructive: true },
  [MyDataIds.deleteButton]: { destructive: true },
};

const SURFACE_METHODS = new Set(['chat.postMessage', 'chat.update', 'views.publish', 'views.open', 'views.update', 'views.push', 'response_url']);

interface Element {
  type?: string;
  action_id?: string;
  confirm?: Record<string, { type?: string; text?: string } | string | undefined>;
}

/** Every object in a call with an action_id, wherever it sits (blocks, a view, an accessory). */
function elementsOf(value: unknown, found: Element[] = []): Element[] {
  if (Array.isArray(value)) for (const v of value) elementsOf(v, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.action_id === 'string') found.push(record as Element);
    for (const v of Object.values(record)) elementsOf(v, found);
  }
  return found;
}

function plainText(value: unknown, max: number): string | null {
  const t = value as { type?: string; text?: string } | undefined;
  return t?.type === 'plain_text' && typeof t.text === 'string' && t.text.length > 0 && t.text.length <= max ? t.text : null;
}

const toUser = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

describe.each(TEST_PROVIDERS)('confirmations and discreet notifications on %s', (provider) => {
  let e2e: PairingE2E;
  let pairingId = '';

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('goes through a journey: volunteers approved and declined, request, offer, accept, relay both ways, Homes, end', async () => {
    // The default initiative asks a coordinator to approve each volunteer.
    const B = InitiativeIds.blocks;
    await setUpInitiative(e2e, COORDINATOR.id, { [B.topics]: `${TOPIC}\nBereavement`, [B.resources]: 'Samaritans 116 123.' });
    const volunteered = async (p: typeof LISTENER) => {
      const since = e2e.mark();
      const { profile } = await volunteer(e2e, p.id, { fields: { topicLabels: [TOPIC] } });
      await e2e.next('chat.postMessage', since, (c) => toUser(COORDINATOR.id)(c) && jsonOf(c.args.blocks).includes(ListenerIds.decline));
      return profile.id;
    };
    const decide = async (actionId: string, profileId: string) => {
      const deciding = e2e.mark();
      const { responseKey } = await click(e2e, { actionId, value: profileId, userId: COORDINATOR.id, channelId: `D${COORDINATOR.id}` });
      await answered(e2e, deciding, responseKey);
    };
    await decide(ListenerIds.approve, await volunteered(LISTENER));
    // Still waiting when the Home tabs are opened, so the coordinator's Home shows Decline too.
    const pendingId = await volunteered(VOLUNTEER);

    const asking = e2e.mark();
    const asked = await askForListener(e2e, SEEKER.id, { topic: TOPIC, note: NOTE });
    // Under load the offer can go out after the seeker's DM: wait for it rather than race.
    const offer = asked.offer ?? (await nextOffer(e2e, asking, LISTENER.id, 15_000));
    expect(offer.listenerId).toBe(LISTENER.id);
    pairingId = (await acceptOffer(e2e, offer, SEEKER.id)).pairingId;

    let since = e2e.mark();
    await dmFrom(e2e, SEEKER.id, FROM_SEEKER);
    await e2e.next('chat.postMessage', since, (c) => toUser(LISTENER.id)(c) && jsonOf(c.args.blocks).includes(FROM_SEEKER));
    since = e2e.mark();
    await dmFrom(e2e, LISTENER.id, FROM_LISTENER);
    await e2e.next('chat.postMessage', since, (c) => toUser(SEEKER.id)(c) && jsonOf(c.args.blocks).includes(FROM_LISTENER));

    for (const p of PEOPLE) {
      const opening = e2e.mark();
      const res = await e2e.send(eventCallback({ type: 'app_home_opened', user: p.id, channel: `D${p.id}`, tab: 'home' }, { teamId: TEAM }));
      expect(res.status).toBe(200);
      await e2e.next('views.publish', opening, (c) => c.args.user_id === p.id);
    }
    await decide(ListenerIds.decline, pendingId);

    since = e2e.mark();
    await clickAs(e2e, SEEKER.id, { actionId: PairingIds.end, value: pairingId, channelId: `D${SEEKER.id}` });
    await eventually(() => e2e.db.pairing.findFirst({ where: { id: pairingId, status: 'ended' } }));
    await e2e.next('chat.postMessage', since, toUser(LISTENER.id));
  });

  it('every irreversible button carries a confirm (title, text, confirm, deny; danger where destructive) in every surface sent', async () => {
    // Let anything still in flight (outbox sends, Home refreshes) arrive before looking.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const seen = new Set<string>();
    const problems: { method: string; actionId: string; problem: string }[] = [];
    for (const call of e2e.slack.calls.filter((c) => SURFACE_METHODS.has(c.method))) {
      for (const element of elementsOf(call.args)) {
        const rule = IRREVERSIBLE[element.action_id!];
        if (!rule) continue;
        seen.add(element.action_id!);
        const report = (problem: string) => problems.push({ method: call.method, actionId: element.action_id!, problem });
        const c = element.confirm;
        if (!c) {
          report('no confirm');
          continue;
        }
        if (!plainText(c.title, LIMITS.confirmTitle)) report('title');
        if (!plainText(c.text, LIMITS.confirmText)) report('text');
        if (!plainText(c.confirm, LIMITS.confirmButton)) report('confirm');
        if (!plainText(c.deny, LIMITS.confirmButton)) report('deny');
        if (rule.destructive && c.style !== 'danger') report('not danger');
      }
    }
    expect(problems).toEqual([]);
    // The check looked at every kind: the conversation's buttons, the approval message and Home tabs.
    expect([...seen].sort()).toEqual(Object.keys(IRREVERSIBLE).sort());
  });

  it('Reveal my name says exactly what the other person will see', async () => {
    const reveal = e2e.slack.calls.flatMap((c) => elementsOf(c.args)).find((e) => e.action_id === PairingIds.reveal)!;
    expect(plainText(reveal.confirm?.text, LIMITS.confirmText)).toContain('your Slack name and profile');
  });

  it('no notification text of an offer or a relayed message holds the note, the topic or the words', async () => {
    const offers = e2e.slack.calls.filter(isOffer);
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      expect(offer.args.text).toBe(english('offers.notification'));
      // The content is still there, in the blocks.
      expect(jsonOf(offer.args.blocks)).toContain(NOTE);
    }

    const relayed = e2e.slack.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && [FROM_SEEKER, FROM_LISTENER].some((w) => jsonOf(c.args.blocks).includes(w)));
    expect(relayed).toHaveLength(2);
    for (const call of relayed) expect(call.args.text).toBe(english('pairings.relayedNotification'));

    // Nor does any other message's notification text: not the note, the topic's words as the seeker gave them, or the relayed words.
    const texts = e2e.slack.calls.map((c) => String(c.args.text ?? ''));
    for (const secret of [NOTE, FROM_SEEKER, FROM_LISTENER]) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
    // The introductions carry the End button (exactly that id: the ending note's "pairing.ending_helped" starts the same).
    const intros = e2e.slack.calls.filter((c) => c.method === 'chat.postMessage' && jsonOf(c.args.blocks).includes(`"action_id":"${PairingIds.end}"`));
    expect(intros).toHaveLength(2);
    for (const intro of intros) expect(String(intro.args.text)).not.toContain(TOPIC);
  });
});
