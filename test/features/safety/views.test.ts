import { english } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import { renderHome } from '../../../src/features/home/views.js';
import type { Initiative } from '../../../src/features/initiatives/service.js';
import { RequestIds } from '../../../src/features/requests/ids.js';
import { renderSafetyNet } from '../../../src/features/safety/views.js';

// The safety net of issue 14: the resources first, a kind line, the way to ask for a listener.

const LIGHTHOUSE = { id: 'i1', name: 'Lighthouse', resources: 'EAP 0800 555 0142, Samaritans 116 123' };
const HARBOUR = { id: 'i2', name: 'Harbour', resources: 'Harbour EAP 0800 000 1111' };

const texts = (blocks: unknown[]) => blocks.map((b) => JSON.stringify(b));

function initiative(of: typeof LIGHTHOUSE): Initiative {
  return { ...of, workspaceId: 'T1', description: 'd', guidelines: 'g', approvalRequired: false, minGroupSize: 5, retentionDays: 90, firstCheckInDays: 7, checkInEveryDays: 14, topics: [] };
}

describe('renderSafetyNet', () => {
  it('puts the resources first, then the kind line, then Ask for a listener', () => {
    const { blocks } = renderSafetyNet(english, { resources: [LIGHTHOUSE], crisis: false, requests: [] });
    const shown = texts(blocks);
    const resources = shown.findIndex((b) => b.includes('Samaritans 116 123'));
    const kind = shown.findIndex((b) => b.includes('not passed on to anyone'));
    const ask = shown.findIndex((b) => b.includes(RequestIds.requestButton));
    expect(resources).toBeGreaterThanOrEqual(0);
    expect(resources).toBeLessThan(kind);
    expect(kind).toBeLessThan(ask);
  });

  it('is warmer and more urgent when crisis words were found, with the same discreet notification text', () => {
    const calm = renderSafetyNet(english, { resources: [LIGHTHOUSE], crisis: false, requests: [] });
    const urgent = renderSafetyNet(english, { resources: [LIGHTHOUSE], crisis: true, requests: [] });
    expect(JSON.stringify(urgent.blocks)).toContain("You don't have to wait for a listener");
    expect(JSON.stringify(calm.blocks)).not.toContain("You don't have to wait for a listener");
    expect(urgent.text).toBe(calm.text);
    expect(urgent.text).toBe(english('safety.notificationText'));
  });

  it('offers a generic crisis line when there is no initiative', () => {
    const { blocks } = renderSafetyNet(english, { resources: [], crisis: true, requests: [] });
    expect(JSON.stringify(blocks[0])).toContain(JSON.stringify(english('common.crisisLineFallback')).slice(1, -1));
  });

  it('says where each open request stands', () => {
    const { blocks } = renderSafetyNet(english, {
      resources: [LIGHTHOUSE],
      crisis: false,
      requests: [{ id: 'r1', initiativeId: 'i1', status: 'waiting', topic: 'Anxiety', createdAt: new Date(0) }],
    });
    expect(JSON.stringify(blocks)).toContain('Your request about *Anxiety*: we are looking for a listener.');
  });
});

describe('the Home tab', () => {
  const model = { now: new Date(0), initiatives: [initiative(LIGHTHOUSE), initiative(HARBOUR)], requests: [], profiles: [], conversations: [], coordinatorsOf: {}, coordinated: [], insightsOf: [] };

  it('shows every initiative\'s resources before anything else when the person takes part in none', () => {
    const shown = texts(renderHome(model).blocks);
    const first = Math.min(shown.findIndex((b) => b.includes('Samaritans')), shown.findIndex((b) => b.includes('Harbour EAP')));
    expect(first).toBe(2);
    expect(first).toBeLessThan(shown.findIndex((b) => b.includes(RequestIds.requestButton)));
  });

  it('shows only the person\'s own initiatives\' resources when they have a request in one', () => {
    const home = renderHome({ ...model, requests: [{ id: 'r1', initiativeId: 'i2', status: 'waiting', topic: null, createdAt: new Date(0) }] });
    const json = JSON.stringify(home.blocks);
    expect(json).toContain('Harbour EAP');
    expect(json).not.toContain('Samaritans');
  });
});
