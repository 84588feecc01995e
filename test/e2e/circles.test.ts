import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consentText } from '../../src/domain/consent.js';
import { isWakingTime } from '../../src/domain/delivery.js';
import { CircleIds, FACILITATORS_BLOCK } from '../../src/features/circles/ids.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import { english } from '../../src/i18n/translate.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { asView, buttonValue, commandModal, fieldErrorsOf, jsonOf, optionValues, setUpInitiative, submit, textOf, updatedView, volunteer, type ModalView } from '../support/flows.js';
import { clickAs, dmFrom, eventually, everyRow, leaksTo, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issue 20 end to end, circles: the real process, a fake Slack and signed requests. A coordinator
// creates a circle with a listener as its facilitator; colleagues see it in `/peer circles`, join it
// with one click (the list shows what joining agrees to) and get a welcome message whose thread is the
// circle. A message there reaches every other member once, under the writer's circle pseudonym, and no
// call addressed to anyone carries another member's identity (invariant 1); the text is never stored
// (invariant 2). Crisis words reach the facilitator as a private note naming only the pseudonym. Leaving
// is one click; 20 colleagues joining at once never overfill a circle; erasure removes a member's circle
// data. Session prompts (a controlled clock, two replicas) are in test/features/circles/.

// Session prompts go at a waking hour for each member (src/domain/delivery.ts): everyone here lives where
// it is one now and for the next quarter of an hour, but the third member, for whom it is night.
const ZONES = ['Etc/GMT+12', 'Pacific/Honolulu', 'America/Los_Angeles', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Atlantic/Cape_Verde', 'Europe/London', 'Europe/Berlin', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Pacific/Noumea', 'Pacific/Auckland', 'Pacific/Kiritimati'];
const soon = new Date(Date.now() + 15 * 60_000);
const AWAKE = ZONES.find((z) => isWakingTime(new Date(), z) && isWakingTime(soon, z))!;
const ASLEEP = ZONES.find((z) => !isWakingTime(new Date(), z) && !isWakingTime(soon, z))!;
const inZone = (p: Person, tz: string): Person => ({ ...p, tz });

const COORDINATOR = person('U0CIRCRD01', 'Philippa', 'Wetherington');
const FACILITATOR = inZone(person('U0CIRFAC01', 'Perpetua', 'Lindqvist'), AWAKE);
const MEMBERS = [
  inZone(person('U0CIRMEM01', 'Zebulon', 'Quackenbush'), AWAKE),
  inZone(person('U0CIRMEM02', 'Ermintrude', 'Blatherwick'), AWAKE),
  inZone(person('U0CIRMEM03', 'Horatio', 'Pemberton'), ASLEEP),
];
const LATE = person('U0CIRLATE1', 'Ottoline', 'Vanderpump');
const SECOND_LISTENER = person('U0CIRLIS02', 'Barnaby', 'Fitzwilliam');
const CROWD = Array.from({ length: 20 }, (_, i) => person(`U0CIRCRW${String(i).padStart(2, '0')}`, `Crowd${i}`, `Joiner${i}`));
const PEOPLE: Person[] = [COORDINATOR, FACILITATOR, SECOND_LISTENER, ...MEMBERS, LATE, ...CROWD];

const shown = (call: RecordedCall) => `${String(call.args.text ?? '')}\n${textOf(call.args.blocks)}`;
const inDm = (userId: string) => (call: RecordedCall) => call.args.channel === userId || call.args.channel === `D${userId}`;

describe.each(TEST_PROVIDERS)('circles end to end, on %s', (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };
  let circleId = '';
  /** Each participant's welcome message: its ts is their circle thread. */
  const welcomes = new Map<string, RecordedCall>();

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Harbour Circle',
      [InitiativeIds.blocks.topics]: 'Grief\nAnxiety',
      [InitiativeIds.blocks.approval]: [],
    });
    await volunteer(e2e, FACILITATOR.id, { fields: { topicLabels: ['Grief'] } });
    await volunteer(e2e, SECOND_LISTENER.id, { fields: { topicLabels: ['Anxiety'] } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** `who` runs `/peer circles`; the list modal. */
  async function listFor(who: Person): Promise<{ viewId: string; view: ModalView }> {
    const opened = await commandModal(e2e, who.id, 'circles');
    expect(opened.view.callback_id).toBe(CircleIds.listModal);
    return opened;
  }

  /** `who` clicks Join on `circle` in their list; what the modal then says, and the welcome message if any. */
  async function join(who: Person, list: { viewId: string; view: ModalView }, circle: string) {
    const since = e2e.mark();
    await clickAs(e2e, who.id, { actionId: CircleIds.join, value: circle, view: { id: list.viewId, callback_id: list.view.callback_id, private_metadata: list.view.private_metadata ?? '' } });
    const answer = await e2e.next('views.update', since, (c) => c.args.view_id === list.viewId);
    return { since, answer: asView(answer.args.view) };
  }

  /** A coordinator creates a circle through the list's button and the form. */
  async function create(fields: Record<string, string | string[]>): Promise<string> {
    const list = await listFor(COORDINATOR);
    expect(jsonOf(list.view.blocks)).toContain(CircleIds.create);
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, COORDINATOR.id, {
      actionId: CircleIds.create,
      value: initiative.id,
      view: { id: list.viewId, callback_id: list.view.callback_id, private_metadata: list.view.private_metadata ?? '' },
    });
    const pushed = await e2e.next('views.push', since, (c) => c.args.trigger_id === triggerId);
    expect(asView(pushed.args.view).title?.text).toBe(english('circles.createTitle'));
    const form = await e2e.next('views.update', since, (c) => asView(c.args.view).callback_id === CircleIds.createModal);
    const view = asView(form.args.view);
    const [grief] = optionValues(view, CircleIds.blocks.topic, ['Grief']);
    const before = await e2e.db.circle.count();
    const response = await submit(e2e, COORDINATOR.id, { viewId: String(form.args.view_id), view }, {
      [CircleIds.blocks.topic]: grief!,
      [CircleIds.blocks.description]: 'For colleagues who lost someone close.',
      [CircleIds.blocks.capacity]: '3',
      [CircleIds.blocks.weekday]: '2',
      [CircleIds.blocks.time]: '16:30',
      [CircleIds.blocks.facilitators]: [FACILITATOR.id],
      ...fields,
    });
    expect(textOf(updatedView(response).blocks)).toContain(english('circles.created', { topic: 'Grief' }));
    const row = await eventually(async () => ((await e2e.db.circle.count()) > before ? e2e.db.circle.findFirst({ orderBy: { createdAt: 'desc' } }) : null));
    return row.id;
  }

  it('a coordinator creates a circle; its facilitator gets the welcome message that opens its thread', async () => {
    const since = e2e.mark();
    circleId = await create({});
    const circle = await e2e.db.circle.findUniqueOrThrow({ where: { id: circleId }, include: { members: true, topic: true } });
    expect(circle).toMatchObject({ initiativeId: initiative.id, capacity: 3, memberCount: 0, cadence: 'weekly', weekday: 2, localTime: '16:30', status: 'open', createdBy: COORDINATOR.id });
    expect(circle.topic?.label).toBe('Grief');
    expect(circle.members).toEqual([expect.objectContaining({ userId: FACILITATOR.id, role: 'facilitator' })]);
    const welcome = await e2e.next('chat.postMessage', since, (c) => inDm(FACILITATOR.id)(c) && jsonOf(c.args.blocks).includes(CircleIds.reveal));
    welcomes.set(FACILITATOR.id, welcome);
    const member = await eventually(() => e2e.db.circleMember.findFirst({ where: { circleId, userId: FACILITATOR.id, threadTs: { not: null } } }));
    expect(shown(welcome)).toContain(member.pseudonym);
    // The notification text says nothing about the circle (a lock screen shows it).
    expect(String(welcome.args.text)).toBe(english('circles.welcome.notification'));
    const opened = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'circle_opened' } });
    expect(opened.reduce((n, c) => n + c.count, 0)).toBe(1);
  });

  it('refuses the create form to a colleague who is neither coordinator nor approved facilitator', async () => {
    const list = await listFor(LATE);
    expect(jsonOf(list.view.blocks)).not.toContain(CircleIds.create);
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, LATE.id, { actionId: CircleIds.create, value: initiative.id, view: { id: list.viewId, callback_id: list.view.callback_id } });
    await e2e.next('views.push', since, (c) => c.args.trigger_id === triggerId);
    const answer = await e2e.next('views.update', since);
    expect(textOf(asView(answer.args.view).blocks)).toContain(english('circles.notAllowed'));
  });

  it('a coordinator approves a listener as facilitator, who can then create a circle they facilitate; a colleague who is not a listener cannot be approved', async () => {
    const list = await listFor(COORDINATOR);
    expect(textOf(list.view.blocks)).toContain(english('circles.facilitatorsIn', { initiative: initiative.name, people: english('circles.facilitatorsNone') }));
    const pick = async (who: Person, picked: Person, actionId: string) => {
      const since = e2e.mark();
      await clickAs(e2e, who.id, { actionId, blockId: `${FACILITATORS_BLOCK}${initiative.id}`, selectedUser: picked.id, view: { id: list.viewId, callback_id: list.view.callback_id } });
      return textOf(asView((await e2e.next('views.update', since, (c) => c.args.view_id === list.viewId)).args.view).blocks);
    };
    expect(await pick(COORDINATOR, LATE, CircleIds.approveFacilitator)).toContain(english('circles.notAListener'));
    // Only a coordinator approves, whatever the block names.
    expect(await pick(FACILITATOR, SECOND_LISTENER, CircleIds.approveFacilitator)).toContain(english('circles.notAllowed'));
    expect((await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: SECOND_LISTENER.id } })).facilitator).toBe(false);
    expect(await pick(COORDINATOR, SECOND_LISTENER, CircleIds.approveFacilitator)).toContain(english('circles.facilitatorApproved'));
    expect((await e2e.db.listenerProfile.findFirstOrThrow({ where: { userId: SECOND_LISTENER.id } })).facilitator).toBe(true);

    // Now they may create a circle, which they facilitate themselves.
    const theirs = await listFor(SECOND_LISTENER);
    expect(jsonOf(theirs.view.blocks)).toContain(CircleIds.create);
    const since = e2e.mark();
    const { triggerId } = await clickAs(e2e, SECOND_LISTENER.id, { actionId: CircleIds.create, value: initiative.id, view: { id: theirs.viewId, callback_id: theirs.view.callback_id } });
    await e2e.next('views.push', since, (c) => c.args.trigger_id === triggerId);
    const form = await e2e.next('views.update', since, (c) => asView(c.args.view).callback_id === CircleIds.createModal);
    const view = asView(form.args.view);
    const fields = { [CircleIds.blocks.description]: 'Anxious at work? Talk it through.', [CircleIds.blocks.capacity]: '6', [CircleIds.blocks.weekday]: '4', [CircleIds.blocks.time]: '12:30' };
    // Naming someone else alone is refused: an approved listener facilitates what they create.
    expect(fieldErrorsOf(await submit(e2e, SECOND_LISTENER.id, { viewId: String(form.args.view_id), view }, { ...fields, [CircleIds.blocks.facilitators]: [FACILITATOR.id] }))).toHaveProperty(CircleIds.blocks.facilitators);
    const response = await submit(e2e, SECOND_LISTENER.id, { viewId: String(form.args.view_id), view }, { ...fields, [CircleIds.blocks.facilitators]: [SECOND_LISTENER.id] });
    expect(textOf(updatedView(response).blocks)).toContain(english('circles.created', { topic: english('circles.noTopic') }));
    const created = await e2e.db.circle.findFirstOrThrow({ where: { createdBy: SECOND_LISTENER.id }, include: { members: true } });
    expect(created.members).toEqual([expect.objectContaining({ userId: SECOND_LISTENER.id, role: 'facilitator' })]);

    // Withdrawn: no more creating (the circle they facilitate stays).
    expect(await pick(COORDINATOR, SECOND_LISTENER, CircleIds.revokeFacilitator)).toContain(english('circles.facilitatorRevoked'));
    expect(jsonOf((await listFor(SECOND_LISTENER)).view.blocks)).not.toContain(CircleIds.create);
  });

  it('lists the open circle with its places and what joining agrees to; joining is one click and records that consent', async () => {
    for (const m of MEMBERS) {
      const list = await listFor(m);
      const text = textOf(list.view.blocks);
      expect(text).toContain('For colleagues who lost someone close.');
      expect(jsonOf(list.view.blocks)).toContain(circleId);
      expect(text).toContain(english('circles.consentLead'));
      const { since, answer } = await join(m, list, circleId);
      const member = await e2e.db.circleMember.findUniqueOrThrow({ where: { circleId_userId: { circleId, userId: m.id } } });
      expect(textOf(answer.blocks)).toContain(english('circles.joined', { pseudonym: member.pseudonym }));
      welcomes.set(m.id, await e2e.next('chat.postMessage', since, (c) => inDm(m.id)(c) && jsonOf(c.args.blocks).includes(CircleIds.reveal)));
      expect(await e2e.db.consentRecord.findMany({ where: { userId: m.id, purpose: 'circle_member' } })).toEqual([
        expect.objectContaining({ action: 'given', textVersion: consentText('circle_member', 'en').version, initiativeId: initiative.id }),
      ]);
    }
    const members = await e2e.db.circleMember.findMany({ where: { circleId } });
    expect(new Set(members.map((m) => m.pseudonym)).size).toBe(4);
    expect((await e2e.db.circle.findUniqueOrThrow({ where: { id: circleId } })).memberCount).toBe(3);
    // Full: a fourth colleague no longer sees it among the open circles.
    const late = await listFor(LATE);
    expect(jsonOf(late.view.blocks)).not.toContain(circleId);
  });

  it('a message in the circle of 4 reaches the other 3 once each, under one pseudonym, with no identity anywhere', async () => {
    const [writer, ...others] = MEMBERS;
    const text = 'This week has been heavy: quiet-lantern-5521';
    const since = e2e.mark();
    const rows = await e2e.db.circleMember.findMany({ where: { circleId } });
    const thread = (p: Person) => rows.find((r) => r.userId === p.id)!.threadTs!;
    await dmFrom(e2e, writer!.id, text, { thread_ts: thread(writer!) });
    const pseudonym = rows.find((r) => r.userId === writer!.id)!.pseudonym;
    for (const p of [...others, FACILITATOR]) {
      const copy = await e2e.next('chat.postMessage', since, (c) => inDm(p.id)(c) && shown(c).includes(text));
      expect(copy.args.thread_ts).toBe(thread(p));
      expect(shown(copy)).toContain(pseudonym);
    }
    await eventually(async () => ((await e2e.db.circleRelayed.count({ where: { sourceTs: { not: '' } } })) >= 3 ? true : null));
    const copies = e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && shown(c).includes(text));
    expect(copies).toHaveLength(3);
    expect(copies.filter(inDm(writer!.id))).toEqual([]);
    // Invariant 1: nothing addressed to any participant carries another's identity, over every call of the run.
    const everyone = [...MEMBERS, FACILITATOR];
    for (const p of everyone) expect(leaksTo(e2e.slack.calls, e2e.owners, p.id, everyone.filter((o) => o !== p))).toEqual([]);
    // The coordinator never learns who joined.
    expect(leaksTo(e2e.slack.calls, e2e.owners, COORDINATOR.id, MEMBERS)).toEqual([]);
    // Invariant 2: the words are nowhere in the database.
    expect((await everyRow(e2e.db, provider)).text).not.toContain('quiet-lantern-5521');
  });

  it('crisis words: the member gets the resources, the facilitator a private note naming only the pseudonym', async () => {
    const writer = MEMBERS[1]!;
    const rows = await e2e.db.circleMember.findMany({ where: { circleId } });
    const me = rows.find((r) => r.userId === writer.id)!;
    const since = e2e.mark();
    await dmFrom(e2e, writer.id, 'I keep thinking I want to end my life', { thread_ts: me.threadTs! });
    const toMember = await e2e.next('chat.postMessage', since, (c) => inDm(writer.id)(c) && shown(c).includes('0800 123 4567'));
    expect(toMember.args.thread_ts).toBe(me.threadTs);
    const note = await e2e.next('chat.postMessage', since, (c) => inDm(FACILITATOR.id)(c) && shown(c).includes(me.pseudonym) && shown(c).includes('0800 123 4567'));
    expect(shown(note)).not.toContain('end my life');
    expect(leaksTo(e2e.slack.calls, e2e.owners, FACILITATOR.id, [writer])).toEqual([]);
    expect((await e2e.db.circleMember.findUniqueOrThrow({ where: { id: me.id } })).crisisNotedAt).not.toBeNull();
  });

  it('a session\'s prompt reaches each member once, in their circle thread, at a waking hour for them', async () => {
    const rows = await e2e.db.circleMember.findMany({ where: { circleId } });
    // Session 1 is days away: bring it to now, as the clock would.
    const past = new Date(Date.now() - 60_000);
    const due = await e2e.db.checkIn.updateMany({ where: { kind: 'circle_session', subjectId: { in: rows.map((r) => r.id) }, sequence: 1 }, data: { dueAt: past, deliverAt: past } });
    expect(due.count).toBe(4);
    const since = e2e.mark();
    const prompt = english('circles.field.promptDefault');
    const awake = [FACILITATOR, MEMBERS[0]!, MEMBERS[1]!];
    for (const p of awake) {
      const call = await e2e.next('chat.postMessage', since, (c) => inDm(p.id)(c) && shown(c).includes(prompt), 10_000);
      expect(call.args.thread_ts).toBe(rows.find((r) => r.userId === p.id)!.threadTs);
    }
    const asleep = rows.find((r) => r.userId === MEMBERS[2]!.id)!;
    // The sleeper's prompt waits for their morning; the others' next session is scheduled.
    const waiting = await eventually(() => e2e.db.checkIn.findFirst({ where: { subjectId: asleep.id, sequence: 1, deliverAt: { gt: new Date() } } }), 10_000);
    expect(waiting.status).toBe('scheduled');
    for (const r of rows.filter((r) => r.userId !== asleep.userId)) {
      await eventually(() => e2e.db.checkIn.findFirst({ where: { subjectId: r.id, sequence: 2, status: 'scheduled' } }), 10_000);
    }
    expect(e2e.slack.calls.slice(since).filter((c) => inDm(MEMBERS[2]!.id)(c) && shown(c).includes(prompt))).toEqual([]);
    for (const p of awake) expect(e2e.slack.calls.slice(since).filter((c) => inDm(p.id)(c) && shown(c).includes(prompt))).toHaveLength(1);
    // One session held, whatever the number of members.
    expect(await e2e.db.circleSession.count({ where: { circleId } })).toBe(1);
    const held = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'circle_session_held' } });
    expect(held.reduce((n, c) => n + c.count, 0)).toBe(1);
  });

  it('leaving is one click, takes effect at once, withdraws consent and frees the place', async () => {
    const leaver = MEMBERS[2]!;
    const welcome = welcomes.get(leaver.id)!;
    const since = e2e.mark();
    await clickAs(e2e, leaver.id, { actionId: CircleIds.leave, value: buttonValue(welcome.args.blocks, CircleIds.leave), channelId: `D${leaver.id}` });
    await e2e.next('chat.postMessage', since, (c) => inDm(leaver.id)(c) && shown(c).includes(english('circles.left')));
    expect(await e2e.db.circleMember.count({ where: { circleId, userId: leaver.id } })).toBe(0);
    expect((await e2e.db.circle.findUniqueOrThrow({ where: { id: circleId } })).memberCount).toBe(2);
    expect((await e2e.db.consentRecord.findMany({ where: { userId: leaver.id, purpose: 'circle_member' }, orderBy: { createdAt: 'asc' } })).map((r) => r.action)).toEqual(['given', 'withdrawn']);
    // Nothing more reaches them: a message now goes to the two others and the facilitator only.
    const rows = await e2e.db.circleMember.findMany({ where: { circleId } });
    const writer = rows.find((r) => r.userId === MEMBERS[0]!.id)!;
    const after = e2e.mark();
    await dmFrom(e2e, MEMBERS[0]!.id, 'Thank you all: amber-finch-3307', { thread_ts: writer.threadTs! });
    await e2e.next('chat.postMessage', after, (c) => inDm(FACILITATOR.id)(c) && shown(c).includes('amber-finch-3307'));
    await e2e.next('chat.postMessage', after, (c) => inDm(MEMBERS[1]!.id)(c) && shown(c).includes('amber-finch-3307'));
    expect(e2e.slack.calls.slice(after).filter((c) => inDm(leaver.id)(c) && shown(c).includes('amber-finch-3307'))).toEqual([]);
    // The freed place shows again.
    expect(jsonOf((await listFor(LATE)).view.blocks)).toContain(circleId);
  });

  it('20 colleagues joining a circle of 5 at once: exactly 5 get in, the rest are told it is full', async () => {
    const crowdCircle = await create({ [CircleIds.blocks.capacity]: '5', [CircleIds.blocks.description]: 'A crowded circle.' });
    // The lists one after another (each modal is told apart by the order of its updates), then the joins at once.
    const lists: { viewId: string; view: ModalView }[] = [];
    for (const p of CROWD) lists.push(await listFor(p));
    expect(new Set(lists.map((l) => l.viewId)).size).toBe(CROWD.length);
    const answers = await Promise.all(CROWD.map((p, i) => join(p, lists[i]!, crowdCircle)));
    const texts = answers.map((a) => textOf(a.answer.blocks));
    expect(texts.filter((t) => t.includes(english('circles.full')))).toHaveLength(15);
    expect(await e2e.db.circleMember.count({ where: { circleId: crowdCircle, role: 'member' } })).toBe(5);
    expect((await e2e.db.circle.findUniqueOrThrow({ where: { id: crowdCircle } })).memberCount).toBe(5);
    expect(await e2e.db.consentRecord.count({ where: { purpose: 'circle_member', userId: { in: CROWD.map((p) => p.id) } } })).toBe(5);
  });

  it('erasure removes a member\'s circle data and frees their place', async () => {
    const subject = MEMBERS[0]!;
    expect(await e2e.db.circleMember.count({ where: { userId: subject.id } })).toBe(1);
    const confirm = await commandModal(e2e, subject.id, 'delete-my-data');
    expect(confirm.view.callback_id).toBe(MyDataIds.confirmModal);
    const since = e2e.mark();
    expect((await submit(e2e, subject.id, confirm)).status).toBe(200);
    await e2e.next('chat.postMessage', since, (c) => c.args.channel === subject.id && c.args.text === english('myData.erased'));
    expect(await e2e.db.circleMember.count({ where: { userId: subject.id } })).toBe(0);
    expect(await e2e.db.consentRecord.count({ where: { userId: subject.id } })).toBe(0);
    expect(await e2e.db.checkIn.count({ where: { recipientId: subject.id } })).toBe(0);
    expect((await e2e.db.circle.findUniqueOrThrow({ where: { id: circleId } })).memberCount).toBe(1);
    expect((await everyRow(e2e.db, provider)).text).not.toContain(subject.id);
  });
});
