/** The public URLs that show an issue, refreshed when it is sent or corrected: its page and every cached list (a route). */
export function archivePaths(newsletterSlug: string, issueSlug: string): string[] {
  return [`/archief/${newsletterSlug}/${issueSlug}`, '/archief/lijst/[filter]', '/archief', '/archief/feed.xml', '/sitemap.xml'];
}
