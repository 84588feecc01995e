import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import * as previewCopy from '../../src/features/preferences/copy.js';
import { PreferenceIds } from '../../src/features/preferences/ids.js';
import { english } from '../../src/i18n/translate.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import type { MyData } from '../../src/features/my-data/service.js';
import { command, commandModal, jsonOf, setUpInitiative, submit, TEAM, textOf, volunteer, type Block } from '../support/flows.js';
import { eventCallback } from '../../src/simulator/requests.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  person,
  startPairingE2E,
  type Introduced,
  type PairingE2E,
} from '../support/pairing-flows.js';

// Issue 14, end to end on both databases: "A kind ending" (the seeker's ending note carries the
// resources, a way to ask again and a one-tap "Did this help?", counted once, anonymously, and only
// for the seeker) and "Discreet by default" per person (notification previews off until the person
// turns them on from their Home tab; listed by my-data and erased with it).

const COORDINATOR = person('U0KCOORD01', 'Winifred', 'Ashdown');
const SEEKER = person('U0KSEEKR01', 'Barnabas', 'Oyelaran');
const SWITCHING_SEEKER = person('U0KSEEKR02', 'Rosalind', 'Kowalczyk');
const LISTENERS = [person('U0KLISTN01', 'Florian', 'Haverbrook'), person('U0KLISTN02', 'Genevieve', 'Strathmore')];
const PEOPLE = [COORDINATOR, SEEKER, SWITCHING_SEEKER, ...LISTENERS];

const RESOURCES = 'Harbour EAP line 0800 555 0100, open day and night. Samaritans 116 123. In danger now: call 999.';
const WORDS = 'The walk at lunch helped today, periwinkle-harrier-5521.';

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
const actionIdsOf = (blocks: unknown) =>
  ((blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []).map((e) => e.action_id)).filter((id): id is string => !!id);

