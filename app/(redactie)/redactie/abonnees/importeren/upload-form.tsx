import { buttonClass } from '@/components/button';
import { MAX_IMPORT_ROWS } from '@/lib/subscribers/import';
import { formatCount } from '@/lib/format';

/** The first step: a plain multipart post to the upload route, which redirects to the preview. */
export function UploadForm({
  newsletters,
}: {
  newsletters: { id: number; name: string; themes: { id: number; name: string }[] }[];
}) {
  return (
    <section
      aria-labelledby="bestand-kiezen"
      className="rounded-lg border border-line bg-white p-6"
    >
      <h2 id="bestand-kiezen" className="text-lg font-bold">
        Bestand kiezen
      </h2>
      <div className="mt-2 space-y-1 text-sm text-muted">
        <p>
          Een CSV-bestand (UTF-8, gescheiden door puntkomma’s of komma’s) met op de eerste regel de
          kolomnamen: <code>email</code>, en eventueel <code>naam</code>, <code>gemeente</code>,{' '}
          <code>functie</code> en <code>themas</code>.
        </p>
        <p>
          Thema’s mogen als naam of korte naam, gescheiden door | of een komma. Zonder thema’s
          krijgt een nieuwe abonnee alle thema’s. Hoogstens {formatCount(MAX_IMPORT_ROWS)} regels.
        </p>
        <p>
          Wie zich eerder heeft afgemeld, wordt niet opnieuw aangemeld. Er wordt geen e-mail
          verstuurd.
        </p>
      </div>
      <form
        method="post"
        action="/redactie/abonnees/importeren/uploaden"
        encType="multipart/form-data"
        className="mt-4 space-y-4"
        aria-labelledby="bestand-kiezen"
      >
        <div>
          <label htmlFor="bestand" className="block text-sm font-semibold">
            CSV-bestand
          </label>
          <input
            id="bestand"
            name="bestand"
            type="file"
            accept=".csv,text/csv"
            required
            className="mt-1 block text-sm"
          />
        </div>
        <div>
          <label htmlFor="nieuwsbrief" className="block text-sm font-semibold">
            Nieuwsbrief
          </label>
          <select
            id="nieuwsbrief"
            name="nieuwsbrief"
            className="mt-1 block rounded-md border border-gray-500 bg-white px-2 py-1.5"
          >
            {newsletters.map((nl) => (
              <option key={nl.id} value={nl.id}>
                {nl.name}
              </option>
            ))}
          </select>
          <ul className="mt-2 space-y-1 text-sm text-muted" aria-label="Thema’s per nieuwsbrief">
            {newsletters.map((nl) => (
              <li key={nl.id}>
                {nl.name}: {nl.themes.map((t) => t.name).join(', ') || 'nog geen thema’s'}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className={buttonClass('primary')}>
          Voorbeeld bekijken
        </button>
      </form>
    </section>
  );
}
