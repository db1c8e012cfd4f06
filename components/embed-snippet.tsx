import { embedSnippetFor } from '@/lib/subscribers/embed-for';
import { CopyButton } from './copy-button';

/** The embeddable sign-up form of one newsletter, to copy into the organisation's website. */
export function EmbedSnippet({ newsletterSlug }: { newsletterSlug: string }) {
  const snippet = embedSnippetFor(newsletterSlug);
  if (!snippet) return null;
  const id = `insluitcode-${newsletterSlug}`;
  return (
    <section aria-labelledby={`${id}-kop`} className="space-y-3">
      <h2 id={`${id}-kop`} className="text-lg font-semibold">
        Aanmeldformulier op uw eigen website
      </h2>
      <p className="text-sm text-muted">
        Plak deze HTML in een pagina van uw website: het formulier meldt bezoekers aan voor deze
        nieuwsbrief, werkt zonder JavaScript en neemt de opmaak van uw website over.
      </p>
      <label htmlFor={id} className="sr-only">
        HTML-code van het aanmeldformulier
      </label>
      <textarea
        id={id}
        readOnly
        rows={12}
        value={snippet}
        spellCheck={false}
        className="w-full rounded-md border border-line bg-white p-3 font-mono text-xs"
      />
      <CopyButton target={id} />
    </section>
  );
}
