import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { NewsletterChoice, pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { listReusableBlocks } from '@/lib/issue/reusable-blocks';
import { listNewsletters } from '@/lib/newsletters/queries';
import { BlockList } from './block-list';

export const metadata: Metadata = { title: 'Vaste blokken' };

export default async function BlocksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('admin', '/redactie/blokken');
  const params = await searchParams;
  // Archived newsletters too, marked in the picker: their blocks stay readable.
  const all = listNewsletters({ includeArchived: true });
  const newsletter = pickNewsletter(all, params.nieuwsbrief);
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  const archived = params.archief === '1';
  const blocks = listReusableBlocks(db(), newsletter.id, archived);
  const here = `/redactie/blokken?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`;
  const start = blocks.filter((b) => b.inNewIssues && !b.archivedAt);
  const rest = blocks.filter((b) => !start.includes(b));
  return (
    <>
      <PageHeader
        title="Vaste blokken"
        description={`Teksten en oproepen die de redactie van ${newsletter.name} in nummers zet.`}
        actions={
          // An archived newsletter takes no new issues, so no new blocks either.
          newsletter.archivedAt ? undefined : (
            <ButtonLink
              href={`/redactie/blokken/nieuw?nieuwsbrief=${encodeURIComponent(newsletter.slug)}`}
            >
              Nieuw blok<span className="sr-only"> voor {newsletter.name}</span>
            </ButtonLink>
          )
        }
      />
      {params.opgeslagen ? <PageNotice>Het blok is opgeslagen.</PageNotice> : null}
      {params.gearchiveerd ? (
        <PageNotice>
          Het blok is gearchiveerd. Nummers waarin het al staat houden hun kopie.
        </PageNotice>
      ) : null}
      {params.teruggezet ? (
        <PageNotice>Het blok is teruggezet; het staat nog niet in elk nieuw nummer.</PageNotice>
      ) : null}
      <NewsletterChoice newsletters={all} current={newsletter} />
      <p className="mb-6 text-sm">
        {archived ? (
          <Link href={here}>Terug naar de blokken in gebruik</Link>
        ) : (
          <Link href={`${here}&archief=1`}>Gearchiveerde blokken tonen</Link>
        )}
      </p>
      {archived ? (
        <BlockList
          title="Gearchiveerd"
          description="Niet meer aangeboden in de bouwer. Nummers waarin ze staan houden hun kopie."
          blocks={rest}
          mode="archived"
        />
      ) : (
        <>
          <BlockList
            title="In elk nieuw nummer"
            description="Een nieuw nummer begint met deze blokken, in deze volgorde. Verplaats ze met Omhoog en Omlaag."
            blocks={start}
            mode="start"
          />
          <BlockList
            title="Overige blokken"
            description="Beschikbaar in de bouwer, maar niet vanzelf in een nieuw nummer."
            blocks={rest}
            mode="other"
          />
        </>
      )}
    </>
  );
}
