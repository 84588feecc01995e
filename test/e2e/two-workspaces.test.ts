import { randomBytes } from 'node:crypto';
import { english } from '../../src/i18n/translate.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { displayPseudonym } from '../../src/domain/pseudonyms.js';
import { CheckInIds } from '../../src/features/check-ins/ids.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { InsightsIds } from '../../src/features/insights/ids.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { FakeSlack, RecordedCall } from '../../src/simulator/web-api.js';
import {
  acceptInvitation,
  commandModal,
  invitationFor,
  jsonOf,
  setUpInitiative,
  startE2E,
  submit,
  textOf,
  volunteer,
  type Block,
} from '../support/flows.js';
import {
  acceptOffer,
  answered,
  askForListener,
  clickAs,
  dmFrom,
  eventually,
  everyRow,
  isOffer,
  openCommandModal,
  person,
  type PairingE2E,
  type Person,
} from '../support/pairing-flows.js';
import { eventCallback } from '../../src/simulator/requests.js';
import { zoneInWorkingHours } from '../support/working-hours.js';

// Issue 16, tenancy end to end: two workspaces install the app through its own install page (OAuth, the
// fake Slack's oauth.v2.access) into one process and one database, and the whole story runs in both at
// once: an initiative with an HR viewer, listeners opting in, a request, an accepted offer, the relay
// both ways, a check-in sent and answered, insights, a person's delete-my-data. Nothing may cross: the
// fake Slack refuses any call with one workspace's token that names the other's people or DMs, so no
// call may have been refused, and every row's id, pseudonym and offer stays in its own workspace's calls.
// Then Alpha uninstalls the app (a signed app_uninstalled event; Slack revokes its token): nothing more
// is sent with Alpha's token, not even a check-in that falls due, Bravo carries on, and once the grace
// period (0 days here) is over every row of Alpha is erased while Bravo's stay.

// Check-ins go only at a humane hour for their recipient, on the real clock: everyone lives where it is
// a workday between 09:00 and 17:00 now (test/support/working-hours.ts). None at weekends: skipped then.
const ZONE = zoneInWorkingHours(new Date());
if (!ZONE) console.warn('two-workspaces e2e: it is a workday between 09:00 and 17:00 in no timezone right now, so the check-in step is skipped');

const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'twoWorkspacesClientSecret01';
const STATE_SECRET = randomBytes(24).toString('hex');
const ENCRYPTION_KEY = randomBytes(32).toString('base64');

interface Side {
  label: string;
  teamId: string;
  botToken: string;
  botUserId: string;
  coordinator: Person;
  hr: Person;
  listeners: [Person, Person];
  seeker: Person;
  people: Person[];
  /** Relayed words, distinctive per workspace so a copy in the other one would be found. */
  fromSeeker: string;
  fromListener: string;
  afterUninstall: string;
}

function side(label: string, teamId: string, prefix: string, names: [string, string][]): Side {
  const at = (id: string, [first, last]: [string, string]): Person => ({ ...person(id, first, last), team_id: teamId, tz: ZONE ?? 'Europe/London' });
  const coordinator = at(`U0${prefix}CRD01`, names[0]!);
  const hr = at(`U0${prefix}HRV01`, names[1]!);
  const listeners: [Person, Person] = [at(`U0${prefix}LSN01`, names[2]!), at(`U0${prefix}LSN02`, names[3]!)];
  const seeker = at(`U0${prefix}SKR01`, names[4]!);
  const slug = label.toLowerCase();
  return {
    label,
    teamId,
    botToken: `xoxb-${slug}-${randomBytes(6).toString('hex')}`,
    botUserId: `U0${prefix}BOT01`,
    coordinator,
    hr,
    listeners,
    seeker,
    people: [coordinator, hr, ...listeners, seeker],
    fromSeeker: `${label} seeker writes: marigold-${slug}-4471`,
    fromListener: `${label} listener answers: juniper-${slug}-8812`,
    afterUninstall: `${label} seeker again: lapis-${slug}-3019`,
  };
}

