import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translatorFor } from '../../../src/i18n/translate.js';
import { myDataSummary } from '../../../src/features/my-data/copy.js';
import { collectMyData } from '../../../src/features/my-data/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';

// Issue 15: what a pause stores about a listener (why, until when, offers left unanswered in a row) is
// data about them, so "See my data" shows it, with the return date as the listener's own calendar day.

describe.each(TEST_PROVIDERS)('my data shows a listener\'s pause on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('names the reason, the local return day and the unanswered offers in a row', async () => {
    const db = database.db;
    const initiative = await makeInitiative(db);
    const profile = await makeListener(db, { initiativeId: initiative.id, topicIds: [], status: 'paused', timezone: 'Pacific/Auckland' });
    // Local midnight of Monday 14 December in Auckland is still Sunday 13 December in UTC.
    await db.listenerProfile.update({
      where: { id: profile.id },
      data: { pauseReason: 'no_answer', pausedUntil: new Date('2026-12-13T11:00:00Z'), unansweredOffers: 3 },
    });
    const data = await collectMyData(db, initiative.workspaceId, profile.userId, new Date('2026-12-03T10:00:00Z'));
    expect(data.listenerProfiles[0]).toMatchObject({ status: 'paused', pauseReason: 'no_answer', pausedUntil: '2026-12-14', unansweredOffersInARow: 3 });
    const summary = myDataSummary(data);
    expect(summary).toContain('paused (three offers in a row went unanswered, until Monday 14 December 2026)');
    // In German too, with the date as German readers write it (issue 19).
    const german = myDataSummary(data, translatorFor('de'));
    expect(german).toContain('pausiert (drei Anfragen nacheinander blieben unbeantwortet, bis Montag, 14. Dezember 2026)');
    expect(german).toContain('3 Anfragen nacheinander unbeantwortet');
    expect(summary).toContain('3 offers in a row unanswered');
  });

  it('says nothing of a pause once the listener is active again', async () => {
    const db = database.db;
    const initiative = await makeInitiative(db);
    const profile = await makeListener(db, { initiativeId: initiative.id, topicIds: [] });
    await db.listenerProfile.update({ where: { id: profile.id }, data: { pauseReason: 'self', pausedUntil: new Date('2026-12-13T11:00:00Z') } });
    const data = await collectMyData(db, initiative.workspaceId, profile.userId, new Date('2026-12-03T10:00:00Z'));
    expect(data.listenerProfiles[0]).toMatchObject({ status: 'active', pauseReason: null, pausedUntil: null, unansweredOffersInARow: 0 });
    expect(myDataSummary(data)).not.toContain('until');
  });
});
