import Link from 'next/link';
import type { ArchiveNewsletter } from '@/lib/archive/newsletters';
import { formatDate } from '@/lib/format';

/** With several newsletters, the archive first names them, each with its own list. */
export function ArchiveNewsletters({ newsletters }: { newsletters: ArchiveNewsletter[] }) {
  if (newsletters.length < 2) return null;
  return (
    <section aria-labelledby="nieuwsbrieven" className="mt-8">
      <h2 id="nieuwsbrieven" className="text-xl font-bold">
        Nieuwsbrieven
      </h2>
      <ul className="mt-4 space-y-4">
        {newsletters.map((n) => (
          <li key={n.id}>
            <Link
              href={`/archief/${encodeURIComponent(n.slug)}`}
              className="text-lg font-semibold text-brand-700 underline"
            >
              {n.name}
            </Link>
            <span className="text-muted"> van {n.organisation}</span>
            {n.description ? <p className="mt-1">{n.description}</p> : null}
            <p className="text-sm text-muted">
              {n.issueCount} {n.issueCount === 1 ? 'nummer' : 'nummers'}, het laatste op{' '}
              <time dateTime={n.lastSentAt.toISOString()}>{formatDate(n.lastSentAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
