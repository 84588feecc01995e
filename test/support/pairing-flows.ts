/**
 * End-to-end steps for the pairing story (issue 4): a seeker asks for a listener, listeners get offers,
 * the two talk through the relay. Built on test/support/flows.ts, with a process whose scheduler ticks
 * every second (offer timeouts) and a fake Slack that knows every person by a distinctive identity, so
 * the invariant-1 check can look for names, emails and avatars as well as user ids.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseProvider } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { PairingIds } from '../../src/features/pairings/ids.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { E2E_SIGNING_SECRET } from './app-process.js';
import type { Templates } from './databases.js';
import type { FakeUser, RecordedCall } from '../../src/simulator/web-api.js';
import {
  buttonValue,
  click,
  command,
  jsonOf,
  openedModal,
  optionValues,
  startE2E,
  submit,
  TEAM,
  type E2E,
  type OpenedModal,
} from './flows.js';
import { eventCallback, sendToApp, type BlockActionInput } from '../../src/simulator/requests.js';

// ---- People -----------------------------------------------------------------------------------------

/** A Slack user whose every identifying field is distinctive enough to search for in a payload. */
export interface Person extends FakeUser {
  id: string;
  name: string;
  real_name: string;
  display_name: string;
  email: string;
  image: string;
}

export function person(id: string, first: string, last: string): Person {
  const slug = `${first}.${last}`.toLowerCase();
  return {
    id,
    name: slug,
    real_name: `${first} ${last}`,
    display_name: `${first}${last}`,
    email: `${slug}@example.test`,
    image: `https://avatars.example.invalid/${slug}-512.png`,
    tz: 'Europe/London',
  };
}

/** Everything that would tell someone who `p` is (DESIGN.md invariant 1). `<@id>` contains the id. */
export function identityOf(p: Person): string[] {
  return [p.id, p.name, p.real_name, p.display_name, p.email, p.image];
}

// ---- The running bot ------------------------------------------------------------------------------

/** An E2E run (flows.ts) that also knows who each click, command and response URL belonged to. */
export interface PairingE2E extends E2E {
  /** Trigger ids and response_url keys this run handed out, to the user they were handed to. */
  readonly owners: Map<string, string>;
}

export async function startPairingE2E(
  provider: DatabaseProvider,
  templates: Templates,
  people: Person[],
  env: Record<string, string> = { SCHEDULER_TICK_SECONDS: '1' },
): Promise<PairingE2E> {
  return { ...(await startE2E(provider, templates, { users: people, env })), owners: new Map() };
}

function newKey(userId: string, kind: string): string {
  return `${userId}~${kind}~${randomBytes(4).toString('hex')}`;
}

/** A click by `userId`, whose response_url and trigger id are recorded as theirs. */
export async function clickAs(e2e: PairingE2E, userId: string, input: Omit<BlockActionInput, 'teamId' | 'userId'>) {
  const responseKey = newKey(userId, 'click');
  const triggerId = `${Date.now()}.${Math.floor(Date.now() / 1000)}.${randomBytes(16).toString('hex')}`;
  e2e.owners.set(responseKey, userId);
  e2e.owners.set(triggerId, userId);
  const result = await click(e2e, { ...input, userId, triggerId, responseUrl: e2e.slack.responseUrl(responseKey) });
  return { ...result, responseKey, triggerId };
}

/** What the app answered through the response_url of a click. */
export function answered(e2e: E2E, since: number, responseKey: string): Promise<RecordedCall> {
  return e2e.next('response_url', since, (call) => call.args.key === responseKey);
}

/** `/peer request` (or any modal command) by `userId`: the loading view, then the real one. */
export async function openCommandModal(e2e: PairingE2E, userId: string, text = 'request'): Promise<OpenedModal & { loading: { blocks: unknown } }> {
  const since = e2e.mark();
  const key = newKey(userId, 'cmd');
  e2e.owners.set(key, userId);
  const { response, triggerId } = await command(e2e, userId, text, key);
  e2e.owners.set(triggerId, userId);
  if (response.status !== 200) throw new Error(`/peer ${text} answered ${response.status}`);
  return openedModal(e2e, since, triggerId);
}

// ---- Requests and offers --------------------------------------------------------------------------

export interface Offered {
  offerId: string;
  listenerId: string;
  call: RecordedCall;
}

export function isOffer(call: RecordedCall): boolean {
  return call.method === 'chat.postMessage' && jsonOf(call.args.blocks).includes(PairingIds.acceptOffer);
}

/** The next offer DM sent after `since` (to `listenerId`, if given). */
export async function nextOffer(e2e: E2E, since: number, listenerId?: string, timeoutMs?: number): Promise<Offered> {
  const call = await e2e.next('chat.postMessage', since, (c) => isOffer(c) && (listenerId === undefined || c.args.channel === listenerId), timeoutMs);
  return { offerId: buttonValue(call.args.blocks, PairingIds.acceptOffer), listenerId: String(call.args.channel), call };
}

