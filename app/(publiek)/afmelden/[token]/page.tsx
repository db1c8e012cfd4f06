import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/button';
import { issueRef } from '@/lib/subscribers/forms';
import { ISSUE_PARAM, issueQuery, personalLink } from '@/lib/subscribers/links';
import { newsletterById, subscriptionStatusOf } from '@/lib/subscribers/public-queries';
import { checkLink } from '@/lib/subscribers/verify';
import { LinkProblem, personalPageMetadata } from '../../link-problem';

export const metadata: Metadata = { title: 'Afmelden', ...personalPageMetadata };
export const dynamic = 'force-dynamic';

// One button; the GET itself changes nothing (mail scanners), the POST unsubscribes at once.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const check = checkLink('unsubscribe', token);
  if (!check.ok) return <LinkProblem check={check} />;
  const newsletter = newsletterById(check.claims.newsletterId);
  const subscription = subscriptionStatusOf(check.claims);
  if (!newsletter || !subscription) return <LinkProblem check={{ ok: false, reason: 'revoked' }} />;
  // Onward with the issue the link came in, so a change there still counts for it.
  const issueId = issueRef.parse(query[ISSUE_PARAM]);
  const preferences =
    new URL(personalLink('preferences', check.claims)).pathname + issueQuery(issueId);

  if (subscription.status === 'unsubscribed') {
    return (
      <>
        <h1 className="text-2xl font-bold">U bent afgemeld</h1>
        <p role="status" className="mt-4">
          {'afgemeld' in query
            ? `U ontvangt ${newsletter.name} niet meer.`
            : `U was al afgemeld voor ${newsletter.name}.`}{' '}
          Andere nieuwsbrieven waarvoor u bent aangemeld, blijven gewoon komen.
        </p>
        {subscription.confirmedAt ? (
          <form method="post" className="mt-6">
            <input type="hidden" name="actie" value="ongedaan" />
            <Button type="submit" variant="secondary">
              Per ongeluk? Maak het ongedaan
            </Button>
          </form>
        ) : null}
      </>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-bold">Afmelden voor {newsletter.name}</h1>
      {'ongedaan' in query ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-success-50 px-4 py-3 font-semibold text-success"
        >
          Welkom terug: u bent weer aangemeld, met dezelfde thema&apos;s als voorheen.
        </p>
      ) : (
        <>
          <p className="mt-4">Na één klik ontvangt u deze nieuwsbrief niet meer.</p>
          <form method="post" className="mt-6">
            <input type="hidden" name="actie" value="afmelden" />
            <Button type="submit" variant="danger">
              Afmelden
            </Button>
          </form>
        </>
      )}
      <p className="mt-8">
        Liever minder mail? U kunt ook{' '}
        <Link href={preferences} className="text-brand-700 underline">
          alleen de thema&apos;s kiezen die u interesseren of de nieuwsbrief pauzeren
        </Link>
        .
      </p>
    </>
  );
}
