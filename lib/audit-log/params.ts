import { auditFilter, type AuditFilter } from './list';

type Params = Record<string, string | string[] | undefined>;

/** The log page's filter from its query string; a repeated parameter counts with its first value. */
export function readAuditParams(raw: Params): AuditFilter {
  return auditFilter.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
}

/** The query string of the next, older page: the same filter, continuing below `next`. */
export function olderPageParams(filter: AuditFilter, next: number): URLSearchParams {
  return new URLSearchParams({
    ...stripUndefined({ ...filter, voor: undefined }),
    voor: String(next),
  });
}

function stripUndefined(
  record: Record<string, string | number | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
}
