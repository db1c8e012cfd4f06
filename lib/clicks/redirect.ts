import type Database from 'better-sqlite3';
import type { Db } from '@/db';
import { plainText } from '@/lib/http/responses';
import { z } from '@/lib/validation';
import { classifyClick, type BurstWatch } from './classify';
import type { ClickCounter } from './counter';
import { SIGNATURE_LENGTH, signatureMatches } from './signature';

// GET and HEAD on /k/<issue>/<position>.<signature>: a counted link from a sent mail. A valid
// one answers at once with a redirect to the URL stored for it and is counted in memory
// (ClickCounter); the only database work on the way is one indexed read. Anything else gets 400
// and no Location: the target is never taken from the request, so there is no open redirect.

const clickParams = z.object({
  issue: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number),
  link: z
    .string()
    .regex(new RegExp(`^[1-9]\\d{0,5}\\.[A-Za-z0-9_-]{${SIGNATURE_LENGTH}}$`))
    .transform((value) => {
      const [position, signature] = value.split('.');
      return { position: Number(position), signature: signature! };
    }),
});

export type ClickDeps = {
  database: Db;
  key: Buffer;
  counter: ClickCounter;
  bursts: BurstWatch;
  /** The client's address for the burst rule (lib/http/client-address.ts); null when unknown. */
  client: (headers: Headers) => string | null;
  now?: () => number;
};

const REFUSED =
  'Deze link is ongeldig of beschadigd. Open de link opnieuw vanuit de nieuwsbrief zoals u die ontving.';

const refused = (method: string) =>
  plainText(method === 'HEAD' ? '' : REFUSED, 400, { 'Cache-Control': 'no-store' });

type LinkRow = { id: number; url: string };
const lookups = new WeakMap<Database.Database, Database.Statement<[number, number], LinkRow>>();

function findLink(database: Db, issueId: number, position: number): LinkRow | undefined {
  const client = database.$client;
  let statement = lookups.get(client);
  if (!statement) {
    statement = client.prepare<[number, number], LinkRow>(
      'SELECT id, url FROM issue_links WHERE issue_id = ? AND position = ?',
    );
    lookups.set(client, statement);
  }
  return statement.get(issueId, position);
}

export function answerClick(
  request: Pick<Request, 'method' | 'headers'>,
  params: { issue: string; link: string },
  deps: ClickDeps,
): Response {
  const parsed = clickParams.safeParse(params);
  if (!parsed.success) return refused(request.method);
  const { issue: issueId, link } = parsed.data;
  const row = findLink(deps.database, issueId, link.position);
  // Unknown, or signed for another issue, position or URL.
  if (
    !row ||
    !signatureMatches(deps.key, { issueId, position: link.position, url: row.url }, link.signature)
  )
    return refused(request.method);
  const { automated, hour, recount } = classifyClick(
    {
      method: request.method,
      userAgent: request.headers.get('user-agent'),
      client: deps.client(request.headers),
      issueId,
      linkId: row.id,
      at: (deps.now ?? Date.now)(),
    },
    deps.bursts,
  );
  deps.counter.add(row.id, hour, automated);
  for (const earlier of recount) deps.counter.recount(earlier.linkId, earlier.hour);
  return new Response(null, {
    status: 302,
    headers: { Location: row.url, 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' },
  });
}
