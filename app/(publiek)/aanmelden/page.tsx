import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listNewsletters } from '@/lib/newsletters/queries';
import { consentWording } from '@/lib/subscribers/consent';
import { audienceOptions } from '@/lib/subscribers/fields';
import { publicNewsletter, themesOf } from '@/lib/subscribers/public-queries';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Aanmelden voor de nieuwsbrief' };
export const dynamic = 'force-dynamic';

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ nieuwsbrief?: string | string[] }>;
}) {
  const { nieuwsbrief } = await searchParams;
  const slug = typeof nieuwsbrief === 'string' ? nieuwsbrief : undefined;
  const all = listNewsletters();
  if (!slug && all.length > 1) {
    return (
      <>
        <h1 className="text-2xl font-bold">Aanmelden</h1>
        <p className="mt-2">Voor welke nieuwsbrief wilt u zich aanmelden?</p>
        <ul className="mt-4 list-disc pl-5">
          {all.map((n) => (
            <li key={n.id}>
              <Link
                href={`/aanmelden?nieuwsbrief=${encodeURIComponent(n.slug)}`}
                className="text-brand-700 underline"
              >
                {n.name}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const newsletter = publicNewsletter(slug);
  if (!newsletter) notFound();

  return (
    <>
      <h1 className="text-2xl font-bold">Aanmelden voor {newsletter.name}</h1>
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
