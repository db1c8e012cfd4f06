import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Read by the Next server and by the scripts (start, migrate, seed), so no 'server-only' here.

/** A configuration problem that should stop the start with a plain message, not a stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

import { envSchema } from './config-env';
import { isInside, PRIVATE_FILE, privateDir, secureDataFolder } from './private-files';

export type Config = {
  dataDir: string;
  databaseFile: string;
  outboxDir: string;
  smtpUrl: string | undefined;
  publicUrl: string;
  /** Where the sender reaches the app to refresh the archive's cache after a send. */
  internalUrl: string;
  port: number;
  mailFrom: string;
  /** Sign-in links per (address, client) in 15 minutes; one client over all addresses: six times. */
  signInLimit: number;
  /** Sign-ups and fresh-link requests per (address, client) per hour, and per client per hour. */
  subscribeLimit: number;
  subscribeClientLimit: number;
  send: {
    /** 'app': the worker runs inside the web server; 'apart': only `npm run worker` sends. */
    worker: 'app' | 'apart';
    concurrency: number;
    /** Messages per second over all connections; 0 for no limit. */
    rate: number;
    maxAttempts: number;
    retryBaseMs: number;
    bounceLimit: number;
    /** Mail server failures in a row (login, connection, MAIL FROM) after which a send pauses. */
    relayFailureLimit: number;
    pollMs: number;
    dkim: { domain: string; selector: string; privateKeyFile: string } | undefined;
  };
  bounces: {
    /** The domain of VERP envelope senders; the newsletter's sender domain when not set. */
    domain: string | undefined;
    /** Soft bounces after delivery (mailbox full) before a reader counts as bounced. */
    softLimit: number;
    /** The inbound SMTP listener for bounce mail: off unless a port is set. */
    inboundSmtp: { host: string; port: number } | undefined;
    imapUrl: string | undefined;
    imapPollMs: number;
    postmarkSecret: string | undefined;
    sesSecret: string | undefined;
  };
  /** Test sends one editor may make per hour. */
  testSendLimit: number;
  /**
   * Which X-Forwarded-For hops to believe: none by default (the socket's address is the client),
   * a count of proxies in front of the app, or the proxies' addresses and CIDR blocks.
   */
  trustedProxies: { hops: number } | { cidrs: string[] };
  /** Sign-in links one address may get in 15 minutes from all clients together (the ceiling). */
  signInAddressLimit: number;
  backup: {
    dir: string;
    /** Daily time (HH:MM, the app's time zone) for the backup inside the app; undefined: off. */
    schedule: string | undefined;
    /** Backups kept; older ones are removed after a new one is written. */
    keep: number;
  };
  health: {
    /** Free space on the data folder's disk below which the app is not ready. */
    minFreeBytes: number;
    /** While a send runs, the relay must have answered within this many minutes. */
    relayMinutes: number;
  };
  /** Bearer token for /api/metrics; without it the endpoint is off. */
  metricsToken: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** OpenID Connect sign-in for editors (Microsoft Entra ID and others); off unless all are set. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  /** Where AUTH_SECRET is kept when it is not given in the environment. */
  secretFile: string;
  authSecret: string | undefined;
};

function trustedProxies(value: string | undefined): Config['trustedProxies'] {
  if (!value || /^\d+$/.test(value)) return { hops: Number(value ?? 0) };
  return { cidrs: value.split(',').map((part) => part.trim()) };
}

/**
 * Tokens and the client secret travel to the issuer: https, except on this machine (tests). An
 * Entra ID issuer must name one tenant by its ID; `common` or `organizations` would accept any
 * tenant's accounts (and Auth.js cannot check their tokens' issuer).
 */
function issuerProblem(url: URL): string | undefined {
  if (url.protocol === 'http:' && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname))
    return 'moet een https:// adres zijn';
  if (
    url.hostname === 'login.microsoftonline.com' &&
    !/^\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\/v2\.0\/?$/i.test(url.pathname)
  )
    return 'gebruik voor Microsoft Entra ID https://login.microsoftonline.com/<tenant-ID>/v2.0, met de tenant-ID (Directory-ID) van uw organisatie';
  return undefined;
}

function oidcConfig(
  issuer?: string,
  clientId?: string,
  clientSecret?: string,
  name?: string,
): Config['oidc'] {
  const given = [issuer, clientId, clientSecret].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3)
    throw new ConfigError(
      'Ongeldige configuratie:\n  - OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET: zet ze alle drie, of geen van drieën',
    );
  const problem = issuerProblem(new URL(issuer!));
  if (problem) throw new ConfigError(`Ongeldige configuratie:\n  - OIDC_ISSUER: ${problem}`);
  return {
    issuer: issuer!.replace(/\/+$/, ''),
    clientId: clientId!,
    clientSecret: clientSecret!,
    name: name ?? 'uw organisatieaccount',
  };
}

function dkimConfig(
  domain?: string,
  selector?: string,
  privateKeyFile?: string,
): Config['send']['dkim'] {
  const given = [domain, selector, privateKeyFile].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3)
    throw new ConfigError(
      'Ongeldige configuratie:\n  - DKIM_DOMAIN, DKIM_SELECTOR en DKIM_PRIVATE_KEY_FILE: zet ze alle drie, of geen van drieën',
    );
  return {
    domain: domain!,
    selector: selector!,
    privateKeyFile: path.resolve(/*turbopackIgnore: true*/ privateKeyFile!),
  };
}

