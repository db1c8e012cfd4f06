import 'server-only';
import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { listenFailure, startInboundSmtp, type InboundSmtp } from './inbound-smtp';

const globalForInbound = globalThis as unknown as {
  kopijInbound?: Promise<InboundSmtp | undefined>;
};

/**
 * Starts the inbound SMTP listener inside the app when INBOUND_SMTP_PORT is set, once per
 * process. Only one process can hold the port: an installation that runs `npm run inbound`
 * gives INBOUND_SMTP_PORT to that process and not to the app. A listener that cannot start is
 * reported and leaves the app running: the website does not depend on it.
 */
export function startAppInbound() {
  const inbound = getConfig().bounces.inboundSmtp;
  if (!inbound || globalForInbound.kopijInbound) return;
  globalForInbound.kopijInbound = startInboundSmtp({ db: db(), ...inbound }).then(
    (server) => {
      console.log(`[bounces] ontvangt bouncemail op ${inbound.host}:${server.port}`);
      return server;
    },
    (error: unknown) => {
      console.error(`[bounces] ${listenFailure(inbound, error)}`);
      return undefined;
    },
  );
}
