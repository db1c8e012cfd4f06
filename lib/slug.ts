/**
 * The URL- and CSV-friendly form of a text: lower case, no accents, words joined by hyphens, at
 * most `max` characters (never ending in a hyphen). Empty when nothing of the text is left.
 */
export function slugify(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
}
