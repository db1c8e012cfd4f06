import os from 'node:os';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Tx } from '@/db';
import { newsletters } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { groupCommit } from './group-commit';
import { isUnsubscribeAddress } from './parse';
import { bounceDomain, deliveryOfVerp } from './verp';

/**
 * The inbound SMTP listener for bounce mail: the MX of the bounce domain (or the organisation's
 * mail server, forwarding that domain) delivers here. It accepts only what Kopij reads, so it is
 * no relay: RCPT TO a VERP address with a valid MAC or the afmelden@ address, on a bounce domain.
 * No AUTH, no STARTTLS (without a certificate of our own it would protect nothing). A message is
 * answered 250 only once it is recorded (group-commit.ts), so one cut off by a crash is sent
 * again by its sender.
 */
export type InboundSmtp = { port: number; close(): Promise<void> };

export type InboundSmtpOptions = {
  db: Tx;
  host: string;
  port: number;
  /** The domains RCPT TO may name; default: BOUNCE_DOMAIN, else every newsletter's sender domain. */
  domains?: () => string[];
  /** Largest message accepted, in bytes (default 10 MB). */
  maxSize?: number;
  log?: (line: string) => void;
};

const MAX_SIZE = 10 * 1024 * 1024;

const reply = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

/**
 * BOUNCE_DOMAIN, or where each newsletter's copies send their bounces when it is not set. Read
 * afresh for every RCPT (a new newsletter's bounces are taken at once), with a prepared query.
 */
export function bounceDomains(database: Tx): () => string[] {
  const configured = getConfig().bounces.domain;
  if (configured) return () => [configured];
  const senders = database.select({ email: newsletters.senderEmail }).from(newsletters).prepare();
  return () => [...new Set(senders.all().map((n) => bounceDomain(n.email)))];
}

/** Whether a recipient is one the parser can act on: a signed VERP address or afmelden@. */
export function acceptsRecipient(address: string, domains: string[], key?: Buffer): boolean {
  const normal = address.trim().toLowerCase();
  const at = normal.lastIndexOf('@');
  if (at < 1 || !domains.includes(normal.slice(at + 1))) return false;
  return isUnsubscribeAddress(normal) || deliveryOfVerp(normal, key) !== null;
}

function receive(
  record: ReturnType<typeof groupCommit>,
  log: (line: string) => void,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  callback: (error?: Error | null) => void,
) {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => {
    if (stream.sizeExceeded)
      return callback(reply('5.3.4 Message too big / bericht te groot', 552));
    const recipients = session.envelope.rcptTo.map((r) => r.address);
    record(Buffer.concat(chunks), { source: 'smtp', recipients, log }).then(
      () => callback(),
      (error: unknown) => {
        log(`Bericht niet verwerkt, de afzender probeert het later opnieuw: ${String(error)}`);
        callback(reply('4.3.0 Try again later / probeer het later opnieuw', 451));
      },
    );
  });
}

/** Why the listener could not open its port, in words for whoever starts Kopij. */
export function listenFailure(at: { host: string; port: number }, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${at.host}:${at.port}`;
  if (code === 'EADDRINUSE')
    return `De bounce-ontvanger kan niet luisteren op ${where}: de poort is al in gebruik. Laat één proces luisteren: de app of npm run inbound (geef INBOUND_SMTP_PORT aan maar één van beide).`;
  if (code === 'EACCES')
    return `De bounce-ontvanger mag niet luisteren op ${where}: poorten onder 1024 vragen extra rechten. Kies een hogere poort en laat de mailserver daarheen doorsturen.`;
  return `De bounce-ontvanger kan niet luisteren op ${where}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Starts listening; resolves once the port is open (port 0 picks a free one). */
export function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const log = options.log ?? ((line: string) => console.log(`[bounces] ${line}`));
  const domains = options.domains ?? bounceDomains(options.db);
  const record = groupCommit(options.db);
  const server = new SMTPServer({
    name: os.hostname(),
    banner: 'Kopij bounces',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxSize ?? MAX_SIZE,
    maxClients: 100,
    // Who connects decides nothing here (the MAC does): no reverse DNS lookup per connection.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (acceptsRecipient(address.address, domains())) return callback();
      callback(reply('5.7.1 Recipient not accepted / ontvanger niet bekend', 550));
    },
    onData(stream, session, callback) {
      receive(record, log, stream, session, callback);
    },
  });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      server.on('error', (error) => log(`Fout in de bounce-ontvanger: ${error.message}`));
      const address = server.server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
