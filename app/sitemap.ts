import type { MetadataRoute } from 'next';
import { db } from '@/db';
import { listSentIssues } from '@/lib/archive/queries';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** The public pages and every sent issue (drafts never: listSentIssues reads sent issues only). */
export default function sitemap(): MetadataRoute.Sitemap {
  const { publicUrl } = getConfig();
  const pages: MetadataRoute.Sitemap = [
    { url: `${publicUrl}/archief` },
    { url: `${publicUrl}/aanmelden` },
  ];
  let page = 1;
  for (;;) {
    const list = listSentIssues(db(), { page });
    for (const i of list.issues)
      pages.push({
        url: `${publicUrl}/archief/${i.newsletterSlug}/${i.slug}`,
        lastModified: i.sentAt,
      });
    if (page >= list.pages) break;
    page += 1;
  }
  return pages;
}
