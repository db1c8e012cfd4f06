import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { PRIVATE_DIR, PRIVATE_FILE } from '@/lib/private-files';
import { classifySmtpError, type Phase, type SmtpErrorShape, type Verdict } from './classify';
import { escapeDataFast } from './smtp-data';

/** A failure says whose problem it is (the relay's or the reader's) and at which stage: classify.ts. */
export type SendOutcome = { ok: true; response: string } | ({ ok: false } & Verdict);

/** One sequential channel to the mail server: the sender runs as many as its concurrency. */
export type Lane = {
  send(envelope: { from: string; to: string }, raw: Buffer): Promise<SendOutcome>;
  close(): void;
};
export type Transport = { lane(): Lane; describe: string };

type SmtpError = Error & SmtpErrorShape;

function outcomeOf(error: SmtpError, phase: Phase): SendOutcome & { ok: false } {
  return { ok: false, ...classifySmtpError(error, phase) };
}

const dropped = () =>
  Object.assign(new Error('Verbinding met de mailserver verbroken'), { code: 'ECONNECTION' });

/**
 * One step of setting up a session. SMTPConnection reports a failed connect (refused, TLS,
 * greeting) only through its 'error' event, never through connect's callback, so the step also
 * settles on 'error' and 'end': otherwise a relay that refuses connections hangs the lane.
 */
function step(connection: SMTPConnection, start: (done: (error?: Error | null) => void) => void) {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error | null) => {
      connection.off('error', settle);
      connection.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onEnd = () => settle(dropped());
    connection.once('error', settle);
    connection.once('end', onEnd);
    start(settle);
  });
}

/**
 * An SMTP lane keeps one connection open and reuses it for message after message (the pooling
 * that makes bulk sending cheap), reconnecting after a drop. TCP_NODELAY is switched on: SMTP
 * is a chatty command/response protocol, and Nagle's algorithm meeting delayed ACKs otherwise
 * costs ~40 ms per message. Messages are escaped for DATA by smtp-data.ts rather than by
 * nodemailer's byte-by-byte loop.
 */
class SmtpLane implements Lane {
  private connection: SMTPConnection | undefined;
  private needsReset = false;

  constructor(private readonly url: URL) {}

  private async connect(): Promise<SMTPConnection> {
    const secure = this.url.protocol === 'smtps:';
    const connection = new SMTPConnection({
      host: this.url.hostname,
      port: Number(this.url.port) || (secure ? 465 : 587),
      secure,
      name: os.hostname(),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    // A connection that fails later reports through events; without a listener Node would throw.
    connection.on('error', () => {});
    escapeDataFast(connection);
    connection.on('end', () => {
      if (this.connection === connection) this.connection = undefined;
    });
    try {
      await step(connection, (done) => connection.connect(() => done()));
      if (this.url.username) {
        const auth = {
          user: decodeURIComponent(this.url.username),
          pass: decodeURIComponent(this.url.password),
        };
        await step(connection, (done) => connection.login(auth, done));
      }
    } catch (error) {
      connection.close();
      throw error;
    }
    connection._socket.setNoDelay(true);
    return connection;
  }

  private drop() {
    const connection = this.connection;
    this.connection = undefined;
    connection?.close();
  }

  async send(envelope: { from: string; to: string }, raw: Buffer): Promise<SendOutcome> {
    try {
      if (this.connection && this.needsReset) {
        const connection = this.connection;
        await step(connection, (done) => connection.reset(done));
      }
      this.needsReset = false;
      this.connection ??= await this.connect();
    } catch (error) {
      // Nothing of this message reached the server: whatever went wrong is the relay's.
      this.drop();
      return outcomeOf(error as SmtpError, 'session');
    }
    const connection = this.connection;
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SendOutcome, broken: boolean) => {
        if (settled) return;
        settled = true;
        connection.off('end', onEnd);
        connection.off('error', onError);
        if (broken) this.drop();
        else if (!outcome.ok) this.needsReset = true;
        resolve(outcome);
      };
      // A connection that drops mid-message may never call back; its events settle the send.
      const onEnd = () => finish(outcomeOf(dropped(), 'message'), true);
      const onError = (error: SmtpError) => finish(outcomeOf(error, 'message'), true);
      connection.once('end', onEnd);
      connection.once('error', onError);
      connection.send({ from: envelope.from, to: [envelope.to] }, raw, (error, info) => {
        if (!error) return finish({ ok: true, response: info.response }, false);
        const e = error as SmtpError;
        finish(outcomeOf(e, 'message'), !e.responseCode);
      });
    });
  }

  close() {
    const connection = this.connection;
    this.connection = undefined;
    connection?.quit();
  }
}

export function smtpTransport(smtpUrl: string): Transport {
  const url = new URL(smtpUrl);
  return { lane: () => new SmtpLane(url), describe: `${url.hostname}:${url.port}` };
}

/** Without SMTP_URL every copy becomes an .eml file in the outbox folder (development, demos). */
export function outboxTransport(dir: string): Transport {
  return {
    describe: dir,
    lane: () => ({
      async send(envelope, raw) {
        // Every copy holds a reader's address and personal links: for the app's user only.
        await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const name = `${stamp}-${envelope.to.replace(/[^a-z0-9@.-]/gi, '_').slice(0, 80)}-${crypto.randomBytes(3).toString('hex')}.eml`;
        // Written under a hidden name and renamed: whoever reads the folder (a mail catcher, a
        // test) sees a whole message or none, never one half written.
        const temporary = path.join(dir, `.${name}.tmp`);
        await fs.writeFile(temporary, raw, { mode: PRIVATE_FILE });
        await fs.rename(temporary, path.join(dir, name));
        return { ok: true, response: `250 ${name}` };
      },
      close() {},
    }),
  };
}
