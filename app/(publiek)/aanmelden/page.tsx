import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { listNewsletters } from '@/lib/newsletters/queries';
import { publicNewsletter } from '@/lib/subscribers/public-queries';
import { SignUpView } from './sign-up-view';

export const metadata: Metadata = { title: 'Aanmelden voor de nieuwsbrief' };
export const dynamic = 'force-dynamic';

// One active newsletter: its form right here. Several: the choice, each to /aanmelden/<slug>.
// The older /aanmelden?nieuwsbrief=<slug> (in sent mail and bookmarks) goes to the slug's page.
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ nieuwsbrief?: string | string[] }>;
}) {
  const { nieuwsbrief } = await searchParams;
  if (typeof nieuwsbrief === 'string' && nieuwsbrief !== '')
    redirect(`/aanmelden/${encodeURIComponent(nieuwsbrief)}`);
  const active = listNewsletters();
  if (active.length > 1) {
    return (
      <>
        <h1 className="text-2xl font-bold">Aanmelden</h1>
        <p className="mt-2">Voor welke nieuwsbrief wilt u zich aanmelden?</p>
        <ul className="mt-6 space-y-4">
          {active.map((n) => (
            <li key={n.id}>
              <Link
                href={`/aanmelden/${encodeURIComponent(n.slug)}`}
                className="font-semibold text-brand-700 underline"
              >
                {n.name}
              </Link>
              <span className="text-muted"> van {n.organisation}</span>
              {n.description ? <p className="mt-1 text-sm">{n.description}</p> : null}
            </li>
          ))}
        </ul>
      </>
    );
  }
  const newsletter = publicNewsletter();
  if (!newsletter) notFound();
  return <SignUpView newsletter={newsletter} />;
}