const ALPHA = side('Alpha', 'T0ALPHA001', 'AL', [
  ['Octavia', 'Pemberton'],
  ['Horatio', 'Blenkinsop'],
  ['Imogen', 'Castellane'],
  ['Fitzgerald', 'Moorcroft'],
  ['Winifred', 'Aldersley'],
]);
const BRAVO = side('Bravo', 'T0BRAVO001', 'BR', [
  ['Leopoldine', 'Varga'],
  ['Ptolemy', 'Saxby'],
  ['Cordelia', 'Nakamura-Holt'],
  ['Evander', 'Quigley'],
  ['Ysolde', 'Brackenridge'],
]);
const SIDES = [ALPHA, BRAVO] as const;
const other = (s: Side): Side => (s === ALPHA ? BRAVO : ALPHA);
const TOPICS = 'Anxiety\nBereavement\nParenting';

const sentTo = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;
const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the app has made no Web API call for `quietMs`: what a step set going (Home refreshes) is done. */
async function settled(slack: FakeSlack, quietMs = 1500, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = slack.calls.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the app was still calling Slack after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The run as seen from one workspace: its requests come from `teamId`, and it waits only for calls made with its token. */
function inWorkspace(base: PairingE2E, teamId: string): PairingE2E {
  // A response_url carries no token: its key is unique to the click or command that handed it out.
  const mine = (call: RecordedCall) => call.method === 'response_url' || call.teamId === teamId;
  return {
    ...base,
    teamId,
    next: (method, since, predicate = () => true, timeoutMs) => base.next(method, since, (c) => mine(c) && predicate(c), timeoutMs),
    nth: (n, method, since, predicate = () => true) => base.nth(n, method, since, (c) => mine(c) && predicate(c)),
  };
}

/**
 * Installs the app in `teamId` as a browser would: the app's install page (which sets the state cookie),
 * Slack's authorize page (the fake's `authorize`, with the scopes the link asks for), then the app's
 * redirect with the code and state, and the cookie.
 */
async function installThroughPage(baseUrl: string, slack: FakeSlack, teamId: string, installerId: string) {
  const page = await fetch(`${baseUrl}/slack/install`);
  const html = await page.text();
  const href = /href="([^"]*\/oauth\/v2\/authorize\?[^"]*)"/.exec(html)?.[1];
  if (page.status !== 200 || href === undefined) throw new Error(`the install page answered ${page.status} without an authorize link:\n${html}`);
  const link = href.replace(/&amp;/g, '&');
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const approved = slack.authorize(link, { teamId, userId: installerId });
  const redirect = new URL('/slack/oauth_redirect', baseUrl);
  redirect.searchParams.set('code', approved.code);
  if (approved.state !== undefined) redirect.searchParams.set('state', approved.state);
  const done = await fetch(redirect, { headers: { cookie }, redirect: 'manual' });
  return { link: new URL(link), cookie, status: done.status, body: await done.text() };
}

interface Story {
  e2e: PairingE2E;
  initiative: { id: string; name: string };
  pairingId: string;
  requestId: string;
  listener: Person;
  spare: Person;
}

describe.each(TEST_PROVIDERS)('two workspaces on one database (%s)', (provider) => {
  let base: PairingE2E;
  /** Where the call log stood once the app had recorded Alpha's uninstall. */
  let uninstalledAt = Number.POSITIVE_INFINITY;
  const stories = new Map<Side, Story>();
  const story = (s: Side): Story => {
    const found = stories.get(s);
    if (!found) throw new Error(`the story of ${s.label} has not started`);
    return found;
  };

  /** Every call made with the workspace's tokens, and the response_url posts of its people. */
  function callsOf(s: Side): RecordedCall[] {
    const people = new Set(s.people.map((p) => p.id));
    return base.slack.calls.filter(
      (c) => c.teamId === s.teamId || (c.method === 'response_url' && people.has(base.owners.get(String(c.args.key)) ?? '')),
    );
  }

  /** Who a call is addressed to: user ids in its channel (or the DM, `D` + id), user and users, and whoever its trigger id was handed to. */
  function addressees(call: RecordedCall): string[] {
    const to: string[] = [];
    for (const key of ['channel', 'channel_id', 'channels', 'user', 'user_id', 'users']) {
      const value = call.args[key];
      if (typeof value !== 'string') continue;
      for (const part of value.split(',')) to.push(part.trim().replace(/^D(?=[UW])/, ''));
    }
    const owner = typeof call.args.trigger_id === 'string' ? base.owners.get(call.args.trigger_id) : undefined;
    if (owner) to.push(owner);
    return to;
  }

  /** Ids of the rows a workspace's story wrote, read from the database. */
  async function rowIdsOf(s: Side): Promise<string[]> {
    const initiativeId = story(s).initiative.id;
    const requests = await base.db.supportRequest.findMany({ where: { initiativeId }, select: { id: true } });
    const requestIds = requests.map((r) => r.id);
    const offers = await base.db.offer.findMany({ where: { requestId: { in: requestIds } }, select: { id: true } });
    const pairings = await base.db.pairing.findMany({ where: { requestId: { in: requestIds } }, select: { id: true } });
    const checkIns = await base.db.checkIn.findMany({ where: { initiativeId }, select: { id: true } });
    const profiles = await base.db.listenerProfile.findMany({ where: { initiativeId }, select: { id: true } });
    return [initiativeId, ...requestIds, ...offers.map((o) => o.id), ...pairings.map((p) => p.id), ...checkIns.map((c) => c.id), ...profiles.map((p) => p.id)];
  }

  beforeAll(async () => {
    const e2e = await startE2E(provider, inject('templates'), {
      users: [...ALPHA.people, ...BRAVO.people],
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        TOKEN_ENCRYPTION_KEYS: ENCRYPTION_KEY,
        UNINSTALL_GRACE_DAYS: '0',
        SCHEDULER_TICK_SECONDS: '1',
      },
      slack: {
        workspaces: SIDES.map((s) => ({ teamId: s.teamId, botToken: s.botToken, botUserId: s.botUserId, name: `${s.label} Ltd` })),
        oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      },
    });
    base = { ...e2e, owners: new Map() };
  });

  afterAll(async () => {
    await base?.close();
  });

  // ---- Installs --------------------------------------------------------------------------------------

  it('installs both workspaces through the install page, storing each installation with its token sealed', async () => {
    const installs = await Promise.all(SIDES.map((s) => installThroughPage(base.bot.baseUrl, base.slack, s.teamId, s.coordinator.id)));
    for (const [i, s] of SIDES.entries()) {
      const install = installs[i]!;
      expect(install.link.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(install.link.searchParams.get('scope')).toContain('chat:write');
      expect(install.status, install.body).toBeLessThan(400);
      const rows = await base.db.installation.findMany({ where: { teamId: s.teamId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ key: `T:${s.teamId}`, isEnterpriseInstall: false, botUserId: s.botUserId, installerUserId: s.coordinator.id });
      expect(rows[0]!.botToken).not.toContain(s.botToken);
    }
    const exchanged = base.slack.callsTo('oauth.v2.access');
    expect(exchanged.map((c) => c.args.code).sort()).toEqual(SIDES.map((s) => `code-${s.teamId}`).sort());
    // Tokens are sealed at rest: neither is readable anywhere in the database.
    const { text } = await everyRow(base.db, provider);
    for (const s of SIDES) expect(text).not.toContain(s.botToken);
  });

  // ---- The story, in both workspaces at once ------------------------------------------------------------

  it('sets up an initiative in each, with an HR viewer who accepts and two listeners who opt in', async () => {
    await Promise.all(
      SIDES.map(async (s) => {
        const e2e = inWorkspace(base, s.teamId);
        const since = e2e.mark();
        const initiative = await setUpInitiative(e2e, s.coordinator.id, {
          [InitiativeIds.blocks.name]: `${s.label} Circle`,
          [InitiativeIds.blocks.topics]: TOPICS,
          [InitiativeIds.blocks.approval]: [],
          [InitiativeIds.blocks.hrViewers]: [s.hr.id],
        });
        await acceptInvitation(e2e, s.hr.id, await invitationFor(e2e, s.hr.id, since));
        for (const listener of s.listeners) await volunteer(e2e, listener.id, { fields: { topicLabels: ['Anxiety'] } });
        stories.set(s, { e2e, initiative, pairingId: '', requestId: '', listener: s.listeners[0], spare: s.listeners[1] });
      }),
    );
    for (const s of SIDES) {
      const { initiative } = story(s);
      expect(await base.db.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).toMatchObject({ workspaceId: s.teamId });
      const members = await base.db.initiativeMember.findMany({ where: { initiativeId: initiative.id }, select: { userId: true } });
      expect(members.map((m) => m.userId).every((id) => s.people.some((p) => p.id === id))).toBe(true);
      const profiles = await base.db.listenerProfile.findMany({ where: { initiativeId: initiative.id }, select: { userId: true } });
      expect(profiles.map((p) => p.userId).sort()).toEqual(s.listeners.map((l) => l.id).sort());
    }
  });

  it("a seeker in each asks; only a listener of their own workspace is offered it, and accepts", async () => {
    await Promise.all(
      SIDES.map(async (s) => {
        const st = story(s);
        const asked = await askForListener(st.e2e, s.seeker.id, { topic: 'Anxiety' });
        if (!asked.offer) throw new Error(`nobody in ${s.label} was offered the request`);
        expect(s.listeners.map((l) => l.id)).toContain(asked.offer.listenerId);
        expect(asked.offer.call.teamId).toBe(s.teamId);
        const intro = await acceptOffer(st.e2e, asked.offer, s.seeker.id);
        const listener = s.listeners.find((l) => l.id === asked.offer!.listenerId)!;
        stories.set(s, { ...st, pairingId: intro.pairingId, requestId: asked.requestId, listener, spare: s.listeners.find((l) => l !== listener)! });
        for (const call of [intro.toSeeker, intro.toListener]) expect(call.teamId).toBe(s.teamId);
      }),
    );
    for (const s of SIDES) {
      // Every offer the app made went to a listener of the request's own workspace.
      const offers = await base.db.offer.findMany({ where: { request: { initiativeId: story(s).initiative.id } }, include: { listener: true } });
      expect(offers.length).toBeGreaterThan(0);
      for (const offer of offers) expect(s.listeners.map((l) => l.id)).toContain(offer.listener.userId);
      const offerCalls = base.slack.calls.filter(isOffer).filter((c) => s.listeners.some((l) => sentTo(l.id)(c)));
      for (const call of offerCalls) expect(call.teamId).toBe(s.teamId);
    }
  });

  it('relays both ways in each workspace, with its own token, under its own pseudonyms', async () => {
    await Promise.all(
      SIDES.map(async (s) => {
        const { e2e, pairingId, listener } = story(s);
        const pairing = await base.db.pairing.findUniqueOrThrow({ where: { id: pairingId } });
        let since = e2e.mark();
        await dmFrom(e2e, s.seeker.id, s.fromSeeker);
        const toListener = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(s.fromSeeker));
        expect(shown(toListener)).toContain(displayPseudonym(english, pairing.seekerPseudonym));
        since = e2e.mark();
        await dmFrom(e2e, listener.id, s.fromListener);
        const toSeeker = await e2e.next('chat.postMessage', since, (c) => sentTo(s.seeker.id)(c) && shown(c).includes(s.fromListener));
        expect(shown(toSeeker)).toContain(displayPseudonym(english, pairing.listenerPseudonym));
        for (const call of [toListener, toSeeker]) expect(base.slack.workspace(s.teamId).tokens).toContain(call.token);
      }),
    );
    // Neither workspace's words reached the other.
    for (const s of SIDES) {
      const words = [s.fromSeeker, s.fromListener];
      expect(callsOf(other(s)).filter((c) => words.some((w) => JSON.stringify(c.args).includes(w)))).toEqual([]);
    }
  });

  it.skipIf(!ZONE)('sends each seeker their check-in when it falls due, with their workspace\'s token, and takes the answer', async () => {
    await Promise.all(
      SIDES.map(async (s) => {
        const { e2e, pairingId } = story(s);
        const row = await base.db.checkIn.findUniqueOrThrow({ where: { subjectId_kind_sequence: { subjectId: pairingId, kind: 'seeker', sequence: 1 } } });
        const since = e2e.mark();
        const past = new Date(Date.now() - 60_000);
        await base.db.checkIn.update({ where: { id: row.id }, data: { dueAt: past, deliverAt: past } });
        const message = await e2e.next('chat.postMessage', since, (c) => sentTo(s.seeker.id)(c) && jsonOf(c.args.blocks).includes(row.id), 10_000);
        expect(message.teamId).toBe(s.teamId);
        const sent = await eventually(() => base.db.checkIn.findFirst({ where: { id: row.id, status: 'sent', messageTs: { not: null } } }), 8000);

        const answers: readonly string[] = Object.values(CheckInIds.answer);
        const button = ((message.args.blocks ?? []) as Block[])
          .flatMap((b) => b.elements ?? [])
          .find((e) => answers.includes(e.action_id) && e.text?.text === 'Helpful');
        if (!button?.value) throw new Error('no "Helpful" answer in the check-in');
        const clickedAt = e2e.mark();
        const { responseKey } = await clickAs(e2e, s.seeker.id, {
          actionId: button.action_id,
          value: button.value,
          channelId: `D${s.seeker.id}`,
          messageTs: sent.messageTs!,
          message: { text: message.args.text, blocks: message.args.blocks },
        });
        await answered(e2e, clickedAt, responseKey);
        await eventually(() => base.db.checkIn.findFirst({ where: { id: row.id, answer: 'helpful' } }));
      }),
    );
  });

  it("opens each HR viewer's insights on their own workspace's initiative, with its own counts", async () => {
    // With a 1-second tick the snapshot job runs every minute, so it may have taken the day's snapshot
    // while a request still waited; any snapshot taken from here on sees the story's final state.
    await base.db.insightsSnapshot.deleteMany({ where: { initiativeId: { in: SIDES.map((s) => story(s).initiative.id) } } });
    await Promise.all(
      SIDES.map(async (s) => {
        const { e2e, initiative } = story(s);
        const opened = await openCommandModal(e2e, s.hr.id, 'insights');
        expect(opened.view.callback_id).toBe(InsightsIds.modal);
        expect(opened.view.blocks[0]).toMatchObject({ type: 'header', text: { text: initiative.name } });
        expect(textOf(opened.view.blocks)).not.toContain(story(other(s)).initiative.name);
      }),
    );
    for (const s of SIDES) {
      // The day's figures count this workspace's initiative only: two listeners, one pairing, nobody waiting.
      // One row per UTC day (two only if the run crossed midnight), each counted after the story above.
      const snapshots = await base.db.insightsSnapshot.findMany({ where: { initiativeId: story(s).initiative.id } });
      expect(snapshots.length).toBeGreaterThanOrEqual(1);
      for (const row of snapshots) expect(JSON.parse(row.figures)).toMatchObject({ now: { listenersActive: 2, requestsWaiting: 0, pairingsActive: 1 } });
      const opened = await base.db.anonymousCount.findMany({ where: { initiativeId: story(s).initiative.id, metric: 'request_opened' } });
      expect(opened.reduce((sum, r) => sum + r.count, 0)).toBe(1);
      const access = await base.db.insightsAccess.findMany({ where: { initiativeId: story(s).initiative.id } });
      expect(access.map((a) => a.viewerId)).toEqual([s.hr.id]);
    }
  });

  it("erases the listener who asks to in each workspace, and nobody else's data", async () => {
    await Promise.all(
      SIDES.map(async (s) => {
        const { e2e, spare } = story(s);
        const confirm = await commandModal(e2e, spare.id, 'delete-my-data');
        expect(confirm.view.callback_id).toBe(MyDataIds.confirmModal);
        const since = e2e.mark();
        const response = await submit(e2e, spare.id, confirm);
        expect(response.status).toBe(200);
        const done = await e2e.next('chat.postMessage', since, (c) => c.args.channel === spare.id);
        expect(done.args.text).toBe(english('myData.erased'));
      }),
    );
    const { text } = await everyRow(base.db, provider);
    for (const s of SIDES) {
      expect(text).not.toContain(story(s).spare.id);
      for (const p of [s.coordinator, s.hr, story(s).listener, s.seeker]) expect(text).toContain(p.id);
    }
  });

  it('crossed nothing: no call was refused, each workspace\'s token reached only its own people, ids and pseudonyms', async () => {
    // Home refreshes and other follow-ups of the last steps included.
    await settled(base.slack);
    const refused = base.slack.calls.filter((c) => c.refusal !== undefined);
    expect(refused.map((c) => `${c.method} ${c.refusal?.error}: ${c.refusal?.errors.join('; ')}`)).toEqual([]);
    // Every token the app presented was one of the two workspaces'.
    expect(base.slack.calls.filter((c) => c.token !== undefined && c.teamId === undefined)).toEqual([]);
    for (const s of SIDES) {
      const own = new Set([s.botUserId, ...s.people.map((p) => p.id)]);
      const mine = base.slack.callsFor(s.teamId);
      expect(mine.length).toBeGreaterThan(20);
      expect(mine.filter((c) => addressees(c).some((id) => !own.has(id))).map((c) => `${c.method} ${addressees(c).join(',')}`)).toEqual([]);
      // Everything sent to this workspace's people went with its own token (response_urls need none).
      const toThem = base.slack.calls.filter((c) => c.method !== 'response_url' && addressees(c).some((id) => own.has(id)));
      expect(toThem.filter((c) => c.teamId !== s.teamId)).toEqual([]);

      // No id of a row of this workspace, and no pseudonym of its pairing, appears in the other's calls.
      const ids = await rowIdsOf(s);
      const theirs = callsOf(other(s)).map((c) => JSON.stringify(c.args));
      expect(ids.filter((id) => theirs.some((payload) => payload.includes(id)))).toEqual([]);
      const pairing = await base.db.pairing.findUniqueOrThrow({ where: { id: story(s).pairingId } });
      const otherPairing = await base.db.pairing.findUniqueOrThrow({ where: { id: story(other(s)).pairingId } });
      const theirNames = new Set([otherPairing.seekerPseudonym, otherPairing.listenerPseudonym]);
      for (const name of [pairing.seekerPseudonym, pairing.listenerPseudonym].filter((n) => !theirNames.has(n))) {
        expect(theirs.filter((payload) => payload.includes(displayPseudonym(english, name)))).toEqual([]);
      }
    }
  });

  // ---- Alpha uninstalls ----------------------------------------------------------------------------------

  it("after Alpha uninstalls, nothing more is sent with Alpha's token, not even a due check-in; Bravo carries on", async () => {
    // A scheduled check-in of Alpha, found while Alpha's rows are surely there.
    const due = await base.db.checkIn.findFirstOrThrow({ where: { pairingId: story(ALPHA).pairingId, status: 'scheduled' } });

    // Uninstalling revokes the workspace's tokens at Slack; then Slack tells the app.
    base.slack.revoke(ALPHA.teamId);
    const response = await base.send(eventCallback({ type: 'app_uninstalled' }, { teamId: ALPHA.teamId, botUserId: ALPHA.botUserId }));
    expect(response.status).toBe(200);
    await eventually(async () => {
      const workspace = await base.db.workspace.findUnique({ where: { id: ALPHA.teamId } });
      // Marked uninstalled, or (grace period 0) already erased by the time this looks.
      return workspace === null || workspace.uninstalledAt !== null ? true : null;
    }, 5000);
    uninstalledAt = base.mark();
    expect(await base.db.installation.count({ where: { teamId: ALPHA.teamId } })).toBe(0);
    expect(await base.db.workspace.findUniqueOrThrow({ where: { id: BRAVO.teamId } })).toMatchObject({ uninstalledAt: null });

    // The check-in falls due: the scheduler looks at it (and keeps it, unsent) rather than sending it.
    // With a grace period of 0 days the erasure job (every 5 ticks) may take Alpha's rows at any moment
    // (in a CI run, between a read and an update here): an erased check-in cannot be sent either.
    const past = new Date(Date.now() - 60_000);
    await base.db.checkIn.updateMany({ where: { id: due.id }, data: { dueAt: past, deliverAt: past } });
    await eventually(async () => {
      const row = await base.db.checkIn.findUnique({ where: { id: due.id } });
      // Parked for later (a reinstall would bring it back), or already erased with the workspace.
      return row === null || row.deliverAt.getTime() > Date.now() + 60 * 60 * 1000 ? true : null;
    }, 10_000);
    expect(await base.db.checkIn.count({ where: { id: due.id, status: 'sent' } })).toBe(0);

    // Bravo's relay still works, with Bravo's token.
    const { e2e, listener } = story(BRAVO);
    const since = e2e.mark();
    await dmFrom(e2e, BRAVO.seeker.id, BRAVO.afterUninstall);
    const relayed = await e2e.next('chat.postMessage', since, (c) => sentTo(listener.id)(c) && shown(c).includes(BRAVO.afterUninstall));
    expect(base.slack.workspace(BRAVO.teamId).tokens).toContain(relayed.token);

    // A few more scheduler ticks: still nothing with Alpha's token.
    await sleep(3000);
    const afterwards = base.slack.calls.slice(uninstalledAt).filter((c) => c.teamId === ALPHA.teamId);
    expect(afterwards.map((c) => `${c.method} ${c.refusal?.error ?? 'ok'}`)).toEqual([]);
    expect(base.slack.calls.slice(uninstalledAt).filter((c) => sentTo(ALPHA.seeker.id)(c))).toEqual([]);
  });

  it("erases every row of Alpha once the grace period is over, and keeps Bravo's", async () => {
    const alphaMarks = [ALPHA.teamId, story(ALPHA).initiative.id, ...ALPHA.people.map((p) => p.id)];
    const { text } = await eventually(async () => {
      const rows = await everyRow(base.db, provider);
      return alphaMarks.some((mark) => rows.text.includes(mark)) ? null : rows;
    }, 20_000).catch(async (error: unknown) => {
      const rows = await everyRow(base.db, provider);
      const left = rows.text.split('\n').filter((line) => alphaMarks.some((mark) => line.includes(mark)));
      throw new Error(`rows of Alpha are still there: ${left.map((line) => line.split(':')[0]).join(', ')} (${String(error)})`);
    });
    const bravoMarks = [BRAVO.teamId, story(BRAVO).initiative.id, BRAVO.coordinator.id, BRAVO.hr.id, story(BRAVO).listener.id, BRAVO.seeker.id];
    for (const mark of bravoMarks) expect(text, `Bravo's ${mark} is kept`).toContain(mark);
    expect(await base.db.workspace.findUnique({ where: { id: ALPHA.teamId } })).toBeNull();
    expect(await base.db.pairing.count({ where: { id: story(BRAVO).pairingId, status: 'active' } })).toBe(1);
    // And still nothing was sent with Alpha's token, nor refused for it.
    expect(base.slack.calls.slice(uninstalledAt).filter((c) => c.teamId === ALPHA.teamId)).toEqual([]);
    expect(base.slack.callsFor(ALPHA.teamId).filter((c) => c.refusal !== undefined)).toEqual([]);
  });
});
