import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { blockingMessages } from './checks';
import {
  deliveryChecks,
  deliverySetup,
  freeMailProvider,
  isLocalUrl,
  organisationalDomain,
  relaxedAligned,
  type DeliverySetup,
} from './delivery-checks';

const production: DeliverySetup = {
  production: true,
  dkimDomain: 'example.nl',
  publicUrl: 'https://nieuwsbrief.example.nl',
};
const sender = { senderEmail: 'nieuws@nieuws.example.nl', slug: 'raadsbericht' };
const ids = (setup: DeliverySetup, s = sender) =>
  deliveryChecks(setup, s).map((c) => `${c.id}:${c.level}`);

describe('organisationalDomain', () => {
  it.each([
    ['example.nl', 'example.nl'],
    ['nieuws.example.nl', 'example.nl'],
    ['a.b.c.example.nl', 'example.nl'],
    ['NIEUWS.Example.NL.', 'example.nl'],
    ['council.gov.uk', 'council.gov.uk'],
    ['news.council.gov.uk', 'council.gov.uk'],
    ['mail.example.co.uk', 'example.co.uk'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
  ])('%s → %s', (domain, org) => expect(organisationalDomain(domain)).toBe(org));
});

describe('relaxedAligned', () => {
  it('aligns a parent, a child and a sibling of the same organisation', () => {
    expect(relaxedAligned('example.nl', 'nieuws.example.nl')).toBe(true);
    expect(relaxedAligned('nieuws.example.nl', 'example.nl')).toBe(true);
    expect(relaxedAligned('mail.example.nl', 'nieuws.example.nl')).toBe(true);
  });
  it('does not align another organisation or a look-alike', () => {
    expect(relaxedAligned('example.org', 'nieuws.example.nl')).toBe(false);
    expect(relaxedAligned('notexample.nl', 'example.nl')).toBe(false);
    expect(relaxedAligned('other.co.uk', 'example.co.uk')).toBe(false);
  });
});

describe('freeMailProvider', () => {
  it.each([
    'gmail.com',
    'hotmail.nl',
    'outlook.com',
    'gmx.de',
    'gmx.net',
    'yahoo.co.uk',
    'ziggo.nl',
  ])('%s is free mail', (domain) =>
    expect(freeMailProvider(domain)).toBe(organisationalDomain(domain)),
  );
  it.each(['example.nl', 'gemeente-utrecht.nl', 'rijksoverheid.nl', 'vsg.example'])(
    '%s is not',
    (domain) => expect(freeMailProvider(domain)).toBeNull(),
  );
});

describe('deliveryChecks', () => {
  it('passes an aligned, signed, https setup on the sender’s own domain', () => {
    expect(deliveryChecks(production, sender)).toEqual([]);
    expect(ids({ ...production, dkimDomain: 'mail.example.nl' })).toEqual([]);
  });

  it('blocks a DKIM domain of another organisation and says what to set', () => {
    const checks = deliveryChecks({ ...production, dkimDomain: 'example.org' }, sender);
    expect(checks).toEqual([
      {
        id: 'dkim-aligned',
        level: 'block',
        message:
          'Stel DKIM in voor nieuws.example.nl: DKIM_DOMAIN is example.org, dus DMARC faalt en ontvangers kunnen de nieuwsbrief weigeren. Zet DKIM_DOMAIN op example.nl of een subdomein daarvan, met de sleutel die in de DNS van dat domein staat.',
      },
    ]);
    // Misaligned DKIM breaks delivery whatever the relay: also a block with the outbox.
    expect(ids({ ...production, production: false, dkimDomain: 'example.org' })).toEqual([
      'dkim-aligned:block',
    ]);
  });

  it('blocks missing DKIM in production and only warns with the outbox', () => {
    expect(ids({ ...production, dkimDomain: undefined })).toEqual(['dkim-missing:block']);
    const outbox = deliveryChecks(
      { ...production, production: false, dkimDomain: undefined },
      sender,
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: 'dkim-missing', level: 'warn' });
    expect(outbox[0]!.message).toContain(
      'Voor een proefopstelling (zonder SMTP_URL, of met PUBLIC_URL op localhost) is dat goed; zet DKIM_DOMAIN (example.nl), DKIM_SELECTOR en DKIM_PRIVATE_KEY_FILE voordat u naar echte lezers verzendt.',
    );
  });

  it('blocks an http PUBLIC_URL in production and warns with the outbox', () => {
    const http = { ...production, publicUrl: 'http://nieuwsbrief.example.nl' };
    expect(ids(http)).toEqual(['public-url-https:block']);
    expect(deliveryChecks(http, sender)[0]!.message).toBe(
      'PUBLIC_URL (http://nieuwsbrief.example.nl) is geen https-adres. Afmelden met één klik (RFC 8058) vraagt https; zonder dat tonen Gmail en Yahoo geen afmeldknop en weigeren ze bulkmail. Zet PUBLIC_URL op een https://-adres.',
    );
    expect(ids({ ...http, production: false })).toEqual(['public-url-https:warn']);
  });

  it('warns when the List-Id is not under the sender’s domain', () => {
    const checks = deliveryChecks(
      { ...production, publicUrl: 'https://kopij.host.example' },
      sender,
    );
    expect(checks).toEqual([
      {
        id: 'list-id-domain',
        level: 'warn',
        message:
          'De List-Id raadsbericht.kopij.host.example valt niet onder het afzenderdomein example.nl, dus filters herkennen de lijst minder goed. Laat PUBLIC_URL onder example.nl vallen, bijvoorbeeld https://nieuwsbrief.example.nl.',
      },
    ]);
    expect(blockingMessages(checks)).toEqual([]);
  });

  it('takes the newsletter’s own List-Id domain over the PUBLIC_URL host', () => {
    const elsewhere = { ...production, publicUrl: 'https://kopij.host.example' };
    expect(deliveryChecks(elsewhere, { ...sender, listIdDomain: 'lijst.example.nl' })).toEqual([]);
    expect(deliveryChecks(production, { ...sender, listIdDomain: 'lijst.host.example' })).toEqual([
      {
        id: 'list-id-domain',
        level: 'warn',
        message:
          'De List-Id raadsbericht.lijst.host.example valt niet onder het afzenderdomein example.nl, dus filters herkennen de lijst minder goed. Kies bij de nieuwsbrief een List-Id-domein onder example.nl, bijvoorbeeld nieuwsbrief.example.nl.',
      },
    ]);
  });

  it('blocks a free-mail sender, whatever the rest of the setup', () => {
    const gmail = { senderEmail: 'raadsbericht@gmail.com', slug: 'raadsbericht' };
    expect(ids({ ...production, dkimDomain: 'gmail.com' }, gmail)).toEqual([
      'sender-free-mail:block',
    ]);
    expect(ids({ ...production, production: false, dkimDomain: undefined }, gmail)).toEqual([
      'sender-free-mail:block',
    ]);
    expect(deliveryChecks(production, gmail)[0]!.message).toContain(
      'Het afzenderadres raadsbericht@gmail.com hoort bij gmail.com',
    );
  });

  it('sees the demo and the end-to-end setup (no relay, or a catcher on localhost) as warnings only', () => {
    const demo = deliverySetup(parseConfig({}));
    expect(demo).toEqual({
      production: false,
      dkimDomain: undefined,
      publicUrl: 'http://localhost:3000',
    });
    // e2e/server.ts: a loopback SMTP server and PUBLIC_URL on localhost.
    const e2e = deliverySetup(
      parseConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'http://localhost:3210' }),
    );
    expect(e2e.production).toBe(false);
    for (const setup of [demo, e2e]) {
      const checks = deliveryChecks(setup, { senderEmail: 'raadsbericht@vsg.example', slug: 'r' });
      expect(checks.map((c) => c.id)).toEqual([
        'dkim-missing',
        'public-url-https',
        'list-id-domain',
      ]);
      expect(blockingMessages(checks)).toEqual([]);
    }
  });

  it('counts a relay with a PUBLIC_URL readers can reach as production, even over http', () => {
    const setup = deliverySetup(
      parseConfig({
        SMTP_URL: 'smtp://127.0.0.1:25',
        PUBLIC_URL: 'http://nieuwsbrief.vsg.example',
      }),
    );
    expect(setup.production).toBe(true);
    expect(
      blockingMessages(deliveryChecks(setup, { senderEmail: 'r@vsg.example', slug: 'r' })),
    ).toHaveLength(2);
  });

  it.each([
    ['http://localhost:3000', true],
    ['http://app.localhost', true],
    ['http://127.0.0.1:3100', true],
    ['http://[::1]:3000', true],
    ['https://nieuwsbrief.example.nl', false],
    ['http://10.0.0.5', false],
  ])('isLocalUrl(%s) is %s', (url, local) => expect(isLocalUrl(url)).toBe(local));

  it('reads production and the DKIM domain from the configuration', () => {
    const config = parseConfig({
      SMTP_URL: 'smtp://relay.example.nl:587',
      PUBLIC_URL: 'https://nieuwsbrief.example.nl/',
      DKIM_DOMAIN: 'Example.NL',
      DKIM_SELECTOR: 'kopij',
      DKIM_PRIVATE_KEY_FILE: 'dkim.pem',
    });
    expect(deliverySetup(config)).toEqual(production);
  });
});
