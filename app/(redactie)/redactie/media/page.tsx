import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { NewsletterChoice, pickNewsletter } from '@/components/newsletter-choice';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { uploadRefusals } from '@/lib/media/intake';
import { listMedia } from '@/lib/media/library';
import { placedImages } from '@/lib/media/placed';
import { imageUses } from '@/lib/media/usage';
import { listNewsletters } from '@/lib/newsletters/queries';
import { MediaCard } from './media-card';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Mediabibliotheek' };

const routeRefusals: Record<string, string> = {
  ...uploadRefusals,
  'geen-bestand': 'Kies een afbeelding om te uploaden.',
  nieuwsbrief: 'Kies een nieuwsbrief die nog loopt om de afbeelding aan toe te voegen.',
};

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function MediaPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireEditor('redacteur', '/redactie/media');
  const params = await searchParams;
  const all = listNewsletters({ includeArchived: true });
  const newsletter = pickNewsletter(all, params.nieuwsbrief);
  if (!newsletter) return <EmptyState title="Er is nog geen nieuwsbrief" />;
  const q = one(params.q).slice(0, 100);
  const images = listMedia(db(), newsletter.id, q);
  const ids = images.map((i) => i.id);
  const uses = imageUses(db(), ids);
  // Relative addresses on our own screens: the editor's browser may reach the app by another name.
  const placed = placedImages(db(), ids, '');
  const fresh = Number(one(params.nieuw)) || null;
  const refusal = routeRefusals[one(params.fout)];
  return (
    <>
      <PageHeader
        title="Mediabibliotheek"
        description={`Afbeeldingen voor ${newsletter.name}: het logo, foto’s bij items. Een afbeelding kan geplaatst worden zodra ze een alt-tekst heeft of decoratief is.`}
      />
      {refusal ? <PageNotice tone="danger">{refusal}</PageNotice> : null}
      {fresh ? (
        <PageNotice>
          De afbeelding is geüpload. Beschrijf haar hieronder, dan kunt u haar plaatsen.
        </PageNotice>
      ) : null}
      {params.bestond ? (
        <PageNotice>
          Deze afbeelding stond al in de bibliotheek; er is geen kopie gemaakt.
        </PageNotice>
      ) : null}
      <NewsletterChoice newsletters={all} current={newsletter} />
      {newsletter.archivedAt ? null : <UploadForm newsletterSlug={newsletter.slug} />}
      <MediaSearch slug={newsletter.slug} q={q} />
      <h2 className="mb-3 text-lg font-bold">
        {q
          ? `${images.length} ${images.length === 1 ? 'afbeelding' : 'afbeeldingen'} voor “${q}”`
          : `${images.length} ${images.length === 1 ? 'afbeelding' : 'afbeeldingen'}`}
      </h2>
      {images.length ? (
        <ul className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
          {images.map((image) => (
            <MediaCard
              key={image.id}
              image={image}
              placed={placed.get(image.id)!}
              uses={uses.get(image.id) ?? []}
              fresh={image.id === fresh}
            />
          ))}
        </ul>
      ) : (
        <p className="text-muted">
          {q ? 'Geen afbeelding gevonden.' : 'Nog geen afbeeldingen. Upload er een hierboven.'}
        </p>
      )}
    </>
  );
}

function MediaSearch({ slug, q }: { slug: string; q: string }) {
  return (
    <form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3">
      <input type="hidden" name="nieuwsbrief" value={slug} />
      <div>
        <label htmlFor="q" className="block text-sm font-semibold">
          Zoek op naam of alt-tekst
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          className="mt-1 rounded-md border border-gray-500 px-3 py-2"
        />
      </div>
      <button type="submit" className="rounded-md border border-gray-500 px-4 py-2 font-semibold">
        Zoeken
      </button>
      {q ? (
        <Link href={`/redactie/media?nieuwsbrief=${encodeURIComponent(slug)}`}>
          Alle afbeeldingen
        </Link>
      ) : null}
    </form>
  );
}
