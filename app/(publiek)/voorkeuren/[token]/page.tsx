import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { pauseOptions } from '@/lib/subscribers/consent';
import { audienceOptions } from '@/lib/subscribers/fields';
import { issueRef } from '@/lib/subscribers/forms';
import { ISSUE_PARAM, issueQuery, personalLink } from '@/lib/subscribers/links';
import { newsletterById, preferencesOf, themesOf } from '@/lib/subscribers/public-queries';
import { checkLink } from '@/lib/subscribers/verify';
import { LinkProblem, personalPageMetadata } from '../../link-problem';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Uw voorkeuren', ...personalPageMetadata };
export const dynamic = 'force-dynamic';

const notices: Record<string, string> = {
  bevestigd: 'Bedankt! Uw aanmelding is bevestigd. Hieronder kunt u uw voorkeuren aanpassen.',
  'al-bevestigd': 'Uw aanmelding was al bevestigd.',
  opgeslagen: 'Uw voorkeuren zijn opgeslagen.',
  adres:
    'We hebben een mail gestuurd naar uw nieuwe adres. Pas als u die bevestigt, gaat de nieuwsbrief daarheen.',
  'adres-bevestigd': 'Uw nieuwe adres is bevestigd. Links in oudere mails werken niet meer.',
};

export default async function PreferencesPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const check = checkLink('preferences', token);
  if (!check.ok) return <LinkProblem check={check} />;
  const newsletter = newsletterById(check.claims.newsletterId);
  const current = preferencesOf(check.claims);
  if (!newsletter || !current?.email)
    return <LinkProblem check={{ ok: false, reason: 'revoked' }} />;
  const notice = Object.keys(notices).find((key) => key in query);
  // The issue the link came in goes along, so a change or an unsubscribe still counts for it.
  const issueId = issueRef.parse(query[ISSUE_PARAM]);
  const unsubscribeHref =
    new URL(personalLink('unsubscribe', check.claims)).pathname + issueQuery(issueId);

  return (
    <>
      <h1 className="text-2xl font-bold">Uw voorkeuren voor {newsletter.name}</h1>
      {notice ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-success-50 px-4 py-3 font-semibold text-success"
        >
          {notices[notice]}
        </p>
      ) : null}
      {current.status === 'unsubscribed' || current.status === 'pending' ? (
        <p className="mt-4">
          {current.status === 'pending'
            ? 'Uw aanmelding is nog niet bevestigd.'
            : 'U bent afgemeld voor deze nieuwsbrief.'}{' '}
          <Link
            href={`/aanmelden/${encodeURIComponent(newsletter.slug)}`}
            className="text-brand-700 underline"
          >
            Opnieuw aanmelden
          </Link>
        </p>
      ) : (
        <>
          {current.pauseRunning && current.pausedUntil ? (
            <p className="mt-4">
              De nieuwsbrief is gepauzeerd tot {formatDate(current.pausedUntil)}. Kies hieronder
              &ldquo;Niet pauzeren&rdquo; om hem weer te ontvangen.
            </p>
          ) : null}
          <PreferencesForm
            current={{
              email: current.email,
              name: current.name ?? '',
              audience: current.audience,
              themeIds: current.themeIds,
              pendingEmail: current.pendingEmail,
            }}
            themes={themesOf(newsletter.id)}
            audienceOptions={audienceOptions}
            pauseOptions={pauseOptions.map((o) => ({ value: String(o.days), label: o.label }))}
            issueId={issueId}
          />
          <h2 className="mt-10 text-lg font-semibold">Afmelden</h2>
          <p className="mt-2">
            Wilt u deze nieuwsbrief niet meer ontvangen?{' '}
            <Link href={unsubscribeHref} className="text-brand-700 underline">
              Afmelden voor {newsletter.name}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
