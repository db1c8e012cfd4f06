import 'server-only';
import { cache } from 'react';
import { listNewsletters } from './queries';

/** The header and title of the public pages when the newsletters come from several organisations. */
export const NEUTRAL_PUBLIC_NAME = 'Nieuwsbrieven';

/**
 * Whom the public pages (sign-up, archive, preferences) name instead of "Kopij": the
 * organisation of the active newsletters when they share one (with none active, of all of
 * them, so an install whose newsletters are all archived still names its owner), otherwise a
 * neutral "Nieuwsbrieven". A reader signed up with the organisation, not with the software.
 * Once per request: the layout's metadata and its header both ask.
 */
export const publicSiteName = cache((): string => {
  const active = listNewsletters();
  const shown = active.length ? active : listNewsletters({ includeArchived: true });
  const organisations = new Set(shown.map((n) => n.organisation.trim()).filter(Boolean));
  return organisations.size === 1 ? [...organisations][0]! : NEUTRAL_PUBLIC_NAME;
});
