import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

// Personal pages (tokens in the URL) and the editors' side stay out of search engines.
export default function robots(): MetadataRoute.Robots {
  const { publicUrl } = getConfig();
  return {
    rules: {
      userAgent: '*',
      allow: ['/', '/archief'],
      disallow: [
        '/redactie',
        '/api',
        '/inloggen',
        '/voorkeuren',
        '/afmelden',
        '/aanmelden/bevestigen',
        '/nieuwe-link',
        // Counted links from sent mail (lib/clicks): a crawler's visit is no reader's click.
        '/k/',
      ],
    },
    sitemap: `${publicUrl}/sitemap.xml`,
  };
}
