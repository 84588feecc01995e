import { describe, expect, it } from 'vitest';
import { waitEstimateHours } from '../../src/domain/wait-estimate.js';

describe('waitEstimateHours', () => {
  it.each([
    { minutes: [], k: 5, hours: null },
    { minutes: [30, 60, 90, 120], k: 5, hours: null },
    { minutes: [600, 30, 150, 90, 200], k: 5, hours: 3 },
    { minutes: [1, 2, 3], k: 3, hours: 1 },
    { minutes: [60, 60, 60, 121, 121, 121], k: 5, hours: 1 },
    { minutes: [1500, 1500, 1500, 1500, 1500], k: 5, hours: 25 },
  ])('$minutes with k=$k reads $hours', ({ minutes, k, hours }) => {
    expect(waitEstimateHours(minutes, k)).toBe(hours);
  });
});
