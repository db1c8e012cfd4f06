import fs from 'node:fs';
import type { Db } from '@/db';
import type { Config } from '@/lib/config';
import { notifyArchive } from '@/lib/archive/revalidate';
import { deliverySetup } from '@/lib/email/delivery-checks';
import { linkKey } from '@/lib/subscribers/links';
import { dkimSigner } from './dkim';
import { sendIdentity } from './messages';
import { outboxTransport, smtpTransport } from './transport';
import { startWorker, type SendWorker, type WorkerOptions } from './worker';

/** The worker as configured: the same code runs inside the app and as `npm run worker`. */
export function workerFromConfig(
  config: Config & { authSecret: string },
  database: Db,
  extra: Partial<WorkerOptions> = {},
): SendWorker {
  const dkim = config.send.dkim;
  const log = (message: string) => console.log(`[verzending] ${message}`);
  return startWorker({
    database,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : outboxTransport(config.outboxDir),
    publicUrl: config.publicUrl,
    linkKey: linkKey(config.authSecret),
    identity: sendIdentity(config),
    concurrency: config.send.concurrency,
    rate: config.send.rate,
    maxAttempts: config.send.maxAttempts,
    retryBaseMs: config.send.retryBaseMs,
    bounceLimit: config.send.bounceLimit,
    pollMs: config.send.pollMs,
    relayFailureLimit: config.send.relayFailureLimit,
    outboxDir: config.outboxDir,
    mailFrom: config.mailFrom,
    dkim: dkim
      ? dkimSigner({
          domain: dkim.domain,
          selector: dkim.selector,
          privateKey: fs.readFileSync(dkim.privateKeyFile, 'utf8'),
        })
      : undefined,
    delivery: deliverySetup(config),
    log,
    // A sent issue appears in the archive: the app's cached pages are refreshed over HTTP.
    onIssueDone: (issueId, status) => {
      if (status === 'sent')
        void notifyArchive(issueId, {
          internalUrl: config.internalUrl,
          secret: config.authSecret,
          log,
        });
    },
    ...extra,
  });
}
