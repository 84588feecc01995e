import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import * as commonCopy from '../../src/features/common/copy.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import * as listenerCopy from '../../src/features/listeners/copy.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import * as pairingCopy from '../../src/features/pairings/copy.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { E2E_SIGNING_SECRET, startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, postgresAdmin, TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative } from '../support/factories.js';
import { startFakeSlack, type RecordedCall } from '../../src/simulator/web-api.js';
import {
  asView,
  buttonValue,
  command,
  commandModal,
  optionValues,
  responded,
  setUpInitiative,
  stateFor,
  TEAM,
  textOf,
  updatedView,
  volunteer,
  type ModalView,
  type OpenedModal,
} from '../support/flows.js';
import {
  acceptOffer,
  answerOffer,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  openCommandModal,
  person,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';
import { sendToApp, viewSubmission, type AppResponse } from '../../src/simulator/requests.js';
import { zoneInWorkingHours } from '../support/working-hours.js';

// Issue 12, "never silent, never half-done", with the real process (`npm start`), a fake Slack and
// signed requests: messages promised by a committed change arrive once through Slack errors and a
// crash; a 429 storm on bulk sends does not hold up interactive calls; with the database gone every
// person gets a visible answer within seconds, and the app recovers without a restart. Fencing of
// leased rows is tested at service level in test/delivery/lease.test.ts.

// ---- A run whose app can be killed and started again, and whose database can go away --------------

interface FaultE2E extends PairingE2E {
  /** Starts the app, or starts it again after a stop, on the same database and fake Slack. */
  startApp(): Promise<AppProcess>;
  /** Our own client on the app's database: closed while the database is down, opened again after. */
  closeOwnClient(): Promise<void>;
  openOwnClient(): Promise<void>;
}

async function startFaultE2E(provider: 'sqlite' | 'postgresql', people: Person[], env: Record<string, string> = {}): Promise<FaultE2E> {
  const slack = await startFakeSlack({ teamId: TEAM, users: people });
  const database = await createTestDatabase(provider, inject('templates'));
  let own: Database | undefined = await openDatabase(database.url);
  let bot: AppProcess | undefined;
  const appEnv = { SCHEDULER_TICK_SECONDS: '1', ...env };
  const since = (call: RecordedCall, at: number) => slack.calls.indexOf(call) >= at;
  const e2e: FaultE2E = {
    provider,
    slack,
    databaseUrl: database.url,
    owners: new Map(),
    get bot(): AppProcess {
      if (!bot) throw new Error('the app is not running');
      return bot;
    },
    get db(): Db {
      if (!own) throw new Error('our own client is closed');
      return own.db;
    },
    send: (body) => sendToApp(e2e.bot.baseUrl, body, { secret: E2E_SIGNING_SECRET }),
    mark: () => slack.calls.length,
    next: (method, at, predicate = () => true, timeoutMs = 8000) => slack.waitFor(method, (call) => since(call, at) && predicate(call), timeoutMs),
    nth: (n, method, at, predicate = () => true) => {
      const matches = (call: RecordedCall) => call.method === method && predicate(call);
      return slack.waitFor(method, (call) => since(call, at) && matches(call) && slack.calls.slice(at, slack.calls.indexOf(call) + 1).filter(matches).length === n, 8000);
    },
    async startApp() {
      // On SQLite the app's start-up migration cannot run while another connection has the file open
      // (the app keeps it in WAL mode; the migration times out after 10 s), so ours steps aside.
      const stepAside = provider === 'sqlite' && own !== undefined;
      if (stepAside) {
        await own?.close();
        own = undefined;
      }
      try {
        bot = await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: appEnv });
      } finally {
        if (stepAside) own = await openDatabase(database.url);
      }
      return bot;
    },
    async closeOwnClient() {
      await own?.close();
      own = undefined;
    },
    async openOwnClient() {
      own ??= await openDatabase(database.url);
    },
    async close() {
      await bot?.stop();
      await own?.close();
      await slack.close();
      await database.drop();
    },
  };
  return e2e;
}

