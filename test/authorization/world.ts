import { CONSENT_TEXTS, type ConsentPurpose } from '../../src/domain/consent.js';
import type { Db } from '../../src/db/client.js';
import { makeInitiative, makeListener } from '../support/factories.js';

// The one world every cell of the authorization matrix acts on: an initiative with its people in every
// relation a cell can name, written straight to the database (no use case runs), so the matrix does not
// depend on how the flows that made them work today.

export const NOW = '2026-03-02T10:00:00Z';
export const TEAM = 'T0FAKE0001';
export const OTHER_TEAM = 'T0OTHER001';

/** The roles of the matrix: who the acting person is, relative to the thing they act on. */
export const ROLES = [
  'anyone',
  'seeker',
  'listener',
  'otherSide',
  'coordinator',
  'hrViewer',
  'otherCoordinator',
  'removedMember',
  'revokedInvitee',
  'invitee',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  anyone: 'a colleague with no relation to anything',
  seeker: 'the seeker of the request and the pairing (S); a member of circle K (Lark), and of a circle in another workspace',
  listener: 'the listener of the pairing, offered the open request (L); approved as facilitator, facilitator of circle K (Kestrel) and of a circle in another workspace',
  otherSide: 'the listener of another pairing in the same initiative (L2, who talks with S2)',
  coordinator: 'a coordinator of the initiative (C), who created circle K',
  hrViewer: 'an HR viewer of the initiative (H)',
  otherCoordinator: 'the coordinator of another initiative in the workspace (X)',
  removedMember: 'a former coordinator, removed from the initiative (R)',
  revokedInvitee: 'a colleague whose HR-viewer invitation was revoked before they answered (V)',
  invitee: 'a colleague with a standing coordinator invitation (I)',
  admin: 'a workspace admin (W; users.info says is_admin), whose only row is an expired HR-viewer invitation',
};

export const USERS = {
  anyone: 'U0ANYONE01',
  seeker: 'U0SEEKER01',
  listener: 'U0LISTEN01',
  otherSide: 'U0OTHERL01',
  coordinator: 'U0COORD001',
  hrViewer: 'U0HRVIEW01',
  otherCoordinator: 'U0XCOORD01',
  removedMember: 'U0REMOVE01',
  revokedInvitee: 'U0REVOKE01',
  invitee: 'U0INVITE01',
  admin: 'U0ADMIN001',
  /** Not roles of the matrix, but people in the world. */
  otherSeeker: 'U0OTHERS01',
  pendingListener: 'U0PENDNG01',
  /** An active listener of A with no topics (never offered a request), not approved as facilitator (issue 20). */
  newListener: 'U0NEWLST01',
  outsider: 'U0OUTSIDE1',
} as const satisfies Record<Role | 'otherSeeker' | 'pendingListener' | 'newListener' | 'outsider', string>;

export const ADMINS: readonly string[] = [USERS.admin];


/** The DM channel the world uses for each person: `D` + their user id. */
export const dm = (userId: string) => `D${userId}`;

