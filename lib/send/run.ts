import fs from 'node:fs';
import type { Db } from '@/db';
import type { Config } from '@/lib/config';
import { linkKey } from '@/lib/subscribers/links';
import { dkimSigner } from './dkim';
import { outboxTransport, smtpTransport } from './transport';
import { startWorker, type SendWorker, type WorkerOptions } from './worker';

/** The worker as configured: the same code runs inside the app and as `npm run worker`. */
export function workerFromConfig(config: Config & { authSecret: string }, database: Db, extra: Partial<WorkerOptions> = {}): SendWorker {
  const dkim = config.send.dkim;
  return startWorker({
    database,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : outboxTransport(config.outboxDir),
    publicUrl: config.publicUrl,
    linkKey: linkKey(config.authSecret),
    concurrency: config.send.concurrency,
    rate: config.send.rate,
    maxAttempts: config.send.maxAttempts,
    retryBaseMs: config.send.retryBaseMs,
    bounceLimit: config.send.bounceLimit,
    pollMs: config.send.pollMs,
    dkim: dkim ? dkimSigner({ domain: dkim.domain, selector: dkim.selector, privateKey: fs.readFileSync(dkim.privateKeyFile, 'utf8') }) : undefined,
    log: (message) => console.log(`[verzending] ${message}`),
    ...extra,
  });
}
