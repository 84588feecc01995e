import { describe, expect, it } from 'vitest';
import type { AppLanguage } from '../../src/domain/app-language.js';
import type { PersonLanguages } from '../../src/features/common/person-language.js';
import * as listenerCopy from '../../src/features/listeners/copy.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { translatorFor } from '../../src/i18n/translate.js';
import { decideApproval } from '../../src/features/listeners/service.js';
import { enqueue, outboxKey, type OutboxMessage, type RenderedMessage } from '../../src/outbox/outbox.js';
import { pruneOutbox, sendOutbox } from '../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative, makeListener } from '../support/factories.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { serviceWorld } from '../support/service-world.js';

// Issue 15, approval copies that don't go stale: every posted outbox message records where it landed,
// and once one coordinator decides on a volunteer, every coordinator's copy of the request (the
// decider's too) is replaced in place by the decision, with no buttons left. On real databases against
// the fake Slack, with a fixed clock moved by hand.

describe.each(TEST_PROVIDERS)('replacing approval copies on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z', sender: 'bulk', token: 'xoxb-replace-test' });
  const { clock, deps } = world;
  let n = 0;
  const user = (what: string) => `U0${what.toUpperCase().slice(0, 5)}${String((n += 1)).padStart(3, '0')}`;

  /** A volunteer waiting for approval in an initiative with two coordinators, each asked (as saveProfile does). */
  async function pendingVolunteer() {
    const [first, second] = [user('coorda'), user('coordb')];
    const initiative = await makeInitiative(world.db, { approvalRequired: true, coordinatorId: first });
    await world.db.initiativeMember.create({ data: { initiativeId: initiative.id, userId: second, role: 'coordinator' } });
    const profile = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], status: 'pending', userId: user('volun') });
    const requestIds = await world.db.$transaction((tx) =>
      enqueue(
        tx,
        clock.now(),
        [first, second].map((coordinator) => ({
          key: outboxKey.once(`approval:${profile.id}`),
          workspaceId: initiative.workspaceId,
          recipientId: coordinator,
          subjectId: profile.id,
          message: { kind: 'approval_request' as const, profileId: profile.id },
        })),
      ),
    );
    return { initiative, profile, coordinators: [first, second] as const, requestIds };
  }

  const rows = (ids: string[]) => world.db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { recipientId: 'asc' } });
  const updatesOf = (ts: string) => world.slack.callsTo('chat.update').filter((c: RecordedCall) => c.args.ts === ts);

  it('records where each posted message landed, and replaces every coordinator\'s copy once one of them approves', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    expect((await sendOutbox(world.sender, deps(), { owner: 'a', ids: requestIds })).sent).toBe(2);
    const posted = await rows(requestIds);
    for (const row of posted) {
      expect(row.status).toBe('sent');
      expect(row.channel).toBe(`D${row.recipientId}`);
      expect(row.messageTs).toMatch(/^\d+\.\d{6}$/);
    }

    clock.advance(60 * 60 * 1000);
    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[0], approve: true });
    if (decided.kind !== 'approved') throw new Error(`not approved: ${decided.kind}`);
    // The volunteer's note and one replacement per copy, written with the decision.
    expect(decided.outboxIds).toHaveLength(3);
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: decided.outboxIds });
    expect(report.sent).toBe(3);

    for (const row of posted) {
      const updates = updatesOf(row.messageTs!);
      expect(updates, `the copy sent to ${row.recipientId}`).toHaveLength(1);
      const update = updates[0]!;
      expect(update.args.channel).toBe(row.channel);
      expect(String(update.args.text)).toContain(`<@${profile.userId}> was approved as a listener with *Peer Support Test* by <@${coordinators[0]}> on <!date^`);
      // No buttons left that no longer work.
      expect(JSON.stringify(update.args.blocks)).not.toContain(ListenerIds.approve);
      expect(JSON.stringify(update.args.blocks)).not.toContain(ListenerIds.decline);
    }
  });

  it('replaces every copy with "declined by" when one coordinator declines', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    await sendOutbox(world.sender, deps(), { owner: 'a', ids: requestIds });
    const posted = await rows(requestIds);
    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[1], approve: false });
    if (decided.kind !== 'declined') throw new Error(`not declined: ${decided.kind}`);
    await sendOutbox(world.sender, deps(), { owner: 'a', ids: decided.outboxIds });
    for (const row of posted) {
      const [update] = updatesOf(row.messageTs!);
      expect(String(update?.args.text)).toContain(`<@${profile.userId}> was declined as a listener with *Peer Support Test* by <@${coordinators[1]}>`);
    }
    // A second decision finds nothing to decide and replaces nothing again.
    world.slack.reset();
    expect((await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[0], approve: true })).kind).toBe('already-decided');
    expect((await sendOutbox(world.sender, deps(), { owner: 'a' })).sent).toBe(0);
    expect(world.slack.callsTo('chat.update')).toHaveLength(0);
  });

  it('replaces nothing for a copy never posted: the request itself is then not sent either', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[0], approve: true });
    if (decided.kind !== 'approved') throw new Error('not approved');
    const report = await sendOutbox(world.sender, deps(), { owner: 'a', ids: [...requestIds, ...decided.outboxIds] });
    expect(report.cancelled).toBe(4);
    expect(report.sent).toBe(1);
    expect(world.slack.callsTo('chat.update')).toHaveLength(0);
    expect(world.slack.calls.filter((c) => JSON.stringify(c.args).includes(ListenerIds.approve))).toEqual([]);
  });

  it('waits for a copy still being sent, then replaces it once it has landed', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    // The first coordinator's copy is claimed by a sender that rendered it before the decision.
    const sending = requestIds[0]!;
    await world.db.outboxMessage.update({ where: { id: sending }, data: { status: 'sending', leaseOwner: 'elsewhere', leaseUntil: new Date(clock.now().getTime() + 60_000), attempts: 1 } });
    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[1], approve: true });
    if (decided.kind !== 'approved') throw new Error('not approved');
    const replacement = (await world.db.outboxMessage.findMany({ where: { kind: 'replace', subjectId: profile.id } })).find((r) => r.args.includes(sending))!;

    const first = await sendOutbox(world.sender, deps(), { owner: 'a', ids: [replacement.id] });
    expect(first.postponed).toBe(1);
    const waiting = await world.db.outboxMessage.findUniqueOrThrow({ where: { id: replacement.id } });
    expect([waiting.status, waiting.attempts, waiting.deliverAt.getTime()]).toEqual(['scheduled', 0, clock.now().getTime() + 5_000]);

    // It lands (as the other sender records it), and the replacement goes on the next tick.
    await world.db.outboxMessage.update({ where: { id: sending }, data: { status: 'sent', leaseOwner: null, leaseUntil: null, channel: `D${coordinators[0]}`, messageTs: '1772445600.000900' } });
    clock.advance(5_000);
    expect((await sendOutbox(world.sender, deps(), { owner: 'a' })).sent).toBeGreaterThanOrEqual(1);
    expect(updatesOf('1772445600.000900')).toHaveLength(1);
    expect((await world.db.outboxMessage.findUniqueOrThrow({ where: { id: replacement.id } })).status).toBe('sent');
  });

  it('keeps a posted approval request past the day other sent rows are kept, while it may still need replacing', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    await sendOutbox(world.sender, deps(), { owner: 'a', ids: requestIds });
    clock.advance(3 * 24 * 60 * 60 * 1000);
    await pruneOutbox(world.db, clock.now());
    // Three days on, still pending: the copies are kept, and a decision still replaces both.
    expect(await rows(requestIds)).toHaveLength(2);
    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[0], approve: true });
    if (decided.kind !== 'approved') throw new Error('not approved');
    // While the replacements wait to be sent, the copies they replace stay.
    await pruneOutbox(world.db, clock.now());
    expect(await rows(requestIds)).toHaveLength(2);
    expect((await sendOutbox(world.sender, deps(), { owner: 'a', ids: decided.outboxIds })).sent).toBe(3);
    expect(world.slack.callsTo('chat.update')).toHaveLength(2);
    // Decided and replaced: nothing left to keep them for.
    await pruneOutbox(world.db, clock.now());
    expect(await rows(requestIds)).toHaveLength(0);
  });
  it("words each copy in its reader's language when sent (issue 19): the request and the decision per coordinator, the note to the volunteer in theirs", async () => {
    const { initiative, profile, coordinators, requestIds } = await pendingVolunteer();
    // The coordinators wrote the first topic's label in German.
    await world.db.initiative.update({ where: { id: initiative.id }, data: { texts: JSON.stringify({ de: { topics: { Anxiety: 'Angst' } } }) } });
    const spoken: Record<string, AppLanguage> = { [coordinators[0]]: 'de', [coordinators[1]]: 'es', [profile.userId]: 'de' };
    const languages: PersonLanguages = { of: async (_client, userId) => spoken[userId] ?? 'en', forget: () => {} };
    const withLanguages = () => ({ ...deps(), languages });
    const [de, es] = [translatorFor('de'), translatorFor('es')];

    expect((await sendOutbox(world.sender, withLanguages(), { owner: 'a', ids: requestIds })).sent).toBe(2);
    const posted = world.slack.callsTo('chat.postMessage');
    const toGerman = posted.find((c) => c.args.channel === coordinators[0])!;
    const toSpanish = posted.find((c) => c.args.channel === coordinators[1])!;
    expect(toGerman.args.text).toBe(listenerCopy.approvalRequest(de, profile.userId, 'Peer Support Test', 'Angst'));
    expect(toSpanish.args.text).toBe(listenerCopy.approvalRequest(es, profile.userId, 'Peer Support Test', 'Anxiety'));
    expect(JSON.stringify(toGerman.args.blocks)).toContain(de('listeners.approval.approve'));
    expect(JSON.stringify(toSpanish.args.blocks)).toContain(es('listeners.approval.approve'));

    const decided = await decideApproval(deps(), { profileId: profile.id, coordinatorId: coordinators[0], approve: true });
    if (decided.kind !== 'approved') throw new Error(`not approved: ${decided.kind}`);
    // Only ids, the choice and when are stored: the words come when sent.
    const written = await world.db.outboxMessage.findMany({ where: { id: { in: decided.outboxIds } } });
    for (const row of written) {
      const message = JSON.parse(row.args) as OutboxMessage;
      expect(['listener_note', 'replace']).toContain(message.kind);
      expect(row.args).not.toContain('Peer Support Test');
      if (message.kind === 'replace') expect(message.message).toBeUndefined();
    }
    world.slack.reset();
    expect((await sendOutbox(world.sender, withLanguages(), { owner: 'a', ids: decided.outboxIds })).sent).toBe(3);
    const told = world.slack.callsTo('chat.postMessage').find((c) => c.args.channel === profile.userId)!;
    expect(told.args.text).toBe(listenerCopy.initiativeNote(de, 'approved', 'Peer Support Test'));
    const updates = world.slack.callsTo('chat.update');
    const at = clock.now();
    const decision = { listenerId: profile.userId, coordinatorId: coordinators[0], initiative: 'Peer Support Test', approved: true, at };
    expect(updates.map((u) => String(u.args.text)).sort()).toEqual(
      [listenerCopy.approvalDecided(de, decision), listenerCopy.approvalDecided(es, decision)].sort(),
    );
  });

  it('still sends a replacement written before it was worded when sent, in its English words', async () => {
    const { profile, coordinators, requestIds } = await pendingVolunteer();
    await sendOutbox(world.sender, deps(), { owner: 'a', ids: requestIds });
    const [first] = await rows(requestIds);
    const old: RenderedMessage = { text: 'Old English words.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Old English words.' } }] };
    const ids = await world.db.$transaction((tx) =>
      enqueue(tx, clock.now(), [
        { key: `approval-replaced:${first!.id}`, workspaceId: first!.workspaceId, recipientId: coordinators[0], subjectId: profile.id, message: { kind: 'replace', outboxId: first!.id, message: old } },
        { key: outboxKey.once('old-note'), workspaceId: first!.workspaceId, recipientId: profile.userId, message: { kind: 'message', message: old } },
      ]),
    );
    expect((await sendOutbox(world.sender, deps(), { owner: 'a', ids })).sent).toBe(2);
    expect(updatesOf(first!.messageTs!).map((u) => u.args.text)).toEqual(['Old English words.']);
    expect(world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === profile.userId).map((c) => c.args.text)).toEqual(['Old English words.']);
  });
});
