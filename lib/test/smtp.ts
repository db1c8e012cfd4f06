import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; raw: Buffer };
export type TestSmtp = { url: string; port: number; messages: ReceivedMail[]; close: () => Promise<void> };

/**
 * A real SMTP server on loopback that keeps what it receives. Recipients starting with
 * "weiger@" get a permanent 550, so tests can exercise refusals.
 */
export async function startTestSmtp(onMessage?: (mail: ReceivedMail) => void): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
