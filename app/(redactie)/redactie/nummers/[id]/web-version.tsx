import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { BuilderData } from '@/lib/issue/load-builder';

/** A sent issue's way to its public page and to the correction form. */
export function WebVersion({ issue }: { issue: BuilderData['issue'] }) {
  return (
    <section
      aria-labelledby="web-version"
      className="mb-6 rounded-md border border-line bg-white p-4"
    >
      <h2 id="web-version" className="text-lg font-semibold">
        Webversie
      </h2>
      <p className="mt-1">
        <a href={`/archief/${issue.newsletterSlug}/${issue.slug}`}>Bekijk in het archief</a> ·{' '}
        <Link href={`/redactie/nummers/${issue.id}/correctie`}>Webversie corrigeren</Link>
      </p>
      {issue.correctedAt ? (
        <p className="mt-1 text-sm text-muted">
          Gecorrigeerd op {formatDateTime(new Date(issue.correctedAt))}: {issue.correctionNote}
        </p>
      ) : null}
    </section>
  );
}
