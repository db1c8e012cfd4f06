import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rate-limit';

describe('rateLimiter', () => {
  it('allows `limit` attempts per key per window', () => {
    const limiter = rateLimiter({ limit: 2, windowMs: 1000 });
    expect([limiter.take('a', 0), limiter.take('a', 10), limiter.take('a', 20)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.take('b', 20)).toBe(true);
    expect(limiter.take('a', 1000)).toBe(true);
  });
});
