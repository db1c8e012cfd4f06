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
