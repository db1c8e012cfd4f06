import { afterEach } from 'vitest';
import type { Db } from '@/db';
import { smtpTransport } from '@/lib/send/transport';
import { startWorker, type SendWorker, type WorkerOptions } from '@/lib/send/worker';
import { tokenKey } from '@/lib/subscribers/tokens';
import { startTestSmtp, type TestSmtp } from './smtp';

export const TEST_SECRET = 'een-geheim-van-minstens-tweeendertig-tekens';
export const TEST_PUBLIC_URL = 'https://nieuwsbrief.example.nl';

/** A loopback SMTP server and a send worker per test, both stopped after it. */
export function sendHarness(defaults: Partial<WorkerOptions> = {}) {
  let server: TestSmtp | undefined;
  let worker: SendWorker | undefined;
  afterEach(async () => {
    await worker?.stop();
    await server?.close();
    worker = server = undefined;
  });
  return {
    async smtp(...args: Parameters<typeof startTestSmtp>) {
      server = await startTestSmtp(...args);
      return server;
    },
    run(database: Db, url: string, overrides: Partial<WorkerOptions> = {}) {
      worker = startWorker({
        database,
        transport: smtpTransport(url),
        publicUrl: TEST_PUBLIC_URL,
        linkKey: tokenKey(TEST_SECRET),
        concurrency: 4,
        rate: 0,
        pollMs: 20,
        maxAttempts: 20,
        retryBaseMs: 5,
        bounceLimit: 1,
        ...defaults,
        ...overrides,
      });
      return worker;
    },
  };
}
