import Link from 'next/link';
import { consentWording } from '@/lib/subscribers/consent';
import { audienceOptions } from '@/lib/subscribers/fields';
import { themesOf, type PublicNewsletter } from '@/lib/subscribers/public-queries';
import { ARCHIVED_MESSAGE } from '@/lib/subscribers/sign-up';
import { SignUpForm } from './sign-up-form';

/** One newsletter's sign-up: its name, description and active themes; none for an archived one. */
export function SignUpView({ newsletter }: { newsletter: PublicNewsletter }) {
  if (newsletter.archivedAt)
    return (
      <>
        <h1 className="text-2xl font-bold">{newsletter.name}</h1>
        <p className="mt-4">{ARCHIVED_MESSAGE}</p>
        <p className="mt-4">
          <Link
            href={`/archief/${encodeURIComponent(newsletter.slug)}`}
            className="text-brand-700 underline"
          >
            Bekijk de verschenen nummers
          </Link>
        </p>
      </>
    );
  return (
    <>
      <h1 className="text-2xl font-bold">Aanmelden voor {newsletter.name}</h1>
      {newsletter.description ? <p className="mt-2">{newsletter.description}</p> : null}
      <p className="mt-2 text-muted">
        De nieuwsbrief van {newsletter.organisation}. U kiest zelf welke thema&apos;s u ontvangt en
        kunt u op elk moment afmelden.
      </p>
      <SignUpForm
        newsletter={newsletter}
        themes={themesOf(newsletter.id)}
        consent={consentWording.text}
        audienceOptions={audienceOptions}
      />
    </>
  );
}
