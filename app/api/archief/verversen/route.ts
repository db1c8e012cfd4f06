import { db } from '@/db';
import { revalidatePaths } from '@/lib/actions';
import { keyMatches, pathsToRevalidate } from '@/lib/archive/revalidate';
import { getConfig } from '@/lib/config';
import { z } from '@/lib/validation';
import { plainText } from '@/lib/http/responses';

const body = z.object({ issueId: z.number().int().positive() });

/** The sender's call after a send completes: refresh the issue's archive pages (lib/archive/revalidate.ts). */
export async function POST(request: Request) {
  if (!keyMatches(request.headers.get('authorization'), getConfig().authSecret))
    return plainText('Geen toegang.', 403);
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return plainText('Verwacht: {"issueId": <nummer>}.', 400);
  const paths = pathsToRevalidate(db(), parsed.data.issueId);
  revalidatePaths(paths);
  return Response.json({ revalidated: paths });
}
