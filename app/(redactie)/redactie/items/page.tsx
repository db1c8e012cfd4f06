import type { Metadata } from 'next';
import { ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import { parseItemFilter } from '@/lib/items/list-filter';
import { listItems, themesOf } from '@/lib/items/queries';
import { listNewsletters } from '@/lib/newsletters/queries';
import { ItemFilters } from './item-filters';
import { ItemList } from './item-list';

export const metadata: Metadata = { title: 'Items' };

export default async function ItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('redacteur', '/redactie/items');
  const params = await searchParams;
  const newsletters = listNewsletters();
  const newsletter = pickNewsletter(newsletters, params.nieuwsbrief);
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  const themes = themesOf(newsletter.id);
  const filter = parseItemFilter(params, themes);
  const items = listItems(newsletter.id, filter);
  const saved = typeof params.opgeslagen === 'string' && params.opgeslagen !== '';
  const slug = encodeURIComponent(newsletter.slug);
  return (
    <>
      <PageHeader
        title="Items"
        description={`Nieuws, evenementen, publicaties en podcasts voor ${newsletter.name}.`}
        actions={
          <ButtonLink href={`/redactie/items/nieuw?nieuwsbrief=${slug}`}>Nieuw item</ButtonLink>
        }
      />
      {saved ? <PageNotice>Het item is opgeslagen.</PageNotice> : null}
      {params.verwijderd ? <PageNotice>Het item is verwijderd.</PageNotice> : null}
      {params.gearchiveerd ? (
        <PageNotice>
          Het item is gearchiveerd: het was verzonden en blijft zo in het archief staan. U vindt het
          terug met het filter Gearchiveerd.
        </PageNotice>
      ) : null}
      <ItemFilters
        filter={filter}
        themes={themes}
        newsletters={newsletters.map((n) => ({ slug: n.slug, name: n.name }))}
        newsletterSlug={newsletter.slug}
      />
      <p className="mb-2 text-sm text-muted" role="status">
        {items.length} {items.length === 1 ? 'item' : 'items'}
      </p>
      {items.length === 0 ? (
        <EmptyState title="Geen items gevonden">
          Pas de filters aan of maak een nieuw item.
        </EmptyState>
      ) : (
        <ItemList items={items} />
      )}
    </>
  );
}
