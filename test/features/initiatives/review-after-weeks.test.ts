import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english } from '../../../src/i18n/translate.js';
import { fixedClock } from '../../../src/clock.js';
import { CONSENT_GIVEN, InitiativeIds } from '../../../src/features/initiatives/ids.js';
import { DEFAULT_REVIEW_AFTER_WEEKS, setupInputSchema, toSettings } from '../../../src/features/initiatives/input.js';
import { createInitiative, updateInitiative } from '../../../src/features/initiatives/service.js';
import { renderSetupModal } from '../../../src/features/initiatives/views.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';

// The planned ending's setting (issue 15): after how many weeks both people in a conversation are asked
// whether to keep going. In the setup and edit form beside the other cadences; 1 to 52 weeks, 6 by default.

const B = InitiativeIds.blocks;

function form(reviewAfterWeeks?: string | null): Record<string, unknown> {
  return {
    [B.name]: 'Harbour Circle',
    [B.description]: 'Colleagues listening to colleagues.',
    [B.topics]: 'Anxiety\nGrief',
    [B.resources]: 'Employee assistance line: 0800 123 4567',
    [B.guidelines]: 'Be kind.',
    [B.approval]: [],
    [B.coordinators]: [],
    [B.hrViewers]: [],
    [B.minGroupSize]: '5',
    [B.retentionDays]: '90',
    [B.firstCheckInDays]: '7',
    [B.checkInEveryDays]: '14',
    [B.consent]: [],
    ...(reviewAfterWeeks === undefined ? {} : { [B.reviewAfterWeeks]: reviewAfterWeeks }),
  };
}

describe('the planned-ending setting in the setup form', () => {
  it('is a number of weeks from 1 to 52', () => {
    for (const weeks of ['1', '6', '52']) expect(toSettings(setupInputSchema(false, english).parse(form(weeks))).reviewAfterWeeks).toBe(Number(weeks));
  });

  it.each([['0'], ['53'], ['2.5'], ['six'], [''], [null]])('refuses %j with a clear message on the field', (weeks) => {
    const parsed = setupInputSchema(false, english).safeParse(form(weeks));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => ({ field: i.path[0], message: i.message }))).toEqual([
      { field: B.reviewAfterWeeks, message: 'Please enter a number of weeks from 1 to 52 (6 is a good default).' },
    ]);
  });

  it('is 6 weeks when a form without the field is submitted', () => {
    expect(DEFAULT_REVIEW_AFTER_WEEKS).toBe(6);
    expect(toSettings(setupInputSchema(false, english).parse(form())).reviewAfterWeeks).toBe(6);
  });

  it('sits with the other cadences, showing the saved value (6 for a new initiative), 1 to 52', () => {
    const blockOf = (view: ReturnType<typeof renderSetupModal>) =>
      (view.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((b) => b.block_id === B.reviewAfterWeeks);
    const created = blockOf(renderSetupModal(english, { needsConsent: true }));
    expect(created?.element).toMatchObject({ type: 'number_input', initial_value: '6', min_value: '1', max_value: '52', is_decimal_allowed: false });
    const ids = (renderSetupModal(english, { needsConsent: false }).blocks as { block_id?: string }[]).map((b) => b.block_id);
    expect(ids.indexOf(B.reviewAfterWeeks)).toBe(ids.indexOf(B.waitingUpdateEveryDays) + 1);
    const editing = renderSetupModal(english, {
      initiative: {
        id: 'i1',
        name: 'Harbour Circle',
        description: 'd',
        resources: 'r',
        guidelines: 'g',
        approvalRequired: false,
        minGroupSize: 5,
        retentionDays: 90,
        firstCheckInDays: 7,
        checkInEveryDays: 14,
        waitingUpdateEveryDays: 3,
        reviewAfterWeeks: 10,
        topics: [{ label: 'Anxiety' }],
      },
      needsConsent: false,
    });
    expect(blockOf(editing)?.element).toMatchObject({ initial_value: '10' });
  });
});

describe.each(TEST_PROVIDERS)('the planned-ending setting is stored on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const deps = () => ({ db: database.db, clock: fixedClock('2026-03-02T10:00:00Z'), logger: createLogger('silent') });

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('on creation and on edit, and read back with the initiative', async () => {
    const settings = toSettings(setupInputSchema(true, english).parse({ ...form('8'), [B.consent]: [CONSENT_GIVEN] }));
    const created = await createInitiative(deps(), { workspaceId: 'TREVIEW01', actorId: 'UCOORD0001', settings, consentGiven: true });
    if (created.kind !== 'created') throw new Error(created.kind);
    expect(created.initiative.reviewAfterWeeks).toBe(8);
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: created.initiative.id } })).reviewAfterWeeks).toBe(8);

    const updated = await updateInitiative(deps(), {
      workspaceId: 'TREVIEW01',
      initiativeId: created.initiative.id,
      actorId: 'UCOORD0001',
      settings: { ...settings, reviewAfterWeeks: 3 },
      consentGiven: false,
    });
    expect(updated.kind).toBe('updated');
    expect((await database.db.initiative.findUniqueOrThrow({ where: { id: created.initiative.id } })).reviewAfterWeeks).toBe(3);
  });
});
