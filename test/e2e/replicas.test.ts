import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import * as checkInCopy from '../../src/features/check-ins/copy.js';
import { CheckInIds } from '../../src/features/check-ins/ids.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { LEASE_MS } from '../../src/delivery/lease.js';
import { E2E_SIGNING_SECRET, startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { makeInitiative, makeListener } from '../support/factories.js';
import { startFakeSlack, type FakeReply, type FakeSlack, type RecordedCall } from '../../src/simulator/web-api.js';
import { setUpInitiative, TEAM, textOf, volunteer, type Block } from '../support/flows.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  person,
  type Introduced,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.js';
import { sendToApp } from '../../src/simulator/requests.js';
import { zoneInWorkingHours } from '../support/working-hours.js';

// Issue 16, N replicas: three real app processes (`npm start`, scheduler ticking every second) on one
// PostgreSQL database, behind a round-robin load balancer (test/support/round-robin-proxy.ts), so
// consecutive requests of one flow land on different replicas. The whole story is played through it;
// then 1,000 due check-ins are dispatched by the three schedulers at once and one replica is killed
// with SIGKILL while it has sends in flight. Every check-in is sent; only those the dead replica had
// posted but not yet recorded as sent go twice; nothing else is lost or repeated.
//
// Each replica has a bot token of its own, so the fake Slack's record says which replica made a call.
// Check-ins go only at a humane hour for their recipient, so everyone lives where it is working hours now
// (as in check-ins.test.ts); the suite is skipped when that is nowhere (most of the weekend).

const ZONE = zoneInWorkingHours(new Date());
if (!ZONE) console.warn('replicas e2e: it is a workday between 09:00 and 17:00 in no timezone right now, so this test is skipped');

const REPLICAS = 3;
/** The replica killed mid-dispatch. */
const KILLED = 1;
const tokenOf = (replica: number) => `xoxb-e2e-replica-${replica + 1}`;
const replicaOf = (call: RecordedCall) => (call.token ? Array.from({ length: REPLICAS }, (_, i) => i).find((i) => tokenOf(i) === call.token) : undefined);

const CHECK_INS = 1000;
/** The kill lands once this many of the seeded check-ins reached Slack. */
const KILL_AFTER = 200;
/** How long the fake Slack takes over each seeded check-in, so a dispatch takes a while. */
const POST_DELAY_MS = 10;

const here = (p: Person): Person => ({ ...p, tz: ZONE ?? 'Europe/London' });
const COORDINATOR = here(person('U0REPCRD01', 'Gwendolyn', 'Ashcombe'));
const LISTENERS = [here(person('U0REPLSN01', 'Fitzgerald', 'Morrow')), here(person('U0REPLSN02', 'Honoria', 'Blakesley'))];
const SEEKER = here(person('U0REPSKR01', 'Percival', 'Underhill'));
const PEOPLE = [COORDINATOR, ...LISTENERS, SEEKER];

const RESOURCES = 'Beacon EAP 0800 555 0177, day and night. Samaritans 116 123. In danger now: call 999.';
const FROM_SEEKER = 'It has been a long month, amber-kestrel-4412.';
const FROM_LISTENER = 'Thank you for telling me, sable-orchard-9083.';
const RETRIED = 'said once, retried on another replica: teal-bishop-1176';
const AFTER_KILL = ['after the kill, one: lilac-gannet-3301', 'after the kill, two: lilac-gannet-3302', 'after the kill, three: lilac-gannet-3303'];

const DAY = 24 * 60 * 60 * 1000;
const ANSWER_IDS: readonly string[] = Object.values(CheckInIds.answer);

/** The check-in a message asks about: its answer buttons carry `{ c: checkInId, a: answer }`. */
function checkInIdOf(call: RecordedCall): string | undefined {
  if (call.method !== 'chat.postMessage') return undefined;
  for (const block of (call.args.blocks ?? []) as Block[]) {
    for (const element of (block.elements ?? []) as { action_id?: string; value?: string }[]) {
      if (element.value && ANSWER_IDS.includes(element.action_id ?? '')) return (JSON.parse(element.value) as { c: string }).c;
    }
  }
  return undefined;
}

function answerButton(call: RecordedCall, actionId: string): { actionId: string; value: string } {
  for (const block of (call.args.blocks ?? []) as Block[]) {
    for (const element of (block.elements ?? []) as { action_id?: string; value?: string }[]) {
      if (element.action_id === actionId && element.value) return { actionId, value: element.value };
    }
  }
  throw new Error(`no ${actionId} button in the message`);
}

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!TEST_PROVIDERS.includes('postgresql') || !ZONE)('three replicas behind a load balancer on postgresql', () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let replicas: AppProcess[] = [];
  let proxy: RoundRobinProxy;
  let opened: Database;
  let e2e: PairingE2E;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    slack = await startFakeSlack({ teamId: TEAM, users: PEOPLE });
    database = await createTestDatabase('postgresql', inject('templates'));
    replicas = await Promise.all(
      Array.from({ length: REPLICAS }, (_, i) =>
        startAppProcess({
          databaseUrl: database.url,
          slackApiUrl: slack.url,
          env: { SCHEDULER_TICK_SECONDS: '1', SLACK_BOT_TOKEN: tokenOf(i), LOG_LEVEL: 'info' },
        }),
      ),
    );
    proxy = await startRoundRobinProxy(replicas.map((r) => r.baseUrl));
    opened = await openDatabase(database.url);
    const front: AppProcess = {
      baseUrl: proxy.url,
      port: Number(new URL(proxy.url).port),
      pid: 0,
      metricsUrl: undefined,
      output: () => replicas.map((r) => r.output()).join(''),
      logLines: () => replicas.flatMap((r) => r.logLines()),
      stop: async () => null,
    };
    e2e = {
      provider: 'postgresql',
      slack,
      bot: front,
      db: opened.db,
      databaseUrl: database.url,
      owners: new Map(),
      send: (body) => sendToApp(proxy.url, body, { secret: E2E_SIGNING_SECRET }),
      mark: () => slack.calls.length,
      next: (method, since, predicate = () => true, timeoutMs = 8000) =>
        slack.waitFor(method, (call) => slack.calls.indexOf(call) >= since && predicate(call), timeoutMs),
      nth: (n, method, since, predicate = () => true) => {
        const matches = (call: RecordedCall) => call.method === method && predicate(call);
        return slack.waitFor(method, (call) => {
          const at = slack.calls.indexOf(call);
          return at >= since && matches(call) && slack.calls.slice(since, at + 1).filter(matches).length === n;
        });
      },
      close: async () => {},
    };
  });

  afterAll(async () => {
    console.log(`replicas e2e figures: ${JSON.stringify(figures, null, 2)}`);
    await Promise.all(replicas.map((r) => r.stop()));
    await proxy?.close();
    await opened?.close();
    await slack?.close();
    await database?.drop();
  });

  /** Calls with the same method and arguments as `call`: a repeat of one Web API effect. */
  function timesMade(call: RecordedCall): number {
    const args = JSON.stringify(call.args);
    return slack.calls.filter((c) => c.method === call.method && JSON.stringify(c.args) === args).length;
  }

  /** Resolves once the fake Slack has heard nothing for `quietMs` (background sends settled). */
  async function settled(quietMs = 2500, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = slack.calls.length;
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error('the fake Slack never went quiet');
      await delay(100);
      if (slack.calls.length !== seen) {
        seen = slack.calls.length;
        since = Date.now();
      }
    }
  }

  let intro: Introduced;
  let listener: Person;

  it('plays the whole story through the load balancer, each Web API effect arriving exactly once', async () => {
    const storyStart = e2e.mark();
    const B = InitiativeIds.blocks;
    let since = e2e.mark();
    const initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [B.name]: 'Beacon Circle',
      [B.topics]: 'Anxiety\nBereavement',
      [B.resources]: RESOURCES,
      [B.approval]: [],
    });
    const confirmation = await e2e.next('chat.postMessage', since, sentTo(COORDINATOR.id));

    const welcomes: RecordedCall[] = [];
    for (const l of LISTENERS) welcomes.push((await volunteer(e2e, l.id, { fields: { topicLabels: ['Anxiety'] } })).welcome);

    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    if (!asked.offer) throw new Error('nobody was offered the request');
    listener = LISTENERS.find((l) => l.id === asked.offer!.listenerId)!;
    intro = await acceptOffer(e2e, asked.offer, SEEKER.id);
    const pairing = await e2e.db.pairing.findUniqueOrThrow({ where: { id: intro.pairingId } });
    expect(pairing).toMatchObject({ status: 'active', seekerId: SEEKER.id, listenerUserId: listener.id });

    since = e2e.mark();
    await dmFrom(e2e, SEEKER.id, FROM_SEEKER);
    const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(FROM_SEEKER));
    since = e2e.mark();
    await dmFrom(e2e, listener.id, FROM_LISTENER);
    const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && shown(c).includes(FROM_LISTENER));

    // Slack retries an event it thinks was lost; round robin hands the retry to another replica, which
    // must not relay it again (the dedupe is in the database, not in a process).
    since = e2e.mark();
    const eventId = 'Ev0REPLICA01';
    const relayedBefore = proxy.answeredBy();
    await dmFrom(e2e, SEEKER.id, RETRIED, {}, { eventId });
    const retried = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(RETRIED));
    await dmFrom(e2e, SEEKER.id, RETRIED, {}, { eventId, retryNum: 1 });
    const relayedAfter = proxy.answeredBy();
    expect(Object.values(relayedAfter).filter((n, i) => n > Object.values(relayedBefore)[i]!)).toHaveLength(2);

    // The first check-in of the pairing, made due: one replica's scheduler sends it; the answer is a click.
    const checkIn = await e2e.db.checkIn.findUniqueOrThrow({ where: { subjectId_kind_sequence: { subjectId: pairing.id, kind: 'seeker', sequence: 1 } } });
    since = e2e.mark();
    const past = new Date(Date.now() - 60_000);
    await e2e.db.checkIn.update({ where: { id: checkIn.id }, data: { dueAt: past, deliverAt: past } });
    const question = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && checkInIdOf(c) === checkIn.id, 10_000);
    expect(question.args.text).toBe(checkInCopy.seekerQuestion(english, pairing.listenerPseudonym));
    const sentRow = await eventually(() => e2e.db.checkIn.findFirst({ where: { id: checkIn.id, status: 'sent', messageTs: { not: null } } }), 8000);
    since = e2e.mark();
    const { responseKey } = await clickAs(e2e, SEEKER.id, {
      ...answerButton(question, CheckInIds.answer.helpful),
      channelId: `D${SEEKER.id}`,
      messageTs: sentRow.messageTs!,
      message: { text: question.args.text, blocks: question.args.blocks },
    });
    const thanks = await answered(e2e, since, responseKey);
    expect(thanks.args.text).toBe(english(checkInCopy.THANKS_KEYS.helpful));
    expect((await e2e.db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).answer).toBe('helpful');
    const counted = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'checkin_helpful' } });
    expect(counted.reduce((sum, r) => sum + r.count, 0)).toBe(1);

    // Nothing more arrives once every replica's background work has settled: each effect came once.
    await settled();
    const steps: [string, RecordedCall][] = [
      ['setup confirmation', confirmation],
      ...welcomes.map((w, i): [string, RecordedCall] => [`welcome ${i + 1}`, w]),
      ['waiting DM', asked.waitingDm],
      ['offer', asked.offer.call],
      ['introduction to the seeker', intro.toSeeker],
      ['introduction to the listener', intro.toListener],
      ['relayed to the listener', toListener],
      ['relayed to the seeker', toSeeker],
      ['retried event relayed', retried],
      ['check-in question', question],
      ['check-in thanks', thanks],
    ];
    expect(steps.map(([step, call]) => [step, timesMade(call)])).toEqual(steps.map(([step]) => [step, 1]));
    expect(slack.calls.filter((c) => sentTo(listener.id)(c) && shown(c).includes(RETRIED))).toHaveLength(1);
    // And, over the whole story, no message, modal or reply was made twice.
    const story = slack.calls.slice(storyStart);
    const once = ['chat.postMessage', 'chat.postEphemeral', 'views.open', 'views.push', 'response_url'];
    const repeated = story.filter((c) => once.includes(c.method) && timesMade(c) > 1).map((c) => `${c.method} ${shown(c).slice(0, 60)}`);
    expect(repeated).toEqual([]);
    expect(story.filter((c) => c.refusal)).toEqual([]);
    // Round robin spread the story over every replica, and each replica made Web API calls of its own.
    const byReplica = proxy.answeredBy();
    expect(Object.values(byReplica).every((n) => n > 0)).toBe(true);
    const callsByReplica = Array.from({ length: REPLICAS }, (_, i) => story.filter((c) => replicaOf(c) === i).length);
    expect(callsByReplica.every((n) => n > 0)).toBe(true);
    figures.story = {
      requestsThroughProxy: proxy.received(),
      requestsPerReplica: Object.values(byReplica),
      webApiCallsPerReplica: callsByReplica,
    };
  }, 60_000);

  it('sends each of 1,000 due check-ins once although a replica is killed mid-dispatch; only its in-flight sends go twice', async () => {
    const { db } = opened;
    // Seeded straight into the database: 1,000 active pairings of distinct seekers, each with its first
    // check-in due, in a second initiative of the same workspace.
    const seededInitiative = await makeInitiative(db, { workspaceId: TEAM, topics: ['Anxiety'] });
    const listeners: Awaited<ReturnType<typeof makeListener>>[] = [];
    for (let i = 0; i < 10; i++) {
      listeners.push(await makeListener(db, { initiativeId: seededInitiative.id, userId: `U0RL${String(i).padStart(6, '0')}`, topicIds: [seededInitiative.topics[0]!.id] }));
    }
    const n = (i: number) => String(i).padStart(4, '0');
    const seekerOf = (i: number) => `U0RS${n(i)}`;
    const startedAt = new Date(Date.now() - 8 * DAY);
    const indexes = Array.from({ length: CHECK_INS }, (_, i) => i);
    await db.personTimezone.createMany({ data: indexes.map((i) => ({ userId: seekerOf(i), timezone: ZONE, fetchedAt: new Date() })) });
    await db.supportRequest.createMany({
      data: indexes.map((i) => ({ id: `rep-req-${n(i)}`, initiativeId: seededInitiative.id, seekerId: seekerOf(i), seekerPseudonym: 'Otter', status: 'paired', matchedAt: startedAt })),
    });
    await db.pairing.createMany({
      data: indexes.map((i) => {
        const l = listeners[i % listeners.length]!;
        return {
          id: `rep-pair-${n(i)}`,
          requestId: `rep-req-${n(i)}`,
          listenerId: l.id,
          seekerId: seekerOf(i),
          listenerUserId: l.userId,
          seekerPseudonym: 'Otter',
          listenerPseudonym: 'Heron',
          seekerChannel: `D${seekerOf(i)}`,
          listenerChannel: `D${l.userId}`,
          status: 'active',
          startedAt,
        };
      }),
    });

    // The fake Slack takes a little while over each check-in. Once KILL_AFTER of them arrived, the
    // replica to be killed gets no more answers: its next sends are in flight (posted, not yet answered)
    // when it dies, which is the case that can go twice.
    const seededIds = new Set(indexes.map((i) => `rep-ci-${n(i)}`));
    let posted = 0;
    let holding = false;
    const held: (() => void)[] = [];
    let onHeld: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (onHeld = resolve));
    slack.setResponse('chat.postMessage', async (call, reply): Promise<FakeReply> => {
      const id = checkInIdOf(call);
      if (id === undefined || !seededIds.has(id)) return reply();
      await delay(POST_DELAY_MS);
      if (holding && replicaOf(call) === KILLED) {
        return new Promise<FakeReply>((resolve) => {
          held.push(() => resolve(reply()));
          onHeld();
        });
      }
      posted += 1;
      if (posted >= KILL_AFTER) holding = true;
      return reply();
    });

    const started = Date.now();
    // One statement, so the three schedulers find all 1,000 due at once.
    const due = new Date(started - 60_000);
    await db.checkIn.createMany({
      data: indexes.map((i) => ({
        id: `rep-ci-${n(i)}`,
        initiativeId: seededInitiative.id,
        kind: 'seeker',
        subjectId: `rep-pair-${n(i)}`,
        pairingId: `rep-pair-${n(i)}`,
        recipientId: seekerOf(i),
        sequence: 1,
        dueAt: due,
        deliverAt: due,
        status: 'scheduled',
      })),
    });

    await Promise.race([firstHeld, delay(30_000).then(() => Promise.reject(new Error(`replica ${KILLED + 1} sent no check-in after the first ${KILL_AFTER}`)))]);
    await replicas[KILLED]!.stop('SIGKILL');
    const killedAt = Date.now();
    const postsAtKill = slack.calls.filter((c) => seededIds.has(checkInIdOf(c) ?? '')).length;
    // The dead replica's connections are gone; answering its held requests only tidies up the fake.
    for (const release of held) release();

    // What the dead replica left: rows it claimed and never settled, under its lease (its owner is the
    // lease owner of a row it was posting when it died).
    const postedByKilled = slack.calls.filter((c) => replicaOf(c) === KILLED && c.refusal === undefined).map(checkInIdOf).filter((id): id is string => id !== undefined && seededIds.has(id));
    const firstHeldRow = await db.checkIn.findFirstOrThrow({ where: { id: { in: postedByKilled }, status: 'sending' } });
    const deadOwner = firstHeldRow.leaseOwner!;
    const leftBehind = await db.checkIn.findMany({ where: { leaseOwner: deadOwner, status: 'sending' }, select: { id: true, leaseUntil: true } });
    const leftIds = new Set(leftBehind.map((r) => r.id));
    const leaseOf = new Map(leftBehind.map((r) => [r.id, r.leaseUntil!.getTime()]));
    // In flight: posted to Slack by the dead replica, never recorded as sent.
    const inFlight = new Set(postedByKilled.filter((id) => leftIds.has(id)));
    expect(inFlight.size).toBeGreaterThan(0);
    expect(leftBehind.every((r) => r.leaseUntil !== null && r.leaseUntil.getTime() > killedAt + LEASE_MS / 2)).toBe(true);

    // The survivors take them over once their lease runs out. A lease of a minute or less (renewed while a
    // batch is sent) is waited out for real; a longer one is moved to the past, as if that time had passed.
    const leaseRunsOut = Math.max(...leftBehind.map((r) => r.leaseUntil!.getTime()));
    const waitedForLease = LEASE_MS <= 60_000;
    if (!waitedForLease) {
      const expired = await db.checkIn.updateMany({ where: { leaseOwner: deadOwner, status: 'sending' }, data: { leaseUntil: new Date(Date.now() - 1000) } });
      expect(expired.count).toBe(leftBehind.length);
    }
    const allSent = Date.now() + (waitedForLease ? LEASE_MS : 0) + 30_000;
    let othersSentMs: number | undefined;
    for (;;) {
      const sent = await db.checkIn.count({ where: { initiativeId: seededInitiative.id, sequence: 1, status: 'sent' } });
      if (othersSentMs === undefined && sent >= CHECK_INS - leftBehind.length) othersSentMs = Date.now() - started;
      if (sent === CHECK_INS) break;
      if (Date.now() > allSent) throw new Error('the check-ins were not all sent in time');
      await delay(250);
    }
    const duration = Date.now() - started;
    slack.clearResponse('chat.postMessage');

    // Every check-in reached Slack; only the dead replica's in-flight ones twice, nothing three times.
    const posts = new Map<string, RecordedCall[]>();
    for (const call of slack.calls) {
      const id = checkInIdOf(call);
      if (id === undefined || !seededIds.has(id)) continue;
      expect(call.refusal).toBeUndefined();
      posts.set(id, [...(posts.get(id) ?? []), call]);
    }
    expect(posts.size).toBe(CHECK_INS);
    const twice = [...posts].filter(([, calls]) => calls.length > 1).map(([id]) => id);
    expect(new Set(twice)).toEqual(inFlight);
    expect([...posts.values()].every((calls) => calls.length <= 2)).toBe(true);
    for (const id of twice) {
      const [first, second] = posts.get(id)!;
      expect(replicaOf(first!)).toBe(KILLED);
      expect(replicaOf(second!)).not.toBe(KILLED);
      // Nobody touched the dead replica's rows while its lease held.
      if (waitedForLease) expect(second!.at).toBeGreaterThan(leaseOf.get(id)!);
    }
    // Each to its own seeker, and recorded once: sent, next one scheduled, nothing failed or cancelled.
    for (const [id, calls] of posts) expect(calls.every((c) => c.args.channel === seekerOf(Number(id.slice(-4))))).toBe(true);
    const rows = await db.checkIn.groupBy({ by: ['status'], where: { initiativeId: seededInitiative.id, sequence: 1 }, _count: true });
    expect(rows).toEqual([{ status: 'sent', _count: CHECK_INS }]);
    expect(await db.checkIn.count({ where: { initiativeId: seededInitiative.id, sequence: 2, status: 'scheduled' } })).toBe(CHECK_INS);
    expect(await db.checkIn.count({ where: { initiativeId: seededInitiative.id, status: { in: ['failed', 'cancelled', 'sending'] } } })).toBe(0);
    // Retaken rows show the second claim; the rest went on their first.
    expect(await db.checkIn.count({ where: { id: { in: [...leftIds] }, attempts: 2 } })).toBe(leftIds.size);

    const sentBy = Array.from({ length: REPLICAS }, (_, i) => [...posts.values()].flat().filter((c) => replicaOf(c) === i).length);
    figures.dispatch = {
      checkInsSent: posts.size,
      postsToSlack: [...posts.values()].flat().length,
      postsPerReplica: sentBy,
      killedReplica: KILLED + 1,
      postsBeforeKill: postsAtKill,
      leasedByKilledReplicaAtKill: leftBehind.length,
      inFlightAtKill: inFlight.size,
      postedTwice: twice.length,
      durationMs: duration,
      allButTheDeadReplicasRowsSentMs: othersSentMs,
      leaseMs: LEASE_MS,
      leaseWaitedOutForReal: waitedForLease,
      takenOverAfterKillMs: leaseRunsOut - killedAt,
    };
  }, 150_000);

  it('keeps serving through the load balancer with a replica dead: it is passed over and nothing is lost', async () => {
    const failoversBefore = proxy.failovers();
    const since = e2e.mark();
    for (const text of AFTER_KILL) await dmFrom(e2e, SEEKER.id, text);
    for (const text of AFTER_KILL) await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(text));
    await settled(1500);
    for (const text of AFTER_KILL) {
      expect(slack.calls.filter((c) => sentTo(listener.id)(c) && shown(c).includes(text))).toHaveLength(1);
    }
    // Three requests in turn: one was meant for the dead replica and went to the next one instead.
    expect(proxy.failovers()).toBeGreaterThan(failoversBefore);
    expect(slack.calls.slice(since).some((c) => replicaOf(c) === KILLED)).toBe(false);
    figures.afterKill = { requestsThroughProxy: proxy.received(), requestsPerReplica: Object.values(proxy.answeredBy()), failovers: proxy.failovers() };
  }, 30_000);
});