/** Offer DMs sent after `since` (in the run's workspace, when it names one). */
export function offersSince(e2e: E2E, since: number): Offered[] {
  return e2e.slack.calls
    .slice(since)
    .filter((call) => isOffer(call) && (e2e.teamId === undefined || call.teamId === e2e.teamId))
    .map((call) => ({ offerId: buttonValue(call.args.blocks, PairingIds.acceptOffer), listenerId: String(call.args.channel), call }));
}

export interface Asked {
  requestId: string;
  /** The DM the seeker got after submitting: thanks (or the honest "nobody yet"), resources, Cancel. */
  waitingDm: RecordedCall;
  /**
   * The offer made when the request was submitted, if a listener was free: sent before the seeker's DM,
   * or, when a scheduler's sweep made it first, whenever that sweep sends it.
   */
  offer: Offered | null;
  modal: OpenedModal;
}

/** A seeker asks for a listener on `topic` through `/peer request` and submits the modal. */
export async function askForListener(e2e: PairingE2E, seekerId: string, input: { topic: string; note?: string }): Promise<Asked> {
  const modal = await openCommandModal(e2e, seekerId);
  if (modal.view.callback_id !== RequestIds.requestModal) throw new Error(`expected the request modal, got ${modal.view.callback_id}`);
  const B = RequestIds.blocks;
  const since = e2e.mark();
  const response = await submit(e2e, seekerId, modal, {
    [B.topic]: optionValues(modal.view, B.topic, [input.topic])[0]!,
    ...(input.note !== undefined ? { [B.note]: input.note } : {}),
  });
  // The form ends with a confirmation view (response_action 'update'), not by closing silently.
  const answered = response.status === 200 && response.text !== '' ? (JSON.parse(response.text) as { response_action?: string; view?: { callback_id?: string } }) : null;
  if (answered?.response_action !== 'update' || answered.view?.callback_id !== RequestIds.requestSent) {
    throw new Error(`the request was not accepted: ${response.status} ${response.text}`);
  }
  const waitingDm = await e2e.next(
    'chat.postMessage',
    since,
    (c) => c.args.channel === seekerId && jsonOf(c.args.blocks).includes(RequestIds.cancelButton),
  );
  const requestId = buttonValue(waitingDm.args.blocks, RequestIds.cancelButton);
  const offers = offersSince(e2e, since).filter((o) => e2e.slack.calls.indexOf(o.call) < e2e.slack.calls.indexOf(waitingDm));
  if (offers[0]) return { requestId, waitingDm, offer: offers[0], modal };
  // A scheduler's sweep (this process's or another replica's) may have offered the request between its
  // commit and the submitter's own match: that offer is sent by the sweep, in its own time.
  const swept = await e2e.db.offer.findFirst({ where: { requestId }, orderBy: { offeredAt: 'asc' }, select: { id: true } });
  if (!swept) return { requestId, waitingDm, offer: null, modal };
  const call = await e2e.next('chat.postMessage', since, (c) => isOffer(c) && buttonValue(c.args.blocks, PairingIds.acceptOffer) === swept.id);
  return { requestId, waitingDm, offer: { offerId: swept.id, listenerId: String(call.args.channel), call }, modal };
}

/** The listener clicks Accept or Decline in the offer DM. */
export async function answerOffer(e2e: PairingE2E, offer: Offered, action: 'accept' | 'decline') {
  const row = await e2e.db.offer.findUniqueOrThrow({ where: { id: offer.offerId } });
  return clickAs(e2e, offer.listenerId, {
    actionId: action === 'accept' ? PairingIds.acceptOffer : PairingIds.declineOffer,
    value: offer.offerId,
    channelId: row.channel ?? `D${offer.listenerId}`,
    messageTs: row.messageTs ?? '1700000000.000100',
  });
}

export interface Introduced {
  pairingId: string;
  toSeeker: RecordedCall;
  toListener: RecordedCall;
}

/** The listener accepts; resolves with both introductions. */
export async function acceptOffer(e2e: PairingE2E, offer: Offered, seekerId: string): Promise<Introduced> {
  const since = e2e.mark();
  await answerOffer(e2e, offer, 'accept');
  const toSeeker = await e2e.next('chat.postMessage', since, (c) => c.args.channel === seekerId && jsonOf(c.args.blocks).includes(PairingIds.end));
  const toListener = await e2e.next('chat.postMessage', since, (c) => c.args.channel === offer.listenerId && jsonOf(c.args.blocks).includes(PairingIds.end));
  const pairingId = buttonValue(toSeeker.args.blocks, PairingIds.end);
  // Where the introductions are is recorded once both are posted; replies in their threads need it.
  await eventually(() => e2e.db.pairing.findFirst({ where: { id: pairingId, seekerThreadTs: { not: null }, listenerThreadTs: { not: null } } }));
  return { pairingId, toSeeker, toListener };
}

/** The seeker clicks "Cancel my request" in the DM they got after asking; resolves once answered. */
export async function cancelRequest(e2e: PairingE2E, seekerId: string, requestId: string): Promise<RecordedCall> {
  const since = e2e.mark();
  const { responseKey } = await clickAs(e2e, seekerId, { actionId: RequestIds.cancelButton, value: requestId, channelId: `D${seekerId}` });
  return answered(e2e, since, responseKey);
}

