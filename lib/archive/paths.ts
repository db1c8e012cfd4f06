/**
 * The cached public URLs that show an issue, refreshed when it is sent or corrected: its page,
 * and every cached list page as their route. Next tags a route by its folder path, route group
 * included, so the group must be named here.
 */
export function archivePaths(newsletterSlug: string, issueSlug: string): string[] {
  return [
    `/archief/${newsletterSlug}/${issueSlug}`,
    '/(publiek)/archief/[nieuwsbrief]/[nummer]/[item]',
    '/(publiek)/archief/lijst/[filter]',
    '/archief/feed.xml',
    '/sitemap.xml',
  ];
}

/**
 * The cached public pages that show a newsletter's name, organisation or footer, refreshed when
 * its settings change: every issue page and list page (their header names the organisation of
 * all newsletters). The other public pages are made per request.
 */
export const newsletterPaths = [
  '/(publiek)/archief/[nieuwsbrief]/[nummer]',
  '/(publiek)/archief/[nieuwsbrief]/[nummer]/[item]',
  '/(publiek)/archief/lijst/[filter]',
] as const;
