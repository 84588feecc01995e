import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatchDueCheckIns } from '../../src/features/check-ins/dispatcher.js';
import { answerOffer } from '../../src/features/pairings/offers.js';
import { matchRequest } from '../../src/features/requests/matching.js';
import { createRequest } from '../../src/features/requests/service.js';
import { PARKED, reinstateWorkspace, uninstallWorkspace } from '../../src/features/workspaces/service.js';
import { UNAVAILABLE_RETRY_MS } from '../../src/delivery/unavailable.js';
import { createLogger } from '../../src/logger.js';
import { sendOutbox, WRITER_GRACE_MS } from '../../src/outbox/send.js';
import { createBulkSender } from '../../src/slack/bulk-sender.js';
import { singleTokenWorkspaces, WorkspaceUnavailableError, type WorkspaceTokens } from '../../src/slack/workspace-tokens.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative, makeListener } from '../support/factories.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { serviceWorld } from '../support/service-world.js';

// Issue 16: work the app does on its own (the outbox, check-ins) is sent with each workspace's own token
// through the bulk sender, and stops for a workspace the app may not act in: uninstalled, or its token
// refused by Slack (token_revoked, invalid_auth), which is handled as an uninstall. Always two workspaces
// A and B on one database and one fake Slack: what happens to A never holds up or changes B's sends.

const START = '2026-03-02T10:00:00Z'; // a Monday, 10:00 UTC: check-ins a week on fall in working hours
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const GRACE_DAYS = 30;
const TOKEN_A = 'xoxb-workspace-a-token';
const TOKEN_B = 'xoxb-workspace-b-token';
const SINGLE_TOKEN = 'xoxb-the-one-bot-token';

