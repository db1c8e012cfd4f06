import type { Metadata } from 'next';
import { buttonClass, ButtonLink } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { requireEditor } from '@/lib/auth/guard';
import {
  importErrors,
  MAX_IMPORT_ROWS,
  type ImportError,
  type ImportPlan,
} from '@/lib/subscribers/import';
import { findUpload } from '@/lib/subscribers/import-store';
import { newslettersWithThemes, planUpload } from '@/lib/subscribers/queries';
import { CommitForm } from './commit-form';

export const metadata: Metadata = { title: 'Abonnees importeren' };

const EXAMPLES = 10;
const n = (value: number) => value.toLocaleString('nl-NL');

type Group = {
  key: string;
  title: string;
  help: string;
  rows: { line: number; email: string; note?: string }[];
};

function groups(plan: ImportPlan): Group[] {
  return [
    {
      key: 'nieuw',
      title: 'Nieuw',
      help: 'Worden toegevoegd met een actieve inschrijving.',
      rows: plan.create,
    },
    {
      key: 'bijgewerkt',
      title: 'Bijgewerkt',
      help: 'Bestaande abonnees: ingevulde velden en thema’s worden overgenomen.',
      rows: plan.update,
    },
    {
      key: 'ongeldig',
      title: 'Ongeldig',
      help: 'Worden overgeslagen.',
      rows: plan.invalid.map((r) => ({ ...r, note: r.reason })),
    },
    {
      key: 'dubbel',
      title: 'Dubbel in het bestand',
      help: 'Alleen de eerste regel met dit adres telt.',
      rows: plan.duplicate.map((r) => ({ ...r, note: `Staat al op regel ${r.firstLine}.` })),
    },
    {
      key: 'afgemeld',
      title: 'Eerder afgemeld',
      help: 'Deze mensen hebben zich afgemeld en worden niet opnieuw aangemeld.',
      rows: plan.unsubscribed,
    },
  ];
}

function Preview({
  plan,
  upload,
  fileName,
}: {
  plan: ImportPlan;
  upload: string;
  fileName: string;
}) {
  const all = groups(plan);
  const changes = plan.create.length + plan.update.length;
  return (
    <section aria-labelledby="voorbeeld" className="rounded-lg border border-line bg-white p-6">
      <h2 id="voorbeeld" className="text-lg font-bold">
        Voorbeeld van {fileName}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {n(plan.total)} regels gelezen. Er is nog niets opgeslagen en er wordt geen e-mail
        verstuurd.
      </p>
      <dl className="mt-4 grid gap-3 sm:grid-cols-5">
        {all.map((g) => (
          <div key={g.key} className="rounded-md border border-line p-3">
            <dt className="text-sm font-semibold">{g.title}</dt>
            <dd className="text-2xl font-bold" data-testid={`aantal-${g.key}`}>
              {n(g.rows.length)}
            </dd>
          </div>
        ))}
      </dl>
      {all
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <div key={g.key} className="mt-6">
            <h3 className="font-bold">
              {g.title} ({n(g.rows.length)})
            </h3>
            <p className="text-sm text-muted">{g.help}</p>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">
                {g.title}: de eerste {Math.min(EXAMPLES, g.rows.length)} regels
              </caption>
              <thead className="border-b border-line">
                <tr>
                  <th scope="col" className="py-1 pr-4">
                    Regel
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    E-mailadres
                  </th>
                  {g.rows.some((r) => r.note) ? (
                    <th scope="col" className="py-1">
                      Toelichting
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {g.rows.slice(0, EXAMPLES).map((r) => (
                  <tr key={r.line} className="border-b border-line last:border-0">
                    <td className="py-1 pr-4">{r.line}</td>
                    <td className="py-1 pr-4">{r.email || '(leeg)'}</td>
                    {r.note ? <td className="py-1">{r.note}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {g.rows.length > EXAMPLES ? (
              <p className="mt-1 text-sm text-muted">
                En nog {n(g.rows.length - EXAMPLES)} regels.
              </p>
            ) : null}
          </div>
        ))}
      <div className="mt-6 flex flex-wrap items-start gap-3">
        {changes > 0 ? (
          <CommitForm
            upload={upload}
            label={`Importeren: ${n(plan.create.length)} nieuw, ${n(plan.update.length)} bijgewerkt`}
          />
        ) : (
          <p className="font-semibold">Er is niets te importeren.</p>
        )}
        <ButtonLink href="/redactie/abonnees/importeren" variant="secondary">
          Ander bestand kiezen
        </ButtonLink>
      </div>
    </section>
  );
}

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor('hoofdredacteur', '/redactie/abonnees/importeren');
  const params = await searchParams;
  const newsletters = newslettersWithThemes();
  const uploadId = typeof params.voorbeeld === 'string' ? params.voorbeeld : null;
  const upload = uploadId ? findUpload(uploadId, editor.id) : null;
  const planned = upload ? planUpload(upload.text, upload.newsletterId) : null;
  const code = (
    uploadId && !upload ? 'verlopen' : typeof params.fout === 'string' ? params.fout : null
  ) as ImportError | null;
  const error =
    planned && !planned.ok
      ? planned.message
      : code && code in importErrors
        ? importErrors[code]
        : null;
  return (
    <>
      <PageHeader
        title="Abonnees importeren"
        description="Eerst ziet u wat er zou gebeuren; pas na uw bevestiging wordt de lijst opgeslagen."
      />
      {error ? <PageNotice tone="danger">{error}</PageNotice> : null}
      {planned?.ok && uploadId && upload ? (
        <Preview plan={planned.plan} upload={uploadId} fileName={upload.fileName} />
      ) : (
        <section
          aria-labelledby="bestand-kiezen"
          className="rounded-lg border border-line bg-white p-6"
        >
          <h2 id="bestand-kiezen" className="text-lg font-bold">
            Bestand kiezen
          </h2>
          <div className="mt-2 space-y-1 text-sm text-muted">
            <p>
              Een CSV-bestand (UTF-8, gescheiden door puntkomma’s of komma’s) met op de eerste regel
              de kolomnamen: <code>email</code>, en eventueel <code>naam</code>,{' '}
              <code>gemeente</code>, <code>functie</code> en <code>themas</code>.
            </p>
            <p>
              Thema’s mogen als naam of korte naam, gescheiden door | of een komma. Zonder thema’s
              krijgt een nieuwe abonnee alle thema’s. Hoogstens {n(MAX_IMPORT_ROWS)} regels.
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
            </div>
            <button type="submit" className={buttonClass('primary')}>
              Voorbeeld bekijken
            </button>
          </form>
        </section>
      )}
    </>
  );
}
