import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; raw: Buffer };
export type TestSmtp = {
  url: string;
  port: number;
  messages: ReceivedMail[];
  close: () => Promise<void>;
};

/** What the server does with one message instead of accepting it. */
export type Fault = 'tempfail' | 'drop' | undefined;

/**
 * A real SMTP server on loopback that keeps what it receives. Recipients starting with
 * "weiger@" get a permanent 550, so tests can exercise refusals. `fault` may answer a message
 * with a 451 or drop the connection before the answer (the message is then not kept).
 */
export async function startTestSmtp(
  onMessage?: (mail: ReceivedMail) => void,
  options: { fault?: () => Fault; port?: number } = {},
): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 1000,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('weiger@')) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const fault = options.fault?.();
        if (fault === 'tempfail')
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        if (fault === 'drop') {
          // The smtp-server API has no "hang up"; its connection objects carry the socket.
          const connections = (
            server as unknown as { connections: Set<{ id: string; _socket: Socket }> }
          ).connections;
          for (const c of connections) if (c.id === session.id) c._socket.destroy();
          return;
        }
        const mail = {
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        messages.push(mail);
        onMessage?.(mail);
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Closing waits for open connections; a test is done with them, so they are cut.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const c of (server as unknown as { connections: Set<{ _socket: Socket }> }).connections)
        c._socket.destroy();
    });
  return { url: `smtp://127.0.0.1:${port}`, port, messages, close };
}
