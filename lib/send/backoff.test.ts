import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff';

const HOUR = 3_600_000;
const BASE = 60_000;
// Math.random never returns 1; this is as close as a double gets.
const highest = () => 1 - Number.EPSILON;
const lowest = () => 0;
const middle = () => 0.5;

describe('the retry backoff', () => {
  it('never waits longer than an hour, whatever the jitter and however many attempts', () => {
    for (let attempts = 1; attempts <= 60; attempts++) {
      for (const random of [lowest, middle, highest])
        expect(retryDelay(attempts, BASE, random)).toBeLessThanOrEqual(HOUR);
    }
    expect(retryDelay(1, 10 * HOUR, highest)).toBeLessThanOrEqual(HOUR);
  });

  it('doubles with each attempt below the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelay(attempts, BASE, middle))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000,
    ]);
    expect(retryDelay(0, BASE, middle)).toBe(60_000);
  });

  it('spreads retries by up to a fifth either way below the cap', () => {
    expect(retryDelay(3, BASE, lowest)).toBe(192_000);
    expect(retryDelay(3, BASE, highest)).toBe(288_000);
  });

  it('still spreads retries once the cap is reached', () => {
    expect(retryDelay(30, BASE, lowest)).toBeLessThan(retryDelay(30, BASE, highest));
    expect(retryDelay(30, BASE, lowest)).toBeGreaterThanOrEqual(HOUR / 2);
  });
});
