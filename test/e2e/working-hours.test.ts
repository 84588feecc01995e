import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localTime } from '../../src/domain/local-time.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import * as requestCopy from '../../src/features/requests/copy.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { inputBlock, openListenForm, setUpInitiative, submit, textOf, volunteer } from '../support/flows.js';
import { askForListener, nextOffer, offersSince, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 15 end to end: a listener is offered requests only within their working hours, in their own
// timezone. The real process runs on the real clock, so the hours are chosen relative to now: a window
// that holds now in UTC but not in Tokyo, where the listener lives (Tokyo is UTC+9 all year). The request
// waits, the seeker is told why, the scheduler's sweep leaves it alone, and once the listener changes
// their hours in the form to include now, the offer arrives.

const B = ListenerIds.blocks;
const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const TOKYO_LISTENER: Person = { ...person('U0LISTTK01', 'Haruki', 'Nakamura'), tz: 'Asia/Tokyo' };
const CONTROL_LISTENER = person('U0LISTCT01', 'Leopold', 'Vanderhoeven');
const SEEKER = person('U0SEEKER01', 'Zebulon', 'Quackenbush');
const CONTROL_SEEKER = person('U0SEEKER02', 'Ottoline', 'Marchetti');
const EVERY_DAY = ['0', '1', '2', '3', '4', '5', '6'];

/** "HH:MM" of `now` moved by `minutes`, in `timeZone` (UTC when null). */
function clockAt(now: Date, timeZone: string | null, minutes: number): string {
  const total = (((localTime(now, timeZone).minutes + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function shown(call: RecordedCall): string {
  return `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
}

describe.each(TEST_PROVIDERS)('working hours for offers on %s', (provider) => {
  let e2e: PairingE2E;
  let initiativeId = '';

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [COORDINATOR, TOKYO_LISTENER, CONTROL_LISTENER, SEEKER, CONTROL_SEEKER]);
    initiativeId = (
      await setUpInitiative(e2e, COORDINATOR.id, {
        [InitiativeIds.blocks.name]: 'Harbour Circle',
        [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement',
        [InitiativeIds.blocks.approval]: [],
      })
    ).id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const profileOf = (userId: string) => e2e.db.listenerProfile.findUniqueOrThrow({ where: { initiativeId_userId: { initiativeId, userId } } });

  it('the listen form asks for working hours, Monday to Friday 09:00 to 18:00 unless changed', async () => {
    const { view } = await openListenForm(e2e, TOKYO_LISTENER.id);
    const days = inputBlock(view, B.workDays).element;
    expect(days.options?.map((o) => o.text.text)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(days.initial_options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(inputBlock(view, B.workStart).element.initial_time).toBe('09:00');
    expect(inputBlock(view, B.workEnd).element.initial_time).toBe('18:00');
    expect(textOf(view.blocks)).toContain('in your own timezone');
  });

  it('no offer outside the listener\'s hours: the request waits, the seeker is told why, and the sweep leaves it', async () => {
    // The control: a listener on another topic, paused for now, so only the sweep can offer them the
    // control seeker's request. Their offer shows a sweep has run over every waiting request.
    await volunteer(e2e, CONTROL_LISTENER.id, { fields: { topicLabels: ['Bereavement'] } });
    await e2e.db.listenerProfile.update({ where: { initiativeId_userId: { initiativeId, userId: CONTROL_LISTENER.id } }, data: { status: 'paused' } });

    // Hours around now in UTC, which is the middle of the night or evening in Tokyo.
    const now = new Date();
    const { profile } = await volunteer(e2e, TOKYO_LISTENER.id, {
      fields: { topicLabels: ['Anxiety'], [B.workDays]: EVERY_DAY, [B.workStart]: clockAt(now, 'UTC', -60), [B.workEnd]: clockAt(now, 'UTC', 60) },
    });
    expect(profile).toMatchObject({ workDays: '0,1,2,3,4,5,6', workStart: clockAt(now, 'UTC', -60), workEnd: clockAt(now, 'UTC', 60), status: 'active' });
    expect((await profileOf(TOKYO_LISTENER.id)).timezone).toBe('Asia/Tokyo');

    const since = e2e.mark();
    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    expect(asked.offer).toBeNull();
    expect(shown(asked.waitingDm)).toContain(requestCopy.listenersOffHours(english, 'Anxiety'));
    expect(shown(asked.waitingDm)).not.toContain(requestCopy.noListenerYet(english, 'Anxiety'));

    // Nobody could take the control request at any hour, so that seeker hears "nobody free", not "hours".
    const control = await askForListener(e2e, CONTROL_SEEKER.id, { topic: 'Bereavement' });
    expect(shown(control.waitingDm)).toContain(requestCopy.noListenerYet(english, 'Bereavement'));
    await e2e.db.listenerProfile.update({ where: { initiativeId_userId: { initiativeId, userId: CONTROL_LISTENER.id } }, data: { status: 'active' } });
    await nextOffer(e2e, since, CONTROL_LISTENER.id, 15_000);

    expect(offersSince(e2e, since).filter((o) => o.listenerId === TOKYO_LISTENER.id)).toEqual([]);
    expect(await e2e.db.offer.count({ where: { requestId: asked.requestId } })).toBe(0);
    expect((await e2e.db.supportRequest.findUniqueOrThrow({ where: { id: asked.requestId } })).status).toBe('waiting');

    // The listener changes their hours in the form to hours that hold now in Tokyo: the offer arrives.
    const form = await openListenForm(e2e, TOKYO_LISTENER.id);
    expect(inputBlock(form.view, B.workDays).element.initial_options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    expect(inputBlock(form.view, B.workStart).element.initial_time).toBe(clockAt(now, 'UTC', -60));
    const edited = e2e.mark();
    const later = new Date();
    const response = await submit(e2e, TOKYO_LISTENER.id, form, { [B.workStart]: clockAt(later, 'Asia/Tokyo', -60), [B.workEnd]: clockAt(later, 'Asia/Tokyo', 120) });
    expect(response.text).toBe('');
    const offer = await nextOffer(e2e, edited, TOKYO_LISTENER.id);
    expect((await e2e.db.offer.findUniqueOrThrow({ where: { id: offer.offerId } })).requestId).toBe(asked.requestId);
    expect(await profileOf(TOKYO_LISTENER.id)).toMatchObject({ workStart: clockAt(later, 'Asia/Tokyo', -60), workEnd: clockAt(later, 'Asia/Tokyo', 120) });
  });
});
