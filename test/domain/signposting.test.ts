import { describe, expect, it } from 'vitest';
import { MAX_RESOURCES_SHOWN, resourcesToShow } from '../../src/domain/signposting.js';

const initiatives = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}` }));

describe('whose resources a person is shown', () => {
  it.each([
    ['their own initiatives, in order, when they take part in some', new Set(['i6', 'i2']), ['i2', 'i6']],
    ['every initiative, at most a few, when they take part in none', new Set<string>(), initiatives.slice(0, MAX_RESOURCES_SHOWN).map((i) => i.id)],
    ['every initiative when their own ones no longer exist', new Set(['gone']), initiatives.slice(0, MAX_RESOURCES_SHOWN).map((i) => i.id)],
  ])('%s', (_name, own, expected) => {
    expect(resourcesToShow(initiatives, own).map((i) => i.id)).toEqual(expected);
  });

  it('shows nothing in a workspace without initiatives', () => {
    expect(resourcesToShow([], new Set(['i1']))).toEqual([]);
  });
});
