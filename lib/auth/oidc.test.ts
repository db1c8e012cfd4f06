import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { testDb } from '@/lib/test/db';

const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

const { OIDC_REFUSED, checkOidcSignIn, emailVerified, oidcProvider } = await import('./oidc');

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const entra = `https://login.microsoftonline.com/${tenant}/v2.0`;
const generic = 'https://login.gemeente.example';
const oidc = { issuer: generic, clientId: 'kopij', clientSecret: 'geheim', name: 'Gemeente' };
const db = () => state.database as ReturnType<typeof testDb>;
const audit = () => db().select().from(auditLog).all();

beforeEach(() => {
  state.database = testDb();
  db()
    .insert(users)
    .values([
      { id: 'u1', email: 'redacteur@kopij.test', name: 'Fatima', role: 'redacteur' },
      { id: 'u2', email: 'oud@kopij.test', name: 'Oud', role: 'redacteur', active: false },
      { id: 'u3', email: 'hoofd@kopij.test', name: 'Pieter', role: 'hoofdredacteur' },
    ])
    .run();
});

describe('emailVerified', () => {
  it('takes email_verified only when it is exactly true', () => {
    expect(emailVerified({ email_verified: true }, generic)).toBe(true);
    expect(emailVerified({ email_verified: false }, generic)).toBe(false);
    expect(emailVerified({ email_verified: 'true' }, generic)).toBe(false);
    expect(emailVerified({}, generic)).toBe(false);
  });

  it("reads Entra ID's xms_edov for the tenant's own tokens when email_verified is absent", () => {
    expect(emailVerified({ xms_edov: true, tid: tenant }, entra)).toBe(true);
    expect(emailVerified({ xms_edov: '1', tid: tenant.toUpperCase() }, entra)).toBe(true);
    expect(emailVerified({ xms_edov: false, tid: tenant }, entra)).toBe(false);
    expect(emailVerified({ tid: tenant }, entra)).toBe(false);
    // Another tenant's token, or xms_edov from an issuer that is not Entra ID: not trusted.
    expect(emailVerified({ xms_edov: true, tid: 'other' }, entra)).toBe(false);
    expect(emailVerified({ xms_edov: true, tid: tenant }, generic)).toBe(false);
    // A provider that says false is never overridden.
    expect(emailVerified({ email_verified: false, xms_edov: true, tid: tenant }, entra)).toBe(
      false,
    );
  });
});

describe('checkOidcSignIn', () => {
  it('lets in an active editor by her verified address, whatever its case, and logs nothing', () => {
    expect(
      checkOidcSignIn(oidc, { email: ' Redacteur@Kopij.TEST', email_verified: true, sub: 's1' }),
    ).toBe(true);
    expect(audit()).toEqual([]);
  });

  it.each([
    ['no_email', { email_verified: true }],
    ['unverified', { email: 'redacteur@kopij.test', email_verified: false }],
    ['unverified', { email: 'redacteur@kopij.test' }],
    ['unknown', { email: 'onbekend@gemeente.example', email_verified: true }],
    ['unknown', { email: 'oud@kopij.test', email_verified: true }],
  ])('refuses (%s) with the one refusal page and an audit line', (reason, claims) => {
    expect(checkOidcSignIn(oidc, { ...claims, sub: 's1', nonce: 'n' })).toBe(OIDC_REFUSED);
    const [line] = audit();
    expect(line).toMatchObject({
      action: 'editor.sign_in_refused',
      actorId: null,
      details: { method: 'oidc', reason },
    });
    expect(line!.summary).toMatch(/^Inloggen met Gemeente geweigerd: /);
    expect(JSON.stringify(line)).not.toMatch(/"sub"|nonce|token/);
  });

  it('refuses an account linked to one editor that now claims another address', () => {
    const claims = { email: 'hoofd@kopij.test', email_verified: true };
    expect(checkOidcSignIn(oidc, claims, 'redacteur@kopij.test')).toBe(OIDC_REFUSED);
    expect(audit()[0]).toMatchObject({
      entityId: 'u3',
      details: { reason: 'other_account' },
    });
    expect(checkOidcSignIn(oidc, claims, 'HOOFD@kopij.test')).toBe(true);
  });
});

describe('oidcProvider', () => {
  it('discovers the issuer, asks for e-mail, checks PKCE and state, and keeps no tokens', () => {
    const provider = oidcProvider(oidc, 'http://127.0.0.1:3000');
    expect(provider).toMatchObject({
      id: 'oidc',
      type: 'oidc',
      issuer: generic,
      authorization: { params: { scope: 'openid email profile' } },
      checks: ['pkce', 'state'],
      redirectProxyUrl: 'http://127.0.0.1:3000/api/auth',
      allowDangerousEmailAccountLinking: true,
    });
    expect(provider.account?.({ access_token: 'a', id_token: 'i' })).toBeUndefined();
    expect(
      provider.profile?.({ sub: 's1', email: ' Redacteur@Kopij.TEST', name: 'F' }, {}),
    ).toEqual({ id: 's1', name: 'F', email: 'redacteur@kopij.test' });
  });
});
