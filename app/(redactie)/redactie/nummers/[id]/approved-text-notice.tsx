import type { IssueStatus } from '@/db/schema';

const HOW = {
  approved: 'Wilt u de nieuwe tekst versturen, zet het nummer dan terug naar concept.',
  scheduled:
    'Wilt u de nieuwe tekst versturen, haal het nummer dan uit de planning en zet het terug naar concept.',
} as const;

/**
 * On an approved or scheduled issue: library items edited since approval. The mail keeps the
 * text that was approved (lib/issue/sent-items.ts); this says so, and how to send the new one.
 */
export function ApprovedTextNotice({
  status,
  items,
}: {
  status: IssueStatus;
  items: { itemId: number; title: string }[];
}) {
  if (!items.length || (status !== 'approved' && status !== 'scheduled')) return null;
  return (
    <section
      role="status"
      data-approved-text-notice
      className="mb-6 rounded-md border border-amber-300 bg-warning-50 px-4 py-3 text-warning"
    >
      {items.length === 1 ? (
        <p className="font-semibold">
          “{items[0]!.title}”: Dit item is na goedkeuring gewijzigd; de goedgekeurde tekst wordt
          verzonden. {HOW[status]}
        </p>
      ) : (
        <>
          <p className="font-semibold">
            Deze items zijn na goedkeuring gewijzigd; de goedgekeurde tekst wordt verzonden.{' '}
            {HOW[status]}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {items.map((i) => (
              <li key={i.itemId}>“{i.title}”</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