// ---- The relay ------------------------------------------------------------------------------------

let tsCounter = 0;

/** Message timestamps as Slack makes them, unique within the run. */
export function newTs(): string {
  tsCounter += 1;
  return `${1_750_000_000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`;
}

/** `userId` writes to the app in their DM (a `message` event with channel_type 'im'). */
export async function dmFrom(
  e2e: E2E,
  userId: string,
  text: string,
  extra: Record<string, unknown> = {},
  delivery: { eventId?: string; retryNum?: number } = {},
): Promise<string> {
  const ts = typeof extra.ts === 'string' ? extra.ts : newTs();
  const event = { type: 'message', channel_type: 'im', channel: `D${userId}`, user: userId, text, ts, event_ts: ts, ...extra };
  const body = eventCallback(event, { teamId: e2e.teamId ?? TEAM, ...(delivery.eventId ? { eventId: delivery.eventId } : {}) });
  const response =
    delivery.retryNum === undefined
      ? await e2e.send(body)
      : await sendToApp(e2e.bot.baseUrl, body, {
          secret: E2E_SIGNING_SECRET,
          headers: { 'x-slack-retry-num': String(delivery.retryNum), 'x-slack-retry-reason': 'http_timeout' },
        });
  if (response.status !== 200) throw new Error(`the message event answered ${response.status}`);
  return ts;
}

/** `userId` edits a message they wrote earlier (`sourceTs`) to `text`. */
export async function editFrom(e2e: E2E, userId: string, sourceTs: string, text: string, before: string): Promise<void> {
  const ts = newTs();
  const event = {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel_type: 'im',
    channel: `D${userId}`,
    ts,
    event_ts: ts,
    message: { type: 'message', user: userId, text, ts: sourceTs, edited: { user: userId, ts } },
    previous_message: { type: 'message', user: userId, text: before, ts: sourceTs },
  };
  const response = await e2e.send(eventCallback(event, { teamId: e2e.teamId ?? TEAM }));
  if (response.status !== 200) throw new Error(`the edit event answered ${response.status}`);
}

/**
 * Polls `read` until it returns something other than null or undefined: for what the app writes just
 * after the Web API call a test waits for (a relayed copy's timestamp is stored once Slack answered).
 */
export async function eventually<T>(read: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing came within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// ---- Invariant checks -----------------------------------------------------------------------------

/**
 * The people a recorded call is addressed to: its channel (a user id or their DM, `D` + id), user,
 * user_id or users argument, and for a response_url or a modal, whoever the key or trigger id was
 * handed to.
 */
export function addresseesOf(call: RecordedCall, owners: ReadonlyMap<string, string>): Set<string> {
  const to = new Set<string>();
  for (const key of ['channel', 'user', 'user_id', 'users']) {
    const value = call.args[key];
    if (typeof value !== 'string') continue;
    for (const part of value.split(',')) to.add(part.trim().replace(/^D(?=[UW])/, ''));
  }
  for (const key of ['key', 'trigger_id']) {
    const value = call.args[key];
    const owner = typeof value === 'string' ? owners.get(value) : undefined;
    if (owner) to.add(owner);
  }
  return to;
}

export interface Leak {
  index: number;
  method: string;
  to: string;
  about: string;
  found: string;
}

/** Calls addressed to `recipientId` that carry anything identifying one of `hidden`. */
export function leaksTo(calls: readonly RecordedCall[], owners: ReadonlyMap<string, string>, recipientId: string, hidden: Person[]): Leak[] {
  const leaks: Leak[] = [];
  calls.forEach((call, index) => {
    if (!addresseesOf(call, owners).has(recipientId)) return;
    const payload = JSON.stringify(call.args).toLowerCase();
    for (const p of hidden) {
      for (const id of identityOf(p)) {
        if (payload.includes(id.toLowerCase())) leaks.push({ index, method: call.method, to: recipientId, about: p.id, found: id });
      }
    }
  });
  return leaks;
}

/** DESIGN.md invariant 1 for one pair: nothing addressed to either side carries the other's identity. */
export function identityLeaksBetween(calls: readonly RecordedCall[], owners: ReadonlyMap<string, string>, a: Person, b: Person): Leak[] {
  return [...leaksTo(calls, owners, a.id, [b]), ...leaksTo(calls, owners, b.id, [a])];
}

/**
 * Row counts without the day's insights snapshot, which the scheduler takes on its own clock (an hourly
 * job, every minute with a 1 s tick): a tick during a test made a row and failed CI runs twice. It holds
 * no message and nothing a test does.
 */
export function withoutClockRows(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([table]) => !/insights_?snapshot/i.test(table)));
}

/** Every row of every table, as one string (DESIGN.md invariant 2: relayed text is never stored). */
export async function everyRow(db: Db, provider: DatabaseProvider): Promise<{ tables: string[]; counts: Record<string, number>; text: string }> {
  const tables =
    provider === 'sqlite'
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  const counts: Record<string, number> = {};
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = rows.length;
    parts.push(`${name}: ${JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`);
  }
  return { tables: tables.map((t) => t.name), counts, text: parts.join('\n') };
}
