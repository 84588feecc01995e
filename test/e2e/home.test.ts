import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../src/i18n/translate.js';
import { displayPseudonym } from '../../src/domain/pseudonyms.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { jsonOf, setUpInitiative, TEAM, volunteer } from '../support/flows.js';
import { acceptOffer, askForListener, identityOf, person, startPairingE2E, type PairingE2E } from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';

// The Home tab as a dashboard (issue 15), end to end: the real process and a fake Slack. Once a pairing
// starts, the Home published to the listener shows their load and the seeker's pseudonym, never who the
// seeker is (DESIGN.md invariant 1); the coordinator's Home shows the listener's load and the requests
// waiting by topic, never whom anyone supports (invariant 5).

const COORDINATOR = person('U0HCOORD01', 'Wilhelmina', 'Castellanos');
const LISTENER = person('U0HLISTN01', 'Bartholomew', 'Ingleby');
const SEEKER = person('U0HSEEKR01', 'Evangeline', 'Throckmorton');
const WAITING_SEEKER = person('U0HSEEKR02', 'Peregrine', 'Oyelaran');
const PEOPLE = [COORDINATOR, LISTENER, SEEKER, WAITING_SEEKER];

const viewOf = (call: RecordedCall) => jsonOf((call.args.view as { blocks?: unknown }).blocks);

describe.each(TEST_PROVIDERS)('the Home tab as a dashboard on %s', (provider) => {
  let e2e: PairingE2E;
  let pseudonym: string;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Dashboard Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety\nGrief',
      [InitiativeIds.blocks.approval]: [],
    });
    const { profile } = await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
    // Offers at any hour, so the test does not depend on the time it runs at (the real clock).
    await e2e.db.listenerProfile.update({ where: { id: profile.id }, data: { workDays: '0,1,2,3,4,5,6', workStart: '00:00', workEnd: '00:00', quietHoursStart: null, quietHoursEnd: null } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** The Home the app publishes to `userId` when they open it. */
  async function openHome(userId: string): Promise<RecordedCall> {
    const since = e2e.mark();
    const res = await e2e.send(eventCallback({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' }, { teamId: TEAM }));
    expect(res.status).toBe(200);
    return e2e.next('views.publish', since, (c) => c.args.user_id === userId);
  }

  it("after a pairing starts, the listener's Home shows 1 of 2 and the seeker's pseudonym, never the seeker's identity", async () => {
    const before = await openHome(LISTENER.id);
    expect(viewOf(before)).toContain('0 of 2 conversations');

    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    expect(asked.offer?.listenerId).toBe(LISTENER.id);
    const since = e2e.mark();
    await acceptOffer(e2e, asked.offer!, SEEKER.id);
    // Accepting refreshes the listener's Home by itself (views.publish to the listener).
    const published = await e2e.next('views.publish', since, (c) => c.args.user_id === LISTENER.id && viewOf(c).includes('1 of 2 conversations'));
    pseudonym = (await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).seekerPseudonym;

    const shown = viewOf(published);
    expect(shown).toContain('You listen with *Dashboard Circle*: taking new conversations.');
    expect(shown).toContain(`${displayPseudonym(english, pseudonym)}, less than an hour`);
    expect(shown).toContain('*Your topics:* Anxiety');
    expect(shown).toContain(`<@${COORDINATOR.id}>`);
    expect(shown).toContain('listener.pause_until');
    const everything = JSON.stringify(published.args);
    for (const leak of identityOf(SEEKER)) expect(everything).not.toContain(leak);
  });

  it("the coordinator's Home shows the listener's load and the requests waiting by topic, never whom anyone supports", async () => {
    await askForListener(e2e, WAITING_SEEKER.id, { topic: 'Grief' });
    const published = await openHome(COORDINATOR.id);
    const shown = viewOf(published);
    expect(shown).toContain(`<@${LISTENER.id}>: taking new conversations, 1 of 2`);
    expect(shown).toContain('*Waiting for a listener (1):* Grief 1 (oldest less than an hour)');
    const everything = JSON.stringify(published.args);
    for (const leak of [...identityOf(SEEKER), ...identityOf(WAITING_SEEKER), displayPseudonym(english, pseudonym)]) expect(everything).not.toContain(leak);
  });
});
