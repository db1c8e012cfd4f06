/** The public URLs that show an issue: revalidated when it is sent or corrected. */
export function archivePaths(newsletterSlug: string, issueSlug: string): string[] {
  return [`/archief/${newsletterSlug}/${issueSlug}`, '/archief', '/archief/feed.xml', '/sitemap.xml'];
}
