import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../src/domain/within.js';

describe('within', () => {
  afterEach(() => vi.useRealTimers());

  it("gives the work's result when it comes in time, and clears its timer", async () => {
    vi.useFakeTimers();
    const answer = within(Promise.resolve('de'), 100, 'late');
    await expect(answer).resolves.toBe('de');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the stand-in once the time is up, without waiting for the work', async () => {
    vi.useFakeTimers();
    const answer = within(new Promise<string>(() => {}), 100, 'late');
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toBe('late');
  });

  it("passes on the work's failure when it fails in time", async () => {
    vi.useFakeTimers();
    await expect(within(Promise.reject(new Error('no locale')), 100, 'late')).rejects.toThrow('no locale');
    expect(vi.getTimerCount()).toBe(0);
  });
});
