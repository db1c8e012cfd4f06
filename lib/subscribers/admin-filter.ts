import {
  audiences,
  subscriberStatuses,
  subscriptionStatuses,
  type Audience,
  type SubscriptionStatus,
} from '@/db/schema';

// The editors' subscriber filter, read from and written to the query string, so a filtered list
// can be bookmarked, paged and exported with the same parameters.

export type SubscriberStatus = (typeof subscriberStatuses)[number];

export type SubscriberFilter = {
  q?: string;
  status?: SubscriberStatus;
  subscription?: SubscriptionStatus;
  audience?: Audience;
  themeId?: number;
  newsletterId?: number;
};

export const subscriberStatusLabels: Record<SubscriberStatus, string> = {
  active: 'Actief',
  bounced: 'Onbestelbaar',
  erased: 'Gewist',
};

export const subscriptionStatusLabels: Record<SubscriptionStatus, string> = {
  pending: 'Nog niet bevestigd',
  active: 'Actief',
  paused: 'Gepauzeerd',
  unsubscribed: 'Afgemeld',
};

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, key: string) => {
  const value = params[key];
  return typeof value === 'string' ? value : '';
};

const pick = <T extends string>(values: readonly T[], value: string): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

const id = (value: string) => (/^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : undefined);

/** Unknown values are dropped rather than refused: a stale bookmark still shows a list. */
export function parseSubscriberFilter(params: Params): SubscriberFilter {
  const q = one(params, 'q').trim().slice(0, 200);
  return {
    q: q || undefined,
    status: pick(subscriberStatuses, one(params, 'status')),
    subscription: pick(subscriptionStatuses, one(params, 'inschrijving')),
    audience: pick(audiences, one(params, 'functie')),
    themeId: id(one(params, 'thema')),
    newsletterId: id(one(params, 'nieuwsbrief')),
  };
}

export function filterToParams(filter: SubscriberFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.subscription) params.set('inschrijving', filter.subscription);
  if (filter.audience) params.set('functie', filter.audience);
  if (filter.themeId) params.set('thema', String(filter.themeId));
  if (filter.newsletterId) params.set('nieuwsbrief', String(filter.newsletterId));
  return params;
}

/** Keyset cursors: `na` shows the page after (older than) an id, `voor` the page before it. */
export function parseCursor(params: Params): { after?: number; before?: number } {
  return { after: id(one(params, 'na')), before: id(one(params, 'voor')) };
}
