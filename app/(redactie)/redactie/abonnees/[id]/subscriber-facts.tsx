import { SubscriberStatusBadge } from '@/components/subscriber-status-badge';
import { formatDate, formatCount } from '@/lib/format';
import type { SubscriberDetail } from '@/lib/subscribers/admin-detail';
import { audienceLabels } from '@/lib/subscribers/fields';

export function SubscriberFacts({
  subscriber: s,
  deliveryCount,
}: Pick<SubscriberDetail, 'subscriber' | 'deliveryCount'>) {
  return (
    <section aria-labelledby="gegevens" className="rounded-lg border border-line bg-white p-6">
      <h2 id="gegevens" className="text-lg font-bold">
        Gegevens
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">E-mailadres</dt>
        <dd>{s.email ?? '—'}</dd>
        {s.pendingEmail ? (
          <>
            <dt className="font-semibold">Nieuw adres (nog niet bevestigd)</dt>
            <dd>{s.pendingEmail}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Naam</dt>
        <dd>{s.name ?? '—'}</dd>
        <dt className="font-semibold">Gemeente</dt>
        <dd>{s.municipality ?? '—'}</dd>
        <dt className="font-semibold">Functie</dt>
        <dd>{audienceLabels[s.audience]}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          <SubscriberStatusBadge status={s.status} />
          {s.hardBounces ? ` (${s.hardBounces} keer onbestelbaar)` : null}
        </dd>
        <dt className="font-semibold">Sinds</dt>
        <dd>{formatDate(s.createdAt)}</dd>
        <dt className="font-semibold">Ontvangen e-mails</dt>
        <dd>{formatCount(deliveryCount)}</dd>
      </dl>
    </section>
  );
}
