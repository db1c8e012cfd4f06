import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { NewsletterFigures } from '@/lib/newsletters/figures';

/** With several newsletters, the dashboard shows each one's readers, open issues and last send. */
export function NewsletterFiguresTable({ figures }: { figures: NewsletterFigures[] }) {
  if (figures.length < 2) return null;
  return (
    <section aria-labelledby="per-nieuwsbrief" className="mt-8">
      <h2 id="per-nieuwsbrief" className="text-lg font-bold">
        Per nieuwsbrief
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Abonnementen, open nummers en laatste verzending</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-4">
                Nieuwsbrief
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Actieve abonnementen
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Wachten op bevestiging
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Open nummers
              </th>
              <th scope="col" className="py-2">
                Laatst verzonden
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((n) => (
              <tr key={n.id} className="border-b border-line">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  <Link href={`/redactie/abonnees?nieuwsbrief=${n.id}`}>{n.name}</Link>
                </th>
                <td className="py-2 pr-4 text-right">{n.activeSubscriptions}</td>
                <td className="py-2 pr-4 text-right">{n.pendingSubscriptions}</td>
                <td className="py-2 pr-4 text-right">{n.openIssues}</td>
                <td className="py-2">
                  {n.lastSent ? (
                    <Link href={`/redactie/nummers/${n.lastSent.id}`}>
                      nummer {n.lastSent.number}, {formatDate(n.lastSent.sentAt)}
                    </Link>
                  ) : (
                    'nog niets'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
