import { describe, expect, it } from 'vitest';
import { sessions, users } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import {
  DEVICE_COOKIE,
  deviceCookie,
  deviceToken,
  knownDevice,
  rememberDevice,
  signedInBy,
} from './known-device';

const secret = 'a-secret-only-for-this-test-0123456789';
const email = 'redactie@kopij.test';
const t0 = Date.UTC(2030, 0, 1);

describe('device tokens', () => {
  it('are recognised for the address they were made for', () => {
    const token = deviceToken(email, secret, t0);
    const id = knownDevice(token, email, secret, t0 + 1000);
    expect(id).toMatch(/^[\w-]{16}$/);
    expect(token.startsWith(`${id}.`)).toBe(true);
    // Addresses are compared as the sign-in form stores them: lower case.
    expect(knownDevice(token, 'Redactie@Kopij.TEST', secret, t0)).toBe(id);
  });

  it('hold no readable address', () => {
    const token = deviceToken(email, secret, t0);
    expect(token).not.toContain('redactie');
    for (const part of token.split('.'))
      expect(Buffer.from(part, 'base64url').toString('latin1')).not.toContain(email);
  });

  it('are refused for another address, another secret, when altered or expired', () => {
    const token = deviceToken(email, secret, t0);
    expect(knownDevice(token, 'ander@kopij.test', secret, t0)).toBeUndefined();
    expect(knownDevice(token, email, `${secret}x`, t0)).toBeUndefined();
    const [id, issued, mac] = token.split('.') as [string, string, string];
    expect(knownDevice(`${id}.${Number(issued) + 1}.${mac}`, email, secret, t0)).toBeUndefined();
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(knownDevice(`${id}.${issued}.${flipped}`, email, secret, t0)).toBeUndefined();
    expect(knownDevice(token, email, secret, t0 + 181 * 24 * 3600_000)).toBeUndefined();
    expect(knownDevice(token, email, secret, t0 + 179 * 24 * 3600_000)).toBe(id);
  });

  it.each([undefined, '', 'x', 'a.b.c', `${'a'.repeat(16)}.1.${'b'.repeat(43)}`, 'é'.repeat(80)])(
    'refuses the malformed cookie %j',
    (token) => expect(knownDevice(token, email, secret, t0)).toBeUndefined(),
  );

  it('go in an httpOnly cookie that only the sign-in page receives', () => {
    const cookie = deviceCookie('abc', false);
    expect(cookie).toBe(
      `${DEVICE_COOKIE}=abc; Path=/inloggen; Max-Age=15552000; HttpOnly; SameSite=Lax`,
    );
    expect(deviceCookie('abc', true)).toMatch(/; Secure$/);
  });
});

describe('rememberDevice', () => {
  function database() {
    const db = testDb();
    db.insert(users).values({ id: 'u1', email, name: 'Sanne', role: 'admin' }).run();
    db.insert(sessions)
      .values({ sessionToken: 'sessie-123', userId: 'u1', expires: new Date(t0 + 3600_000) })
      .run();
    return db;
  }
  const signedIn = (cookie = 'authjs.session-token=sessie-123; Path=/; HttpOnly') =>
    new Response(null, {
      status: 302,
      headers: [
        ['location', 'http://localhost/redactie'],
        ['set-cookie', 'authjs.csrf-token=x; Path=/'],
        ['set-cookie', cookie],
      ],
    });

  it('adds a device cookie for the editor whose session the answer starts', () => {
    const db = database();
    expect(signedInBy(db, signedIn())).toBe(email);
    const answer = rememberDevice(db, signedIn(), { secret, secure: false });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://localhost/redactie');
    const cookies = answer.headers.getSetCookie();
    expect(cookies).toHaveLength(3);
    const device = cookies[2]!.match(new RegExp(`^${DEVICE_COOKIE}=([^;]+)`))?.[1];
    expect(knownDevice(device, email, secret)).toBeDefined();
  });

  it('reads the __Secure- session cookie of an https site', () => {
    const db = database();
    const answer = signedIn('__Secure-authjs.session-token=sessie-123; Path=/; Secure');
    expect(signedInBy(db, answer)).toBe(email);
  });

  it('leaves other answers alone: no session, a removed one, an unknown token', () => {
    const db = database();
    const plain = new Response('x', { headers: { 'set-cookie': 'authjs.csrf-token=x' } });
    expect(rememberDevice(db, plain, { secret, secure: false })).toBe(plain);
    const cleared = signedIn('authjs.session-token=; Max-Age=0');
    expect(rememberDevice(db, cleared, { secret, secure: false })).toBe(cleared);
    const forged = signedIn('authjs.session-token=vervalst');
    expect(rememberDevice(db, forged, { secret, secure: false })).toBe(forged);
  });
});