export interface World {
  initiative: { id: string; name: string; resources: string; anxietyTopicId: string; bereavementTopicId: string };
  otherInitiative: { id: string; name: string; topicId: string };
  /** An initiative in another workspace: ids from there must be worth nothing here. */
  foreignInitiative: { id: string; name: string; resources: string };
  listenerProfileId: string;
  otherListenerProfileId: string;
  pendingProfileId: string;
  /** S's request, on offer to L. */
  openRequestId: string;
  /** S's request behind pairing P. */
  pairedRequestId: string;
  /** S2's request behind pairing P2. */
  otherPairedRequestId: string;
  offerId: string;
  pairing: { id: string; seekerThreadTs: string; listenerThreadTs: string };
  otherPairing: { id: string; seekerThreadTs: string; listenerThreadTs: string };
  /** Sent, unanswered check-ins of pairing P: S's, and L's own (about L, not P: one per listener). */
  seekerCheckInId: string;
  listenerCheckInId: string;
  /** Sent, unanswered planned-ending questions of pairing P ("keep going?"), to S and to L. */
  seekerReviewCheckInId: string;
  listenerReviewCheckInId: string;
  /** A sent check-in of pairing P2, to S2. */
  otherSeekerCheckInId: string;
  /** A message S wrote (source) and its relayed copy in L's DM (mirror). */
  seekerMessage: { sourceTs: string; mirrorTs: string };
  /** A message L wrote and its relayed copy in S's DM. */
  listenerMessage: { sourceTs: string; mirrorTs: string };
  invitationId: string;
  /** W's HR-viewer invitation, 15 days old: expired, not yet pruned by the scheduler. */
  expiredInvitationId: string;
  /** I's invitation to an initiative of another workspace. */
  foreignInvitationId: string;
  /** The id the revoked invitation had; its row is gone. */
  revokedInvitationId: string;
  /** A concern S raised in pairing P, as Otter, about L (issue 15): coordinators of A may reply to it. */
  reportId: string;
  /** NL's profile: an active listener of A, not (yet) approved as facilitator. */
  newListenerProfileId: string;
  /**
   * Issue 20: circle K in A (topic Anxiety), created by C, open, 1 member of 5 places. L (approved as
   * facilitator on their profile) facilitates it as Kestrel; S is its member as Lark, with consent and a
   * welcome thread each; both have their first session prompt scheduled. S wrote one message in it,
   * whose copy is in L's welcome thread.
   */
  circle: {
    id: string;
    facilitatorPseudonym: string;
    memberPseudonym: string;
    seekerThreadTs: string;
    listenerThreadTs: string;
    /** S's message in K (in S's DM) and its copy in L's DM. */
    seekerMessage: { sourceTs: string; mirrorTs: string };
  };
  /** A circle of A that C closed (no one left in it). */
  closedCircleId: string;
  /**
   * A circle in the other workspace's initiative, facilitated by its coordinator (Osprey) and by L
   * (Plover), with S as member (Finch): user ids are shared across an Enterprise Grid's workspaces.
   */
  foreignCircle: { id: string; facilitatorPseudonym: string; listenerPseudonym: string; memberPseudonym: string; seekerThreadTs: string };
}

