import crypto from 'node:crypto';
import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { collectDatabaseMetrics } from '@/lib/observe/database-metrics';
import { log } from '@/lib/observe/log';
import { metrics } from '@/lib/observe/metrics';

export const dynamic = 'force-dynamic';

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();

/** Compares the Bearer token in constant time (hashes first, so lengths do not leak either). */
function authorised(request: Request, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  return crypto.timingSafeEqual(digest(given.trim()), digest(token));
}

/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN. Without a token configured the
 * endpoint does not exist (404); with a wrong or missing one it answers 401.
 */
export async function GET(request: Request) {
  const config = getConfig();
  const headers = { 'Cache-Control': 'no-store' };
  if (!config.metricsToken) return new Response('Niet gevonden', { status: 404, headers });
  if (!authorised(request, config.metricsToken))
    return new Response('Token ontbreekt of klopt niet', {
      status: 401,
      headers: { ...headers, 'WWW-Authenticate': 'Bearer realm="kopij-metrics"' },
    });
  const m = metrics();
  try {
    collectDatabaseMetrics(db(), m, {
      maxAttempts: config.send.maxAttempts,
      backupDir: config.backup.dir,
    });
    m.databaseUp.set(1);
  } catch (error) {
    // The process and request metrics still help when the database does not answer.
    m.databaseUp.set(0);
    log.error('metrics: tellingen uit de database niet gelezen', { error: String(error) });
  }
  return new Response(await m.registry.metrics(), {
    headers: { ...headers, 'Content-Type': m.registry.contentType },
  });
}
