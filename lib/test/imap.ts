import type { Socket } from 'node:net';
import hoodiecrow, { type HoodiecrowServer } from 'hoodiecrow-imap';
import { ImapFlow } from 'imapflow';

export type StoredMail = { uid: number; flags: string[]; raw: Buffer };

export type TestImap = {
  /** imap://kopij:<password>@127.0.0.1:<port>/INBOX (imaps:// for a `secure` server). */
  url: string;
  host: string;
  port: number;
  /** The same mailbox with another password (the server refuses it). */
  urlWithPassword: (password: string) => string;
  /** Puts a message in a folder with IMAP APPEND, as a mail server delivering it would. */
  append: (raw: Buffer | string, options?: { folder?: string; flags?: string[] }) => Promise<void>;
  /** What a folder holds now, read from the server's store; undefined when there is no such folder. */
  folder: (path: string) => StoredMail[] | undefined;
  close: () => Promise<void>;
};

export type TestImapOptions = {
  /** TLS from the first byte (imaps://) with the package's own self-signed certificate. */
  secure?: boolean;
  /** Without MOVE (RFC 6851) clients fall back to COPY, \Deleted and EXPUNGE, as on older servers. */
  move?: boolean;
  /** Folders besides INBOX that exist from the start. */
  folders?: string[];
};

const USER = 'kopij';
const PASSWORD = 'een-geheim-wachtwoord';

/**
 * A real IMAP4rev1 server on loopback, to test Kopij's bounce mailbox against: hoodiecrow-imap
 * (by the author of imapflow and Nodemailer) speaks the protocol over TCP and keeps its folders in
 * memory, so every test starts from an empty INBOX. It is a protocol peer for tests, not a
 * production server: quirks of Dovecot or Exchange are not in it. One user, `kopij`.
 */
export async function startTestImap(options: TestImapOptions = {}): Promise<TestImap> {
  const plugins = ['ID', 'NAMESPACE', 'UIDPLUS', 'UNSELECT', 'ENABLE'];
  if (options.move !== false) plugins.push('MOVE');
  const server: HoodiecrowServer = hoodiecrow({
    plugins,
    users: { [USER]: { password: PASSWORD } },
    storage: {
      INBOX: {},
      '': {
        separator: '/',
        type: 'personal',
        folders: Object.fromEntries((options.folders ?? []).map((name) => [name, {}])),
      },
    },
    secureConnection: options.secure ?? false,
  });
  // Closing waits for open connections; a test is done with them, so they are cut.
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    // The server writes a response in several small pieces: without this, Nagle's algorithm
    // meeting delayed ACKs costs ~40 ms per command.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const scheme = options.secure ? 'imaps' : 'imap';
  const urlWithPassword = (password: string) =>
    `${scheme}://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/INBOX`;
  return {
    url: urlWithPassword(PASSWORD),
    host: '127.0.0.1',
    port,
    urlWithPassword,
    append: async (raw, { folder = 'INBOX', flags } = {}) => {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: options.secure ?? false,
        tls: { rejectUnauthorized: false },
        auth: { user: USER, pass: PASSWORD },
        logger: false,
      });
      await client.connect();
      try {
        await client.append(folder, typeof raw === 'string' ? Buffer.from(raw) : raw, flags);
      } finally {
        await client.logout();
      }
    },
    folder: (path) =>
      server.getMailbox(path)?.messages.map((m) => ({
        uid: m.uid,
        flags: [...m.flags],
        // The server keeps messages as binary strings: one character per byte.
        raw: Buffer.from(m.raw, 'binary'),
      })),
    close: () =>
      new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
