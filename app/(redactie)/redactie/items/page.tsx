import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { Badge } from '@/components/status-badge';
import { ThemeOptions } from '@/components/theme-options';
import { itemKinds, type ItemKind } from '@/db/schema';
import { requireEditor } from '@/lib/auth/guard';
import { eventSummary, itemKindLabels } from '@/lib/items/labels';
import { listItems, themesOf } from '@/lib/items/queries';
import { listNewsletters } from '@/lib/newsletters/queries';

export const metadata: Metadata = { title: 'Items' };

const select = 'mt-1 block w-full rounded-md border border-gray-500 bg-white px-2 py-1.5';

export default async function ItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor('redacteur', '/redactie/items');
  const params = await searchParams;
  const text = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : '');
  const newsletter = listNewsletters()[0];
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  const themes = themesOf(newsletter.id);
  const kind = itemKinds.includes(text('soort') as ItemKind)
    ? (text('soort') as ItemKind)
    : undefined;
  const themeId = themes.find((t) => String(t.id) === text('thema'))?.id;
  const filter = {
    q: text('q').slice(0, 200),
    themeId,
    kind,
    unplaced: text('geplaatst') === 'nee',
  };
  const items = listItems(newsletter.id, filter);
  return (
    <>
      <PageHeader
        title="Items"
        description={`Nieuws, evenementen, publicaties en podcasts voor ${newsletter.name}.`}
        actions={<ButtonLink href="/redactie/items/nieuw">Nieuw item</ButtonLink>}
      />
      {text('opgeslagen') ? <PageNotice>Het item is opgeslagen.</PageNotice> : null}
      <form
        method="get"
        role="search"
        aria-label="Items filteren"
        className="mb-6 grid items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-5"
      >
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-semibold">
            Zoeken in titel en teaser
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q} className={select} />
        </div>
        <div>
          <label htmlFor="thema" className="block text-sm font-semibold">
            Thema
          </label>
          <select id="thema" name="thema" defaultValue={themeId ?? ''} className={select}>
            <ThemeOptions themes={themes} />
          </select>
        </div>
        <div>
          <label htmlFor="soort" className="block text-sm font-semibold">
            Soort
          </label>
          <select id="soort" name="soort" defaultValue={kind ?? ''} className={select}>
            <option value="">Alle soorten</option>
            {itemKinds.map((k) => (
              <option key={k} value={k}>
                {itemKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="geplaatst" className="block text-sm font-semibold">
            Geplaatst
          </label>
          <select
            id="geplaatst"
            name="geplaatst"
            defaultValue={filter.unplaced ? 'nee' : ''}
            className={select}
          >
            <option value="">Alle items</option>
            <option value="nee">Nog niet geplaatst</option>
          </select>
        </div>
        <div className="sm:col-span-5">
          <button type="submit" className={buttonClass('secondary')}>
            Filteren
          </button>
        </div>
      </form>
      <p className="mb-2 text-sm text-muted" role="status">
        {items.length} {items.length === 1 ? 'item' : 'items'}
      </p>
      {items.length === 0 ? (
        <EmptyState title="Geen items gevonden">
          Pas de filters aan of maak een nieuw item.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.id} className="rounded-lg border border-line bg-white p-4">
              <p className="text-xs font-semibold text-muted uppercase">
                {itemKindLabels[item.kind]} · {item.themeName}
              </p>
              <h2 className="font-semibold">
                <Link href={`/redactie/items/${item.id}`}>{item.title}</Link>
              </h2>
              {item.kind === 'event' ? (
                <dl className="mt-1 text-sm">
                  <dt className="sr-only">Wanneer en waar</dt>
                  <dd>{eventSummary(item)}</dd>
                </dl>
              ) : null}
              {item.teaser ? <p className="mt-1 text-sm text-muted">{item.teaser}</p> : null}
              <p className="mt-2">
                {item.placements ? (
                  <Badge tone="success">Geplaatst</Badge>
                ) : (
                  <Badge>Nog niet geplaatst</Badge>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
