import 'server-only';
import { db } from '@/db';
import type { SubscriberFilter } from './admin-filter';
import { countSubscribers, listSubscribers } from './admin-list';
import { subscriberDataExport, subscriberDetail } from './admin-detail';
import { subscribersCsv } from './admin-export';
import { loadImportContext, planImport, readImportFile } from './import';
import { countSuppressions, erasedOnList, listSuppressions } from './suppression-admin';
import type { SuppressionFilter } from './suppression-filter';

// The editors' screens reach the database through here; the functions behind take a Db so
// tests and the bench run the same queries.

export const subscriberPage = (
  filter: SubscriberFilter,
  cursor: { after?: number; before?: number },
) => ({
  ...listSubscribers(db(), filter, cursor),
  total: countSubscribers(db(), filter),
});

export const subscriberById = (id: number) => subscriberDetail(db(), id);

export const subscriberExport = (id: number) => subscriberDataExport(db(), id);

/** Newsletters with their themes, for the filter and the import form. */
export const subscriberCsv = (filter: SubscriberFilter) => subscribersCsv(db(), filter);

/** What an uploaded file would do now; planned again at commit, so it is never stale. */
export function planUpload(text: string, newsletterId: number) {
  const read = readImportFile(text);
  if (!read.ok) return read;
  return { ok: true as const, plan: planImport(read.rows, loadImportContext(db(), newsletterId)) };
}

/** One page of the suppression list, its total, and whether the searched address was erased. */
export const suppressionPage = (
  filter: SuppressionFilter,
  cursor: { after?: number; before?: number },
) => ({
  ...listSuppressions(db(), filter, cursor),
  total: countSuppressions(db(), filter),
  erased: erasedOnList(db(), filter.q),
});
