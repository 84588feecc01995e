import { describe, expect, it } from 'vitest';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { CONSENT_TEXTS, consentText } from '../../../src/domain/consent.js';
import type { PersonLanguages } from '../../../src/features/common/person-language.js';
import * as invitationCopy from '../../../src/features/initiatives/invitation-copy.js';
import { InitiativeIds } from '../../../src/features/initiatives/ids.js';
import { setupInputSchema, type InitiativeSettings } from '../../../src/features/initiatives/input.js';
import {
  answerInvitation,
  expireInvitations,
  INVITATION_DAYS,
  recordInvitationMessage,
} from '../../../src/features/initiatives/invitations.js';
import { createInitiative, mayCreateInitiative, peopleOf, updateInitiative } from '../../../src/features/initiatives/service.js';
import { collectMyData, eraseMyData } from '../../../src/features/my-data/service.js';
import { sendOutbox } from '../../../src/outbox/send.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import type { RecordedCall } from '../../../src/simulator/web-api.js';
import { serviceWorld } from '../../support/service-world.js';

// Invitations as server records (issue 13), on real databases against the fake Slack, with a fixed clock:
// stored with the initiative change, sent through the outbox with only their id on the buttons,
// answered only by the invited person while they stand, withdrawn when edited out, closed after 14 days.

const DAY = 24 * 60 * 60 * 1000;
const START = '2026-03-02T10:00:00Z';

