import { ButtonLink } from '@/components/button';
import { publicSiteName } from '@/lib/newsletters/public-name';

// The organisation's name comes from the database, so the page is made per request.
export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <main id="inhoud" className="mx-auto max-w-2xl px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
        {publicSiteName()}
      </p>
      <h1 className="mt-2 text-3xl font-bold">Nieuwsbrieven voor de publieke sector</h1>
      <p className="mt-4 text-lg text-muted">
        Met Kopij stelt een redactie elk nummer van een nieuwsbrief samen in de browser. Abonnees
        kiezen zelf welke thema&apos;s ze ontvangen, en elk verzonden nummer blijft leesbaar in het
        openbare archief.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink href="/aanmelden">Aanmelden voor de nieuwsbrief</ButtonLink>
        <ButtonLink href="/archief" variant="secondary">
          Archief lezen
        </ButtonLink>
        <ButtonLink href="/inloggen" variant="secondary">
          Inloggen voor de redactie
        </ButtonLink>
      </div>
    </main>
  );
}
