import 'server-only';
import { getConfig } from '@/lib/config';
import { consentWording } from './consent';
import { embedSnippet } from './embed';
import { audienceOptions } from './fields';
import { publicNewsletter, themesOf } from './public-queries';

/** The snippet for a newsletter as it is now (its active themes), or undefined for an unknown slug. */
export function embedSnippetFor(slug: string): string | undefined {
  const newsletter = publicNewsletter(slug);
  if (!newsletter) return undefined;
  return embedSnippet({
    newsletter,
    themes: themesOf(newsletter.id),
    audienceOptions,
    consent: consentWording.text,
    publicUrl: getConfig().publicUrl,
  });
}
