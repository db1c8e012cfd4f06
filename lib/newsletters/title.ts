// How an issue is called everywhere (mail, archive, feed, log, editor screens): the newsletter's
// title pattern with {naam} and {nummer} filled in. Pure, so client components may use it too.

export const DEFAULT_TITLE_PATTERN = '{naam} {nummer}';

export type TitledNewsletter = { name: string; titlePattern?: string | null };

export function issueTitle(newsletter: TitledNewsletter, number: number): string {
  const pattern = newsletter.titlePattern || DEFAULT_TITLE_PATTERN;
  // One pass, so a name that itself contains "{nummer}" stays as it is.
  return pattern.replace(/\{(naam|nummer)\}/g, (_, key: string) =>
    key === 'naam' ? newsletter.name : String(number),
  );
}

/**
 * "Raadsbericht 25: agenda ALV" in lists and the feed: the title before the subject, unless the
 * subject already starts with it (editors often write "Raadsbericht 25: …" as the subject).
 */
export function issueHeading(title: string, subject: string): string {
  const words = subject.trim();
  if (!words) return title;
  const starts =
    words === title || [':', ' ', ',', ' -', ' –'].some((s) => words.startsWith(title + s));
  return starts ? words : `${title}: ${words}`;
}
