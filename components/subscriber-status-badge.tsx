import type { ComponentProps } from 'react';
import { subscriberStatusLabels, type SubscriberStatus } from '@/lib/subscribers/admin-filter';
import { Badge } from './status-badge';

const tones: Record<SubscriberStatus, ComponentProps<typeof Badge>['tone']> = {
  active: 'success',
  bounced: 'warning',
  erased: 'neutral',
};

/** A subscriber's own status (not a subscription's), on the list and on the detail page. */
export function SubscriberStatusBadge({ status }: { status: SubscriberStatus }) {
  return <Badge tone={tones[status]}>{subscriberStatusLabels[status]}</Badge>;
}