/** Parses the environment without touching the disk. Throws ConfigError naming the variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR ?? 'data');
  const port = e.PORT ?? 3000;
  const databaseUrl = e.DATABASE_URL ?? path.join(dataDir, 'kopij.db');
  return {
    dataDir,
    databaseFile: path.resolve(/*turbopackIgnore: true*/ databaseUrl.replace(/^file:/, '')),
    outboxDir: path.join(dataDir, 'outbox'),
    smtpUrl: e.SMTP_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    internalUrl: (e.INTERNAL_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    port,
    mailFrom: e.MAIL_FROM ?? 'Kopij <noreply@kopij.test>',
    signInLimit: e.SIGN_IN_LIMIT ?? 5,
    subscribeLimit: e.SUBSCRIBE_LIMIT ?? 3,
    subscribeClientLimit: e.SUBSCRIBE_CLIENT_LIMIT ?? 30,
    send: {
      worker: e.SEND_WORKER ?? 'app',
      concurrency: e.SEND_CONCURRENCY ?? 4,
      rate: e.SEND_RATE ?? 0,
      maxAttempts: e.SEND_MAX_ATTEMPTS ?? 8,
      retryBaseMs: (e.SEND_RETRY_SECONDS ?? 60) * 1000,
      bounceLimit: e.SEND_BOUNCE_LIMIT ?? 3,
      relayFailureLimit: e.SEND_RELAY_FAILURE_LIMIT ?? 5,
      pollMs: e.SEND_POLL_MS ?? 1000,
      dkim: dkimConfig(e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE),
    },
    bounces: {
      domain: e.BOUNCE_DOMAIN?.toLowerCase(),
      softLimit: e.SEND_SOFT_BOUNCE_LIMIT ?? 5,
      inboundSmtp: e.INBOUND_SMTP_PORT
        ? { host: e.INBOUND_SMTP_HOST ?? '127.0.0.1', port: e.INBOUND_SMTP_PORT }
        : undefined,
      imapUrl: e.IMAP_URL,
      imapPollMs: (e.IMAP_POLL_SECONDS ?? 60) * 1000,
      postmarkSecret: e.POSTMARK_WEBHOOK_SECRET,
      sesSecret: e.SES_WEBHOOK_SECRET,
    },
    testSendLimit: e.TEST_SEND_LIMIT ?? 20,
    trustedProxies: trustedProxies(e.TRUSTED_PROXIES),
    signInAddressLimit: e.SIGN_IN_ADDRESS_LIMIT ?? 50,
    backup: {
      dir: path.resolve(/*turbopackIgnore: true*/ e.BACKUP_DIR ?? path.join(dataDir, 'backups')),
      schedule: e.BACKUP_SCHEDULE === 'uit' ? undefined : (e.BACKUP_SCHEDULE ?? '03:30'),
      keep: e.BACKUP_KEEP ?? 14,
    },
    health: {
      minFreeBytes: (e.HEALTH_MIN_FREE_MB ?? 100) * 1024 * 1024,
      relayMinutes: e.HEALTH_RELAY_MINUTES ?? 5,
    },
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL ?? 'info',
    oidc: oidcConfig(e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_NAME),
    secretFile: path.join(dataDir, 'auth-secret'),
    authSecret: e.AUTH_SECRET,
  };
}

/** Makes a folder 0700 (tightening it too when it is Kopij's own); throws ConfigError naming `variable`. */
function ensureDir(dir: string, variable: string, own: boolean) {
  try {
    privateDir(dir, own);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error ? String(error.code) : 'onbekende fout';
    throw new ConfigError(
      `Ongeldige configuratie:\n  - ${variable}: de map ${dir} kan niet worden aangemaakt of is niet schrijfbaar (${reason})`,
    );
  }
}

/**
 * Makes the configured folders (0700) and, on a first start, a random AUTH_SECRET (0600) in the
 * data folder, and tightens files an older install left readable to others. Run once by the
 * start script; the server itself only reads.
 */
export function prepareRuntime(config: Config): Config {
  ensureDir(config.dataDir, 'DATA_DIR', true);
  const databaseDir = path.dirname(config.databaseFile);
  ensureDir(databaseDir, 'DATABASE_URL', isInside(databaseDir, config.dataDir));
  ensureDir(config.outboxDir, 'DATA_DIR', true);
  if (!config.authSecret && !fs.existsSync(config.secretFile)) {
    fs.writeFileSync(config.secretFile, crypto.randomBytes(32).toString('base64url'), {
      mode: PRIVATE_FILE,
    });
  }
  secureDataFolder(config);
  return { ...config, authSecret: readSecret(config) };
}

function readSecret(config: Config): string {
  if (config.authSecret) return config.authSecret;
  try {
    return fs.readFileSync(config.secretFile, 'utf8').trim();
  } catch {
    throw new ConfigError(
      `Ongeldige configuratie:\n  - AUTH_SECRET: niet gezet en ${config.secretFile} bestaat niet (start de app met npm start, of zet AUTH_SECRET)`,
    );
  }
}

let cached: (Config & { authSecret: string }) | undefined;

/** The configuration of this process, with the secret resolved. */
export function getConfig(): Config & { authSecret: string } {
  if (!cached) {
    const config = parseConfig();
    cached = { ...config, authSecret: readSecret(config) };
  }
  return cached;
}
