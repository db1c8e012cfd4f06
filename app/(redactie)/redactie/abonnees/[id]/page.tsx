import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { subscriberById } from '@/lib/subscribers/queries';
import { ConsentHistory } from './consent-history';
import { EraseSection } from './erase-section';
import { SubscriberFacts } from './subscriber-facts';
import { SubscriptionList } from './subscription-list';
import { when } from './when';

export const metadata: Metadata = { title: 'Abonnee' };

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
          // The art. 15 export, like the list's, asks at least hoofdredacteur.
          hasRole(editor.role, 'hoofdredacteur') ? (
            <a
              href={`/redactie/abonnees/${s.id}/gegevens`}
              className={buttonClass('secondary')}
              download
            >
              Gegevens exporteren (JSON)
            </a>
          ) : undefined
        }
      />
      {justErased ? <PageNotice>De abonnee is gewist.</PageNotice> : null}
      <SubscriberFacts subscriber={s} deliveryCount={deliveryCount} />
      <SubscriptionList subscriptions={subscriptions} />
      <ConsentHistory events={events} />
      {!erased && hasRole(editor.role, 'hoofdredacteur') ? <EraseSection id={s.id} /> : null}
    </>
  );
}
