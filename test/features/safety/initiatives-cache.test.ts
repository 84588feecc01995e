import { describe, expect, it } from 'vitest';
import { InitiativesCache, type CachedInitiative } from '../../../src/features/safety/initiatives-cache.js';

// /peer help's cache of a workspace's initiatives (issue 17): fresh for a few seconds, forgotten when
// this process saves one, bounded, one read for concurrent callers, failed reads not kept.

function setup(maxEntries = 10) {
  let now = 0;
  const reads: string[] = [];
  let version = 1;
  let fail = false;
  const cache = new InitiativesCache({
    read: async (workspaceId) => {
      reads.push(workspaceId);
      if (fail) throw new Error('database down');
      return [{ id: `${workspaceId}-i`, name: `v${version}`, resources: 'Call 0800', crisisWords: '', texts: '{}', language: 'en' } satisfies CachedInitiative];
    },
    freshMs: 5_000,
    maxEntries,
    now: () => now,
  });
  return {
    cache,
    reads,
    later: (ms: number) => (now += ms),
    edit: () => (version += 1),
    failing: (on: boolean) => (fail = on),
  };
}

describe('the initiatives cache of /peer help', () => {
  it('reads a workspace once while fresh, again after freshMs', async () => {
    const t = setup();
    expect((await t.cache.get('T1'))[0]!.name).toBe('v1');
    t.edit();
    t.later(4_999);
    expect((await t.cache.get('T1'))[0]!.name).toBe('v1');
    t.later(1);
    expect((await t.cache.get('T1'))[0]!.name).toBe('v2');
    expect(t.reads).toEqual(['T1', 'T1']);
  });

  it('forgets a workspace when an initiative of it is saved here, and no other', async () => {
    const t = setup();
    await t.cache.get('T1');
    await t.cache.get('T2');
    t.edit();
    t.cache.forget('T1');
    expect((await t.cache.get('T1'))[0]!.name).toBe('v2');
    expect((await t.cache.get('T2'))[0]!.name).toBe('v1');
    expect(t.reads).toEqual(['T1', 'T2', 'T1']);
  });

  it('shares one read among concurrent callers, and keeps no failed read', async () => {
    const t = setup();
    await Promise.all([t.cache.get('T1'), t.cache.get('T1'), t.cache.get('T1')]);
    expect(t.reads).toEqual(['T1']);
    t.failing(true);
    t.later(5_000);
    await expect(t.cache.get('T1')).rejects.toThrow('database down');
    t.failing(false);
    expect((await t.cache.get('T1'))[0]!.id).toBe('T1-i');
    expect(t.reads).toEqual(['T1', 'T1', 'T1']);
  });

  it('keeps at most maxWorkspaces, dropping the least recently read', async () => {
    const t = setup(2);
    await t.cache.get('T1');
    await t.cache.get('T2');
    await t.cache.get('T1');
    await t.cache.get('T3');
    await t.cache.get('T1');
    await t.cache.get('T2');
    expect(t.reads).toEqual(['T1', 'T2', 'T3', 'T2']);
  });
});
