import type { Config } from '@/lib/config';
import { checkIssue, type Check } from './checks';
import type { RenderInput } from './render';
import { listIdDomainOf, listIdOf, type ListIdSource } from '@/lib/newsletters/list-id';

/**
 * The facts outside the issue that decide whether its mail is delivered. "Production" is mail
 * to real readers: a relay (SMTP_URL set) and a PUBLIC_URL they can reach. Without SMTP_URL mail
 * goes to the outbox (the demo); with PUBLIC_URL on this machine (localhost, 127.0.0.1) no reader
 * could open a link in the mail, so the relay is a mail catcher (the end-to-end suite relays to
 * a loopback SMTP server). There, what would be rejected in production is a warning, not a block.
 */
export type DeliverySetup = {
  production: boolean;
  /** DKIM_DOMAIN, the d= of the signature; undefined when mail is not signed. */
  dkimDomain: string | undefined;
  publicUrl: string;
};

export type DeliverySender = ListIdSource & { senderEmail: string };

/** Whether a URL points at this machine, where no reader can follow it. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

export function deliverySetup(config: Pick<Config, 'smtpUrl' | 'publicUrl' | 'send'>) {
  return {
    production: !!config.smtpUrl && !isLocalUrl(config.publicUrl),
    dkimDomain: config.send.dkim?.domain.toLowerCase().replace(/\.$/, ''),
    publicUrl: config.publicUrl,
  } satisfies DeliverySetup;
}

/**
 * Public suffixes of two labels, under which an organisation's domain has three. A deliberate
 * simplification of the Public Suffix List (DMARC's organisational domain, RFC 7489 3.2): the
 * last two labels, or three under one of these. A sender under a suffix missing here is judged
 * by its last two labels, which can only make alignment stricter, never looser than it is.
 */
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'nhs.uk',
  'com.au',
  'net.au',
  'org.au',
  'gov.au',
  'edu.au',
  'co.nz',
  'org.nz',
  'govt.nz',
  'co.za',
  'org.za',
  'gov.za',
  'com.br',
  'gov.br',
  'co.jp',
  'or.jp',
  'ne.jp',
  'co.in',
  'gov.in',
  'com.tr',
  'gov.tr',
]);

const isIpAddress = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

export const domainOfAddress = (address: string) =>
  address
    .slice(address.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');

/** The domain an organisation registered: example.nl for nieuws.example.nl (see the list above). */
export function organisationalDomain(domain: string): string {
  const host = domain
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIpAddress(host)) return host;
  const labels = host.split('.');
  const take = labels.length > 2 && TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * DMARC relaxed alignment: the signing domain and the From domain share their organisational
 * domain, in either direction (d=example.nl for nieuws.example.nl, and d=mail.example.nl too).
 */
export const relaxedAligned = (a: string, b: string) =>
  organisationalDomain(a) === organisationalDomain(b);

// Mailbox providers for the public. Only their own servers can sign or send for their domains, so
// a newsletter "from" such an address fails DMARC; most publish p=reject or quarantine, and the
// big receivers reject or junk unauthenticated bulk mail even under p=none.
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'live.com',
  'live.nl',
  'live.be',
  'live.co.uk',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.nl',
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'hetnet.nl',
  'home.nl',
  'xs4all.nl',
  'zonnet.nl',
  'upcmail.nl',
  'chello.nl',
  'casema.nl',
  'telfort.nl',
  'tele2.nl',
  'online.nl',
  'quicknet.nl',
  'proton.me',
  'pm.me',
  'protonmail.com',
  'protonmail.ch',
  'tutanota.com',
  'mail.com',
  'web.de',
  't-online.de',
  'yandex.com',
  'skynet.be',
  'telenet.be',
  'orange.fr',
]);
/** Providers with the same name under many country domains: gmx.net, gmx.de, yahoo.co.uk... */
const FREE_MAIL_BRANDS = new Set(['gmx', 'yahoo', 'ymail', 'hotmail', 'outlook']);

/** The free-mail provider of a domain (its organisational domain), or null. */
export function freeMailProvider(domain: string): string | null {
  const org = organisationalDomain(domain);
  return FREE_MAIL.has(org) || FREE_MAIL_BRANDS.has(org.split('.')[0]!) ? org : null;
}