describe.each(TEST_PROVIDERS)('a kind ending and notification previews on %s', (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Harbour Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement',
      [InitiativeIds.blocks.resources]: RESOURCES,
      [InitiativeIds.blocks.approval]: [],
    });
    for (const listener of LISTENERS) await volunteer(e2e, listener.id, { fields: { topicLabels: ['Anxiety'] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function pairUp(seekerId: string): Promise<Introduced & { listenerId: string }> {
    const asked = await askForListener(e2e, seekerId, { topic: 'Anxiety' });
    if (!asked.offer) throw new Error('no listener was offered the request');
    return { ...(await acceptOffer(e2e, asked.offer, seekerId)), listenerId: asked.offer.listenerId };
  }

  async function endingCount(metric: 'ending_helped' | 'ending_not_helped'): Promise<number> {
    const rows = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric } });
    return rows.reduce((sum, r) => sum + r.count, 0);
  }

  /** The relayed copy of `text` that `userId` got after `since`. */
  function relayedTo(since: number, userId: string, text: string): Promise<RecordedCall> {
    return e2e.next('chat.postMessage', since, (c) => sentTo(userId)(c) && jsonOf(c.args.blocks).includes(text));
  }

  async function setPreviews(userId: string, on: boolean): Promise<RecordedCall> {
    const since = e2e.mark();
    await clickAs(e2e, userId, { actionId: PreferenceIds.previews, value: on ? 'on' : 'off', view: { id: 'V0HOMETAB1', type: 'home' } });
    // The Home tab as it reads after the change (a refresh from an earlier step may land in between).
    const button = previewCopy.previewsButton(english, on);
    return e2e.next('views.publish', since, (c) => c.args.user_id === userId && jsonOf((c.args.view as { blocks: unknown }).blocks).includes(button));
  }

  describe('notification previews', () => {
    let intro: Introduced & { listenerId: string };

    it('are off by default: a relayed message notifies with "New message in Peer Support" only', async () => {
      intro = await pairUp(SEEKER.id);
      const since = e2e.mark();
      await dmFrom(e2e, intro.listenerId, WORDS);
      const relayed = await relayedTo(since, SEEKER.id, WORDS);
      expect(relayed.args.text).toBe(english('pairings.relayedNotification'));
      expect(await e2e.db.personPreference.count()).toBe(0);
    });

    it('the Home tab explains what a lock screen shows and turns them on for that person only', async () => {
      const since = e2e.mark();
      await e2e.send(eventCallback({ type: 'app_home_opened', user: SEEKER.id, channel: `D${SEEKER.id}`, tab: 'home' }, { teamId: TEAM }));
      const home = await e2e.next('views.publish', since, (c) => c.args.user_id === SEEKER.id && jsonOf((c.args.view as { blocks: unknown }).blocks).includes(PreferenceIds.previews));
      const view = home.args.view as { blocks: Block[] };
      expect(textOf(view.blocks)).toContain('lock screen');
      expect(actionIdsOf(view.blocks)).toContain(PreferenceIds.previews);

      const after = await setPreviews(SEEKER.id, true);
      expect(textOf((after.args.view as { blocks: Block[] }).blocks)).toContain('Previews are on');
      expect(await e2e.db.personPreference.findUnique({ where: { userId: SEEKER.id } })).toMatchObject({ previews: true });

      let mark = e2e.mark();
      await dmFrom(e2e, intro.listenerId, `${WORDS} again`);
      expect((await relayedTo(mark, SEEKER.id, `${WORDS} again`)).args.text).toContain(`${WORDS} again`);
      // The listener did not turn theirs on: what the seeker writes still notifies discreetly.
      mark = e2e.mark();
      await dmFrom(e2e, SEEKER.id, 'Thank you, cerulean-tortoise-3381.');
      expect((await relayedTo(mark, intro.listenerId, 'cerulean-tortoise-3381')).args.text).toBe(english('pairings.relayedNotification'));
    });

    it('turned off again, the notification text carries no words', async () => {
      await setPreviews(SEEKER.id, false);
      const since = e2e.mark();
      await dmFrom(e2e, intro.listenerId, 'Take care, saffron-osprey-7710.');
      expect((await relayedTo(since, SEEKER.id, 'saffron-osprey-7710')).args.text).toBe(english('pairings.relayedNotification'));
    });

    it('are listed by my-data', async () => {
      await setPreviews(SEEKER.id, true);
      const since = e2e.mark();
      await command(e2e, SEEKER.id, 'my-data');
      const upload = await e2e.next('upload', since);
      const file = JSON.parse(String(upload.args.content)) as MyData;
      expect(file.preferences).toMatchObject({ notificationPreviews: true });
    });
  });

  describe('a kind ending', () => {
    let intro: Introduced & { listenerId: string };
    let toSeeker: RecordedCall;
    let toListener: RecordedCall;

    it('the seeker\'s ending note carries the resources, a way to ask again and "Did this help?"; the listener\'s does not', async () => {
      intro = await pairUp(SEEKER.id);
      const since = e2e.mark();
      await clickAs(e2e, intro.listenerId, { actionId: PairingIds.end, value: intro.pairingId, channelId: `D${intro.listenerId}` });
      toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(english('pairings.end.forSeekerByListener')));
      toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(intro.listenerId)(c) && shown(c).includes(english('pairings.end.byYou')));
      expect(textOf(toSeeker.args.blocks)).toContain(RESOURCES);
      expect(actionIdsOf(toSeeker.args.blocks)).toEqual([RequestIds.requestButton, PairingIds.endingHelped, PairingIds.endingNotHelped]);
      expect(toSeeker.args.text).toBe(english('pairings.end.forSeekerByListener'));
      expect(actionIdsOf(toListener.args.blocks)).toEqual([]);
    });

    it('only the seeker may answer: the listener\'s click counts nothing', async () => {
      const since = e2e.mark();
      const { responseKey } = await clickAs(e2e, intro.listenerId, { actionId: PairingIds.endingHelped, value: intro.pairingId, channelId: `D${intro.listenerId}` });
      expect(shown(await answered(e2e, since, responseKey))).toContain(english('pairings.ending.notYours'));
      expect(await endingCount('ending_helped')).toBe(0);
      expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).feedbackGiven).toBe(false);
    });

    it('the seeker\'s answer is counted anonymously, once', async () => {
      let since = e2e.mark();
      let click = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.endingHelped, value: intro.pairingId, channelId: `D${SEEKER.id}` });
      expect(shown(await answered(e2e, since, click.responseKey))).toContain(english('pairings.ending.thanks'));
      expect(await endingCount('ending_helped')).toBe(1);
      expect((await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } })).feedbackGiven).toBe(true);
      // The counter holds no person: initiative, metric, week and a count.
      const row = await e2e.db.anonymousCount.findFirstOrThrow({ where: { metric: 'ending_helped' } });
      expect(JSON.stringify(row)).not.toContain(SEEKER.id);

      since = e2e.mark();
      click = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.endingNotHelped, value: intro.pairingId, channelId: `D${SEEKER.id}` });
      expect(shown(await answered(e2e, since, click.responseKey))).toContain(english('pairings.ending.alreadyAnswered'));
      expect(await endingCount('ending_helped')).toBe(1);
      expect(await endingCount('ending_not_helped')).toBe(0);
    });

    it('an answer after the pairing was deleted (retention, erasure) is answered kindly', async () => {
      const since = e2e.mark();
      const click = await clickAs(e2e, SEEKER.id, { actionId: PairingIds.endingNotHelped, value: '00000000-0000-4000-8000-000000000000', channelId: `D${SEEKER.id}` });
      expect(shown(await answered(e2e, since, click.responseKey))).toContain(english('pairings.ending.gone'));
      expect(await endingCount('ending_not_helped')).toBe(0);
    });

    it('a seeker who asked for someone else is told so, without "Did this help?" yet', async () => {
      const switching = await pairUp(SWITCHING_SEEKER.id);
      const since = e2e.mark();
      await clickAs(e2e, SWITCHING_SEEKER.id, { actionId: PairingIds.someoneElse, value: switching.pairingId, channelId: `D${SWITCHING_SEEKER.id}` });
      const note = await e2e.next('chat.postMessage', since, (c) => sentTo(SWITCHING_SEEKER.id)(c) && shown(c).includes(english('pairings.end.someoneElseSeeker')));
      expect(actionIdsOf(note.args.blocks)).not.toContain(PairingIds.endingHelped);
    });
  });

  it('delete-my-data erases the preference', async () => {
    expect(await e2e.db.personPreference.count({ where: { userId: SEEKER.id } })).toBe(1);
    const confirm = await commandModal(e2e, SEEKER.id, 'delete-my-data');
    await submit(e2e, SEEKER.id, confirm);
    await eventually(async () => ((await e2e.db.personPreference.count({ where: { userId: SEEKER.id } })) === 0 ? true : null));
  });
});
