import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { command, jsonOf, setUpInitiative, TEAM, textOf } from '../support/flows.js';
import { dmFrom, everyRow, person, startPairingE2E, withoutClockRows, type PairingE2E } from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';

// Issue 14, "a safety net in the DM": whoever writes to the app outside a conversation gets the
// initiative's resources first, a kind line (more urgent with crisis words) and a way to ask for a
// listener, within 5 seconds; what they wrote is never stored or quoted. `/peer help` and the Home tab
// open with the resources too (DESIGN.md "Signposting", invariant 6).

const COORDINATOR = person('U0COORD001', 'Philippa', 'Wetherington');
const DISTRESSED = person('U0ALONE001', 'Wilhelmina', 'Farquharson');
const CURIOUS = person('U0CURIOUS1', 'Bartholomew', 'Pennyworth');
const RESOURCES = 'Harbour EAP line 0800 555 0100, open day and night. Samaritans 116 123. In danger now: call 999.';
const DISTRESS = "I can't cope anymore";

function postedTo(userId: string) {
  return (call: RecordedCall) => call.args.channel === `D${userId}` || call.args.channel === userId;
}

/** Row counts of every table but the event dedupe, which records each delivery's id and nothing more. */
async function counts(e2e: PairingE2E): Promise<Record<string, number>> {
  const { counts } = await everyRow(e2e.db, e2e.provider);
  // Left out: event ids (the dedupe), and the day's insights snapshot (the scheduler's own clock).
  return withoutClockRows(Object.fromEntries(Object.entries(counts).filter(([table]) => !/processed_?event/i.test(table))));
}

describe.each(TEST_PROVIDERS)('the safety net on %s', (provider) => {
  let e2e: PairingE2E;

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), [COORDINATOR, DISTRESSED, CURIOUS]);
    // /peer help before there is an initiative: the process keeps that answer 5 seconds (issue 17), and
    // saving the initiative must make it read afresh at once.
    expect(JSON.stringify((await command(e2e, CURIOUS.id, 'help')).response.json)).not.toContain('Samaritans 116 123');
    await setUpInitiative(e2e, COORDINATOR.id, { [InitiativeIds.blocks.name]: 'Harbour Circle', [InitiativeIds.blocks.resources]: RESOURCES });
    expect(JSON.stringify((await command(e2e, CURIOUS.id, 'help')).response.json)).toContain('Samaritans 116 123');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('a distress message outside a conversation gets the resources first within 5 s, then an urgent kind line and Ask for a listener; nothing about it is stored or quoted', async () => {
    const before = await counts(e2e);
    const since = e2e.mark();
    const started = Date.now();
    await dmFrom(e2e, DISTRESSED.id, DISTRESS);
    const reply = await e2e.next('chat.postMessage', since, postedTo(DISTRESSED.id), 5000);
    expect(Date.now() - started).toBeLessThan(5000);

    const blocks = reply.args.blocks as { type: string }[];
    const shown = blocks.map((b) => JSON.stringify(b));
    const resourcesAt = shown.findIndex((b) => b.includes('Samaritans 116 123'));
    expect(resourcesAt).toBeGreaterThanOrEqual(0);
    expect(resourcesAt).toBeLessThanOrEqual(1);
    expect(textOf(blocks)).toContain(english('safety.urgentLine'));
    expect(resourcesAt).toBeLessThan(shown.findIndex((b) => b.includes('really hard right now')));
    expect(jsonOf(blocks)).toContain(RequestIds.requestButton);

    // Never quoted, not even on the lock screen.
    expect(reply.args.text).toBe(english('safety.notificationText'));
    for (const quoted of ['cope', 'anymore']) expect(JSON.stringify(reply.args).toLowerCase()).not.toContain(quoted);

    // Never stored (invariant 2): the same row counts, and the words nowhere in the database.
    expect(await counts(e2e)).toEqual(before);
    const { text } = await everyRow(e2e.db, e2e.provider);
    expect(text.toLowerCase()).not.toContain('cope anymore');
    expect(e2e.bot.output().toLowerCase()).not.toContain('cope anymore');
  });

  it('a plain message gets the calmer version, with the same resources first and Ask for a listener', async () => {
    const since = e2e.mark();
    await dmFrom(e2e, CURIOUS.id, 'hello, what is this app?');
    const reply = await e2e.next('chat.postMessage', since, postedTo(CURIOUS.id), 5000);
    const shown = textOf(reply.args.blocks);
    expect(shown).toContain(english('safety.calmLine'));
    expect(shown).not.toContain(english('safety.urgentLine'));
    expect(shown.indexOf('Samaritans 116 123')).toBeLessThan(shown.indexOf(english('safety.calmLine')));
    expect(jsonOf(reply.args.blocks)).toContain(RequestIds.requestButton);
    expect(JSON.stringify(reply.args)).not.toContain('what is this app');
  });

  it('/peer help shows the resources before the command list', async () => {
    const { response } = await command(e2e, CURIOUS.id, 'help');
    expect(response.status).toBe(200);
    const blocks = JSON.stringify((response.json as { blocks: unknown[] }).blocks);
    expect(blocks).toContain('Samaritans 116 123');
    expect(blocks.indexOf('Samaritans 116 123')).toBeLessThan(blocks.indexOf('/peer request'));
  });

  it('the Home tab shows the resources right under its title', async () => {
    const since = e2e.mark();
    const opened = eventCallback({ type: 'app_home_opened', user: CURIOUS.id, channel: `D${CURIOUS.id}`, tab: 'home', event_ts: String(Date.now() / 1000) }, { teamId: TEAM });
    expect((await e2e.send(opened)).status).toBe(200);
    const published = await e2e.next('views.publish', since, (c) => c.args.user_id === CURIOUS.id);
    const blocks = (published.args.view as { blocks: unknown[] }).blocks.map((b) => JSON.stringify(b));
    const resourcesAt = blocks.findIndex((b) => b.includes('Samaritans 116 123'));
    expect(resourcesAt).toBeGreaterThan(0);
    expect(resourcesAt).toBeLessThanOrEqual(2);
    expect(resourcesAt).toBeLessThan(blocks.findIndex((b) => b.includes(RequestIds.requestButton)));
  });
});