const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;
const team = (label: string) => `T${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;

describe.each(TEST_PROVIDERS)('sending per workspace on %s', (provider) => {
  let logs = '';
  const logger = createLogger('debug', { write: (line: string) => void (logs += line) });
  const world = serviceWorld(provider, { start: START, logger });
  const { clock, deps } = world;

  /** A pairing made as the app makes it: introductions in the outbox, check-ins a week on. */
  async function pairedIn(workspaceId: string) {
    const initiative = await makeInitiative(world.db, { workspaceId });
    const topicId = initiative.topics[0]!.id;
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const seekerId = user('seek');
    for (const id of [seekerId, listener.userId]) world.slack.addUser({ id, tz: 'Europe/London' });
    const { requestId } = await createRequest(deps(), { workspaceId, initiativeId: initiative.id, seekerId, topicId, note: null, language: null, sameTimezone: false, seekerTimezone: null });
    const offered = await matchRequest(deps(), requestId);
    if (offered.kind !== 'offered') throw new Error(`no offer: ${offered.kind}`);
    const answer = await answerOffer(deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
    if (answer.kind !== 'paired') throw new Error(`not paired: ${answer.kind}`);
    return { workspaceId, initiativeId: initiative.id, seekerId, listenerUserId: listener.userId, people: [seekerId, listener.userId], introIds: answer.outboxIds };
  }

  /**
   * Two workspaces, each with a pairing; their introductions were never sent by the process that wrote
   * them, so they are any tick's to send once the writer's grace is over (src/outbox/send.ts).
   */
  async function twoWorkspaces() {
    const both = { a: await pairedIn(team('a')), b: await pairedIn(team('b')) };
    clock.advance(WRITER_GRACE_MS);
    return both;
  }

  /** A workspace's introductions and first check-ins, with their delivery columns. */
  async function deliveryOf(workspace: { workspaceId: string; initiativeId: string }) {
    const columns = { id: true, status: true, deliverAt: true, attempts: true, lastError: true } as const;
    return {
      intros: await world.db.outboxMessage.findMany({ where: { workspaceId: workspace.workspaceId, kind: 'intro' }, select: columns, orderBy: { id: 'asc' } }),
      checkIns: await world.db.checkIn.findMany({ where: { initiativeId: workspace.initiativeId, kind: { in: ['seeker', 'listener'] }, sequence: 1 }, select: columns, orderBy: { id: 'asc' } }),
    };
  }

  /** Every call to Slack that names one of these people (a DM, a users.info ...). */
  const callsAbout = (people: string[]) => world.slack.calls.filter((c) => people.includes(String(c.args.channel)) || people.includes(String(c.args.user)));
  const postsTo = (id: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === id && !c.refusal);

  /** The bulk sender as src/app.ts builds it: a refused token is handled as an uninstall of its workspace. */
  function bulkSender(tokens: WorkspaceTokens) {
    const revoked: string[] = [];
    const sender = createBulkSender({
      tokens,
      revoked: async (workspaceId: string) => {
        revoked.push(workspaceId);
        await uninstallWorkspace(deps(), { workspaceId, graceDays: GRACE_DAYS, reason: 'token_refused' });
      },
      slackApiUrl: world.slack.url,
      logger,
      timeoutMs: 2_000,
    });
    return { sender, revoked };
  }

  /** OAuth mode in small: each workspace its own token, refused once the workspace is uninstalled (read as the app reads it). */
  function tokensPerWorkspace(tokens: Record<string, string>): WorkspaceTokens {
    const each = new Map(Object.entries(tokens).map(([workspaceId, token]) => [workspaceId, singleTokenWorkspaces(token, world.db, clock)]));
    return {
      botToken: async (workspaceId) => {
        const one = each.get(workspaceId);
        if (!one) throw new WorkspaceUnavailableError(workspaceId);
        return one.botToken(workspaceId);
      },
      forget: (workspaceId) => each.get(workspaceId)?.forget(workspaceId),
    };
  }

  /** Slack refusing every call made with `token`, as it does once the app is uninstalled or the token revoked. */
  function refuse(token: string, error: string) {
    const handler = (call: RecordedCall, reply: () => { body: unknown }) => (call.token === token ? { body: { ok: false, error } } : reply());
    for (const method of ['chat.postMessage', 'users.info']) world.slack.setResponse(method, handler);
  }

  it('sends nothing for a workspace the app was uninstalled from (one bot token), and the other workspace\'s work as usual', async () => {
    const { sender } = bulkSender(singleTokenWorkspaces(SINGLE_TOKEN, world.db, clock));
    const { a, b } = await twoWorkspaces();
    clock.advance(7 * DAY);
    await uninstallWorkspace(deps(), { workspaceId: a.workspaceId, graceDays: GRACE_DAYS, reason: 'app_uninstalled' });
    clock.advance(DAY); // A's parked rows are looked at again
    const before = await deliveryOf(a);

    const outbox = await sendOutbox(sender, deps(), { owner: 'a' });
    const checkIns = await dispatchDueCheckIns(sender, deps(), { owner: 'a' });

    expect(callsAbout(a.people)).toEqual([]);
    for (const id of b.people) expect(postsTo(id), `introduction and check-in to ${id}`).toHaveLength(2);
    expect([outbox.sent, checkIns.sent, outbox.failed + checkIns.failed + outbox.retried + checkIns.retried]).toEqual([2, 2, 0]);
    // Kept, unsent, another day; no try used up, still marked parked for a reinstall.
    const later = new Date(clock.now().getTime() + UNAVAILABLE_RETRY_MS);
    const after = await deliveryOf(a);
    expect([...after.intros, ...after.checkIns]).toEqual([...before.intros, ...before.checkIns].map((r) => ({ ...r, status: 'scheduled', attempts: 0, deliverAt: later, lastError: PARKED })));
  });

  it('sends nothing for a workspace whose token the app does not have (WorkspaceUnavailableError): its due rows wait a day without using a try', async () => {
    const { a, b } = await twoWorkspaces();
    const { sender, revoked } = bulkSender(tokensPerWorkspace({ [b.workspaceId]: TOKEN_B }));

    const outboxAt = clock.now().getTime();
    const outbox = await sendOutbox(sender, deps(), { owner: 'a' });
    clock.advance(7 * DAY);
    const checkIns = await dispatchDueCheckIns(sender, deps(), { owner: 'a' });

    expect(callsAbout(a.people)).toEqual([]);
    expect(world.slack.calls.every((c) => c.token === TOKEN_B)).toBe(true);
    for (const id of b.people) expect(postsTo(id), `introduction and check-in to ${id}`).toHaveLength(2);
    expect([outbox.sent, checkIns.sent, outbox.failed + checkIns.failed + outbox.retried + checkIns.retried]).toEqual([2, 2, 0]);
    const { intros, checkIns: rows } = await deliveryOf(a);
    expect(intros.map((r) => [r.status, r.attempts, r.deliverAt.getTime()])).toEqual(intros.map(() => ['scheduled', 0, outboxAt + UNAVAILABLE_RETRY_MS]));
    expect(rows.map((r) => [r.status, r.attempts, r.deliverAt.getTime()])).toEqual(rows.map(() => ['scheduled', 0, clock.now().getTime() + UNAVAILABLE_RETRY_MS]));
    // Not a refusal by Slack: nothing to uninstall.
    expect(revoked).toEqual([]);
    expect((await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } })).uninstalledAt).toBeNull();
  });

  it.each(['token_revoked', 'invalid_auth'])(
    'Slack answering %s for a workspace\'s token uninstalls it once; its messages are parked, not failed, and nothing more is sent there',
    async (code) => {
      const { a, b } = await twoWorkspaces();
      const { sender, revoked } = bulkSender(tokensPerWorkspace({ [a.workspaceId]: TOKEN_A, [b.workspaceId]: TOKEN_B }));
      refuse(TOKEN_A, code);
      logs = '';

      // One at a time, so the second of A's introductions is claimed after the first was refused.
      const report = await sendOutbox(sender, deps(), { owner: 'a', concurrency: 1 });

      expect(revoked).toEqual([a.workspaceId]);
      expect(world.slack.calls.filter((c) => c.token === TOKEN_A)).toHaveLength(1);
      for (const id of b.people) expect(postsTo(id)).toHaveLength(1);
      expect([report.sent, report.failed, report.retried]).toEqual([2, 0, 0]);
      const workspace = await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } });
      expect(workspace.uninstalledAt?.getTime()).toBe(clock.now().getTime());
      expect(workspace.eraseAfter?.getTime()).toBe(clock.now().getTime() + GRACE_DAYS * DAY);
      // Both introductions wait, not failed and without a try used up, marked for a reinstall to pick up.
      const later = clock.now().getTime() + UNAVAILABLE_RETRY_MS;
      expect((await deliveryOf(a)).intros.map((r) => [r.status, r.attempts, r.deliverAt.getTime()])).toEqual([
        ['scheduled', 0, later],
        ['scheduled', 0, later],
      ]);
      expect(logs).not.toContain(TOKEN_A);
      for (const id of a.people) expect(logs).not.toContain(id);

      // Later ticks send nothing there, whatever is due (Slack would accept again: it is the app that stops).
      world.slack.clearResponse();
      clock.advance(7 * DAY);
      await sendOutbox(sender, deps(), { owner: 'a' });
      await dispatchDueCheckIns(sender, deps(), { owner: 'a' });
      expect(world.slack.calls.filter((c) => c.token === TOKEN_A)).toHaveLength(1);
      expect(callsAbout(a.people)).toHaveLength(1);
      for (const id of b.people) expect(postsTo(id)).toHaveLength(2); // B's check-ins went as usual
      expect(revoked).toEqual([a.workspaceId]);
      const { intros, checkIns } = await deliveryOf(a);
      expect([...intros, ...checkIns].map((r) => [r.status, r.attempts])).toEqual([...intros, ...checkIns].map(() => ['scheduled', 0]));
      // Parked like the rest of A's work, so a reinstall brings them back (reinstateWorkspace takes only parked rows).
      expect(intros.map((r) => r.lastError)).toEqual([PARKED, PARKED]);
    },
  );

  it('a check-in refused with token_revoked is parked, not failed, and the workspace uninstalled once', async () => {
    const { a, b } = await twoWorkspaces();
    const { sender, revoked } = bulkSender(tokensPerWorkspace({ [a.workspaceId]: TOKEN_A, [b.workspaceId]: TOKEN_B }));
    await sendOutbox(sender, deps(), { owner: 'a' }); // the introductions, while A's token still worked
    clock.advance(7 * DAY);
    refuse(TOKEN_A, 'token_revoked');
    logs = '';

    const since = world.slack.calls.length;
    const report = await dispatchDueCheckIns(sender, deps(), { owner: 'a', concurrency: 1 });

    expect(revoked).toEqual([a.workspaceId]);
    // The first of A's check-ins asked Slack and was refused; the second never reached Slack.
    expect(world.slack.calls.slice(since).filter((c) => c.token === TOKEN_A && c.method === 'chat.postMessage')).toHaveLength(1);
    for (const id of b.people) expect(postsTo(id)).toHaveLength(2);
    expect([report.sent, report.failed, report.retried]).toEqual([2, 0, 0]);
    expect((await world.db.workspace.findUniqueOrThrow({ where: { id: a.workspaceId } })).uninstalledAt).not.toBeNull();
    const later = clock.now().getTime() + UNAVAILABLE_RETRY_MS;
    const { checkIns } = await deliveryOf(a);
    expect(checkIns.map((r) => [r.status, r.attempts, r.deliverAt.getTime(), r.lastError])).toEqual([
      ['scheduled', 0, later, PARKED],
      ['scheduled', 0, later, PARKED],
    ]);
    expect(logs).not.toContain(TOKEN_A);
    for (const id of a.people) expect(logs).not.toContain(id);
  });

  it('a reinstall brings back at once what was being sent when Slack refused the token', async () => {
    const { a } = await twoWorkspaces();
    const { sender } = bulkSender(tokensPerWorkspace({ [a.workspaceId]: TOKEN_A }));
    refuse(TOKEN_A, 'token_revoked');
    expect((await sendOutbox(sender, deps(), { owner: 'a', ids: a.introIds })).postponed).toBe(2);

    // Installed again an hour later: the new token works, the erasure is called off.
    world.slack.clearResponse();
    clock.advance(HOUR);
    expect(await reinstateWorkspace(world.db, a.workspaceId, clock.now())).toBe(true);
    const since = world.slack.calls.length;
    expect((await sendOutbox(sender, deps(), { owner: 'a' })).sent).toBe(2);
    expect(world.slack.calls.slice(since).map((c) => [c.method, c.args.channel, c.token]).sort()).toEqual(
      [a.seekerId, a.listenerUserId].map((id) => ['chat.postMessage', id, TOKEN_A]).sort(),
    );
  });

  it('tells revoked once when several sends in flight for the workspace are refused together', async () => {
    const { a } = await twoWorkspaces();
    const { sender, revoked } = bulkSender(tokensPerWorkspace({ [a.workspaceId]: TOKEN_A }));
    // Slack answers only once all three are in flight: they all used the token before any answer came.
    let arrived = 0;
    let release = () => {};
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    world.slack.setResponse('chat.postMessage', async () => {
      if (++arrived === 3) release();
      await allArrived;
      return { body: { ok: false, error: 'token_revoked' } };
    });

    const sends = await Promise.allSettled([1, 2, 3].map((n) => sender.paced(a.workspaceId, (client) => client.chat.postMessage({ channel: a.seekerId, text: `check-in ${n}` }))));

    expect(sends.map((s) => s.status === 'rejected' && s.reason instanceof WorkspaceUnavailableError)).toEqual([true, true, true]);
    expect(revoked).toEqual([a.workspaceId]);
  });
});
