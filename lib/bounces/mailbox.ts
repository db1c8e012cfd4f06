import type { Db } from '@/db';
import type { Config } from '@/lib/config';
import { processInbound } from '@/lib/bounces/inbound';
import { startImapPoller, type ImapPoller } from './imap';

/**
 * The bounce mailbox as configured: off unless IMAP_URL is set. It runs in the process that
 * sends (the app, or `npm run worker` with SEND_WORKER=apart), so one process polls it; should
 * two ever poll at once, a message read by both is applied once (processInbound is idempotent).
 */
export function imapPollerFromConfig(config: Config, database: Db): ImapPoller | undefined {
  const url = config.bounces.imapUrl;
  if (!url) return undefined;
  const { hostname, pathname } = new URL(url);
  console.log(
    `[bounces] IMAP-mailbox ${hostname}${pathname.length > 1 ? pathname : '/INBOX'} wordt elke ${config.bounces.imapPollMs / 1000} s gelezen`,
  );
  return startImapPoller({
    url,
    intervalMs: config.bounces.imapPollMs,
    process: (raw, meta) => processInbound(database, raw, meta),
  });
}
