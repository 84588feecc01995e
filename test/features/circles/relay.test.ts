import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { CircleRelayIds } from '../../../src/features/circles/relay-ids.js';
import { PairingIds } from '../../../src/features/pairings/ids.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { countingQueries } from '../../support/counting-queries.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';
import { createInProcessApp, SLACK_API, type InProcessApp } from '../../support/in-process-app.js';
import { everyRow } from '../../support/pairing-flows.js';

// Issue 20, the circles' anonymous group conversation and its safety, through the real app in process:
// Bolt's router, the one `message` handler, real databases, and Slack's Web API faked with nock. Every
// Web API call is recorded, so the invariants are checked over all of them: no call addressed to one
// member carries another's identity unless they revealed it (invariant 1), and the words are never
// stored or logged (invariant 2).

const TEAM = 'T0FAKE0001';
const NOW = '2026-03-04T10:00:00Z';
const DAY = 24 * 60 * 60 * 1000;

// ---- A fake Slack that records every call -------------------------------------------------------------

interface Call {
  method: string;
  args: Record<string, unknown>;
  /** The ts Slack gave a posted message. */
  posted?: string;
}

/** Form fields as the Web API client sends them: nested values (blocks, view) are JSON text. */
function parseBody(body: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> =
    typeof body === 'string' ? (body.trim().startsWith('{') ? (JSON.parse(body) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(body))) : { ...(body as object) };
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        fields[key] = JSON.parse(value) as unknown;
      } catch {
        // Text that merely starts with a bracket.
      }
    }
  }
  return fields;
}

/** People as Slack knows them: a name and a locale each, so a leak of a name can be looked for too. */
const people = new Map<string, { name: string; locale: string }>();

