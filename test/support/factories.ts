import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.js';

// Realistic rows for service tests (epic-stack's tests/db-utils.ts). Ids are unique per call so files
// can share nothing.

export async function makeInitiative(
  db: Db,
  options: { workspaceId?: string; topics?: string[]; approvalRequired?: boolean; coordinatorId?: string; offerTimeoutHours?: number } = {},
) {
  const workspaceId = options.workspaceId ?? `T${randomUUID().slice(0, 8)}`;
  await db.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
  return db.initiative.create({
    data: {
      workspaceId,
      name: 'Peer Support Test',
      description: 'A test initiative',
      resources: 'Call the EAP line on 0800 000 000.',
      guidelines: 'Listen kindly.',
      approvalRequired: options.approvalRequired ?? false,
      offerTimeoutHours: options.offerTimeoutHours ?? 4,
      topics: { create: (options.topics ?? ['Anxiety', 'Bereavement']).map((label, position) => ({ label, position })) },
      ...(options.coordinatorId ? { members: { create: { userId: options.coordinatorId, role: 'coordinator' } } } : {}),
    },
    include: { topics: { orderBy: { position: 'asc' } } },
  });
}

export async function makeListener(
  db: Db,
  options: {
    initiativeId: string;
    userId?: string;
    topicIds: string[];
    capacity?: number;
    status?: string;
    languages?: string;
    timezone?: string;
    /** Working hours; by default any time of any day, so tests on a fixed clock are not about hours unless they say so. */
    work?: { days: string; start: string; end: string };
  },
) {
  return db.listenerProfile.create({
    data: {
      initiativeId: options.initiativeId,
      userId: options.userId ?? `U${randomUUID().slice(0, 8).toUpperCase()}`,
      status: options.status ?? 'active',
      capacity: options.capacity ?? 2,
      languages: options.languages ?? 'en',
      timezone: options.timezone ?? 'Europe/London',
      workDays: options.work?.days ?? '0,1,2,3,4,5,6',
      workStart: options.work?.start ?? '00:00',
      workEnd: options.work?.end ?? '00:00',
      topics: { create: options.topicIds.map((topicId) => ({ topicId })) },
    },
  });
}

/** A seeker's request as it stands at some point of its life (status and times given, no flow run). */
export async function makeRequest(
  db: Db,
  options: { initiativeId: string; seekerId: string; status?: string; createdAt?: Date; closedAt?: Date | null; topicId?: string },
) {
  const closed = (options.status ?? 'waiting') === 'closed';
  return db.supportRequest.create({
    data: {
      initiativeId: options.initiativeId,
      seekerId: options.seekerId,
      seekerPseudonym: 'Otter',
      topicId: options.topicId ?? null,
      status: options.status ?? 'waiting',
      closedReason: closed ? 'ended' : null,
      createdAt: options.createdAt ?? new Date(),
      closedAt: options.closedAt ?? null,
    },
  });
}

/** A pairing between a request's seeker and a listener, active or ended at `endedAt`. */
export async function makePairing(
  db: Db,
  options: { request: { id: string; seekerId: string }; listener: { id: string; userId: string }; startedAt: Date; endedAt?: Date | null },
) {
  return db.pairing.create({
    data: {
      requestId: options.request.id,
      listenerId: options.listener.id,
      seekerId: options.request.seekerId,
      listenerUserId: options.listener.userId,
      seekerPseudonym: 'Otter',
      listenerPseudonym: 'Heron',
      seekerChannel: `D${options.request.seekerId}`,
      listenerChannel: `D${options.listener.userId}`,
      status: options.endedAt ? 'ended' : 'active',
      startedAt: options.startedAt,
      endedAt: options.endedAt ?? null,
      endedBy: options.endedAt ? 'seeker' : null,
      endReason: options.endedAt ? 'ended' : null,
    },
  });
}
