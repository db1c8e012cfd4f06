import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { newsletterIdOf } from '@/lib/newsletters/queries';
import { themesScreen } from '@/lib/newsletters/theme-usage';
import { AddThemeForm } from './add-theme-form';
import { ThemeList } from './theme-list';

export const metadata: Metadata = { title: 'Thema’s' };

export default async function ThemesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('admin', `/redactie/nieuwsbrieven/${id}/themas`);
  const newsletterId = newsletterIdOf(id);
  const screen = newsletterId ? themesScreen(db(), newsletterId) : null;
  if (!screen) notFound();
  const { newsletter, themes } = screen;
  return (
    <>
      <PageHeader
        title={`Thema’s van ${newsletter.name}`}
        description="De secties van elk nummer, in deze volgorde. Lezers kiezen bij het aanmelden welke thema’s zij volgen."
      />
      <section aria-labelledby="themas" className="rounded-lg border border-line bg-white p-6">
        <h2 id="themas" className="text-lg font-bold">
          Thema’s in volgorde
        </h2>
        <p className="mt-1 text-sm text-muted">
          Versleep een thema met de muis, of met het toetsenbord: ga naar de greep, druk op spatie,
          verplaats met de pijltjes en zet neer met spatie. Een nieuwe naam geldt voor nieuwe
          nummers; verzonden nummers houden de naam waarmee ze zijn verstuurd. Een gearchiveerd
          thema verdwijnt uit aanmelden, voorkeuren en de samensteller, maar blijft in het archief.
        </p>
        <ThemeList
          newsletterId={newsletter.id}
          themes={themes.map((t) => ({
            id: t.id,
            name: t.name,
            archived: t.archivedAt !== null,
            items: t.items,
            followers: t.followers,
            deletable: t.deletable,
          }))}
        />
      </section>
      <section
        aria-labelledby="nieuw-thema"
        className="mt-8 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="nieuw-thema" className="text-lg font-bold">
          Thema toevoegen
        </h2>
        <div className="mt-4 max-w-xl">
          <AddThemeForm newsletterId={newsletter.id} />
        </div>
      </section>
    </>
  );
}
