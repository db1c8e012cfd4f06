import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { issueLinks } from '@/db/schema';
import type { RenderInput } from '@/lib/email/render';
import { redirectUrl } from './signature';
import { linkSites, mapCountedLinks, siteKey, type LinkSite } from './rewrite';

/**
 * The issue's counted links with their positions, recording the ones not yet recorded. A send
 * that resumes after a crash renders again and finds its links where it left them, so the copies
 * sent before and after carry the same addresses; a link never recorded before gets the next
 * position. Positions never move: a sent mail's address must keep meaning the same link.
 */
export function recordIssueLinks(
  database: Db,
  issueId: number,
  sites: LinkSite[],
): Map<string, { position: number; url: string }> {
  return database.transaction((tx) => {
    const rows = tx
      .select()
      .from(issueLinks)
      .where(eq(issueLinks.issueId, issueId))
      .orderBy(asc(issueLinks.position))
      .all();
    const known = new Map(rows.map((r) => [siteKey(r), { position: r.position, url: r.url }]));
    let last = rows.at(-1)?.position ?? 0;
    for (const site of sites) {
      const key = siteKey(site);
      if (known.has(key)) continue;
      last += 1;
      tx.insert(issueLinks)
        .values({ issueId, position: last, ...site, label: site.label.slice(0, 300) })
        .run();
      known.set(key, { position: last, url: site.url });
    }
    return known;
  });
}

/**
 * The renderer's input for a real send with click counting on: its links recorded and swapped
 * for their counted addresses. Only for a send; the preview, a test mail and the archive keep
 * the links as they are.
 */
export function withCountedLinks(
  database: Db,
  issueId: number,
  input: RenderInput,
  options: { publicUrl: string; key: Buffer },
): RenderInput {
  const links = recordIssueLinks(database, issueId, linkSites(input));
  return mapCountedLinks(input, (site) => {
    const link = links.get(siteKey(site));
    // Recorded a moment ago from this very input: a missing one would be a bug; it goes out as is.
    return link ? redirectUrl(options.publicUrl, options.key, { issueId, ...link }) : site.url;
  });
}
