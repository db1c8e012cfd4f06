// PLACEHOLDER so the newsletter page builds on its own branch: the public pages' branch provides
// the real component at this path (merge: take theirs).
export function EmbedSnippet(props: { newsletterSlug: string }) {
  void props;
  return null;
}
