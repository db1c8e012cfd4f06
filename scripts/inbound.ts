// `npm run inbound`: the inbound SMTP listener for bounce mail, complaints and mailed
// unsubscribes as its own process. The app runs the same listener itself when it is given
// INBOUND_SMTP_PORT; give the variable to one of the two only. Stops cleanly on SIGTERM and SIGINT.
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { bounceDomains, listenFailure, startInboundSmtp } from '@/lib/bounces/inbound-smtp';
import { ConfigError, getConfig } from '@/lib/config';
import { installJsonConsole, logSettings } from '@/lib/observe/log';

function configuration() {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main() {
  const config = configuration();
  // After the configuration check, whose message is meant for a person at a terminal.
  installJsonConsole(logSettings());
  const inbound = config.bounces.inboundSmtp;
  if (!inbound) {
    console.error(
      'INBOUND_SMTP_PORT is niet gezet: geef de poort waarop Kopij bouncemail ontvangt, bijvoorbeeld INBOUND_SMTP_PORT=2525 (en eventueel INBOUND_SMTP_HOST, standaard 127.0.0.1).',
    );
    process.exit(1);
  }
  const database = openDatabase(config.databaseFile);
  // Idempotent; a listener started before the app must not fail on a fresh database.
  migrateDatabase(database);
  const server = await startInboundSmtp({ db: database, ...inbound }).catch((error: unknown) => {
    console.error(listenFailure(inbound, error));
    process.exit(1);
  });
  const domains = bounceDomains(database)();
  console.log(
    `[bounces] ontvangt bouncemail op ${inbound.host}:${server.port} (${domains.length ? domains.join(', ') : 'nog geen nieuwsbrieven'})`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
