import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; raw: Buffer };
export type TestSmtp = {
  url: string;
  /** The same server with a login in the URL, so clients send AUTH (see `refuseAuth`). */
  authUrl: string;
  port: number;
  messages: ReceivedMail[];
  /**
   * Stops listening, as a mail server going down does: new connections are refused, idle ones
   * are closed, and one receiving a message is closed right after answering it (so no copy is
   * kept without the client hearing so). Resolves once every connection is gone.
   */
  stop: () => Promise<void>;
  /** Listens again on the same port after `stop`. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

/** What the server does with one message instead of accepting it. */
export type Fault = 'tempfail' | 'drop' | undefined;

export type TestSmtpOptions = {
  fault?: () => Fault;
  port?: number;
  /** While true, AUTH is answered "535 Invalid username or password". */
  refuseAuth?: () => boolean;
  /** While true, MAIL FROM is answered "550 Sender not allowed". */
  refuseMailFrom?: () => boolean;
  /** Recipients answered "550 Mailbox unavailable" at RCPT TO (besides every weiger@...). */
  refuseRcpt?: (address: string) => boolean;
  /** While true, every RCPT TO is answered "550 5.7.1 <address>... Relaying denied". */
  refuseRelay?: () => boolean;
  /**
   * Asked once per message, when its first bytes arrive after DATA: true cuts the connection
   * there, in the middle of the message, which is then neither kept nor answered.
   */
  dropInData?: (envelopeTo: string[]) => boolean;
};

type Connections = Set<{ id: string; _socket: Socket; close(): void }>;

const refusal = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

/** Whether the server is going down, and which connections are receiving a message. */
type State = { stopping: boolean; busy: Set<string> };

// The smtp-server API has no "hang up"; its connection objects carry the socket.
const connections = (server: SMTPServer) =>
  (server as unknown as { connections: Connections }).connections;

function closeConnection(server: SMTPServer, id: string) {
  for (const c of connections(server)) if (c.id === id) c.close();
}

const recipients = (session: SMTPServerSession) => session.envelope.rcptTo.map((r) => r.address);

const listen = (server: SMTPServer, port: number) =>
  new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

function controls(server: SMTPServer, port: number, state: State) {
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        state.stopping = true;
        server.server.close(() => resolve());
        for (const c of connections(server)) if (!state.busy.has(c.id)) c.close();
      }),
    restart: async () => {
      state.stopping = false;
      await listen(server, port);
    },
    // Closing waits for open connections; a test is done with them, so they are cut.
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
        for (const c of connections(server)) c._socket.destroy();
      }),
  };
}

/**
 * A real SMTP server on loopback that keeps what it receives. Recipients starting with
 * "weiger@" get a permanent 550, so tests can exercise refusals. `fault` may answer a message
 * with a 451 or drop the connection before the answer (the message is then not kept), and
 * `dropInData` cut it halfway; the other options refuse the login, the sender, chosen
 * recipients or relaying.
 */
export async function startTestSmtp(
  onMessage?: (mail: ReceivedMail) => void,
  options: TestSmtpOptions = {},
): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const state: State = { stopping: false, busy: new Set() };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 1000,
    onAuth(auth, _session, callback) {
      if (options.refuseAuth?.()) return callback(refusal('Invalid username or password', 535));
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, _session, callback) {
      if (options.refuseMailFrom?.()) return callback(refusal('Sender not allowed', 550));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRelay?.())
        return callback(refusal(`5.7.1 <${address.address}>... Relaying denied`, 550));
      if (address.address.startsWith('weiger@') || options.refuseRcpt?.(address.address))
        return callback(refusal('Mailbox unavailable', 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let cut = false;
      stream.on('data', (chunk: Buffer) => {
        if (chunks.length === 0 && options.dropInData?.(recipients(session))) {
          cut = true;
          state.busy.delete(session.id);
          for (const c of connections(server)) if (c.id === session.id) c._socket.destroy();
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        state.busy.delete(session.id);
        if (cut) return;
        // Answered below (synchronously); a server going down hangs up right after that.
        if (state.stopping) setImmediate(() => closeConnection(server, session.id));
        const fault = options.fault?.();
        if (fault === 'tempfail') return callback(refusal('Try again later', 451));
        if (fault === 'drop') {
          for (const c of connections(server)) if (c.id === session.id) c._socket.destroy();
          return;
        }
        const mail = {
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: recipients(session),
          raw: Buffer.concat(chunks),
        };
        messages.push(mail);
        onMessage?.(mail);
        callback();
      });
      state.busy.add(session.id);
    },
  });
  server.on('error', () => {});
  await listen(server, options.port ?? 0);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    authUrl: `smtp://kopij:een-geheim-wachtwoord@127.0.0.1:${port}`,
    port,
    messages,
    ...controls(server, port, state),
  };
}