export async function buildWorld(db: Db): Promise<World> {
  const now = new Date(NOW);
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const consent = (userId: string, initiativeId: string, purpose: ConsentPurpose, action: 'given' | 'withdrawn', at: Date, textVersion?: string) =>
    db.consentRecord.create({
      data: { workspaceId: TEAM, userId, initiativeId, purpose, action, textVersion: textVersion ?? CONSENT_TEXTS[purpose].version, surface: 'test:world', createdAt: at },
    });

  const a = await makeInitiative(db, { workspaceId: TEAM, topics: ['Anxiety', 'Bereavement'], approvalRequired: true });
  await db.initiative.update({ where: { id: a.id }, data: { name: 'Peer Support Matrix', resources: 'Call the EAP line on 0800 111 222.' } });
  const b = await makeInitiative(db, { workspaceId: TEAM, topics: ['Stress'], approvalRequired: false, coordinatorId: USERS.otherCoordinator });
  await db.initiative.update({ where: { id: b.id }, data: { name: 'Other Circle', resources: 'Other circle resources: 0800 333 444.' } });
  const z = await makeInitiative(db, { workspaceId: OTHER_TEAM, topics: ['Anxiety'], coordinatorId: USERS.outsider });
  await db.initiative.update({ where: { id: z.id }, data: { name: 'Foreign Workspace Initiative', resources: 'Foreign resources 0999 999.' } });
  const [anxiety, bereavement] = a.topics;

  await db.initiativeMember.createMany({
    data: [
      { initiativeId: a.id, userId: USERS.coordinator, role: 'coordinator', createdAt: ago(24 * 30) },
      { initiativeId: a.id, userId: USERS.hrViewer, role: 'hr_viewer', createdAt: ago(24 * 30) },
    ],
  });
  await consent(USERS.coordinator, a.id, 'coordinator', 'given', ago(24 * 30));
  await consent(USERS.hrViewer, a.id, 'hr_viewer', 'given', ago(24 * 30));
  await consent(USERS.otherCoordinator, b.id, 'coordinator', 'given', ago(24 * 30));
  // R was a coordinator and was removed: the consent log shows both, and no membership is left.
  await consent(USERS.removedMember, a.id, 'coordinator', 'given', ago(24 * 30));
  await consent(USERS.removedMember, a.id, 'coordinator', 'withdrawn', ago(24 * 2));

  // L agreed to an older consent text: the listen form must ask again, whatever the form says.
  const listener = await makeListener(db, { initiativeId: a.id, userId: USERS.listener, topicIds: [anxiety!.id, bereavement!.id], capacity: 3 });
  await consent(USERS.listener, a.id, 'listener', 'given', ago(24 * 60), 'listener-text-before-the-last-change');
  const otherListener = await makeListener(db, { initiativeId: a.id, userId: USERS.otherSide, topicIds: [anxiety!.id], capacity: 2, status: 'paused' });
  await consent(USERS.otherSide, a.id, 'listener', 'given', ago(24 * 60));
  const pending = await makeListener(db, { initiativeId: a.id, userId: USERS.pendingListener, topicIds: [anxiety!.id], status: 'pending' });
  await consent(USERS.pendingListener, a.id, 'listener', 'given', ago(24));
  await db.listenerProfile.update({ where: { id: listener.id }, data: { reservedSlots: 2, approvedAt: ago(24 * 60), createdAt: ago(24 * 60) } });
  await db.listenerProfile.update({ where: { id: otherListener.id }, data: { reservedSlots: 1, approvedAt: ago(24 * 60), pausedAt: ago(24), createdAt: ago(24 * 59) } });
  await db.listenerProfile.update({ where: { id: pending.id }, data: { createdAt: ago(24) } });

  const request = (seekerId: string, topicId: string, status: string, pseudonym: string, createdAt: Date) =>
    db.supportRequest.create({
      data: { initiativeId: a.id, seekerId, seekerPseudonym: pseudonym, topicId, status, createdAt, ...(status === 'paired' ? { matchedAt: createdAt } : {}) },
    });
  const paired = await request(USERS.seeker, anxiety!.id, 'paired', 'Otter', ago(24 * 8));
  const open = await request(USERS.seeker, bereavement!.id, 'offered', 'Heron', ago(2));
  const otherPaired = await request(USERS.otherSeeker, anxiety!.id, 'paired', 'Badger', ago(24 * 9));
  for (const [userId, at] of [
    [USERS.seeker, ago(24 * 8)],
    [USERS.seeker, ago(2)],
    [USERS.otherSeeker, ago(24 * 9)],
  ] as const) {
    await consent(userId, a.id, 'seeker_request', 'given', at);
  }

  const offer = await db.offer.create({
    data: { requestId: open.id, listenerId: listener.id, status: 'pending', offeredAt: ago(1), expiresAt: new Date(now.getTime() + 3 * 3_600_000), channel: dm(USERS.listener), messageTs: '1700000050.000100' },
  });

  const pairing = await db.pairing.create({
    data: {
      requestId: paired.id,
      listenerId: listener.id,
      seekerId: USERS.seeker,
      listenerUserId: USERS.listener,
      seekerPseudonym: 'Otter',
      listenerPseudonym: 'Fox',
      seekerChannel: dm(USERS.seeker),
      listenerChannel: dm(USERS.listener),
      seekerThreadTs: '1700000001.000100',
      listenerThreadTs: '1700000001.000200',
      status: 'active',
      startedAt: ago(24 * 8),
    },
  });
  const otherPairing = await db.pairing.create({
    data: {
      requestId: otherPaired.id,
      listenerId: otherListener.id,
      seekerId: USERS.otherSeeker,
      listenerUserId: USERS.otherSide,
      seekerPseudonym: 'Badger',
      listenerPseudonym: 'Wren',
      seekerChannel: dm(USERS.otherSeeker),
      listenerChannel: dm(USERS.otherSide),
      seekerThreadTs: '1700000002.000100',
      listenerThreadTs: '1700000002.000200',
      status: 'active',
      startedAt: ago(24 * 9),
    },
  });

  // A listener's own check-in is about the listener (subject: their profile, no pairing).
  const checkIn = (pairingId: string, kind: 'seeker' | 'listener' | 'seeker_review' | 'listener_review', recipientId: string, ts: string) =>
    db.checkIn.create({
      data: {
        initiativeId: a.id,
        kind,
        subjectId: kind === 'listener' ? listener.id : pairingId,
        pairingId: kind === 'listener' ? null : pairingId,
        recipientId,
        sequence: 1,
        dueAt: ago(24),
        deliverAt: ago(24),
        status: 'sent',
        attempts: 1,
        sentAt: ago(23),
        channel: dm(recipientId),
        messageTs: ts,
      },
    });
  const seekerCheckIn = await checkIn(pairing.id, 'seeker', USERS.seeker, '1700000010.000100');
  const listenerCheckIn = await checkIn(pairing.id, 'listener', USERS.listener, '1700000010.000200');
  const otherSeekerCheckIn = await checkIn(otherPairing.id, 'seeker', USERS.otherSeeker, '1700000010.000300');
  const seekerReviewCheckIn = await checkIn(pairing.id, 'seeker_review', USERS.seeker, '1700000010.000400');
  const listenerReviewCheckIn = await checkIn(pairing.id, 'listener_review', USERS.listener, '1700000010.000500');
  // The next ones on the cadence, as markSent leaves them, and S's status update for the open request.
  for (const [pairingId, kind, recipientId] of [
    [pairing.id, 'seeker', USERS.seeker],
    [pairing.id, 'listener', USERS.listener],
  ] as const) {
    await db.checkIn.create({
      data: { initiativeId: a.id, kind, subjectId: kind === 'listener' ? listener.id : pairingId, pairingId: kind === 'listener' ? null : pairingId, recipientId, sequence: 2, dueAt: new Date(now.getTime() + 13 * 86_400_000), deliverAt: new Date(now.getTime() + 13 * 86_400_000), status: 'scheduled' },
    });
  }
  await db.checkIn.create({
    data: { initiativeId: a.id, kind: 'waiting', subjectId: open.id, requestId: open.id, recipientId: USERS.seeker, sequence: 1, dueAt: new Date(now.getTime() + 14 * 86_400_000), deliverAt: new Date(now.getTime() + 14 * 86_400_000), status: 'scheduled' },
  });

  const seekerMessage = { sourceTs: '1700000100.000001', mirrorTs: '1700000100.000002' };
  const listenerMessage = { sourceTs: '1700000200.000001', mirrorTs: '1700000200.000002' };
  await db.relayedMessage.createMany({
    data: [
      { pairingId: pairing.id, fromSide: 'seeker', ...seekerMessage, createdAt: ago(3) },
      { pairingId: pairing.id, fromSide: 'listener', ...listenerMessage, createdAt: ago(2) },
    ],
  });

  const invitation = await db.invitation.create({
    data: { initiativeId: a.id, role: 'coordinator', inviteeId: USERS.invitee, createdAt: ago(24), channel: dm(USERS.invitee), messageTs: '1700000300.000100' },
  });
  // V's invitation existed and was revoked: the row is gone, V still has the DM and its buttons.
  const revoked = await db.invitation.create({
    data: { initiativeId: a.id, role: 'hr_viewer', inviteeId: USERS.revokedInvitee, createdAt: ago(48), channel: dm(USERS.revokedInvitee), messageTs: '1700000300.000200' },
  });
  await db.invitation.delete({ where: { id: revoked.id } });
  const expired = await db.invitation.create({
    data: { initiativeId: a.id, role: 'hr_viewer', inviteeId: USERS.admin, createdAt: ago(24 * 15), channel: dm(USERS.admin), messageTs: '1700000300.000300' },
  });
  const foreign = await db.invitation.create({ data: { initiativeId: z.id, role: 'coordinator', inviteeId: USERS.invitee, createdAt: ago(24) } });

  // Issue 15: S reported L in pairing P; C was sent the approval request for P's volunteer, which a
  // decision replaces in place (the row records where the copy landed).
  const report = await db.report.create({
    data: { initiativeId: a.id, pairingId: pairing.id, reporterId: USERS.seeker, reporterSide: 'seeker', reporterPseudonym: 'Otter', aboutListenerUserId: USERS.listener, reason: 'Something else', createdAt: ago(5) },
  });
  await db.outboxMessage.create({
    data: {
      dedupeKey: `approval:${pending.id}:world`,
      workspaceId: TEAM,
      kind: 'approval_request',
      recipientId: USERS.coordinator,
      subjectId: pending.id,
      args: JSON.stringify({ kind: 'approval_request', profileId: pending.id }),
      status: 'sent',
      deliverAt: ago(24),
      createdAt: ago(24),
      sentAt: ago(24),
      channel: dm(USERS.coordinator),
      messageTs: '1700000400.000100',
    },
  });

  // Issue 20: the circles. Written straight to the tables, as the rest of the world.
  await db.listenerProfile.update({ where: { id: listener.id }, data: { facilitator: true } });
  const newListener = await makeListener(db, { initiativeId: a.id, userId: USERS.newListener, topicIds: [], capacity: 1 });
  await db.listenerProfile.update({ where: { id: newListener.id }, data: { approvedAt: ago(24 * 3), createdAt: ago(24 * 3) } });
  await consent(USERS.newListener, a.id, 'listener', 'given', ago(24 * 3));

  // Wednesdays at 17:00 in London (GMT in March): the first session is two days after NOW.
  const firstSessionAt = new Date('2026-03-04T17:00:00Z');
  const circleRow = (initiativeId: string, status: 'open' | 'closed', createdBy: string, extra: { topicId?: string; memberCount?: number; closedAt?: Date }) =>
    db.circle.create({
      data: {
        initiativeId,
        topicId: extra.topicId ?? null,
        description: 'A weekly circle for colleagues living with anxiety.',
        capacity: 5,
        memberCount: extra.memberCount ?? 0,
        cadence: 'weekly',
        weekday: 3,
        localTime: '17:00',
        timezone: 'Europe/London',
        firstSessionAt,
        prompt: 'What helped you this week?',
        guidelines: 'What is said in the circle stays in the circle.',
        status,
        createdBy,
        createdAt: ago(24 * 7),
        ...(extra.closedAt ? { closedAt: extra.closedAt } : {}),
      },
    });
  const circle = await circleRow(a.id, 'open', USERS.coordinator, { topicId: anxiety!.id, memberCount: 1 });
  const circleThreads = { seeker: '1700000500.000100', listener: '1700000500.000200' };
  const circleFacilitator = await db.circleMember.create({
    data: { circleId: circle.id, userId: USERS.listener, role: 'facilitator', pseudonym: 'Kestrel', channel: dm(USERS.listener), threadTs: circleThreads.listener, joinedAt: ago(24 * 7) },
  });
  const circleMember = await db.circleMember.create({
    data: { circleId: circle.id, userId: USERS.seeker, role: 'member', pseudonym: 'Lark', channel: dm(USERS.seeker), threadTs: circleThreads.seeker, joinedAt: ago(24 * 6) },
  });
  await consent(USERS.seeker, a.id, 'circle_member', 'given', ago(24 * 6));
  for (const [member, recipientId] of [
    [circleFacilitator, USERS.listener],
    [circleMember, USERS.seeker],
  ] as const) {
    await db.checkIn.create({
      data: { initiativeId: a.id, kind: 'circle_session', subjectId: member.id, recipientId, sequence: 1, dueAt: firstSessionAt, deliverAt: firstSessionAt, status: 'scheduled' },
    });
  }
  const circleMessage = { sourceTs: '1700000600.000001', mirrorTs: '1700000600.000002' };
  await db.circleRelayed.create({ data: { circleId: circle.id, fromMemberId: circleMember.id, toMemberId: circleFacilitator.id, ...circleMessage, createdAt: ago(4) } });

  const closedCircle = await circleRow(a.id, 'closed', USERS.coordinator, { closedAt: ago(24) });

  const foreignCircle = await circleRow(z.id, 'open', USERS.outsider, { memberCount: 1 });
  const foreignSeekerThreadTs = '1700000700.000100';
  await db.circleMember.createMany({
    data: [
      { circleId: foreignCircle.id, userId: USERS.outsider, role: 'facilitator', pseudonym: 'Osprey', channel: dm(USERS.outsider), threadTs: '1700000700.000200', joinedAt: ago(24 * 7) },
      { circleId: foreignCircle.id, userId: USERS.listener, role: 'facilitator', pseudonym: 'Plover', channel: dm(USERS.listener), threadTs: '1700000700.000300', joinedAt: ago(24 * 7) },
      { circleId: foreignCircle.id, userId: USERS.seeker, role: 'member', pseudonym: 'Finch', channel: dm(USERS.seeker), threadTs: foreignSeekerThreadTs, joinedAt: ago(24 * 6) },
    ],
  });
  await db.consentRecord.create({
    data: { workspaceId: OTHER_TEAM, userId: USERS.seeker, initiativeId: z.id, purpose: 'circle_member', action: 'given', textVersion: CONSENT_TEXTS.circle_member.version, surface: 'test:world', createdAt: ago(24 * 6) },
  });

  return {
    initiative: { id: a.id, name: 'Peer Support Matrix', resources: 'Call the EAP line on 0800 111 222.', anxietyTopicId: anxiety!.id, bereavementTopicId: bereavement!.id },
    otherInitiative: { id: b.id, name: 'Other Circle', topicId: b.topics[0]!.id },
    foreignInitiative: { id: z.id, name: 'Foreign Workspace Initiative', resources: 'Foreign resources 0999 999.' },
    listenerProfileId: listener.id,
    otherListenerProfileId: otherListener.id,
    pendingProfileId: pending.id,
    openRequestId: open.id,
    pairedRequestId: paired.id,
    otherPairedRequestId: otherPaired.id,
    offerId: offer.id,
    pairing: { id: pairing.id, seekerThreadTs: '1700000001.000100', listenerThreadTs: '1700000001.000200' },
    otherPairing: { id: otherPairing.id, seekerThreadTs: '1700000002.000100', listenerThreadTs: '1700000002.000200' },
    seekerCheckInId: seekerCheckIn.id,
    listenerCheckInId: listenerCheckIn.id,
    otherSeekerCheckInId: otherSeekerCheckIn.id,
    seekerReviewCheckInId: seekerReviewCheckIn.id,
    listenerReviewCheckInId: listenerReviewCheckIn.id,
    seekerMessage,
    listenerMessage,
    invitationId: invitation.id,
    expiredInvitationId: expired.id,
    foreignInvitationId: foreign.id,
    revokedInvitationId: revoked.id,
    reportId: report.id,
    newListenerProfileId: newListener.id,
    circle: {
      id: circle.id,
      facilitatorPseudonym: 'Kestrel',
      memberPseudonym: 'Lark',
      seekerThreadTs: circleThreads.seeker,
      listenerThreadTs: circleThreads.listener,
      seekerMessage: circleMessage,
    },
    closedCircleId: closedCircle.id,
    foreignCircle: { id: foreignCircle.id, facilitatorPseudonym: 'Osprey', listenerPseudonym: 'Plover', memberPseudonym: 'Finch', seekerThreadTs: foreignSeekerThreadTs },
  };
}
