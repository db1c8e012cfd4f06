import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Controleer uw inbox' };

// The same page for every address, known or not, so it reveals nobody's membership of the editors.
export default function CheckInboxPage() {
  return (
    <main id="inhoud" className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Controleer uw inbox</h1>
      <p className="mt-4">
        Als dit adres bij de redactie hoort, heeft u een e-mail gekregen met een inloglink. De link
        werkt één keer en is een uur geldig.
      </p>
      <p className="mt-4 text-muted">
        Niets ontvangen? Kijk ook bij ongewenste e-mail, of vraag een beheerder of uw adres is
        toegevoegd.
      </p>
      <p className="mt-6">
        <Link href="/inloggen">Opnieuw een link aanvragen</Link>
      </p>
    </main>
  );
}
