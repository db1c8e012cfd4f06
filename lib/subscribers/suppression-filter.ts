import { suppressionReasons, type SuppressionReason } from '@/lib/enums';

// The editors' suppression list filter, read from and written to the query string like the
// subscriber list's (admin-filter.ts), so a filtered list can be bookmarked and paged.

export const suppressionReasonLabels: Record<SuppressionReason, string> = {
  hard_bounce: 'Onbestelbaar (harde bounce)',
  complaint: 'Klacht (als spam gemeld)',
  erased: 'Gewist (AVG)',
  manual: 'Handmatig toegevoegd',
};

/** Which rows: those on the list now (the default), lifted ones, or both. */
export const suppressionStates = ['opgeheven', 'alle'] as const;
export type SuppressionState = 'actief' | (typeof suppressionStates)[number];

export const suppressionStateLabels: Record<SuppressionState, string> = {
  actief: 'Op de lijst',
  opgeheven: 'Opgeheven',
  alle: 'Op de lijst en opgeheven',
};

export type SuppressionFilter = { q?: string; reason?: SuppressionReason; state: SuppressionState };

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, key: string) => {
  const value = params[key];
  return typeof value === 'string' ? value : '';
};

/** Unknown values are dropped rather than refused: a stale bookmark still shows a list. */
export function parseSuppressionFilter(params: Params): SuppressionFilter {
  const q = one(params, 'q').trim().slice(0, 254);
  const reason = one(params, 'reden') as SuppressionReason;
  const state = one(params, 'stand') as SuppressionState;
  return {
    q: q || undefined,
    reason: suppressionReasons.includes(reason) ? reason : undefined,
    state: (suppressionStates as readonly string[]).includes(state) ? state : 'actief',
  };
}

export function suppressionFilterToParams(filter: SuppressionFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.reason) params.set('reden', filter.reason);
  if (filter.state !== 'actief') params.set('stand', filter.state);
  return params;
}
