import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { readiness } from '@/lib/observe/health';

export const dynamic = 'force-dynamic';

/**
 * Readiness: the database reads and writes, the disk has room, the sender is alive when one is
 * expected and the mail server answered lately while a send runs. 503 names each failed check.
 */
export function GET() {
  const result = readiness(getConfig(), db);
  return Response.json(result, {
    status: result.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
