import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { publicNewsletter } from '@/lib/subscribers/public-queries';
import { SignUpView } from '../sign-up-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const newsletter = publicNewsletter((await params).slug);
  return { title: newsletter ? `Aanmelden voor ${newsletter.name}` : 'Niet gevonden' };
}

/** /aanmelden/<slug>: one newsletter's form (an archived one says it takes no sign-ups). */
export default async function NewsletterSignUpPage({ params }: Props) {
  const newsletter = publicNewsletter((await params).slug);
  if (!newsletter) notFound();
  return <SignUpView newsletter={newsletter} />;
}
