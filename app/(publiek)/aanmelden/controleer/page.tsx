import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check uw inbox' };
// The layout names the organisation from the database, which the build does not have.
export const dynamic = 'force-dynamic';

// The same page whether the address was known, new or already subscribed.
export default async function CheckInboxPage({
  searchParams,
}: {
  searchParams: Promise<{ link?: string }>;
}) {
  const { link } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold">Check uw inbox</h1>
      <p className="mt-4">
        {link
          ? 'Als dit adres bij ons bekend is, hebben we er een nieuwe link naartoe gestuurd.'
          : 'We hebben een mail gestuurd naar het adres dat u opgaf. Open de link in die mail om uw aanmelding te bevestigen.'}
      </p>
      <p className="mt-4 text-muted">
        Geen mail ontvangen? Kijk ook in de map met ongewenste mail. Na een paar minuten nog niets?
        Vraag dan een{' '}
        <Link href="/nieuwe-link" className="text-brand-700 underline">
          nieuwe link
        </Link>{' '}
        aan.
      </p>
    </>
  );
}