describe.each(TEST_PROVIDERS)('invitations on %s', (provider) => {
  const world = serviceWorld(provider, { start: START, sender: 'bulk', token: 'xoxb-invitations-test' });
  const { clock, deps } = world;
  let n = 0;
  const ids = () => {
    n += 1;
    return { workspaceId: `TINV${provider.slice(0, 2).toUpperCase()}${n}`, coordinator: `UCOORD${n}`, hr: `UHRVIEW${n}`, second: `USECOND${n}`, other: `UOTHER${n}` };
  };

  function settings(overrides: Partial<InitiativeSettings> = {}): InitiativeSettings {
    return {
      name: 'Peer Support <Circle>',
      description: 'Colleagues listening to colleagues.',
      topics: ['Anxiety', 'Bereavement'],
      resources: 'Call the EAP line.',
      guidelines: 'Listen kindly.',
      approvalRequired: false,
      minGroupSize: 5,
      retentionDays: 90,
      firstCheckInDays: 7,
      checkInEveryDays: 14,
      waitingUpdateEveryDays: 3,
      reviewAfterWeeks: 6,
      coordinatorIds: [],
      hrViewerIds: [],
      ...overrides,
    };
  }

  async function created(who: ReturnType<typeof ids>, overrides: Partial<InitiativeSettings>) {
    const result = await createInitiative(deps(), { workspaceId: who.workspaceId, actorId: who.coordinator, settings: settings(overrides), consentGiven: true });
    if (result.kind !== 'created') throw new Error('not created');
    return result;
  }

  const send = (outboxIds: string[]) => sendOutbox(world.sender, deps(), { owner: 'test', ids: outboxIds });
  const dmTo = (userId: string) => (c: RecordedCall) => c.method === 'chat.postMessage' && c.args.channel === userId;
  const acceptValue = (call: RecordedCall) => {
    const blocks = call.args.blocks as { elements?: { action_id?: string; value?: string }[] }[];
    return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === InitiativeIds.acceptRole)?.value;
  };

  it('stores one invitation per new invitee with the initiative, and sends each DM through the outbox with only its id on the buttons', async () => {
    const who = ids();
    const result = await created(who, { coordinatorIds: [who.second, who.coordinator], hrViewerIds: [who.hr] });
    expect(result.invited).toBe(2);
    const rows = await world.db.invitation.findMany({ where: { initiativeId: result.initiative.id }, orderBy: { role: 'asc' } });
    expect(rows.map((r) => ({ role: r.role, inviteeId: r.inviteeId, createdAt: r.createdAt.toISOString(), channel: r.channel }))).toEqual([
      { role: 'coordinator', inviteeId: who.second, createdAt: new Date(START).toISOString(), channel: null },
      { role: 'hr_viewer', inviteeId: who.hr, createdAt: new Date(START).toISOString(), channel: null },
    ]);
    // Nothing else about them: no membership, no consent record.
    expect(await world.db.initiativeMember.count({ where: { userId: { in: [who.second, who.hr] } } })).toBe(0);
    expect(await world.db.consentRecord.count({ where: { userId: { in: [who.second, who.hr] } } })).toBe(0);

    expect((await send(result.outboxIds)).sent).toBe(2);
    const dm = world.slack.calls.find(dmTo(who.hr))!;
    expect(acceptValue(dm)).toBe(rows[1]!.id);
    // The initiative's name is shown as text, not as markup.
    expect(String(dm.args.text)).toContain('Peer Support &lt;Circle&gt;');
    const sent = await world.db.invitation.findUniqueOrThrow({ where: { id: rows[1]!.id } });
    expect(sent.channel).toBeTruthy();
    expect(sent.messageTs).toBeTruthy();
  });

  it('grants the role only to the invited person: consent recorded with the role as purpose, the invitation deleted, a second click finds nothing', async () => {
    const who = ids();
    const result = await created(who, { hrViewerIds: [who.hr] });
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.hr } });

    const forged = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.other, accept: true });
    expect(forged.kind).toBe('not-yours');
    const otherWorkspace = await answerInvitation(deps(), { workspaceId: 'TELSEWHERE', invitationId: invitation.id, userId: who.hr, accept: true });
    expect(otherWorkspace.kind).toBe('gone');
    for (const value of [who.hr, result.initiative.id, JSON.stringify({ initiativeId: result.initiative.id, role: 'hr_viewer', userId: who.other })]) {
      expect((await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: value, userId: who.other, accept: true })).kind).toBe('gone');
    }
    expect(await world.db.initiativeMember.count({ where: { userId: who.other } })).toBe(0);
    expect(await world.db.consentRecord.count({ where: { userId: who.other } })).toBe(0);

    clock.advance(60_000);
    const accepted = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.hr, accept: true });
    // Its DM was never sent, so no language is stored: the English consent text's version is recorded.
    expect(accepted).toEqual({ kind: 'accepted', role: 'hr_viewer', initiativeId: result.initiative.id, initiativeName: 'Peer Support <Circle>', language: null });
    expect(await world.db.initiativeMember.findMany({ where: { userId: who.hr }, select: { role: true, initiativeId: true } })).toEqual([
      { role: 'hr_viewer', initiativeId: result.initiative.id },
    ]);
    const consent = await world.db.consentRecord.findFirstOrThrow({ where: { userId: who.hr } });
    expect(consent).toMatchObject({ purpose: 'hr_viewer', action: 'given', textVersion: CONSENT_TEXTS.hr_viewer.version, surface: 'message:invitation' });
    expect(await world.db.invitation.count({ where: { id: invitation.id } })).toBe(0);

    const again = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.hr, accept: true });
    expect(again.kind).toBe('gone');
    expect(await world.db.consentRecord.count({ where: { userId: who.hr } })).toBe(1);
  });

  it('deletes a declined invitation and stores nothing about the person', async () => {
    const who = ids();
    await created(who, { coordinatorIds: [who.second] });
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.second } });
    expect((await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.second, accept: false })).kind).toBe('declined');
    expect(await world.db.invitation.count({ where: { inviteeId: who.second } })).toBe(0);
    expect(await world.db.initiativeMember.count({ where: { userId: who.second } })).toBe(0);
    expect(await world.db.consentRecord.count({ where: { userId: who.second } })).toBe(0);
  });

  it("words each DM in the invitee's language and stores it: accepting records the consent text they read, and a withdrawal is worded in it", async () => {
    const who = ids();
    const result = await created(who, { coordinatorIds: [who.second], hrViewerIds: [who.hr] });
    // The HR viewer's Slack speaks German, the second coordinator's Spanish.
    const spoken = { [who.hr]: 'de', [who.second]: 'es' } as const;
    const languages: PersonLanguages = { of: async (_client, userId) => spoken[userId as keyof typeof spoken] ?? 'en', forget: () => {} };
    expect((await sendOutbox(world.sender, { ...deps(), languages }, { owner: 'test', ids: result.outboxIds })).sent).toBe(2);

    const de = translatorFor('de');
    const dm = world.slack.calls.find(dmTo(who.hr))!;
    expect(dm.args.text).toBe(invitationCopy.invitationText(de, who.coordinator, 'hr_viewer', 'Peer Support <Circle>'));
    expect(JSON.stringify(dm.args.blocks)).toContain(JSON.stringify(consentText('hr_viewer', 'de').text).slice(1, -1));
    expect(JSON.stringify(dm.args.blocks)).toContain(de('invitations.accept'));
    const rows = await world.db.invitation.findMany({ where: { initiativeId: result.initiative.id }, orderBy: { role: 'asc' } });
    expect(rows.map((r) => ({ inviteeId: r.inviteeId, language: r.language }))).toEqual([
      { inviteeId: who.second, language: 'es' },
      { inviteeId: who.hr, language: 'de' },
    ]);

    const accepted = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: rows[1]!.id, userId: who.hr, accept: true });
    expect(accepted).toMatchObject({ kind: 'accepted', language: 'de' });
    const consent = await world.db.consentRecord.findFirstOrThrow({ where: { userId: who.hr } });
    expect(consent.textVersion).toBe(consentText('hr_viewer', 'de').version);
    expect(consent.textVersion).not.toBe(CONSENT_TEXTS.hr_viewer.version);

    world.slack.reset();
    const edited = await updateInitiative(deps(), {
      workspaceId: who.workspaceId,
      initiativeId: result.initiative.id,
      actorId: who.coordinator,
      settings: settings({ coordinatorIds: [who.coordinator], hrViewerIds: [who.hr] }),
      consentGiven: false,
    });
    if (edited.kind !== 'updated') throw new Error(edited.kind);
    expect(edited.withdrawn).toBe(1);
    // Worded when it closed, from the stored language: nobody's Slack is asked again.
    expect((await send(edited.outboxIds)).sent).toBe(1);
    const update = world.slack.calls.find((c) => c.method === 'chat.update')!;
    expect(update.args).toMatchObject({ channel: rows[0]!.channel, ts: rows[0]!.messageTs, text: invitationCopy.invitationWithdrawn(translatorFor('es'), 'coordinator', 'Peer Support <Circle>') });
  });

  it('withdraws the invitation of someone edited out before they answer, replaces their DM, and lets the old button grant nothing', async () => {
    const who = ids();
    const result = await created(who, { hrViewerIds: [who.hr] });
    await send(result.outboxIds);
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.hr } });
    // The edit form lists them (pending) so that saving it unchanged keeps the invitation.
    expect(await peopleOf(world.db, result.initiative.id, clock.now())).toEqual({ coordinators: [who.coordinator], hrViewers: [who.hr] });
    const unchanged = await updateInitiative(deps(), {
      workspaceId: who.workspaceId,
      initiativeId: result.initiative.id,
      actorId: who.coordinator,
      settings: settings({ coordinatorIds: [who.coordinator], hrViewerIds: [who.hr] }),
      consentGiven: false,
    });
    expect(unchanged).toMatchObject({ kind: 'updated', invited: 0, withdrawn: 0, outboxIds: [] });

    const edited = await updateInitiative(deps(), {
      workspaceId: who.workspaceId,
      initiativeId: result.initiative.id,
      actorId: who.coordinator,
      settings: settings({ coordinatorIds: [who.coordinator], hrViewerIds: [] }),
      consentGiven: false,
    });
    if (edited.kind !== 'updated') throw new Error(edited.kind);
    expect(edited.withdrawn).toBe(1);
    expect(await world.db.invitation.count({ where: { inviteeId: who.hr } })).toBe(0);
    world.slack.reset();
    expect((await send(edited.outboxIds)).sent).toBe(1);
    const update = world.slack.calls.find((c) => c.method === 'chat.update')!;
    expect(update.args).toMatchObject({ channel: invitation.channel, ts: invitation.messageTs, text: invitationCopy.invitationWithdrawn(english, 'hr_viewer', 'Peer Support <Circle>') });
    // The name is escaped once, where it enters mrkdwn.
    expect(String(update.args.text)).toContain('*Peer Support &lt;Circle&gt;*');

    const late = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.hr, accept: true });
    expect(late.kind).toBe('gone');
    expect(await world.db.initiativeMember.count({ where: { userId: who.hr } })).toBe(0);
    expect(await world.db.consentRecord.count({ where: { userId: who.hr } })).toBe(0);
  });

  /** The send recording where `who`'s HR viewer invitation DM went (at `ts`, worded in `language`). */
  function recordHrViewerDm(who: ReturnType<typeof ids>, at: { invitationId: string; initiativeId: string }, ts: string, language: 'en' | 'es') {
    return world.db.$transaction((tx) =>
      recordInvitationMessage(tx, clock.now(), {
        ...at,
        workspaceId: who.workspaceId,
        inviteeId: who.hr,
        role: 'hr_viewer',
        initiativeName: 'Peer Support <Circle>',
        channel: `D${who.hr}`,
        ts,
        language,
      }),
    );
  }

  it('sends no DM for an invitation withdrawn before its DM went out, and replaces a DM that was on its way', async () => {
    const who = ids();
    const result = await created(who, { hrViewerIds: [who.hr] });
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.hr } });
    await updateInitiative(deps(), {
      workspaceId: who.workspaceId,
      initiativeId: result.initiative.id,
      actorId: who.coordinator,
      settings: settings(),
      consentGiven: false,
    });
    const report = await send(result.outboxIds);
    expect(report.sent).toBe(0);
    expect(report.cancelled).toBe(1);
    expect(world.slack.calls.filter(dmTo(who.hr))).toHaveLength(0);

    // The DM was posted while the withdrawal committed: recording it replaces it at once.
    expect(await recordHrViewerDm(who, { invitationId: invitation.id, initiativeId: result.initiative.id }, '1700000000.000100', 'es')).toBeUndefined();
    const row = await world.db.outboxMessage.findFirstOrThrow({ where: { recipientId: who.hr, kind: 'invitation_closed' } });
    // Replaced in the language the DM was worded in.
    const withdrawn = invitationCopy.invitationWithdrawn(translatorFor('es'), 'hr_viewer', 'Peer Support <Circle>');
    expect(JSON.parse(row.args)).toMatchObject({ channel: `D${who.hr}`, ts: '1700000000.000100', message: { text: withdrawn } });
  });

  it('leaves the DM of an invitation accepted before the DM was recorded as the answer made it', async () => {
    const who = ids();
    const result = await created(who, { hrViewerIds: [who.hr] });
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.hr } });
    // The person clicks Accept the moment the DM appears, before the send has recorded where it went.
    expect((await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.hr, accept: true })).kind).toBe('accepted');
    await recordHrViewerDm(who, { invitationId: invitation.id, initiativeId: result.initiative.id }, '1700000000.000200', 'en');
    // No "withdrawn" replacing the answer they were shown: they hold the role.
    expect(await world.db.outboxMessage.count({ where: { recipientId: who.hr, kind: 'invitation_closed' } })).toBe(0);
    expect(await world.db.initiativeMember.count({ where: { userId: who.hr, role: 'hr_viewer' } })).toBe(1);
  });

  it('records a withdrawal when an existing member is removed from the form', async () => {
    const who = ids();
    const result = await created(who, { coordinatorIds: [who.second] });
    const invitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.second } });
    await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: invitation.id, userId: who.second, accept: true });
    clock.advance(DAY);
    const edited = await updateInitiative(deps(), {
      workspaceId: who.workspaceId,
      initiativeId: result.initiative.id,
      actorId: who.coordinator,
      settings: settings({ coordinatorIds: [who.coordinator] }),
      consentGiven: false,
    });
    expect(edited).toMatchObject({ kind: 'updated', removedMembers: [who.second] });
    expect(await world.db.initiativeMember.count({ where: { userId: who.second } })).toBe(0);
    const records = await world.db.consentRecord.findMany({ where: { userId: who.second }, orderBy: { createdAt: 'asc' } });
    expect(records.map((r) => ({ purpose: r.purpose, action: r.action, surface: r.surface }))).toEqual([
      { purpose: 'coordinator', action: 'given', surface: 'message:invitation' },
      { purpose: 'coordinator', action: 'withdrawn', surface: 'coordinator:removed' },
    ]);
  });

  it('deletes invitations unanswered after 14 days and replaces their DMs; an expired one grants nothing even before that runs', async () => {
    const who = ids();
    const result = await created(who, { coordinatorIds: [who.second], hrViewerIds: [who.hr] });
    await send(result.outboxIds);
    const hrInvitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.hr } });
    const secondInvitation = await world.db.invitation.findFirstOrThrow({ where: { inviteeId: who.second } });
    // Other tests' invitations share this database and were made at the same time: start from none.
    await world.db.invitation.deleteMany({ where: { initiativeId: { not: result.initiative.id } } });

    clock.set(new Date(new Date(START).getTime() + INVITATION_DAYS * DAY - 60_000));
    expect((await expireInvitations(deps())).expired).toBe(0);
    expect(await world.db.invitation.count({ where: { initiativeId: result.initiative.id } })).toBe(2);

    clock.set(new Date(new Date(START).getTime() + INVITATION_DAYS * DAY));
    // Past 14 days the button grants nothing, even though the job has not run yet.
    const late = await answerInvitation(deps(), { workspaceId: who.workspaceId, invitationId: hrInvitation.id, userId: who.hr, accept: true });
    expect(late.kind).toBe('gone');
    expect(await world.db.initiativeMember.count({ where: { userId: who.hr } })).toBe(0);

    world.slack.reset();
    const expired = await expireInvitations(deps());
    expect(expired.expired).toBe(1);
    expect(await world.db.invitation.count({ where: { initiativeId: result.initiative.id } })).toBe(0);
    expect((await send(expired.outboxIds)).sent).toBe(1);
    const update = world.slack.calls.find((c) => c.method === 'chat.update')!;
    expect(update.args).toMatchObject({
      channel: secondInvitation.channel,
      ts: secondInvitation.messageTs,
      text: invitationCopy.invitationExpired(english, 'coordinator', 'Peer Support <Circle>'),
    });
    // A second run (another process, or the next tick) finds nothing to do.
    expect((await expireInvitations(deps())).expired).toBe(0);
  });

  it('lists pending invitations in my data, and erasure deletes them', async () => {
    const who = ids();
    await created(who, { hrViewerIds: [who.hr] });
    const mine = await collectMyData(world.db, who.workspaceId, who.hr, clock.now());
    expect(mine.invitations).toEqual([{ initiative: 'Peer Support <Circle>', role: 'hr_viewer', invitedAt: new Date(START).toISOString(), language: null }]);
    await eraseMyData(deps(), who.workspaceId, who.hr);
    expect(await world.db.invitation.count({ where: { inviteeId: who.hr } })).toBe(0);
    expect((await collectMyData(world.db, who.workspaceId, who.hr, clock.now())).invitations).toEqual([]);
  });

  it('lets INITIATIVE_CREATORS, coordinators and admins create initiatives, asking Slack only when nothing stored allows it', async () => {
    const who = ids();
    let asked = 0;
    const admin = (answer: boolean) => async () => {
      asked += 1;
      return answer;
    };
    const check = (userId: string, creators: string[], isAdmin: boolean) =>
      mayCreateInitiative(world.db, { workspaceId: who.workspaceId, userId, creators, isAdminOrOwner: admin(isAdmin) });

    expect(await check(who.other, [who.other], false)).toEqual({ kind: 'allowed', because: 'listed' });
    expect(asked).toBe(0);
    await created(who, {});
    expect(await check(who.coordinator, [], false)).toEqual({ kind: 'allowed', because: 'coordinator' });
    expect(asked).toBe(0);
    expect(await check(who.other, [], true)).toEqual({ kind: 'allowed', because: 'admin' });
    expect(await check(who.other, ['UCREATOR1'], false)).toEqual({ kind: 'refused', creators: ['UCREATOR1'] });
    // A coordinator in another workspace is not a coordinator here.
    expect((await mayCreateInitiative(world.db, { workspaceId: 'TELSEWHERE', userId: who.coordinator, creators: [], isAdminOrOwner: admin(false) })).kind).toBe('refused');
  });

  it('refuses a new initiative without consent, and an edit by a coordinator whose consent is to an older text unless they tick the box again', async () => {
    const who = ids();
    const refused = await createInitiative(deps(), { workspaceId: who.workspaceId, actorId: who.coordinator, settings: settings(), consentGiven: false });
    expect(refused.kind).toBe('consent-needed');
    expect(await world.db.initiative.count({ where: { workspaceId: who.workspaceId } })).toBe(0);

    const result = await created(who, {});
    await world.db.consentRecord.updateMany({ where: { userId: who.coordinator }, data: { textVersion: 'coordinator-0000000000' } });
    clock.advance(60_000);
    const edit = (consentGiven: boolean) =>
      updateInitiative(deps(), {
        workspaceId: who.workspaceId,
        initiativeId: result.initiative.id,
        actorId: who.coordinator,
        settings: settings({ name: 'Renamed' }),
        consentGiven,
      });
    expect((await edit(false)).kind).toBe('consent-needed');
    expect((await world.db.initiative.findUniqueOrThrow({ where: { id: result.initiative.id } })).name).toBe('Peer Support <Circle>');
    expect((await edit(true)).kind).toBe('updated');
    const latest = await world.db.consentRecord.findFirstOrThrow({ where: { userId: who.coordinator }, orderBy: { createdAt: 'desc' } });
    expect(latest.textVersion).toBe(CONSENT_TEXTS.coordinator.version);
  });
});

