import net from 'node:net';
import { z } from 'zod';

// The environment's shape, apart from lib/config.ts so that file stays about what the values mean.

// An empty variable (as .env files and CI matrices produce) means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const limit = z.coerce
  .number({ error: 'moet een getal zijn' })
  .int('moet een geheel getal zijn')
  .min(1, 'moet minstens 1 zijn');

/** An IPv4 or IPv6 address, with or without a /prefix. */
function isCidr(value: string): boolean {
  const [address, prefix, ...more] = value.split('/');
  const family = net.isIP(address ?? '');
  if (!family || more.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export const envSchema = z.object({
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(z.string()),
  SMTP_URL: optional(
    z.url({
      protocol: /^smtps?$/,
      error:
        'moet een smtp:// of smtps:// adres zijn, bijvoorbeeld smtp://gebruiker:wachtwoord@mail.example.nl:587',
    }),
  ),
  AUTH_SECRET: optional(
    z
      .string()
      .min(32, 'moet minstens 32 tekens lang zijn (genereer er een met: openssl rand -base64 32)'),
  ),
  PUBLIC_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: 'moet een http:// of https:// adres zijn, bijvoorbeeld https://nieuwsbrief.example.nl',
    }),
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'moet een getal zijn' })
      .int('moet een geheel getal zijn')
      .min(1, 'moet tussen 1 en 65535 liggen')
      .max(65535, 'moet tussen 1 en 65535 liggen'),
  ),
  INTERNAL_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: 'moet een http:// of https:// adres zijn, bijvoorbeeld http://127.0.0.1:3000',
    }),
  ),
  MAIL_FROM: optional(z.string().min(3)),
  SIGN_IN_LIMIT: optional(limit),
  SUBSCRIBE_LIMIT: optional(limit),
  SUBSCRIBE_CLIENT_LIMIT: optional(limit),
  SEND_WORKER: optional(
    z.enum(['app', 'apart'], { error: "moet 'app' (in de app) of 'apart' (npm run worker) zijn" }),
  ),
  SEND_CONCURRENCY: optional(limit.max(100, 'mag hoogstens 100 zijn')),
  SEND_RATE: optional(
    z.coerce.number({ error: 'moet een getal zijn' }).min(0, 'mag niet negatief zijn'),
  ),
  SEND_MAX_ATTEMPTS: optional(limit),
  SEND_RETRY_SECONDS: optional(
    z.coerce.number({ error: 'moet een getal zijn' }).positive('moet groter dan 0 zijn'),
  ),
  SEND_BOUNCE_LIMIT: optional(limit),
  SEND_RELAY_FAILURE_LIMIT: optional(limit),
  SEND_POLL_MS: optional(limit),
  DKIM_DOMAIN: optional(z.string().min(3)),
  DKIM_SELECTOR: optional(z.string().min(1)),
  DKIM_PRIVATE_KEY_FILE: optional(z.string().min(1)),
  BOUNCE_DOMAIN: optional(
    z
      .string()
      .regex(
        /^[a-z0-9.-]+\.[a-z]{2,}$/i,
        'moet een domeinnaam zijn, bijvoorbeeld bounces.example.nl',
      ),
  ),
  SEND_SOFT_BOUNCE_LIMIT: optional(limit),
  INBOUND_SMTP_PORT: optional(
    z.coerce
      .number({ error: 'moet een getal zijn' })
      .int('moet een geheel getal zijn')
      .min(1, 'moet tussen 1 en 65535 liggen')
      .max(65535, 'moet tussen 1 en 65535 liggen'),
  ),
  INBOUND_SMTP_HOST: optional(z.string().min(1)),
  IMAP_URL: optional(
    z.url({
      protocol: /^imaps?$/,
      error:
        'moet een imap:// of imaps:// adres zijn, bijvoorbeeld imaps://bounces:wachtwoord@mail.example.nl/INBOX',
    }),
  ),
  IMAP_POLL_SECONDS: optional(limit),
  POSTMARK_WEBHOOK_SECRET: optional(z.string().min(16, 'moet minstens 16 tekens lang zijn')),
  SES_WEBHOOK_SECRET: optional(z.string().min(16, 'moet minstens 16 tekens lang zijn')),
  TEST_SEND_LIMIT: optional(limit),
  TRUSTED_PROXIES: optional(
    z
      .string()
      .trim()
      .refine(
        (value) => /^\d{1,2}$/.test(value) || value.split(',').every((part) => isCidr(part.trim())),
        'moet een aantal proxies zijn (bijvoorbeeld 1) of een lijst met adressen en CIDR-blokken (bijvoorbeeld 10.0.0.0/8,192.168.1.5)',
      ),
  ),
  SIGN_IN_ADDRESS_LIMIT: optional(limit),
  BACKUP_DIR: optional(z.string().min(1)),
  BACKUP_SCHEDULE: optional(
    z
      .string()
      .regex(
        /^(uit|([01]\d|2[0-3]):[0-5]\d)$/,
        "moet een tijd zijn (bijvoorbeeld 03:30, dagelijks) of 'uit'",
      ),
  ),
  BACKUP_KEEP: optional(limit),
  HEALTH_MIN_FREE_MB: optional(
    z.coerce.number({ error: 'moet een getal zijn' }).min(0, 'mag niet negatief zijn'),
  ),
  HEALTH_RELAY_MINUTES: optional(limit),
  METRICS_TOKEN: optional(z.string().min(16, 'moet minstens 16 tekens lang zijn')),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], {
      error: "moet 'debug', 'info', 'warn' of 'error' zijn",
    }),
  ),
  OIDC_ISSUER: optional(
    z.url({
      protocol: /^https?$/,
      error:
        'moet het adres van de OpenID-provider zijn, bijvoorbeeld https://login.microsoftonline.com/<tenant>/v2.0',
    }),
  ),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_NAME: optional(z.string().min(1).max(60)),
});
