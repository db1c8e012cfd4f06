import type { MailPreview } from './actions';

/**
 * The rendered mail in a sandboxed frame (no scripts, no navigation): what the reader sees,
 * with the subject above it and the plain-text part folded away under it.
 */
export function MailPreviewFrame({ label, preview }: { label: string; preview: MailPreview }) {
  return (
    <section aria-label={`Voorbeeld van de ${label.toLowerCase()}`} className="space-y-2">
      <p className="text-sm">
        <span className="font-semibold">Onderwerp:</span> {preview.subject}
      </p>
      <iframe
        title={`Voorbeeld van de ${label.toLowerCase()}`}
        srcDoc={preview.html}
        sandbox=""
        className="h-[32rem] w-full rounded-md border border-line bg-white"
      />
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold">Tekstversie</summary>
        <pre className="mt-2 rounded-md border border-line bg-white p-3 whitespace-pre-wrap">
          {preview.text}
        </pre>
      </details>
    </section>
  );
}
