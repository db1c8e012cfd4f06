// `npm run worker`: the sender as its own process, for installations that keep the web server
// free of sending (set SEND_WORKER=apart for the app), with the bounce mailbox when IMAP_URL is
// set, and the daily backup (BACKUP_SCHEDULE; the app runs it as well, one of them makes it).
// Stops cleanly on SIGTERM and SIGINT.
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { backupScheduleFromConfig } from '@/lib/backup/schedule';
import { imapPollerFromConfig } from '@/lib/bounces/mailbox';
import { ConfigError, getConfig } from '@/lib/config';
import { installJsonConsole, logSettings } from '@/lib/observe/log';
import { secureDataFolder } from '@/lib/private-files';
import { workerFromConfig } from '@/lib/send/run';

function main() {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // After the configuration check, whose message is meant for a person at a terminal.
  installJsonConsole(logSettings());
  secureDataFolder(config);
  const database = openDatabase(config.databaseFile);
  // Idempotent; a worker started before the app must not fail on a fresh database.
  migrateDatabase(database);
  // Handlers first: the sender takes its lease as it starts, and a SIGTERM that came before the
  // handlers would end the process holding it (a lease of a dead process, not a free one).
  const parts: { stop(): Promise<void> }[] = [];
  const stop = () => {
    Promise.all(parts.map((part) => part.stop())).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  parts.push(workerFromConfig(config, database));
  // The bounce mailbox (IMAP_URL) is read where the sender runs.
  const mailbox = imapPollerFromConfig(config, database);
  if (mailbox) parts.push(mailbox);
  // The daily backup runs in the app too; the 'backup' lease lets one of them make it.
  const backups = backupScheduleFromConfig(config, database);
  if (backups) parts.push(backups);
  console.log(
    `[verzending] gestart (${config.smtpUrl ? 'SMTP' : `outbox ${config.outboxDir}`}, ${config.send.concurrency} verbindingen)`,
  );
}

main();
