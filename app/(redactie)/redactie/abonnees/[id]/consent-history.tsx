import { formatDateTime } from '@/lib/format';
import type { SubscriberDetail } from '@/lib/subscribers/admin-detail';
import { consentKindLabels } from '@/lib/subscribers/admin-labels';

export function ConsentHistory({ events }: { events: SubscriberDetail['events'] }) {
  return (
    <section
      aria-labelledby="toestemming"
      className="mt-6 rounded-lg border border-line bg-white p-6"
    >
      <h2 id="toestemming" className="text-lg font-bold">
        Toestemmingsgeschiedenis
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Toestemmingen en wijzigingen, nieuwste eerst</caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Wat
              </th>
              <th scope="col" className="py-2 pr-4">
                Wanneer
              </th>
              <th scope="col" className="py-2 pr-4">
                Bron
              </th>
              <th scope="col" className="py-2 pr-4">
                Versie tekst
              </th>
              <th scope="col" className="py-2">
                Nieuwsbrief
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b border-line last:border-0">
                <td className="py-2 pr-4 font-semibold">{consentKindLabels[e.kind]}</td>
                <td className="py-2 pr-4">{formatDateTime(e.createdAt)}</td>
                <td className="py-2 pr-4">{e.source}</td>
                <td className="py-2 pr-4">{e.wordingVersion ?? '—'}</td>
                <td className="py-2">{e.newsletter ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