/** Milliseconds `work` took. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

// No &, < or > so the resources appear in the blocks as written (they would be escaped for mrkdwn).
const RESOURCES = 'Harbour EAP line 0800 555 0100, open day and night. Samaritans 116 123. In danger now: call 999.';

// ---- 1. Introductions through Slack errors and a crash ---------------------------------------------

describe.each(TEST_PROVIDERS)('introductions through Slack errors and a crash on %s', (provider) => {
  const COORDINATOR = person('U0FLTCRD01', 'Gwendolyn', 'Harrowgate');
  const LISTENER = person('U0FLTLSN01', 'Octavius', 'Pendlebury');
  const SEEKER = person('U0FLTSKR01', 'Philomena', 'Castellanos');
  let e2e: FaultE2E;

  beforeAll(async () => {
    e2e = await startFaultE2E(provider, [COORDINATOR, LISTENER, SEEKER]);
    await e2e.startApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('both introductions arrive once each when Slack answers 500 right after Accept, the app is killed, Slack recovers and the app restarts', async () => {
    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement',
      [InitiativeIds.blocks.resources]: RESOURCES,
      [InitiativeIds.blocks.approval]: [],
    });
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    const offer = asked.offer;
    if (!offer) throw new Error('the request was offered to nobody');
    expect(offer.listenerId).toBe(LISTENER.id);

    // From the click on, Slack answers every chat.postMessage with HTTP 500. What counts as delivered
    // is only what the fake answered ok (each with the ts it gave), never a call made while it failed.
    let slackIsDown = true;
    const delivered: { call: RecordedCall; ts: string }[] = [];
    e2e.slack.setResponse('chat.postMessage', (call, reply) => {
      if (slackIsDown) return { status: 500, body: { ok: false, error: 'internal_error' } };
      const answer = reply();
      const body = answer.body as { ok?: unknown; ts?: unknown };
      if (body.ok === true && typeof body.ts === 'string') delivered.push({ call, ts: body.ts });
      return answer;
    });

    const clicked = e2e.mark();
    await answerOffer(e2e, offer, 'accept');
    const pairing = await eventually(() => e2e.db.pairing.findFirst({ where: { requestId: asked.requestId } }));
    // Both introductions were written with the pairing, tried at once, failed, and are waiting to be
    // retried (none in the middle of a send, whose lease would hold it for ten minutes).
    const failed = await eventually(async () => {
      const rows = await e2e.db.outboxMessage.findMany({ where: { kind: 'intro', subjectId: pairing.id } });
      return rows.length === 2 && rows.every((r) => r.status === 'scheduled' && r.attempts >= 1 && r.lastError !== null) ? rows : null;
    }, 10_000);
    expect(failed.map((r) => r.recipientId).sort()).toEqual([LISTENER.id, SEEKER.id].sort());
    expect(e2e.slack.calls.slice(clicked).filter((c) => c.method === 'chat.postMessage').length).toBeGreaterThanOrEqual(2);
    expect(delivered).toEqual([]);

    await e2e.bot.stop('SIGKILL');
    slackIsDown = false;
    const restarting = Date.now();
    await e2e.startApp();
    const started = Date.now() - restarting;

    const seekerText = pairingCopy.introForSeeker(english, pairing.listenerPseudonym);
    const listenerText = pairingCopy.introForListenerNotification(english, pairing.seekerPseudonym);
    const toSeeker = () => delivered.filter((d) => sentTo(SEEKER.id)(d.call) && d.call.args.text === seekerText);
    const toListener = () => delivered.filter((d) => sentTo(LISTENER.id)(d.call) && d.call.args.text === listenerText);
    const recorded = await eventually(
      () => e2e.db.pairing.findFirst({ where: { id: pairing.id, seekerThreadTs: { not: null }, listenerThreadTs: { not: null } } }),
      20_000,
    );
    const tookMs = Date.now() - restarting;
    console.info(`faults (${provider}): introductions delivered ${tookMs} ms after the restart began (start-up ${started} ms; retry due 5 s after the failed attempt)`);

    expect(toSeeker()).toHaveLength(1);
    expect(toListener()).toHaveLength(1);
    expect(recorded.seekerThreadTs).toBe(toSeeker()[0]!.ts);
    expect(recorded.listenerThreadTs).toBe(toListener()[0]!.ts);
    const rows = await e2e.db.outboxMessage.findMany({ where: { kind: 'intro', subjectId: pairing.id } });
    for (const row of rows) expect(row).toMatchObject({ status: 'sent', leaseOwner: null });
    // Sent rows are never claimed again: these are the only introductions there will be.
    expect(delivered.filter((d) => d.call.args.text === seekerText || d.call.args.text === listenerText)).toHaveLength(2);
  });
});

// ---- 2. A 429 storm on bulk sends ------------------------------------------------------------------

const ZONE = zoneInWorkingHours(new Date());
if (!ZONE) console.warn('faults e2e: it is a workday between 09:00 and 17:00 in no timezone right now, so the 429 storm test is skipped');
const STORM_CHECK_INS = 2000;

/** Waiting seekers' status updates, all due now, for people in `zone` (as bench/check-ins.ts makes them). */
async function insertDueCheckIns(db: Db, zone: string, count: number): Promise<Date> {
  const initiative = await makeInitiative(db, { workspaceId: TEAM });
  const now = Date.now();
  const due = new Date(now - 60_000);
  for (let start = 0; start < count; start += 500) {
    const people = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const n = String(start + k).padStart(5, '0');
      return { userId: `U0STORM${n}`, requestId: `storm-request-${n}` };
    });
    await db.supportRequest.createMany({
      data: people.map((p) => ({
        id: p.requestId,
        initiativeId: initiative.id,
        seekerId: p.userId,
        seekerPseudonym: 'Heron',
        topicId: initiative.topics[0]!.id,
        status: 'waiting',
        createdAt: new Date(now - 15 * 24 * 60 * 60_000),
      })),
    });
    await db.personTimezone.createMany({ data: people.map((p) => ({ userId: p.userId, timezone: zone, fetchedAt: new Date(now) })) });
    await db.checkIn.createMany({
      data: people.map((p) => ({
        initiativeId: initiative.id,
        kind: 'waiting',
        subjectId: p.requestId,
        requestId: p.requestId,
        recipientId: p.userId,
        sequence: 1,
        dueAt: due,
        deliverAt: due,
        status: 'scheduled',
      })),
    });
  }
  return due;
}

