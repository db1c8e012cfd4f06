import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters } from '@/db/schema';
import { archivePaths } from './paths';

/**
 * Archive pages are cached by Next and refreshed when an issue is sent or corrected. A
 * correction is a server action, which revalidates itself; a send is completed by the worker,
 * outside any request (in the app or in `npm run worker`), where Next cannot revalidate. So the
 * worker asks the app over HTTP, with a key derived from AUTH_SECRET that both processes share.
 */

export const REVALIDATE_PATH = '/api/archief/verversen';

export function revalidationKey(secret: string): string {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'archive-revalidate', 32)).toString(
    'base64url',
  );
}

export function keyMatches(given: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${revalidationKey(secret)}`);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** The paths to refresh for an issue: its page only once it is sent, the lists always. */
export function pathsToRevalidate(database: Tx, issueId: number): string[] {
  const row = database
    .select({ slug: issues.slug, newsletterSlug: newsletters.slug, status: issues.status })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  if (!row) return [];
  return row.status === 'sent' ? archivePaths(row.newsletterSlug, row.slug) : [];
}

type Notify = {
  internalUrl: string;
  secret: string;
  log?: (message: string) => void;
  attempts?: number;
  backoffMs?: number;
};

/**
 * Tells the app that an issue was sent. Retries with backoff for about a minute (the app may be
 * restarting); if it still fails the page is rendered fresh after the app's next restart anyway,
 * because the cache lives in memory (next.config.ts).
 */
export async function notifyArchive(issueId: number, options: Notify): Promise<boolean> {
  const attempts = options.attempts ?? 6;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(`${options.internalUrl}${REVALIDATE_PATH}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${revalidationKey(options.secret)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ issueId }),
        signal: AbortSignal.timeout(5000),
      });
      if (response.ok) return true;
      options.log?.(`archief verversen voor nummer ${issueId}: antwoord ${response.status}`);
      if (response.status < 500) return false;
    } catch (error) {
      options.log?.(
        `archief verversen voor nummer ${issueId} (poging ${attempt}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (attempt < attempts)
      await new Promise((r) => setTimeout(r, (options.backoffMs ?? 1000) * 2 ** (attempt - 1)));
  }
  return false;
}
