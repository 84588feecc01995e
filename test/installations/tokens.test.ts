import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { REFRESH_WINDOW_MS, type BotToken } from '../../src/installations/store.js';
import { installationTokens } from '../../src/installations/tokens.js';
import { CACHE_MS, WorkspaceUnavailableError } from '../../src/slack/workspace-tokens.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';

// OAuth mode's WorkspaceTokens (issue 16): a workspace's own install, else its org's; none for an
// uninstalled workspace or one without an install; cached briefly, never past the point of refresh.

const START = '2026-03-02T10:00:00Z';

/** A store that answers from a map and counts reads by key. */
function fakeStore(installs: Record<string, BotToken | Error>) {
  const reads: string[] = [];
  return {
    reads,
    installs,
    async botToken(key: string): Promise<BotToken | null> {
      reads.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const found = installs[key];
      if (found instanceof Error) throw found;
      return found ?? null;
    },
  };
}

describe.each(TEST_PROVIDERS)('installation tokens on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
    await db().workspace.create({ data: { id: 'T0INORG', enterpriseId: 'E0ORG' } });
    await db().workspace.create({ data: { id: 'T0LEFT', uninstalledAt: new Date(START), eraseAfter: new Date('2026-04-01T00:00:00Z') } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("gives a workspace its own install's token, and reads it once however many ask at once", async () => {
    const clock = fixedClock(START);
    const store = fakeStore({ 'T:T0OWN': { token: 'xoxb-own', expiresAt: null } });
    const tokens = installationTokens(store, db(), clock);
    expect(await Promise.all([tokens.botToken('T0OWN'), tokens.botToken('T0OWN'), tokens.botToken('T0OWN')])).toEqual(['xoxb-own', 'xoxb-own', 'xoxb-own']);
    expect(store.reads).toEqual(['T:T0OWN']);
  });

  it("falls back to the org-wide install of the workspace's enterprise", async () => {
    const clock = fixedClock(START);
    const store = fakeStore({ 'E:E0ORG': { token: 'xoxb-org', expiresAt: null } });
    const tokens = installationTokens(store, db(), clock);
    expect(await tokens.botToken('T0INORG')).toBe('xoxb-org');
    expect(store.reads).toEqual(['T:T0INORG', 'E:E0ORG']);
  });

  it('prefers the workspace install to the org one', async () => {
    const store = fakeStore({ 'T:T0INORG': { token: 'xoxb-team', expiresAt: null }, 'E:E0ORG': { token: 'xoxb-org', expiresAt: null } });
    expect(await installationTokens(store, db(), fixedClock(START)).botToken('T0INORG')).toBe('xoxb-team');
  });

  it('refuses a workspace with no install, an uninstalled one, and one whose refresh Slack refused', async () => {
    const store = fakeStore({
      'T:T0LEFT': { token: 'xoxb-left', expiresAt: null },
      'T:T0DEAD': new WorkspaceUnavailableError('T0DEAD'),
    });
    const tokens = installationTokens(store, db(), fixedClock(START));
    for (const workspaceId of ['T0NEVER', 'T0LEFT', 'T0DEAD']) {
      const error = await tokens.botToken(workspaceId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceUnavailableError);
      expect((error as WorkspaceUnavailableError).workspaceId).toBe(workspaceId);
    }
    // An uninstalled workspace is refused without reading its install.
    expect(store.reads).not.toContain('T:T0LEFT');
  });

  it('passes on other failures (a token that does not open) rather than calling the workspace gone', async () => {
    const store = fakeStore({ 'T:T0BROKEN': new Error('sealed token failed authentication') });
    await expect(installationTokens(store, db(), fixedClock(START)).botToken('T0BROKEN')).rejects.not.toBeInstanceOf(WorkspaceUnavailableError);
  });

  it('trusts what it read for CACHE_MS, then reads again; forget() drops it at once', async () => {
    const clock = fixedClock(START);
    const store = fakeStore({ 'T:T0CACHE': { token: 'xoxb-first', expiresAt: null } });
    const tokens = installationTokens(store, db(), clock);
    expect(await tokens.botToken('T0CACHE')).toBe('xoxb-first');
    store.installs['T:T0CACHE'] = { token: 'xoxb-second', expiresAt: null };
    clock.advance(CACHE_MS - 1);
    expect(await tokens.botToken('T0CACHE')).toBe('xoxb-first');
    clock.advance(1);
    expect(await tokens.botToken('T0CACHE')).toBe('xoxb-second');

    store.installs['T:T0CACHE'] = { token: 'xoxb-third', expiresAt: null };
    tokens.forget('T0CACHE');
    expect(await tokens.botToken('T0CACHE')).toBe('xoxb-third');
    // A refusal is cached as well, and forgotten the same way (a reinstall is picked up at once).
    delete store.installs['T:T0CACHE'];
    tokens.forget('T0CACHE');
    await expect(tokens.botToken('T0CACHE')).rejects.toBeInstanceOf(WorkspaceUnavailableError);
    store.installs['T:T0CACHE'] = { token: 'xoxb-back', expiresAt: null };
    await expect(tokens.botToken('T0CACHE')).rejects.toBeInstanceOf(WorkspaceUnavailableError);
    tokens.forget('T0CACHE');
    expect(await tokens.botToken('T0CACHE')).toBe('xoxb-back');
  });

  it('never keeps a rotating token past the moment the store would refresh it', async () => {
    const clock = fixedClock(START);
    const soon = new Date(Date.parse(START) + REFRESH_WINDOW_MS + 3_000);
    const store = fakeStore({ 'T:T0SOON': { token: 'xoxb-expiring', expiresAt: soon } });
    const tokens = installationTokens(store, db(), clock);
    expect(await tokens.botToken('T0SOON')).toBe('xoxb-expiring');
    store.installs['T:T0SOON'] = { token: 'xoxb-refreshed', expiresAt: new Date(Date.parse(START) + 12 * 3_600_000) };
    clock.advance(2_999);
    expect(await tokens.botToken('T0SOON')).toBe('xoxb-expiring');
    clock.advance(1);
    expect(await tokens.botToken('T0SOON')).toBe('xoxb-refreshed');
    expect(store.reads).toEqual(['T:T0SOON', 'T:T0SOON']);
  });
});