/** Blocks in production, warns elsewhere; `fix` ("zet ...") says what to change. */
const byRelay = (setup: DeliverySetup, id: string, problem: string, fix: string): Check =>
  setup.production
    ? { id, level: 'block', message: `${problem} ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.` }
    : {
        id,
        level: 'warn',
        message: `${problem} Voor een proefopstelling (zonder SMTP_URL, of met PUBLIC_URL op localhost) is dat goed; ${fix} voordat u naar echte lezers verzendt.`,
      };

function dkimChecks(setup: DeliverySetup, from: string): Check[] {
  const org = organisationalDomain(from);
  if (!setup.dkimDomain)
    return [
      byRelay(
        setup,
        'dkim-missing',
        `DKIM is niet ingesteld: zonder handtekening voor ${from} faalt DMARC en weigeren Gmail, Yahoo en Microsoft bulkmail.`,
        `zet DKIM_DOMAIN (${org}), DKIM_SELECTOR en DKIM_PRIVATE_KEY_FILE`,
      ),
    ];
  if (relaxedAligned(setup.dkimDomain, from)) return [];
  return [
    {
      id: 'dkim-aligned',
      level: 'block',
      message: `Stel DKIM in voor ${from}: DKIM_DOMAIN is ${setup.dkimDomain}, dus DMARC faalt en ontvangers kunnen de nieuwsbrief weigeren. Zet DKIM_DOMAIN op ${org} of een subdomein daarvan, met de sleutel die in de DNS van dat domein staat.`,
    },
  ];
}

/**
 * What would stop this newsletter's mail from being delivered under this setup: pure, so the
 * preview, approval and the send start judge the same facts the same way.
 */
export function deliveryChecks(setup: DeliverySetup, sender: DeliverySender): Check[] {
  const from = domainOfAddress(sender.senderEmail);
  const org = organisationalDomain(from);
  const checks: Check[] = [];
  const provider = freeMailProvider(from);
  if (provider)
    checks.push({
      id: 'sender-free-mail',
      level: 'block',
      message: `Het afzenderadres ${sender.senderEmail} hoort bij ${provider}, een gratis maildienst. Alleen de servers van die dienst mogen namens dat domein mailen, dus DMARC faalt en ontvangers weigeren de nieuwsbrief of zetten hem bij spam. Gebruik een afzenderadres op het domein van uw organisatie.`,
    });
  // DKIM for a free-mail domain cannot be had; the advice above is the one that helps.
  else checks.push(...dkimChecks(setup, from));

  const url = new URL(setup.publicUrl);
  if (url.protocol !== 'https:')
    checks.push(
      byRelay(
        setup,
        'public-url-https',
        `PUBLIC_URL (${setup.publicUrl}) is geen https-adres. Afmelden met één klik (RFC 8058) vraagt https; zonder dat tonen Gmail en Yahoo geen afmeldknop en weigeren ze bulkmail.`,
        'zet PUBLIC_URL op een https://-adres',
      ),
    );
  // A warning: List-Id is not authenticated and no receiver rejects on it; it only groups the
  // list (filters, feedback loops), which works best under the sender's own domain.
  const listDomain = listIdDomainOf(sender, setup.publicUrl);
  if (!provider && organisationalDomain(listDomain) !== org)
    checks.push({
      id: 'list-id-domain',
      level: 'warn',
      message: `De List-Id ${listIdOf(sender, setup.publicUrl)} valt niet onder het afzenderdomein ${org}, dus filters herkennen de lijst minder goed. ${
        sender.listIdDomain
          ? `Kies bij de nieuwsbrief een List-Id-domein onder ${org}, bijvoorbeeld nieuwsbrief.${org}.`
          : `Laat PUBLIC_URL onder ${org} vallen, bijvoorbeeld https://nieuwsbrief.${org}.`
      }`,
    });
  return checks;
}

/** Everything the preview shows and approval asks: the issue's own checks, then delivery's. */
export function approvalChecks(
  source: RenderInput & { newsletter: DeliverySender },
  htmlBytes: number,
  setup: DeliverySetup,
): Check[] {
  return [...checkIssue(source, htmlBytes), ...deliveryChecks(setup, source.newsletter)];
}
