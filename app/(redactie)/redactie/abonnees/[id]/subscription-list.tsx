import { Badge } from '@/components/status-badge';
import { formatDate } from '@/lib/format';
import type { SubscriberDetail } from '@/lib/subscribers/admin-detail';
import { subscriptionStatusLabels } from '@/lib/subscribers/admin-filter';
import { when } from './when';

type Subscription = SubscriberDetail['subscriptions'][number];

function SubscriptionCard({ sub }: { sub: Subscription }) {
  return (
    <li className="rounded-md border border-line p-4 text-sm">
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
      <p className="mt-1">Thema’s: {sub.themes.length ? sub.themes.join(', ') : 'geen'}</p>
      <p className="mt-1 text-muted">
        Aangemeld {when(sub.createdAt)} · bevestigd {when(sub.confirmedAt)}
        {sub.pausedUntil ? ` · gepauzeerd tot ${formatDate(sub.pausedUntil)}` : ''}
        {sub.unsubscribedAt ? ` · afgemeld ${when(sub.unsubscribedAt)}` : ''}
      </p>
    </li>
  );
}

export function SubscriptionList({ subscriptions }: { subscriptions: Subscription[] }) {
  return (
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
            <SubscriptionCard key={sub.id} sub={sub} />
          ))}
        </ul>
      )}
    </section>
  );
}
