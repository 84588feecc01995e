import { describe, expect, it } from 'vitest';
import type { PacedSender } from '../../src/delivery/dispatcher.js';
import { answerOffer } from '../../src/features/pairings/offers.js';
import { endPairing } from '../../src/features/pairings/service.js';
import { matchRequest } from '../../src/features/requests/matching.js';
import { createRequest } from '../../src/features/requests/service.js';
import { memoryLogger } from '../support/memory-logger.js';
import { sendOutbox, WRITER_GRACE_MS } from '../../src/outbox/send.js';
import { LEASE_MS } from '../../src/delivery/lease.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative, makeListener } from '../support/factories.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { serviceWorld } from '../support/service-world.js';

// The outbox on real databases against the fake Slack: what a committed change promised is sent once,
// retried on failure, held back on a 429 without using up a try, given up on an answer no retry can
// change, and cancelled when what it was about is gone. The clock is fixed and moved by hand.

describe.each(TEST_PROVIDERS)('outbox on %s', (provider) => {
  const { logger, output: logs, clear: clearLogs } = memoryLogger('debug');
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z', sender: 'bulk', token: 'xoxb-outbox-test', logger });
  const { clock, deps } = world;
  const NOTE = 'a private note only the listener should read';

  /** A listener accepts a request: the pairing and both introductions commit together. */
  async function accepted() {
    const initiative = await makeInitiative(world.db);
    const topicId = initiative.topics[0]!.id;
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const seekerId = `USEEK${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const { requestId } = await createRequest(deps(), { workspaceId: initiative.workspaceId, initiativeId: initiative.id, seekerId, topicId, note: NOTE, language: null, sameTimezone: false, seekerTimezone: null });
    const offered = await matchRequest(deps(), requestId);
    if (offered.kind !== 'offered') throw new Error('no offer');
    const answer = await answerOffer(deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
    if (answer.kind !== 'paired') throw new Error('not paired');
    return { ...answer, offerOutbox: offered.outboxIds, seekerId, listenerUserId: listener.userId };
  }

  const accepted200 = (userId: string) => (c: RecordedCall) => c.method === 'chat.postMessage' && c.args.channel === userId;
  const rows = (ids: string[]) => world.db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: 'asc' } });

  it('writes both introductions with the pairing, sends each once right after commit, and records where they went', async () => {
    const paired = await accepted();
    expect(paired.outboxIds).toHaveLength(2);
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: paired.outboxIds });
    expect(report.sent).toBe(2);
    // A second send of the same rows (a scheduler tick racing the first) sends nothing again.
    expect((await sendOutbox(world.sender, deps(), { owner: 'b', ids: paired.outboxIds })).sent).toBe(0);
    expect((await sendOutbox(world.sender, deps(), { owner: 'b' })).sent).toBe(0);
    expect(world.slack.calls.filter(accepted200(paired.seekerId))).toHaveLength(1);
    expect(world.slack.calls.filter(accepted200(paired.listenerUserId))).toHaveLength(1);
    const pairing = await world.db.pairing.findUniqueOrThrow({ where: { id: paired.pairing.id } });
    expect(pairing.seekerThreadTs).toMatch(/^\d+\.\d{6}$/);
    expect(pairing.listenerThreadTs).toMatch(/^\d+\.\d{6}$/);
    expect((await rows(paired.outboxIds)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('leaves rows written to be sent at once to their writer for a few seconds; then any tick sends them', async () => {
    const paired = await accepted();
    const ids = [...paired.offerOutbox, ...paired.outboxIds];
    // Another process's tick right after the commits: the writer sends these itself, in the order written.
    await sendOutbox(world.sender, deps(), { owner: 'b' });
    clock.advance(WRITER_GRACE_MS - 1);
    await sendOutbox(world.sender, deps(), { owner: 'b' });
    expect((await rows(ids)).map((r) => [r.status, r.attempts])).toEqual([
      ['scheduled', 0],
      ['scheduled', 0],
      ['scheduled', 0],
    ]);
    // The writer never sent them (it died after its commit): once the grace is over, a tick does.
    clock.advance(1);
    await sendOutbox(world.sender, deps(), { owner: 'b' });
    const settled = new Map((await rows(ids)).map((r) => [r.id, [r.status, r.leaseOwner]]));
    // The offer was accepted meanwhile, so it is no longer worth sending; both introductions go.
    expect(ids.map((id) => settled.get(id))).toEqual([
      ['cancelled', null],
      ['sent', null],
      ['sent', null],
    ]);
    expect(world.slack.calls.filter(accepted200(paired.seekerId))).toHaveLength(1);
  });

  it('keeps free text out of the outbox: the note reaches the listener, but only ids are stored', async () => {
    const paired = await accepted();
    const stored = await rows([...paired.outboxIds, ...paired.offerOutbox]);
    expect(stored.length).toBe(3);
    for (const row of stored) expect(row.args).not.toContain(NOTE);
    await sendOutbox(world.sender, deps(), { owner: 'a', ids: paired.outboxIds });
    expect(JSON.stringify(world.slack.calls.filter(accepted200(paired.listenerUserId)))).toContain(NOTE);
  });

  it('retries a failed send after a few seconds, not before, and sends it once Slack recovers', async () => {
    const paired = await accepted();
    world.slack.setResponse('chat.postMessage', () => ({ status: 500, body: 'upstream error' }));
    const first = await sendOutbox(world.sender, deps(), { owner: 'a', ids: paired.outboxIds });
    expect(first.retried).toBe(2);
    world.slack.clearResponse();
    clock.advance(4_000);
    expect((await sendOutbox(world.sender, deps(), { owner: 'a' })).sent).toBe(0);
    clock.advance(1_000);
    expect((await sendOutbox(world.sender, deps(), { owner: 'a' })).sent).toBe(2);
    const stored = await rows(paired.outboxIds);
    expect(stored.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['sent', 2, 'slack_webapi_http_error'],
      ['sent', 2, 'slack_webapi_http_error'],
    ]);
  });

  it('holds a message back for Retry-After on a 429 without using up one of its tries', async () => {
    const paired = await accepted();
    world.slack.setResponse('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }));
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: paired.outboxIds.slice(0, 1) });
    expect(report['rate-limited']).toBe(1);
    const [row] = await rows(paired.outboxIds.slice(0, 1));
    expect(row!.status).toBe('scheduled');
    expect(row!.attempts).toBe(0);
    expect(row!.deliverAt.getTime()).toBe(clock.now().getTime() + 3_000);
  });

  it('gives up at once on an answer no retry can change, and logs its code, never the message', async () => {
    const paired = await accepted();
    world.slack.setResponse('chat.postMessage', { ok: false, error: 'channel_not_found' });
    clearLogs();
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: paired.outboxIds });
    expect(report.failed).toBe(2);
    expect((await rows(paired.outboxIds)).map((r) => [r.status, r.lastError])).toEqual([
      ['failed', 'channel_not_found'],
      ['failed', 'channel_not_found'],
    ]);
    expect(logs()).toContain('channel_not_found');
    expect(logs()).not.toContain(NOTE);
    expect(logs()).not.toContain('xoxb-outbox-test');
  });

  it('does not send a message whose lease ran low while it waited for the pace; it goes back in the queue', async () => {
    const paired = await accepted();
    // A pacer that keeps the row waiting until its lease is nearly over (a long 429 storm).
    const client = await world.sender.clientFor('T0FAKE0001');
    const slow: PacedSender = { clientFor: async () => client, paced: async (_key, call) => (clock.advance(LEASE_MS - 5_000), call(client)) };
    const report = await sendOutbox(slow, deps(), { owner: 'a', ids: paired.outboxIds.slice(0, 1) });
    expect(report.postponed).toBe(1);
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const [row] = await rows(paired.outboxIds.slice(0, 1));
    expect([row!.status, row!.attempts, row!.leaseOwner]).toEqual(['scheduled', 0, null]);
    // Whoever claims it next sends it, once.
    expect((await sendOutbox(world.sender, deps(), { owner: 'b', ids: paired.outboxIds.slice(0, 1) })).sent).toBe(1);
  });

  it('cancels an introduction whose pairing ended before it could be sent, and sends the end notes instead', async () => {
    const paired = await accepted();
    const ended = await endPairing(deps(), { pairingId: paired.pairing.id, by: 'seeker', reason: 'ended' });
    if (ended.kind !== 'ended') throw new Error('not ended');
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: [...paired.outboxIds, ...ended.ended.outboxIds] });
    expect(report.cancelled).toBe(2);
    expect(report.sent).toBe(2);
    expect((await rows(paired.outboxIds)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });
});
