import { describe, expect, it } from 'vitest';
import { bindingOf, signToken, tokenKey, verifyToken } from './tokens';

const key = tokenKey('a-test-secret-that-is-long-enough-for-us');
const claims = { subscriberId: 4711, newsletterId: 1, version: 3 };
const current = (version: number | undefined) => () => version;

describe('subscriber link tokens', () => {
  it('verifies a token it signed, and it is URL-safe and carries no address', () => {
    const token = signToken(key, 'preferences', claims);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyToken(key, 'preferences', token, { currentVersion: current(3) })).toEqual({
      ok: true,
      claims,
    });
  });

  it('refuses a token used for another purpose', () => {
    const token = signToken(key, 'preferences', claims);
    expect(verifyToken(key, 'unsubscribe', token, { currentVersion: current(3) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyToken(key, 'confirm', token, { currentVersion: current(3) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a tampered token: another subscriber, another version, a changed MAC', () => {
    const token = signToken(key, 'unsubscribe', claims);
    const [sid, nid, ver, exp, sig] = token.split('.') as [string, string, string, string, string];
    const other = [(4712).toString(36), nid, ver, exp, sig].join('.');
    expect(verifyToken(key, 'unsubscribe', other, { currentVersion: current(3) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const bumped = [sid, nid, (4).toString(36), exp, sig].join('.');
    expect(verifyToken(key, 'unsubscribe', bumped, { currentVersion: current(4) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const flipped = [sid, nid, ver, exp, (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)].join('.');
    expect(verifyToken(key, 'unsubscribe', flipped, { currentVersion: current(3) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a token signed with another secret', () => {
    const token = signToken(
      tokenKey('another-secret-that-is-long-enough-too'),
      'unsubscribe',
      claims,
    );
    expect(verifyToken(key, 'unsubscribe', token, { currentVersion: current(3) })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses an expired token but names whose it was, so a fresh link can be offered', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const token = signToken(key, 'confirm', claims, {
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
    });
    expect(verifyToken(key, 'confirm', token, { now, currentVersion: current(3) }).ok).toBe(true);
    const later = new Date(now.getTime() + 7 * 86_400_000 + 1000);
    expect(verifyToken(key, 'confirm', token, { now: later, currentVersion: current(3) })).toEqual({
      ok: false,
      reason: 'expired',
      claims,
    });
  });

  it('refuses a token whose version was bumped (revoked) or whose subscriber is gone', () => {
    const token = signToken(key, 'preferences', claims);
    expect(verifyToken(key, 'preferences', token, { currentVersion: current(4) })).toMatchObject({
      ok: false,
      reason: 'revoked',
    });
    expect(
      verifyToken(key, 'preferences', token, { currentVersion: current(undefined) }),
    ).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('binds an address-change token to the pending address without containing it', () => {
    const address = 'nieuw@gemeente.nl';
    const token = signToken(key, 'email', claims, { bind: bindingOf(address) });
    expect(token).not.toContain('nieuw');
    expect(
      verifyToken(key, 'email', token, { bind: bindingOf(address), currentVersion: current(3) }).ok,
    ).toBe(true);
    expect(
      verifyToken(key, 'email', token, {
        bind: bindingOf('ander@gemeente.nl'),
        currentVersion: current(3),
      }),
    ).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it.each([
    '',
    'abc',
    '1.1.1.0',
    '1.1.1.0.' + 'x'.repeat(21),
    '../../etc/passwd',
    '1.1.1.0.' + 'é'.repeat(22),
    'a'.repeat(10_000),
  ])('calls %j malformed without throwing', (token) => {
    expect(verifyToken(key, 'preferences', token, { currentVersion: current(1) })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
