// The part of hoodiecrow-imap (an in-memory IMAP4rev1 server, plain JavaScript) that lib/test/imap.ts uses.
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';

  export type StoredMessage = { uid: number; flags: string[]; raw: string };
  export type StoredMailbox = { path: string; messages: StoredMessage[] };

  export type HoodiecrowOptions = {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage?: Record<string, unknown>;
    /** TLS from the first byte (imaps), with the package's own self-signed certificate. */
    secureConnection?: boolean;
  };

  export type HoodiecrowServer = {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    /** Plugin API: the mailbox at `path`, or undefined. */
    getMailbox(path: string): StoredMailbox | undefined;
  };

  export default function hoodiecrow(options?: HoodiecrowOptions): HoodiecrowServer;
}