describe('the setup form\'s pickers', () => {
  const B = InitiativeIds.blocks;
  const form = (people: number) => ({
    [B.name]: 'Circle',
    [B.description]: 'A circle.',
    [B.topics]: 'Anxiety',
    [B.resources]: 'Employee assistance line: 0800 123 4567',
    [B.guidelines]: 'Be kind.',
    [B.approval]: [],
    [B.coordinators]: Array.from({ length: people }, (_, i) => `UPERSON${i}`),
    [B.hrViewers]: Array.from({ length: people }, (_, i) => `UHR${i}`),
    [B.minGroupSize]: '5',
    [B.retentionDays]: '90',
    [B.firstCheckInDays]: '7',
    [B.checkInEveryDays]: '14',
    [B.consent]: [],
  });

  it('accepts 10 people in each picker and refuses 11, with the error on each field', () => {
    expect(setupInputSchema(false, english).safeParse(form(10)).success).toBe(true);
    const parsed = setupInputSchema(false, english).safeParse(form(11));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => ({ field: i.path[0], message: i.message }));
    expect(paths).toEqual([
      { field: B.coordinators, message: english('setup.error.tooManyPeople', { max: 10 }) },
      { field: B.hrViewers, message: english('setup.error.tooManyPeople', { max: 10 }) },
    ]);
  });
});
