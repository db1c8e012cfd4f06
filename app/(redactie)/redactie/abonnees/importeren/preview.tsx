import { ButtonLink } from '@/components/button';
import type { ImportPlan } from '@/lib/subscribers/import';
import { CommitForm } from './commit-form';
import { formatCount } from '@/lib/format';

const EXAMPLES = 10;

type Group = {
  key: string;
  title: string;
  help: string;
  rows: { line: number; email: string; note?: string }[];
};

function planGroups(plan: ImportPlan): Group[] {
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
    {
      key: 'onderdrukt',
      title: 'Onderdrukt',
      help: 'Deze adressen krijgen nooit meer post van ons en worden overgeslagen.',
      rows: plan.suppressed.map((r) => ({ ...r, note: 'Staat op de onderdrukkingslijst.' })),
    },
  ];
}

function GroupCounts({ groups }: { groups: Group[] }) {
  return (
    <dl className="mt-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {groups.map((g) => (
        <div key={g.key} className="rounded-md border border-line p-3">
          <dt className="text-sm font-semibold">{g.title}</dt>
          <dd className="text-2xl font-bold" data-testid={`aantal-${g.key}`}>
            {formatCount(g.rows.length)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The first lines of one group, so the editor can see what the file would do before it does. */
function GroupExamples({ group: g }: { group: Group }) {
  return (
    <div className="mt-6">
      <h3 className="font-bold">
        {g.title} ({formatCount(g.rows.length)})
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
          En nog {formatCount(g.rows.length - EXAMPLES)} regels.
        </p>
      ) : null}
    </div>
  );
}

export function Preview({
  plan,
  upload,
  fileName,
}: {
  plan: ImportPlan;
  upload: string;
  fileName: string;
}) {
  const all = planGroups(plan);
  const changes = plan.create.length + plan.update.length;
  return (
    <section aria-labelledby="voorbeeld" className="rounded-lg border border-line bg-white p-6">
      <h2 id="voorbeeld" className="text-lg font-bold">
        Voorbeeld van {fileName}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {formatCount(plan.total)} regels gelezen. Er is nog niets opgeslagen en er wordt geen e-mail
        verstuurd.
      </p>
      <GroupCounts groups={all} />
      {all
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <GroupExamples key={g.key} group={g} />
        ))}
      <div className="mt-6 flex flex-wrap items-start gap-3">
        {changes > 0 ? (
          <CommitForm
            upload={upload}
            label={`Importeren: ${formatCount(plan.create.length)} nieuw, ${formatCount(plan.update.length)} bijgewerkt`}
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