function recordSlack() {
  const calls: Call[] = [];
  /** DM channels whose posts Slack refuses (a copy that does not go). */
  const failFor = new Set<string>();
  let ts = 1_780_000_000;
  nock(SLACK_API)
    .persist()
    .post(() => true)
    .reply((uri, body) => {
      const path = uri.split('?')[0]!;
      const args = parseBody(body);
      if (path.startsWith('/response/')) {
        calls.push({ method: 'response_url', args: { ...args, key: path.slice('/response/'.length) } });
        return [200, 'ok'];
      }
      const method = path.replace(/^\/api\//, '');
      calls.push({ method, args });
      switch (method) {
        case 'auth.test':
          return [200, { ok: true, user_id: 'U0BOT00001', bot_id: 'B0BOT00001', team_id: TEAM }];
        case 'users.info': {
          const id = String(args.user);
          const p = people.get(id);
          return [200, { ok: true, user: { id, real_name: p?.name, name: p?.name, locale: p?.locale ?? 'en-GB', tz: 'Europe/London' } }];
        }
        case 'chat.postMessage':
          if (failFor.has(String(args.channel))) return [200, { ok: false, error: 'channel_not_found' }];
          calls.at(-1)!.posted = `${(ts += 1)}.000100`;
          return [200, { ok: true, channel: String(args.channel), ts: calls.at(-1)!.posted }];
        case 'views.open':
        case 'views.update':
          return [200, { ok: true, view: { id: typeof args.view_id === 'string' ? args.view_id : 'VOPENED001' } }];
        default:
          return [200, { ok: true }];
      }
    });
  return { calls, failFor };
}

// ---- Payloads -------------------------------------------------------------------------------------------

let tsCounter = 0;
const newTs = () => `${1_772_600_000 + (tsCounter += 1)}.000200`;
const eventId = () => `Ev${randomUUID().replace(/-/g, '').slice(0, 16)}`;

function eventBody(event: Record<string, unknown>) {
  return { token: 'verification', team_id: TEAM, api_app_id: 'A0FAKEAPP1', type: 'event_callback', event_id: eventId(), event_time: 1_772_445_600, event };
}

function dm(userId: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = typeof extra.ts === 'string' ? extra.ts : newTs();
  return { ts, body: eventBody({ type: 'message', channel_type: 'im', channel: `D${userId}`, user: userId, text, ts, event_ts: ts, ...extra }) };
}

function edit(userId: string, sourceTs: string, threadTs: string, text: string) {
  const ts = newTs();
  return eventBody({
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel_type: 'im',
    channel: `D${userId}`,
    ts,
    event_ts: ts,
    message: { type: 'message', user: userId, text, ts: sourceTs, thread_ts: threadTs, edited: { user: userId, ts } },
    previous_message: { type: 'message', user: userId, text: 'before', ts: sourceTs, thread_ts: threadTs },
  });
}

function deletion(userId: string, sourceTs: string, threadTs: string) {
  const ts = newTs();
  return eventBody({
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel_type: 'im',
    channel: `D${userId}`,
    ts,
    event_ts: ts,
    deleted_ts: sourceTs,
    previous_message: { type: 'message', user: userId, text: 'before', ts: sourceTs, thread_ts: threadTs },
  });
}

function click(userId: string, actionId: string, value: string, key = randomUUID().slice(0, 8)) {
  return {
    type: 'block_actions',
    user: { id: userId, team_id: TEAM },
    team: { id: TEAM },
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${key}.trigger`,
    container: { type: 'message', message_ts: '1772000000.000900', channel_id: `D${userId}`, is_ephemeral: false },
    channel: { id: `D${userId}`, name: 'directmessage' },
    message: { type: 'message', user: 'U0BOT00001', ts: '1772000000.000900', text: '', blocks: [] },
    response_url: `${SLACK_API}/response/${key}`,
    actions: [{ action_id: actionId, block_id: 'b', type: 'button', value, action_ts: '1' }],
  };
}

function submission(userId: string, callbackId: string, values: Record<string, unknown>, privateMetadata: string) {
  return {
    type: 'view_submission',
    team: { id: TEAM },
    user: { id: userId, team_id: TEAM },
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: 'submit.trigger',
    view: { id: 'VFORM00001', team_id: TEAM, type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, state: { values }, blocks: [], hash: 'h' },
    response_urls: [],
  };
}

const radio = (value: string) => ({ value: { type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: value }, value } } });
const select = (value: string | null) => ({ value: { type: 'static_select', selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } } });

// ---- The world: a circle of four (a facilitator and three members) ----------------------------------------

interface Seat {
  id: string;
  userId: string;
  pseudonym: string;
  channel: string;
  threadTs: string;
}

function person(label: string, locale = 'en-GB'): string {
  const id = `U${label.toUpperCase().slice(0, 3)}${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`;
  people.set(id, { name: `${label} Person${id.slice(-4)}`, locale });
  return id;
}

async function makeCircle(db: Db, options: { initiativeId: string; facilitator: string; members: string[]; description?: string }) {
  const circle = await db.circle.create({
    data: {
      initiativeId: options.initiativeId,
      description: options.description ?? 'For colleagues who care for someone at home.',
      capacity: 8,
      memberCount: options.members.length,
      cadence: 'weekly',
      weekday: 4,
      localTime: '18:00',
      timezone: 'Europe/London',
      firstSessionAt: new Date('2026-03-05T18:00:00Z'),
      prompt: 'How has your week been?',
      guidelines: 'Be kind.',
      status: 'open',
      createdBy: options.facilitator,
      createdAt: new Date(NOW),
    },
  });
  const names = ['Heron', 'Otter', 'Wren', 'Fox', 'Hazel'];
  const seats: Seat[] = [];
  for (const [i, userId] of [options.facilitator, ...options.members].entries()) {
    const row = await db.circleMember.create({
      data: {
        circleId: circle.id,
        userId,
        role: i === 0 ? 'facilitator' : 'member',
        pseudonym: names[i]!,
        channel: `D${userId}`,
        threadTs: `1772000000.0${String(i + 1).padStart(5, '0')}`,
        joinedAt: new Date(NOW),
      },
    });
    seats.push({ id: row.id, userId, pseudonym: row.pseudonym, channel: row.channel!, threadTs: row.threadTs! });
  }
  const [facilitator, a, b, c] = seats as [Seat, Seat, Seat, Seat];
  return { circle, facilitator, a, b, c, seats };
}

const posts = (calls: readonly Call[]) => calls.filter((c) => c.method === 'chat.postMessage');
const to = (seat: { channel: string }) => (c: Call) => c.args.channel === seat.channel;
const json = (value: unknown) => JSON.stringify(value);

/** The people a call is addressed to: its DM channel (D + user id) or user argument, or who clicked. */
function addressees(call: Call, clicker?: string): string[] {
  const found: string[] = [];
  for (const key of ['channel', 'user', 'users', 'user_id']) {
    const value = call.args[key];
    if (typeof value === 'string') found.push(value.replace(/^D(?=U)/, ''));
  }
  if (clicker && ['response_url', 'views.open', 'views.update'].includes(call.method)) found.push(clicker);
  return found;
}

/** DESIGN.md invariant 1 over every recorded call: none addressed to someone else carries `hidden`'s id or name. */
function leaksOf(calls: readonly Call[], hidden: string, clicker?: string) {
  const identity = [hidden, people.get(hidden)!.name];
  return calls.filter((call) => addressees(call, clicker).some((a) => a !== hidden) && identity.some((i) => json(call.args).includes(i)));
}

describe.each(TEST_PROVIDERS)('the circle relay on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let peer: InProcessApp;
  let slack: ReturnType<typeof recordSlack>;
  let initiativeId: string;
  let coordinator: string;

  beforeAll(async () => {
    nock.disableNetConnect();
    database = await openTestDatabase(provider, inject('templates'));
    peer = createInProcessApp(database, NOW);
    coordinator = person('coordinator');
    initiativeId = (await makeInitiative(database.db, { workspaceId: TEAM, coordinatorId: coordinator })).id;
  });

  const deliver = (body: Record<string, unknown>) => peer.deliver(body);

  afterEach(() => {
    peer.clock.set(NOW);
    nock.cleanAll();
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await database?.drop();
  });

  async function world() {
    slack = recordSlack();
    const ids = { facilitator: person('facilitator'), a: person('alice'), b: person('bob'), c: person('carmen', 'es-ES') };
    const made = await makeCircle(database.db, { initiativeId, facilitator: ids.facilitator, members: [ids.a, ids.b, ids.c] });
    return made;
  }

  it('relays a member\'s message to the other three exactly once each, under one pseudonym, with no identity in any call (invariants 1 and 2)', async () => {
    const { circle, facilitator, a, b, c } = await world();
    // Bob reads previews on his lock screen; Carmen's Slack speaks Spanish.
    await database.db.personPreference.create({ data: { userId: b.userId, previews: true, updatedAt: new Date(NOW) } });
    const words = 'Thank you all for listening this week';
    const message = dm(a.userId, words, { thread_ts: a.threadTs });
    await deliver(message.body);

    const copies = posts(slack.calls).filter((p) => p.args.channel !== a.channel);
    expect(copies.map((p) => p.args.channel).sort()).toEqual([facilitator.channel, b.channel, c.channel].sort());
    for (const seat of [facilitator, b, c]) {
      const [copy] = copies.filter(to(seat));
      expect(copy!.args.thread_ts).toBe(seat.threadTs);
      expect(json(copy!.args.blocks)).toContain(words);
    }
    // One pseudonym, in each reader's language; the words on a lock screen only for whoever chose previews.
    expect(json(copies.find(to(facilitator))!.args.blocks)).toContain('*a colleague (Otter)*');
    expect(json(copies.find(to(c))!.args.blocks)).toContain('*Otter*');
    expect(copies.find(to(facilitator))!.args.text).toBe(english('circles.relay.notification'));
    expect(copies.find(to(c))!.args.text).toBe(translatorFor('es')('circles.relay.notification'));
    expect(copies.find(to(b))!.args.text).toBe(`a colleague (Otter): ${words}`);
    // Nothing to the writer: no note, no echo.
    expect(posts(slack.calls).filter(to(a))).toEqual([]);

    // Invariant 1, over every call the app made: nothing addressed to anyone else carries Alice's id or name.
    expect(leaksOf(slack.calls, a.userId)).toEqual([]);

    // One row per copy, timestamps only.
    const rows = await database.db.circleRelayed.findMany({ where: { circleId: circle.id } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.fromMemberId === a.id && r.sourceTs === message.ts)).toBe(true);
    expect(rows.map((r) => r.mirrorTs).sort()).toEqual(copies.map((p) => p.posted).sort());
    // Invariant 2: the words are in no row of any table, and in no log line.
    expect((await everyRow(database.db, provider)).text).not.toContain(words);
    expect(peer.logs()).not.toContain(words);
  });

  it('marks the facilitator as such, and shows a member\'s name only once they revealed it to the circle', async () => {
    const { facilitator, a, b, c } = await world();
    await deliver(dm(facilitator.userId, 'Welcome, everyone', { thread_ts: facilitator.threadTs }).body);
    for (const seat of [a, b]) expect(json(posts(slack.calls).find(to(seat))!.args.blocks)).toContain('*the facilitator (Heron)*');
    expect(json(posts(slack.calls).find(to(c))!.args.blocks)).toContain('*Heron (moderación)*');
    expect(leaksOf(slack.calls, facilitator.userId)).toEqual([]);

    slack.calls.length = 0;
    await database.db.circleMember.update({ where: { id: b.id }, data: { revealed: true } });
    await deliver(dm(b.userId, 'I am happy for you all to know me', { thread_ts: b.threadTs }).body);
    const copies = posts(slack.calls);
    expect(copies).toHaveLength(3);
    for (const seat of [facilitator, a]) expect(json(copies.find(to(seat))!.args.blocks)).toContain(`*a colleague (Wren)* <@${b.userId}>`);
    expect(json(copies.find(to(c))!.args.blocks)).toContain(`*Wren* <@${b.userId}>`);
  });

  it('mirrors an edit and a deletion onto every copy', async () => {
    const { circle, facilitator, a, b, c } = await world();
    const message = dm(a.userId, 'First draft', { thread_ts: a.threadTs });
    await deliver(message.body);
    const rows = await database.db.circleRelayed.findMany({ where: { circleId: circle.id }, include: { to: true } });
    expect(rows).toHaveLength(3);

    slack.calls.length = 0;
    await deliver(edit(a.userId, message.ts, a.threadTs, 'Second thoughts'));
    const updates = slack.calls.filter((call) => call.method === 'chat.update');
    expect(updates.map((u) => [u.args.channel, u.args.ts]).sort()).toEqual(rows.map((r) => [r.to.channel, r.mirrorTs]).sort());
    for (const u of updates) {
      expect(json(u.args.blocks)).toContain('Second thoughts');
      expect(json(u.args.blocks)).not.toContain('First draft');
    }

    slack.calls.length = 0;
    await deliver(deletion(a.userId, message.ts, a.threadTs));
    const deletes = slack.calls.filter((call) => call.method === 'chat.delete');
    expect(deletes.map((d) => [d.args.channel, d.args.ts]).sort()).toEqual(rows.map((r) => [r.to.channel, r.mirrorTs]).sort());
    expect(await database.db.circleRelayed.count({ where: { circleId: circle.id } })).toBe(0);
    expect(leaksOf(slack.calls, a.userId)).toEqual([]);
    expect([facilitator, b, c].every((s) => deletes.some(to(s)))).toBe(true);
  });

  it('refuses files kindly in the thread and still relays the text', async () => {
    const { facilitator, a, b, c } = await world();
    await deliver(dm(a.userId, 'Here is a photo of my garden', { thread_ts: a.threadTs, subtype: 'file_share', files: [{ id: 'F0PHOTO001', name: 'garden.jpg' }] }).body);
    for (const seat of [facilitator, b, c]) {
      const copy = posts(slack.calls).find(to(seat))!;
      expect(json(copy.args.blocks)).toContain('Here is a photo of my garden');
      expect(json(copy.args)).not.toContain('F0PHOTO001');
    }
    const notes = posts(slack.calls).filter(to(a));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.args.thread_ts).toBe(a.threadTs);
    expect(notes[0]!.args.text).toBe(english('circles.relay.filesNotRelayed'));
    expect(slack.calls.filter((call) => call.method.startsWith('files.'))).toEqual([]);

    // A file with no words: nothing reaches the others, and the writer is still told.
    slack.calls.length = 0;
    await deliver(dm(a.userId, '', { thread_ts: a.threadTs, subtype: 'file_share', files: [{ id: 'F0PHOTO002' }] }).body);
    expect(posts(slack.calls).map((p) => p.args.channel)).toEqual([a.channel]);
  });

  it('relays nothing from a paused member, and tells them kindly until when, with the resources', async () => {
    const { a } = await world();
    const until = new Date(new Date(NOW).getTime() + DAY);
    await database.db.circleMember.update({ where: { id: a.id }, data: { pausedUntil: until } });
    await deliver(dm(a.userId, 'Is anyone there?', { thread_ts: a.threadTs }).body);
    const sent = posts(slack.calls);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.args).toMatchObject({ channel: a.channel, thread_ts: a.threadTs });
    const shown = json(sent[0]!.args.blocks);
    expect(shown).toContain('paused your messages to the circle until the next session');
    expect(shown).toContain(`<!date^${Math.floor(until.getTime() / 1000)}^`);
    expect(shown).toContain('Call the EAP line on 0800 000 000.');
    expect(shown).not.toContain('Is anyone there?');
    expect(await database.db.circleRelayed.count({ where: { fromMemberId: a.id } })).toBe(0);

    // Once the pause is over, their words go again.
    slack.calls.length = 0;
    peer.clock.advance(DAY + 1000);
    await deliver(dm(a.userId, 'Back again', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls)).toHaveLength(3);
  });

  it('crisis words: the member gets the resources, each facilitator one private note a day naming only the pseudonym, and the message still goes', async () => {
    const { circle, facilitator, a, b, c } = await world();
    await deliver(dm(a.userId, 'Some days I want to die', { thread_ts: a.threadTs }).body);

    // Relayed as ever.
    for (const seat of [facilitator, b, c]) expect(json(posts(slack.calls).find(to(seat))!.args.blocks)).toContain('Some days I want to die');
    // The member: the resources, in their thread.
    const toMember = posts(slack.calls).filter(to(a));
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.args.thread_ts).toBe(a.threadTs);
    expect(toMember[0]!.args.text).toBe(english('circles.safety.memberLead'));
    expect(json(toMember[0]!.args.blocks)).toContain('Call the EAP line on 0800 000 000.');
    // The facilitator: a private note in their welcome thread, broadcast, with the pause button.
    const notes = posts(slack.calls).filter((p) => to(facilitator)(p) && json(p.args.blocks).includes(CircleRelayIds.crisisPause));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.args).toMatchObject({ thread_ts: facilitator.threadTs, reply_broadcast: 'true', text: english('circles.safety.facilitatorNotification') });
    const note = json(notes[0]!.args.blocks);
    expect(note).toContain('*Otter*');
    expect(note).toContain(english('circles.safety.pauseButton', { member: 'Otter' }));
    expect(note).not.toContain('want to die');
    // Nobody else hears of it.
    for (const seat of [b, c]) expect(posts(slack.calls).filter(to(seat))).toHaveLength(1);
    expect(leaksOf(slack.calls, a.userId)).toEqual([]);
    expect((await database.db.circleMember.findUniqueOrThrow({ where: { id: a.id } })).crisisNotedAt).toEqual(new Date(NOW));

    // The same day: the member gets the resources again, the facilitator no second note.
    slack.calls.length = 0;
    await deliver(dm(a.userId, "I can't cope today either", { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).filter(to(a))).toHaveLength(1);
    expect(posts(slack.calls).filter((p) => json(p.args.blocks).includes(CircleRelayIds.crisisPause))).toEqual([]);
    expect(posts(slack.calls).filter(to(facilitator))).toHaveLength(1);

    // The facilitator's pause button: only a facilitator (or coordinator) may use it, whatever it carries.
    const value = JSON.stringify({ circleId: circle.id, pseudonym: 'Otter' });
    slack.calls.length = 0;
    await deliver(click(b.userId, CircleRelayIds.crisisPause, value, 'bobclick'));
    expect((await database.db.circleMember.findUniqueOrThrow({ where: { id: a.id } })).pausedUntil).toBeNull();
    expect(slack.calls.find((call) => call.method === 'response_url')!.args.text).toBe(english('circles.safety.pauseNotAllowed'));

    await deliver(click(facilitator.userId, CircleRelayIds.crisisPause, value, 'facclick'));
    const paused = (await database.db.circleMember.findUniqueOrThrow({ where: { id: a.id } })).pausedUntil;
    // The next session's slot: Thursday 5 March 2026, 18:00 in London.
    expect(paused).toEqual(new Date('2026-03-05T18:00:00Z'));
    const answer = slack.calls.filter((call) => call.method === 'response_url').at(-1)!;
    expect(answer.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer.args.text)).toContain('*Otter*');
    expect(leaksOf(slack.calls, a.userId, facilitator.userId)).toEqual([]);

    // A day later, words that suggest a crisis bring a new note (the member is paused: nothing relayed).
    slack.calls.length = 0;
    peer.clock.advance(DAY + 1000);
    await database.db.circleMember.update({ where: { id: a.id }, data: { pausedUntil: null } });
    await deliver(dm(a.userId, 'I want to die', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).filter((p) => json(p.args.blocks).includes(CircleRelayIds.crisisPause))).toHaveLength(1);
  });

  it('gives the day\'s crisis note back when it reached no facilitator, so the next such message brings it', async () => {
    const { facilitator, a } = await world();
    slack.failFor.add(facilitator.channel);
    await deliver(dm(a.userId, 'Some days I want to die', { thread_ts: a.threadTs }).body);
    // The note was tried, and Slack refused it.
    const tried = posts(slack.calls).filter((p) => json(p.args.blocks).includes(CircleRelayIds.crisisPause));
    expect(tried.map((p) => [p.args.channel, p.posted])).toEqual([[facilitator.channel, undefined]]);
    expect((await database.db.circleMember.findUniqueOrThrow({ where: { id: a.id } })).crisisNotedAt).toBeNull();

    slack.failFor.delete(facilitator.channel);
    slack.calls.length = 0;
    await deliver(dm(a.userId, "I can't cope today either", { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).filter((p) => to(facilitator)(p) && json(p.args.blocks).includes(CircleRelayIds.crisisPause))).toHaveLength(1);
    expect((await database.db.circleMember.findUniqueOrThrow({ where: { id: a.id } })).crisisNotedAt).toEqual(new Date(NOW));
  });

  it('tells the writer kindly when a copy did not go, and never when all did', async () => {
    const { a, b, c, facilitator } = await world();
    slack.failFor.add(c.channel);
    await deliver(dm(a.userId, 'Does this reach everyone?', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).filter((p) => [facilitator, b].some((s) => to(s)(p)))).toHaveLength(2);
    const told = posts(slack.calls).filter(to(a));
    expect(told).toHaveLength(1);
    expect(told[0]!.args).toMatchObject({ thread_ts: a.threadTs, text: english('circles.relay.notReachedEveryone', { missed: 1 }) });
    expect(await database.db.circleRelayed.count({ where: { fromMemberId: a.id } })).toBe(2);
    expect(peer.logs()).toContain('circle_relay_failed');
    expect(peer.logs()).not.toContain('Does this reach everyone?');

    slack.calls.length = 0;
    slack.failFor.add(b.channel).add(facilitator.channel);
    await deliver(dm(a.userId, 'And now?', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).filter(to(a)).map((p) => p.args.text)).toEqual([english('circles.relay.notPassedOn')]);
  });

  it('keeps a pairing and a circle apart: the pairing thread goes to the partner, the circle thread to the circle, a top-level DM as before', async () => {
    const { facilitator, a, b, c } = await world();
    const listener = await makeListener(database.db, { initiativeId, userId: person('listener'), topicIds: [] });
    const request = await makeRequest(database.db, { initiativeId, seekerId: a.userId, status: 'paired' });
    const pairing = await makePairing(database.db, { request, listener, startedAt: new Date(NOW) });
    await database.db.pairing.update({ where: { id: pairing.id }, data: { seekerThreadTs: '1772000001.000001', listenerThreadTs: '1772000001.000002' } });
    const partner = { channel: `D${listener.userId}` };
    const circle = [facilitator, b, c];

    await deliver(dm(a.userId, 'Just for my listener', { thread_ts: '1772000001.000001' }).body);
    expect(posts(slack.calls).map((p) => p.args.channel)).toEqual([partner.channel]);
    expect(json(posts(slack.calls)[0]!.args.blocks)).toContain('Just for my listener');

    slack.calls.length = 0;
    await deliver(dm(a.userId, 'Just for the circle', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).map((p) => p.args.channel).sort()).toEqual(circle.map((s) => s.channel).sort());

    slack.calls.length = 0;
    await deliver(dm(a.userId, 'Outside any thread').body);
    expect(posts(slack.calls).map((p) => p.args.channel)).toEqual([partner.channel]);

    // Nothing addressed to the listener carries the circle's words, nor anything to the circle the pairing's.
    expect(json(slack.calls.filter((call) => addressees(call).includes(listener.userId)))).not.toContain('Just for the circle');
    expect(leaksOf(slack.calls, a.userId)).toEqual([]);
    await database.db.pairing.update({ where: { id: pairing.id }, data: { status: 'ended' } });
  });

  it('says so when the circle has closed, and passes nothing on', async () => {
    const { circle, a } = await world();
    await database.db.circle.update({ where: { id: circle.id }, data: { status: 'closed' } });
    await deliver(dm(a.userId, 'Hello?', { thread_ts: a.threadTs }).body);
    expect(posts(slack.calls).map((p) => [p.args.channel, p.args.text])).toEqual([[a.channel, english('circles.relay.closed')]]);
  });

  it('a concern raised in a circle: the form offers the others by pseudonym, coordinators hear of it naming only pseudonyms, and can reply', async () => {
    const { circle, facilitator, a, b, c } = await world();
    await deliver(click(b.userId, CircleRelayIds.report, circle.id, 'report'));
    const form = slack.calls.find((call) => call.method === 'views.update')!.args.view as { callback_id: string; blocks: unknown[]; private_metadata: string };
    expect(form.callback_id).toBe(CircleRelayIds.reportModal);
    for (const name of ['Heron', 'Otter', 'Fox']) expect(json(form.blocks)).toContain(`"value":"${name}"`);
    expect(json(form.blocks)).not.toContain('"value":"Wren"');
    expect(json(form)).not.toContain(a.userId);

    // No reason: the form says so.
    const missing = await deliver(submission(b.userId, CircleRelayIds.reportModal, {}, form.private_metadata));
    expect(missing.response).toMatchObject({ response_action: 'errors' });

    slack.calls.length = 0;
    const sent = await deliver(
      submission(b.userId, CircleRelayIds.reportModal, { [CircleRelayIds.blocks.reason]: radio('guidelines'), [CircleRelayIds.blocks.about]: select('Otter') }, form.private_metadata),
    );
    expect(json(sent.response)).toContain(english('circles.report.sent', { pseudonym: 'Wren' }));
    const [report] = await database.db.report.findMany({ where: { circleId: circle.id } });
    expect(report).toMatchObject({ initiativeId, pairingId: null, reporterId: b.userId, reporterSide: 'member', reporterPseudonym: 'Wren', aboutPseudonym: 'Otter', reason: 'The guidelines were not followed' });

    const notices = posts(slack.calls).filter((p) => p.args.channel === coordinator);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.args.text).toBe(english('reports.coordinators.notification'));
    const notice = json(notices[0]!.args.blocks);
    expect(notice).toContain('For colleagues who care for someone at home.');
    expect(notice).toContain('*Wren*');
    expect(notice).toContain('*Otter*');
    expect(notice).toContain(PairingIds.replyToReport);
    for (const seat of [facilitator, a, b, c]) expect(notice).not.toContain(seat.userId);

    // The coordinator replies, as to any report: it reaches the reporter under their pseudonym.
    slack.calls.length = 0;
    await deliver(click(coordinator, PairingIds.replyToReport, report!.id, 'reply'));
    const replyForm = slack.calls.find((call) => call.method === 'views.update')!.args.view as { callback_id: string; private_metadata: string };
    expect(replyForm.callback_id).toBe(PairingIds.reportReplyModal);
    const replied = await deliver(
      submission(coordinator, PairingIds.reportReplyModal, { [PairingIds.blocks.replyText]: { value: { type: 'plain_text_input', value: 'Thank you, we will look into it.' } } }, replyForm.private_metadata),
    );
    expect(replied.response).toMatchObject({ response_action: 'update' });
    const reply = posts(slack.calls).find((p) => p.args.channel === b.userId)!;
    expect(json(reply.args.blocks)).toContain('Thank you, we will look into it.');
    expect(json(reply.args.blocks)).toContain('*Wren*');
    expect(leaksOf(slack.calls, coordinator, coordinator)).toEqual([]);

    // Someone outside the circle cannot raise one in it, whatever the form carried.
    const outsider = person('outsider');
    const refused = await deliver(submission(outsider, CircleRelayIds.reportModal, { [CircleRelayIds.blocks.reason]: radio('other') }, form.private_metadata));
    expect(json(refused.response)).toContain(english('circles.report.notMember'));
    expect(await database.db.report.count({ where: { circleId: circle.id } })).toBe(1);
  });
});

describe.each(TEST_PROVIDERS)('the DM hot path with circles on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let counting: ReturnType<typeof countingQueries>;
  let peer: InProcessApp;

  beforeAll(async () => {
    nock.disableNetConnect();
    database = await openTestDatabase(provider, inject('templates'));
    counting = countingQueries(database.db);
    peer = createInProcessApp({ ...database, db: counting.db }, NOW);
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await database?.drop();
  });

  it('a top-level DM, or a reply in a pairing thread, asks nothing about circles; only a reply in another thread does, once', async () => {
    const slack = recordSlack();
    const initiative = await makeInitiative(database.db, { workspaceId: TEAM });
    const inCircle = person('alice');
    const notInCircle = person('dora');
    const { a } = await makeCircle(database.db, { initiativeId: initiative.id, facilitator: person('facilitator'), members: [inCircle, person('bob'), person('carmen')] });
    const threads = new Map<string, string>();
    for (const [i, seeker] of [inCircle, notInCircle].entries()) {
      const listener = await makeListener(database.db, { initiativeId: initiative.id, userId: person('listener'), topicIds: [] });
      const request = await makeRequest(database.db, { initiativeId: initiative.id, seekerId: seeker, status: 'paired' });
      const pairing = await makePairing(database.db, { request, listener, startedAt: new Date(NOW) });
      threads.set(seeker, `177200010${i}.000001`);
      await database.db.pairing.update({ where: { id: pairing.id }, data: { seekerThreadTs: `177200010${i}.000001`, listenerThreadTs: `177200010${i}.000002` } });
    }
    /** The queries one message costs, once every cache it uses is warm. */
    const cost = async (userId: string, extra: Record<string, unknown> = {}) => {
      await peer.deliver(dm(userId, 'warming up', extra).body);
      counting.calls.length = 0;
      await peer.deliver(dm(userId, 'counted', extra).body);
      return [...counting.calls];
    };

    const topLevel = await cost(inCircle);
    expect(topLevel.filter((q) => q.startsWith('circle'))).toEqual([]);
    expect(topLevel).toEqual(await cost(notInCircle));
    const inPairingThread = await cost(inCircle, { thread_ts: threads.get(inCircle) });
    expect(inPairingThread.filter((q) => q.startsWith('circle'))).toEqual([]);
    expect(inPairingThread).toEqual(await cost(notInCircle, { thread_ts: threads.get(notInCircle) }));
    // A reply in a thread that is no pairing's: one look at circle membership, and it is the circle's.
    const inCircleThread = await cost(inCircle, { thread_ts: a.threadTs });
    expect(inCircleThread.filter((q) => q === 'circleMember.findFirst')).toHaveLength(1);
    expect(posts(slack.calls).filter((p) => json(p.args.blocks).includes('counted')).length).toBeGreaterThanOrEqual(3 + 2 + 1);
  });
});
