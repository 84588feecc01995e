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
  options: { initiativeId: string; userId?: string; topicIds: string[]; capacity?: number; status?: string; languages?: string; timezone?: string },
) {
  return db.listenerProfile.create({
    data: {
      initiativeId: options.initiativeId,
      userId: options.userId ?? `U${randomUUID().slice(0, 8).toUpperCase()}`,
      status: options.status ?? 'active',
      capacity: options.capacity ?? 2,
      languages: options.languages ?? 'en',
      timezone: options.timezone ?? 'Europe/London',
      topics: { create: options.topicIds.map((topicId) => ({ topicId })) },
    },
  });
}
