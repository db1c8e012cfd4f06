import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { Badge } from '@/components/status-badge';
import { SubscriberStatusBadge } from '@/components/subscriber-status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { formatDate, formatDateTime } from '@/lib/format';
import { subscriptionStatusLabels } from '@/lib/subscribers/admin-filter';
import { consentKindLabels } from '@/lib/subscribers/admin-labels';
import { audienceLabels } from '@/lib/subscribers/fields';
import { subscriberById } from '@/lib/subscribers/queries';
import { EraseForm } from './erase-form';

export const metadata: Metadata = { title: 'Abonnee' };

const when = (value: Date | null) => (value ? formatDateTime(value) : '—');

export default async function SubscriberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const editor = await requireEditor('redacteur', `/redactie/abonnees/${id}`);
  const detail = /^[1-9][0-9]{0,8}$/.test(id) ? subscriberById(Number(id)) : null;
  if (!detail) notFound();
  const { subscriber: s, subscriptions, events, deliveryCount } = detail;
  const erased = s.status === 'erased';
  const justErased = (await searchParams).gewist === '1';
  return (
    <>
      <PageHeader
        title={erased ? `Gewiste abonnee #${s.id}` : (s.name ?? s.email ?? `Abonnee #${s.id}`)}
        description={
          erased
            ? `Gewist op ${when(s.erasedAt)}. Alleen aantallen en de geschiedenis zonder persoonsgegevens zijn bewaard.`
            : s.email
        }
        actions={
          <a
            href={`/redactie/abonnees/${s.id}/gegevens`}
            className={buttonClass('secondary')}
            download
          >
            Gegevens exporteren (JSON)
          </a>
        }
      />
      {justErased ? <PageNotice>De abonnee is gewist.</PageNotice> : null}
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
          <dd>{deliveryCount.toLocaleString('nl-NL')}</dd>
        </dl>
      </section>
      <section
        aria-labelledby="inschrijvingen"
        className="mt-6 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="inschrijvingen" className="text-lg font-bold">
          Inschrijvingen
        </h2>
        {subscriptions.length === 0 ? (
          <p className="mt-2 text-sm text-muted">Geen inschrijvingen.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {subscriptions.map((sub) => (
              <li key={sub.id} className="rounded-md border border-line p-4 text-sm">
                <p className="font-semibold">
                  {sub.newsletter}{' '}
                  <Badge
                    tone={
                      sub.status === 'active'
                        ? 'success'
                        : sub.status === 'unsubscribed'
                          ? 'neutral'
                          : 'warning'
                    }
                  >
                    {subscriptionStatusLabels[sub.status]}
                  </Badge>
                </p>
                <p className="mt-1">
                  Thema’s: {sub.themes.length ? sub.themes.join(', ') : 'geen'}
                </p>
                <p className="mt-1 text-muted">
                  Aangemeld {when(sub.createdAt)} · bevestigd {when(sub.confirmedAt)}
                  {sub.pausedUntil ? ` · gepauzeerd tot ${formatDate(sub.pausedUntil)}` : ''}
                  {sub.unsubscribedAt ? ` · afgemeld ${when(sub.unsubscribedAt)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
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
      {!erased && hasRole(editor.role, 'hoofdredacteur') ? (
        <section
          aria-labelledby="wissen"
          className="mt-6 rounded-lg border border-red-300 bg-white p-6"
        >
          <h2 id="wissen" className="text-lg font-bold">
            Abonnee wissen
          </h2>
          <p className="mt-1 mb-4 text-sm text-muted">
            Op verzoek van de abonnee (AVG art. 17): adres, naam en gemeente worden verwijderd en
            alle inschrijvingen beëindigd. Aantallen en de geschiedenis zonder persoonsgegevens
            blijven bewaard.
          </p>
          <EraseForm id={s.id} />
        </section>
      ) : null}
    </>
  );
}
