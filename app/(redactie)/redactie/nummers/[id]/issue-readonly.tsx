import { extraLabel } from '@/lib/issue/document';
import type { BuilderData } from '@/lib/issue/load-builder';
import { eventSummary, itemKindLabels } from '@/lib/items/labels';

/** A scheduled or sent issue is shown as it went out; it can no longer be rearranged. */
export function IssueReadOnly({ data }: { data: BuilderData }) {
  const items = new Map(data.library.map((i) => [i.id, i]));
  const { document: doc } = data;
  const item = (id: number) => {
    const found = items.get(id);
    if (!found) return <li key={id}>Onbekend item</li>;
    return (
      <li key={id} className="rounded-md border border-line bg-white p-3">
        <p className="text-xs font-semibold text-muted uppercase">{itemKindLabels[found.kind]}</p>
        <p className="font-semibold">{found.title}</p>
        {found.kind === 'event' ? (
          <p className="text-sm text-muted">{eventSummary(found)}</p>
        ) : null}
      </li>
    );
  };
  return (
    <div className="max-w-3xl space-y-6">
      <p
        role="status"
        className="rounded-md border border-amber-300 bg-warning-50 px-4 py-3 font-semibold text-warning"
      >
        Dit nummer is ingepland of verzonden en kan niet meer worden gewijzigd.
      </p>
      <dl className="rounded-lg border border-line bg-white p-4">
        <dt className="text-sm font-semibold">Onderwerp</dt>
        <dd>{doc.subject}</dd>
        <dt className="mt-2 text-sm font-semibold">Preheader</dt>
        <dd>{doc.preheader}</dd>
      </dl>
      {doc.lead ? (
        <section aria-labelledby="ro-lead">
          <h2 id="ro-lead" className="mb-2 font-bold">
            Openingsitem
          </h2>
          <ul>{item(doc.lead.itemId)}</ul>
        </section>
      ) : null}
      {doc.sections
        .filter((s) => s.blocks.length)
        .map((s) => (
          <section key={s.themeId} aria-labelledby={`ro-${s.themeId}`}>
            <h2 id={`ro-${s.themeId}`} className="mb-2 font-bold">
              {data.themes.find((t) => t.id === s.themeId)?.name}
            </h2>
            <ul className="space-y-2">{s.blocks.map((b) => item(b.itemId))}</ul>
          </section>
        ))}
      {doc.extras.length ? (
        <section aria-labelledby="ro-extras">
          <h2 id="ro-extras" className="mb-2 font-bold">
            Vaste blokken
          </h2>
          <ul className="space-y-2">
            {doc.extras.map((b) => (
              <li key={b.id} className="rounded-md border border-line bg-white p-3 font-semibold">
                {extraLabel(b)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
