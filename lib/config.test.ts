import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/test/temp-dir';
import { ConfigError, parseConfig, prepareRuntime } from './config';

const tmp = () => tempDir('kopij-config');

describe('parseConfig', () => {
  it('uses the embedded defaults', () => {
    const config = parseConfig({});
    expect(config.databaseFile).toBe(path.resolve('data/kopij.db'));
    expect(config.outboxDir).toBe(path.resolve('data/outbox'));
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.send.relayFailureLimit).toBe(5);
    expect(parseConfig({ SEND_RELAY_FAILURE_LIMIT: '12' }).send.relayFailureLimit).toBe(12);
  });

  it('treats empty variables as unset and strips a file: prefix and a trailing slash', () => {
    const config = parseConfig({
      SMTP_URL: '',
      DATABASE_URL: 'file:/tmp/x.db',
      PUBLIC_URL: 'https://nieuws.example.nl/',
      PORT: '8080',
    });
    expect(config.smtpUrl).toBeUndefined();
    expect(config.databaseFile).toBe('/tmp/x.db');
    expect(config.publicUrl).toBe('https://nieuws.example.nl');
    expect(config.port).toBe(8080);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SMTP_URL', 'http://mail.example.nl'],
    ['PUBLIC_URL', 'nieuws.example.nl'],
    ['AUTH_SECRET', 'te-kort'],
    ['SEND_RELAY_FAILURE_LIMIT', '0'],
    ['TRUSTED_PROXIES', 'proxy.example.nl'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['BACKUP_SCHEDULE', '25:00'],
    ['METRICS_TOKEN', 'kort'],
    ['OIDC_ISSUER', 'login.example.nl'],
  ])('refuses %s=%s with a message that names the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`- ${name}: `));
  });
});

describe('parseConfig: trusted proxies, backups and single sign-on', () => {
  it('believes no forwarded hop unless told, then a count or a list of blocks', () => {
    expect(parseConfig({}).trustedProxies).toEqual({ hops: 0 });
    expect(parseConfig({ TRUSTED_PROXIES: '2' }).trustedProxies).toEqual({ hops: 2 });
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual({
      cidrs: ['10.0.0.0/8', '::1'],
    });
  });

  it('backs up daily at 03:30 into data/backups unless told otherwise', () => {
    expect(parseConfig({}).backup).toEqual({
      dir: path.resolve('data/backups'),
      schedule: '03:30',
      keep: 14,
    });
    expect(parseConfig({ BACKUP_SCHEDULE: 'uit' }).backup.schedule).toBeUndefined();
  });

  it('wants all three OIDC settings or none', () => {
    expect(parseConfig({}).oidc).toBeUndefined();
    expect(() => parseConfig({ OIDC_ISSUER: 'https://login.example.nl' })).toThrow(
      /OIDC_CLIENT_ID/,
    );
    expect(
      parseConfig({
        OIDC_ISSUER: 'https://login.example.nl/',
        OIDC_CLIENT_ID: 'kopij',
        OIDC_CLIENT_SECRET: 'geheim',
      }).oidc,
    ).toEqual({
      issuer: 'https://login.example.nl',
      clientId: 'kopij',
      clientSecret: 'geheim',
      name: 'uw organisatieaccount',
    });
  });

  it('wants an https issuer, and an Entra ID issuer for one tenant', () => {
    const oidc = (issuer: string) =>
      parseConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'kopij', OIDC_CLIENT_SECRET: 'geheim' })
        .oidc;
    expect(() => oidc('http://login.example.nl')).toThrow(/OIDC_ISSUER: moet een https/);
    expect(oidc('http://127.0.0.1:4000')?.issuer).toBe('http://127.0.0.1:4000');
    expect(oidc('http://localhost:4000')?.issuer).toBe('http://localhost:4000');
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    expect(oidc(`https://login.microsoftonline.com/${tenant}/v2.0`)?.issuer).toBe(
      `https://login.microsoftonline.com/${tenant}/v2.0`,
    );
    for (const wrong of ['common', 'organizations', 'gemeente.onmicrosoft.com'])
      expect(() => oidc(`https://login.microsoftonline.com/${wrong}/v2.0`)).toThrow(/tenant-ID/);
    expect(() => oidc(`https://login.microsoftonline.com/${tenant}`)).toThrow(/tenant-ID/);
  });
});

describe('prepareRuntime', () => {
  it('creates the folders and a secret once, then keeps it', () => {
    const dir = tmp();
    const config = parseConfig({ DATA_DIR: dir });
    const first = prepareRuntime(config);
    expect(fs.existsSync(path.join(dir, 'outbox'))).toBe(true);
    expect(first.authSecret).toMatch(/^[\w-]{40,}$/);
    expect(prepareRuntime(config).authSecret).toBe(first.authSecret);
  });

  it('prefers AUTH_SECRET from the environment and writes no file', () => {
    const dir = tmp();
    const secret = 'x'.repeat(40);
    expect(prepareRuntime(parseConfig({ DATA_DIR: dir, AUTH_SECRET: secret })).authSecret).toBe(
      secret,
    );
    expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false);
  });

  it('names DATABASE_URL when its folder cannot be created', () => {
    const dir = tmp();
    const blocker = path.join(dir, 'een-bestand');
    fs.writeFileSync(blocker, '');
    const config = parseConfig({
      DATA_DIR: dir,
      DATABASE_URL: path.join(blocker, 'sub', 'kopij.db'),
    });
    expect(() => prepareRuntime(config)).toThrow(
      /DATABASE_URL: de map .* kan niet worden aangemaakt/,
    );
  });
});
