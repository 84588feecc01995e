import { describe, expect, it } from 'vitest';
import { MATRIX, MESSAGE_SUBTYPES } from './matrix.js';
import { idsFromModules, literalCallbackIds, registeredListeners, subcommands } from './surfaces.js';
import { ROLES } from './world.js';

// The matrix is data, so it can be checked against the code: a new subcommand, action id, modal or event
// without a row for every role fails here, before anyone has to remember to add it.

describe('the authorization matrix covers every surface for every role', () => {
  const surfaces = new Set(MATRIX.map((c) => c.surface));
  const registered = registeredListeners();

  it('registers only exact ids, which the matrix can name (no regex or constraint listeners)', () => {
    expect(registered.filter((r) => !r.exact)).toEqual([]);
  });

  it('has a row for every /peer subcommand, and /peer is the only command', () => {
    expect(registered.filter((r) => r.kind === 'command').map((r) => r.id)).toEqual(['/peer']);
    expect(subcommands().filter((s) => !surfaces.has(`command:${s}`))).toEqual([]);
  });

  it('has a row for every action id the app listens to', () => {
    const actions = registered.filter((r) => r.kind === 'action').map((r) => `action:${r.id}`);
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((s) => !surfaces.has(s))).toEqual([]);
  });

  it('has a row for every modal callback id: those with a handler and those without', () => {
    const views = registered.filter((r) => r.kind === 'view').map((r) => `view:${r.id}`);
    const literals = literalCallbackIds().map((l) => `view:${l.id}`);
    expect([...views, ...literals].filter((s) => !surfaces.has(s))).toEqual([]);
  });

  it('has a row for every event the app handles, and for each message subtype the relay mirrors', () => {
    const events = registered.filter((r) => r.kind === 'event' || r.kind === 'message').map((r) => `event:${r.id}`);
    expect(events.filter((s) => !surfaces.has(s))).toEqual([]);
    expect(MESSAGE_SUBTYPES.filter((t) => !surfaces.has(`event:message.${t}`))).toEqual([]);
  });

  it('has a row for every id in the capabilities\' ids modules (action or callback)', async () => {
    const ids = await idsFromModules();
    expect(ids.length).toBeGreaterThan(25);
    const missing = ids.filter(({ id }) => !surfaces.has(`action:${id}`) && !surfaces.has(`view:${id}`));
    expect(missing).toEqual([]);
  });

  it('has a row for every role on every surface', () => {
    const missing: string[] = [];
    for (const surface of surfaces) {
      for (const role of ROLES) {
        if (!MATRIX.some((c) => c.surface === surface && c.role === role && c.variant === '')) missing.push(`${surface} × ${role}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names no surface the app does not have (no stale rows)', async () => {
    const known = new Set([
      ...subcommands().map((s) => `command:${s}`),
      ...registered.map((r) => (r.kind === 'command' ? '' : `${r.kind === 'message' ? 'event' : r.kind}:${r.id}`)),
      ...literalCallbackIds().map((l) => `view:${l.id}`),
      ...(await idsFromModules()).flatMap(({ id }) => [`action:${id}`, `view:${id}`]),
      ...MESSAGE_SUBTYPES.map((t) => `event:message.${t}`),
    ]);
    expect([...surfaces].filter((s) => !known.has(s))).toEqual([]);
  });

  it('states an observable outcome for every allowed cell, and no cell twice', () => {
    const vague = MATRIX.filter((c) => c.expect.kind === 'allowed' && !c.expect.changes?.length && !c.expect.sees?.length && !c.expect.reaches?.length);
    expect(vague.map((c) => `${c.surface} × ${c.role} ${c.variant}`)).toEqual([]);
    const keys = MATRIX.map((c) => `${c.surface} × ${c.role} × ${c.variant}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
