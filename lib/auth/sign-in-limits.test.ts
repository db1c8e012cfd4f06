import { describe, expect, it } from 'vitest';
import { signInLimiter } from './sign-in-limits';

const editor = 'redactie@kopij.test';
const limits = () => signInLimiter({ signInLimit: 3, signInAddressLimit: 6 });
const t0 = Date.UTC(2030, 0, 1);

describe('signInLimiter', () => {
  it('gives each (address, client) pair its own SIGN_IN_LIMIT', () => {
    const limiter = limits();
    const stranger = Array.from({ length: 5 }, () =>
      limiter.take({ email: editor, client: '198.51.100.66' }, t0),
    );
    expect(stranger).toEqual(['send', 'send', 'send', 'quiet', 'quiet']);
    // The editor, from their own address, is untouched by the stranger's requests.
    expect(limiter.take({ email: editor, client: '192.0.2.10' }, t0)).toBe('send');
    // And the stranger may still ask for another address.
    expect(limiter.take({ email: 'ander@kopij.test', client: '198.51.100.66' }, t0)).toBe('send');
  });

  it('counts toward the ceiling only requests that passed their pair', () => {
    const limiter = limits();
    for (let i = 0; i < 15; i++) limiter.take({ email: editor, client: '198.51.100.1' }, t0);
    // 3 of the 15 counted; 3 more from a second client reach the ceiling of 6.
    for (let i = 0; i < 3; i++)
      expect(limiter.take({ email: editor, client: '198.51.100.2' }, t0)).toBe('send');
    expect(limiter.take({ email: editor, client: '192.0.2.10' }, t0)).toBe('quiet');
  });

  it('holds the ceiling against strangers on many clients, but not against a known browser', () => {
    const limiter = limits();
    const answers = Array.from({ length: 12 }, (_, i) =>
      limiter.take({ email: editor, client: `198.51.100.${i}` }, t0),
    );
    expect(answers.filter((a) => a === 'send')).toHaveLength(6);
    expect(limiter.take({ email: editor, client: '192.0.2.10' }, t0)).toBe('quiet');
    // The editor's own browser (a valid device cookie for this address) is still mailed, up to
    // its own pair limit.
    const own = Array.from({ length: 4 }, () =>
      limiter.take({ email: editor, client: '192.0.2.10', device: 'abc' }, t0),
    );
    expect(own).toEqual(['send', 'send', 'send', 'quiet']);
    // Its pair is the device, not the address: a stranger at the same address does not share it.
    expect(limiter.take({ email: editor, client: '192.0.2.10', device: 'other' }, t0)).toBe('send');
  });

  it('limits one client over all addresses to six times SIGN_IN_LIMIT, with a message', () => {
    const limiter = limits();
    const answers = Array.from({ length: 20 }, (_, i) =>
      limiter.take({ email: `iemand${i}@gemeente.example`, client: '198.51.100.7' }, t0),
    );
    expect(answers.slice(0, 18).every((a) => a === 'send')).toBe(true);
    expect(answers.slice(18)).toEqual(['client-limit', 'client-limit']);
    // Another client is not affected, nor is a known browser behind the same address.
    expect(limiter.take({ email: editor, client: '198.51.100.8' }, t0)).toBe('send');
    expect(limiter.take({ email: editor, client: '198.51.100.7', device: 'abc' }, t0)).toBe('send');
  });

  it('starts again after 15 minutes', () => {
    const limiter = limits();
    for (let i = 0; i < 12; i++) limiter.take({ email: editor, client: `198.51.100.${i}` }, t0);
    expect(limiter.take({ email: editor, client: '198.51.100.0' }, t0 + 14 * 60_000)).toBe('quiet');
    expect(limiter.take({ email: editor, client: '198.51.100.0' }, t0 + 15 * 60_000)).toBe('send');
  });
});
