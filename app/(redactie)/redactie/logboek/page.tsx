import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { olderPageParams, readAuditParams } from '@/lib/audit-log/params';
import { auditPage } from '@/lib/audit-log/queries';
import { listEditors } from '@/lib/editors/queries';
import { listNewsletters } from '@/lib/newsletters/queries';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

export const metadata: Metadata = { title: 'Logboek' };

/** Only admins read the log; no one can change it through the app. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('admin', '/redactie/logboek');
  const filter = readAuditParams(await searchParams);
  const { rows, next } = auditPage(filter);
  const editors = listEditors();
  return (
    <>
      <PageHeader
        title="Logboek"
        description="Wie wat wanneer deed: statuswijzigingen, verzendingen, correcties, redacteuren en rollen, imports en verwijderingen."
      />
      <AuditFilters
        filter={filter}
        editors={editors}
        newsletters={listNewsletters({ includeArchived: true })}
      />

      {rows.length === 0 ? (
        <EmptyState title="Niets gevonden">
          Er staat niets in het logboek dat bij dit filter past.
        </EmptyState>
      ) : (
        <AuditTable rows={rows} />
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/redactie/logboek?${olderPageParams(filter, next)}`}>Oudere regels</Link>
        </p>
      ) : null}
    </>
  );
}
