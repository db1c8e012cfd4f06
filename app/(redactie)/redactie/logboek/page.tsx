import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { FilterSelect } from '@/components/filter-select';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { auditFilter, auditGroups } from '@/lib/audit-log/list';
import { auditPage } from '@/lib/audit-log/queries';
import { listEditors } from '@/lib/editors/queries';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Logboek' };

const control = 'block rounded-md border border-gray-500 bg-white px-3 py-2';

/** Only admins read the log; no one can change it through the app. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('admin', '/redactie/logboek');
  const raw = await searchParams;
  const filter = auditFilter.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const { rows, next } = auditPage(filter);
  const editors = listEditors();
  const nextHref = next
    ? `/redactie/logboek?${new URLSearchParams({ ...stripUndefined({ ...filter, voor: undefined }), voor: String(next) })}`
    : null;

  return (
    <>
      <PageHeader
        title="Logboek"
        description="Wie wat wanneer deed: statuswijzigingen, verzendingen, correcties, redacteuren en rollen, imports en verwijderingen."
      />
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4"
        aria-label="Logboek filteren"
      >
        <FilterSelect
          name="soort"
          label="Soort"
          value={filter.soort}
          all="Alles"
          options={Object.entries(auditGroups).map(([value, group]) => ({
            value,
            label: group.label,
          }))}
          className={control}
        />
        <FilterSelect
          name="door"
          label="Door"
          value={filter.door}
          all="Iedereen"
          options={editors.map((e) => ({ value: e.id, label: e.name ?? e.email }))}
          className={control}
        />
        <div>
          <label htmlFor="van" className="block text-sm font-semibold">
            Vanaf
          </label>
          <input id="van" name="van" type="date" defaultValue={filter.van} className={control} />
        </div>
        <div>
          <label htmlFor="tot" className="block text-sm font-semibold">
            Tot en met
          </label>
          <input id="tot" name="tot" type="date" defaultValue={filter.tot} className={control} />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Filteren
        </button>
      </form>

      {rows.length === 0 ? (
        <EmptyState title="Niets gevonden">
          Er staat niets in het logboek dat bij dit filter past.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Logboek, nieuwste eerst</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Wanneer
                </th>
                <th scope="col" className="px-4 py-2">
                  Door
                </th>
                <th scope="col" className="px-4 py-2">
                  Wat
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  className="border-b border-line align-top"
                  data-audit-action={row.action}
                >
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(row.at)}</td>
                  <td className="px-4 py-2">{row.actorLabel}</td>
                  <td className="px-4 py-2">
                    {row.summary}
                    {row.details && Object.keys(row.details).length ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-brand-700">Details</summary>
                        <pre className="mt-1 text-xs break-all whitespace-pre-wrap">
                          {JSON.stringify(row.details, null, 2)}
                        </pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref ? (
        <p className="mt-4">
          <Link href={nextHref}>Oudere regels</Link>
        </p>
      ) : null}
    </>
  );
}

function stripUndefined(
  record: Record<string, string | number | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
}
