import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/errors.js';
import { enqueue, type OutboxEntry } from '../../src/outbox/outbox.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { serviceWorld } from '../support/service-world.js';

// enqueue writes its rows set-based (one raw INSERT per delivery time, rows as one JSON parameter):
// every field lands as given, each delivery time is kept, and a dedupe key used twice is still a
// unique violation the callers recognise, with nothing of the failed transaction kept.

describe.each(TEST_PROVIDERS)('enqueue on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z' });
  const entry = (key: string, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
    key,
    workspaceId: 'T0ENQUEUE',
    recipientId: 'U0ENQUEUE',
    message: { kind: 'approval_request', profileId: 'profile-1' },
    ...over,
  });

  it('writes every entry with its fields and delivery time, and returns the ids in order', async () => {
    const later = new Date('2026-03-03T09:00:00Z');
    const entries = [
      entry('enq:a', { subjectId: 'subject-a' }),
      entry('enq:b', { deliverAt: later, recipientId: 'U0OTHER01' }),
      entry('enq:c', { message: { kind: 'approval_request', profileId: 'profile-"quoted"\\n' } }),
    ];
    const ids = await world.db.$transaction((tx) => enqueue(tx, world.clock.now(), entries));
    expect(ids).toHaveLength(3);
    const rows = await world.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)?.dedupeKey)).toEqual(['enq:a', 'enq:b', 'enq:c']);
    const [a, b, c] = ids.map((id) => byId.get(id)!);
    expect(a).toMatchObject({ workspaceId: 'T0ENQUEUE', recipientId: 'U0ENQUEUE', subjectId: 'subject-a', kind: 'approval_request', status: 'scheduled' });
    expect(a!.deliverAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(a!.createdAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(b).toMatchObject({ recipientId: 'U0OTHER01', subjectId: null });
    expect(b!.deliverAt.toISOString()).toBe(later.toISOString());
    expect(JSON.parse(c!.args)).toEqual({ kind: 'approval_request', profileId: 'profile-"quoted"\\n' });
  });

  it('refuses a dedupe key used before as a unique violation and keeps nothing of that transaction', async () => {
    await world.db.$transaction((tx) => enqueue(tx, world.clock.now(), [entry('enq:dup')]));
    const before = await world.db.outboxMessage.count();
    const error = await world.db
      .$transaction((tx) => enqueue(tx, world.clock.now(), [entry('enq:fresh'), entry('enq:dup')]))
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await world.db.outboxMessage.count()).toBe(before);
    expect(await world.db.outboxMessage.findUnique({ where: { dedupeKey: 'enq:fresh' } })).toBeNull();
  });
});