describe.each(TEST_PROVIDERS)('a 429 storm during a bulk check-in run on %s', (provider) => {
  const SEEKER = person('U0STRMSKR1', 'Barnabas', 'Wintergreen');
  let e2e: FaultE2E | undefined;
  let due = new Date(0);

  beforeAll(async () => {
    if (!ZONE) return;
    e2e = await startFaultE2E(provider, [SEEKER], { LOG_LEVEL: 'info' });
    e2e.slack.setResponse('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }));
    due = await insertDueCheckIns(e2e.db, ZONE, STORM_CHECK_INS);
    await e2e.startApp();
  });

  afterAll(async () => {
    // Nothing to let finish: the check-ins were never going to be sent.
    await e2e?.bot.stop('SIGKILL');
    await e2e?.close();
  });

  it.skipIf(!ZONE)(`/peer request opens its modal within 3 s while Slack answers 429 to every one of ${STORM_CHECK_INS} due check-ins, and the 429s use up no attempts`, async () => {
    const run = e2e!;
    const rateLimited = () => run.slack.callsTo('chat.postMessage').length;
    // The dispatcher is at work and Slack is pushing back.
    await eventually(async () => (rateLimited() >= 3 ? true : null), 15_000);

    const opens: number[] = [];
    const modals: number[] = [];
    const stormBefore = rateLimited();
    // Five samples spread over about three seconds of the storm.
    for (let sample = 0; sample < 5; sample++) {
      if (sample > 0) await new Promise((resolve) => setTimeout(resolve, 600));
      const since = run.mark();
      const sent = Date.now();
      const { response, triggerId } = await command(run, SEEKER.id, 'request');
      expect(response.status).toBe(200);
      const open = await run.slack.waitFor('views.open', (c) => c.args.trigger_id === triggerId, 5000);
      opens.push(open.at - sent);
      const filled = await run.next('views.update', since, (c) => asView(c.args.view).callback_id === RequestIds.requestModal, 8000);
      modals.push(filled.at - sent);
    }
    const storm = rateLimited();
    console.info(
      `faults (${provider}): views.open during the 429 storm reached Slack after ${opens.join(', ')} ms (max ${Math.max(...opens)} ms); ` +
        `the request form was filled in after ${modals.join(', ')} ms; chat.postMessage answered 429 ${storm - stormBefore} times while sampling, ${storm} in all`,
    );
    for (const ms of opens) expect(ms).toBeLessThan(3000);
    // The storm went on while the modals opened: the dispatcher kept trying.
    expect(storm).toBeGreaterThan(stormBefore);

    // A 429 is Slack asking us to wait, not a failed send: nothing failed, gave up or used up a try.
    const db = run.db;
    expect(await db.checkIn.count({ where: { status: 'failed' } })).toBe(0);
    expect(await db.checkIn.count({ where: { lastError: { not: null } } })).toBe(0);
    expect(await db.checkIn.count({ where: { attempts: { gt: 1 } } })).toBe(0);
    expect(await db.checkIn.count({ where: { status: 'sent' } })).toBe(0);
    // Those Slack pushed back on were put back for Retry-After, with their try given back.
    expect(await db.checkIn.count({ where: { status: 'scheduled', attempts: 0, deliverAt: { gt: due } } })).toBeGreaterThan(0);
    expect(await db.checkIn.count({ where: { sequence: 1 } })).toBe(STORM_CHECK_INS);
  });
});

// ---- 3. The database becomes unreachable mid-flow ----------------------------------------------------

// PostgreSQL only: the app reaches it over the network, so it can refuse new connections and drop the
// ones open (ALTER DATABASE ... ALLOW_CONNECTIONS false, pg_terminate_backend), as an outage or a
// failover does. An embedded SQLite file has no equivalent outage: it is opened inside the process, and
// open handles keep working whatever happens to the file's permissions, until the disk itself fails.

describe.skipIf(!TEST_PROVIDERS.includes('postgresql'))('the database becomes unreachable mid-flow on postgresql', () => {
  const COORDINATOR = person('U0DBDCRD01', 'Euphemia', 'Blackthorne');
  const LISTENER = person('U0DBDLSN01', 'Lucius', 'Marchbanks');
  const ERASING_LISTENER = person('U0DBDLSN02', 'Cordelia', 'Ashcombe');
  const SEEKER = person('U0DBDSKR01', 'Augustin', 'Villeneuve');
  const NEW_SEEKER = person('U0DBDSKR02', 'Winifred', 'Ottersley');
  const INITIATIVE = 'Harbour Circle';
  const NOTE = 'I would like to talk to someone who has been through a loss.';
  const DURING_OUTAGE = 'Are you there? sable-kingfisher-5183';
  const AFTER_OUTAGE = 'Thank you for waiting with me: amber-heron-2290';

  let e2e: FaultE2E;
  let databaseName = '';
  let requestForm: OpenedModal;
  let confirmErasure: OpenedModal;
  const took: Record<string, number> = {};

  async function allowConnections(allow: boolean): Promise<void> {
    await postgresAdmin(async (admin) => {
      await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS ${allow ? 'true' : 'false'}`);
      if (!allow) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]);
    });
  }

  async function readyz(): Promise<number> {
    return (await fetch(`${e2e.bot.baseUrl}/readyz`)).status;
  }

  /** Submits a modal as Slack does, with the view's blocks (the failure answer reads the resources from them). */
  function submitWithBlocks(userId: string, modal: OpenedModal, fields: Record<string, string | string[] | null> = {}): Promise<AppResponse> {
    return e2e.send(
      viewSubmission({
        callbackId: modal.view.callback_id,
        userId,
        teamId: TEAM,
        values: stateFor(modal.view, fields),
        privateMetadata: modal.view.private_metadata ?? '',
        viewId: modal.viewId,
        blocks: modal.view.blocks,
      }),
    );
  }

  function requestFields(view: ModalView, topic: string) {
    return { [RequestIds.blocks.topic]: optionValues(view, RequestIds.blocks.topic, [topic])[0]!, [RequestIds.blocks.note]: NOTE };
  }

  beforeAll(async () => {
    e2e = await startFaultE2E('postgresql', [COORDINATOR, LISTENER, ERASING_LISTENER, SEEKER, NEW_SEEKER]);
    databaseName = new URL(e2e.databaseUrl).pathname.slice(1);
    await e2e.startApp();
    await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: INITIATIVE,
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement',
      [InitiativeIds.blocks.resources]: RESOURCES,
      [InitiativeIds.blocks.approval]: [],
    });
    await volunteer(e2e, LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
    await volunteer(e2e, ERASING_LISTENER.id, { fields: { topicLabels: ['Bereavement'] } });
    const asked = await askForListener(e2e, SEEKER.id, { topic: 'Anxiety' });
    if (!asked.offer) throw new Error('the request was offered to nobody');
    await acceptOffer(e2e, asked.offer, SEEKER.id);
  });

  afterAll(async () => {
    if (databaseName) await allowConnections(true);
    await e2e?.close();
  });

  it('with the database unreachable, each command, form, click and message gets a visible answer within 5 s, and /readyz answers 503', async () => {
    // Forms people opened while all was well, and submit once it is not.
    requestForm = await openCommandModal(e2e, NEW_SEEKER.id);
    expect(requestForm.view.callback_id).toBe(RequestIds.requestModal);
    confirmErasure = await commandModal(e2e, ERASING_LISTENER.id, 'delete-my-data');
    expect(confirmErasure.view.callback_id).toBe(MyDataIds.confirmModal);

    // Our own connection would be terminated with the app's: close it first.
    await e2e.closeOwnClient();
    await allowConnections(false);

    // `/peer request`: the modal opens, then says it did not work (or an ephemeral message says so).
    took['/peer request'] = (
      await timed(async () => {
        const since = e2e.mark();
        const { response, triggerId, responseKey } = await command(e2e, NEW_SEEKER.id, 'request');
        expect(response.status).toBe(200);
        const answer = await Promise.any([
          e2e.next('views.update', since, (c) => asView(c.args.view).callback_id === 'common.failed', 5000),
          e2e.next('response_url', since, (c) => c.args.key === responseKey, 5000),
        ]);
        if (answer.method === 'views.update') {
          await e2e.next('views.open', since, (c) => c.args.trigger_id === triggerId, 0);
          expect(textOf(asView(answer.args.view).blocks)).toContain(english('common.somethingWentWrong'));
        } else {
          expect(answer.args.text).toBe(english('common.somethingWentWrong'));
        }
      })
    ).ms;

    // `/peer my-data` and `/peer pause`: an ephemeral answer through the command's response_url.
    for (const [text, userId] of [
      ['my-data', SEEKER.id],
      ['pause', LISTENER.id],
    ] as const) {
      took[`/peer ${text}`] = (
        await timed(async () => {
          const { response, responseKey } = await command(e2e, userId, text);
          expect(response.status).toBe(200);
          const answer = await responded(e2e, responseKey);
          expect(answer.args.text).toBe(english('common.somethingWentWrong'));
          expect(answer.args.response_type).toBe('ephemeral');
        })
      ).ms;
    }

    // The request form: the form itself says it was not saved, with the initiative's resources.
    took['request submission'] = (
      await timed(async () => {
        const response = await submitWithBlocks(NEW_SEEKER.id, requestForm, requestFields(requestForm.view, 'Bereavement'));
        expect(response.status).toBe(200);
        const view = updatedView(response);
        expect(view.callback_id).toBe('common.failed');
        expect(textOf(view.blocks)).toContain(english('common.formNotSaved'));
        expect(textOf(view.blocks)).toContain(RESOURCES);
      })
    ).ms;

    // The erasure confirmation: the form says nothing was done.
    took['delete-my-data confirmation'] = (
      await timed(async () => {
        const response = await submitWithBlocks(ERASING_LISTENER.id, confirmErasure);
        expect(response.status).toBe(200);
        const view = updatedView(response);
        expect(view.callback_id).toBe('common.failed');
        expect(textOf(view.blocks)).toContain(english('common.formNotSaved'));
      })
    ).ms;

    // A message to relay: the sender is told it was not passed on (its text is never kept to retry).
    took['relayed DM'] = (
      await timed(async () => {
        const since = e2e.mark();
        await dmFrom(e2e, SEEKER.id, DURING_OUTAGE);
        const answer = await e2e.next('chat.postMessage', since, (c) => sentTo(SEEKER.id)(c) && c.args.text === commonCopy.messageNotPassedOn(english), 5000);
        expect(answer.args.channel).toBe(`D${SEEKER.id}`);
      })
    ).ms;

    // "I need help right now" still shows the resources: they are read from the form it was clicked in.
    took['"I need help right now"'] = (
      await timed(async () => {
        const since = e2e.mark();
        await clickAs(e2e, NEW_SEEKER.id, {
          actionId: RequestIds.helpNowButton,
          value: buttonValue(requestForm.view.blocks, RequestIds.helpNowButton),
          view: { id: requestForm.viewId, callback_id: requestForm.view.callback_id, private_metadata: requestForm.view.private_metadata ?? '', blocks: requestForm.view.blocks },
        });
        const update = await e2e.next('views.update', since, (c) => c.args.view_id === requestForm.viewId, 5000);
        const shown = textOf(asView(update.args.view).blocks);
        expect(shown).toContain(english('requests.helpNowLead'));
        expect(shown).toContain(RESOURCES);
      })
    ).ms;

    const ready = await timed(readyz);
    took['GET /readyz'] = ready.ms;
    expect(ready.value).toBe(503);

    console.info(`faults (postgresql): answers with the database down: ${Object.entries(took).map(([what, ms]) => `${what} ${ms} ms`).join('; ')}`);
    for (const [what, ms] of Object.entries(took)) expect(ms, what).toBeLessThan(5000);
    // Nothing of the relayed words reached the other side, then or later; failing did not log them, or the note.
    expect(e2e.slack.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args).includes(DURING_OUTAGE))).toEqual([]);
    expect(e2e.bot.output()).not.toContain(DURING_OUTAGE);
    expect(e2e.bot.output()).not.toContain(NOTE);
  });

  it('once the database is back, /readyz answers 200 and every flow works again without a restart, and nothing was half-written', async () => {
    // The same process throughout: it never exited, nobody restarted it.
    const pid = e2e.bot.pid;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await allowConnections(true);
    const back = await timed(() => eventually(async () => ((await readyz()) === 200 ? true : null), 15_000));
    console.info(`faults (postgresql): /readyz answered 200 again ${back.ms} ms after connections were allowed`);
    await e2e.openOwnClient();
    const db = e2e.db;

    // What failed left nothing behind: no request, no consent, no pause, no erasure.
    expect(await db.supportRequest.count({ where: { seekerId: NEW_SEEKER.id } })).toBe(0);
    expect(await db.consentRecord.count({ where: { userId: NEW_SEEKER.id } })).toBe(0);
    expect((await db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER.id } })).status).toBe('active');
    expect(await db.listenerProfile.count({ where: { userId: ERASING_LISTENER.id } })).toBe(1);
    expect(await db.consentRecord.count({ where: { userId: ERASING_LISTENER.id } })).toBeGreaterThan(0);

    // A request: exactly one, with its consent, offered to the one listener on the topic.
    const asked = await askForListener(e2e, NEW_SEEKER.id, { topic: 'Bereavement', note: NOTE });
    expect(asked.offer?.listenerId).toBe(ERASING_LISTENER.id);
    expect(await db.supportRequest.count({ where: { seekerId: NEW_SEEKER.id } })).toBe(1);
    expect(await db.consentRecord.count({ where: { userId: NEW_SEEKER.id, purpose: 'seeker_request', action: 'given' } })).toBe(1);

    // My data: the summary and the file.
    let since = e2e.mark();
    const { responseKey } = await command(e2e, SEEKER.id, 'my-data');
    expect((await responded(e2e, responseKey)).args.text).not.toBe(english('common.somethingWentWrong'));
    const upload = await e2e.next('upload', since);
    expect(JSON.parse(String(upload.args.content))).toMatchObject({ userId: SEEKER.id });
    await e2e.next('files.completeUploadExternal', since);

    // The relay: the seeker's message reaches their listener.
    since = e2e.mark();
    await dmFrom(e2e, SEEKER.id, AFTER_OUTAGE);
    await e2e.next('chat.postMessage', since, (c) => sentTo(LISTENER.id)(c) && textOf(c.args.blocks).includes(AFTER_OUTAGE));

    // Pause: `/peer pause` opens the "Pause until" form (issue 15); submitted with no date, paused until resumed.
    const pauseForm = await openCommandModal(e2e, LISTENER.id, 'pause');
    since = e2e.mark();
    expect((await submitWithBlocks(LISTENER.id, pauseForm)).text).toBe('');
    expect((await e2e.next('chat.postMessage', since, sentTo(LISTENER.id))).args.text).toBe(listenerCopy.initiativeNote(english, 'paused', INITIATIVE));
    expect((await db.listenerProfile.findFirstOrThrow({ where: { userId: LISTENER.id } })).status).toBe('paused');

    // No row half-written: every request has its consent, and the anonymous count matches.
    const requests = await db.supportRequest.findMany({ select: { seekerId: true } });
    expect(requests.map((r) => r.seekerId).sort()).toEqual([SEEKER.id, NEW_SEEKER.id].sort());
    const consents = await db.consentRecord.findMany({ where: { purpose: 'seeker_request', action: 'given' }, select: { userId: true } });
    expect(consents.map((c) => c.userId).sort()).toEqual(requests.map((r) => r.seekerId).sort());
    const opened = await db.anonymousCount.findMany({ where: { metric: 'request_opened' } });
    expect(opened.reduce((sum, c) => sum + c.count, 0)).toBe(requests.length);
    expect(await db.outboxMessage.count({ where: { status: { in: ['sending', 'failed'] } } })).toBe(0);
    expect(e2e.bot.pid).toBe(pid);
    expect(() => process.kill(pid, 0)).not.toThrow();
  });
});
