import { formatCount } from '@/lib/format';

// How a finished send fared in one line. No database here: the issue page, the dashboard and
// the audit line at completion all say it the same way.

type Counts = { sent: number; failed: number; total: number };

/** More copies failed than arrived: the send finished, but it should not look done. */
export function mostlyFailed({ sent, failed }: Counts): boolean {
  return failed > 0 && failed * 2 > sent + failed;
}

/** "Verzending grotendeels mislukt: 812 van 1.000 kopieën niet afgeleverd", or null. */
export function failureHeadline(counts: Counts): string | null {
  if (!mostlyFailed(counts)) return null;
  return `Verzending grotendeels mislukt: ${formatCount(counts.failed)} van ${formatCount(counts.total)} kopieën niet afgeleverd`;
}
