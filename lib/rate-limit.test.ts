import { describe, expect, it } from 'vitest';
import { mailboxLimiter, rateLimiter } from './rate-limit';

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

describe('mailboxLimiter', () => {
  it('stops a stranger at their own pair, and counts toward the ceiling only what passed it', () => {
    const mailbox = mailboxLimiter({ pairLimit: 2, ceiling: 3, windowMs: 1000 });
    const stranger = [1, 2, 3, 4].map(() => mailbox.take('jan@x.nl', '10.0.0.9', 0));
    expect(stranger).toEqual([true, true, false, false]);
    // Two of the ceiling's three are used: the owner gets one, then the ceiling holds.
    expect(mailbox.take('jan@x.nl', '10.0.0.1', 0)).toBe(true);
    expect(mailbox.take('jan@x.nl', '10.0.0.2', 0)).toBe(false);
    // The pair alone (a client known to be the owner's) is not held to the ceiling.
    expect(mailbox.takePair('jan@x.nl', 'apparaat:1', 0)).toBe(true);
    expect(mailbox.take('piet@x.nl', '10.0.0.9', 0)).toBe(true);
  });
});
