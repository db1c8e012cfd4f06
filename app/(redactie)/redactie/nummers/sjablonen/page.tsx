import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/format';
import { listTemplates, mayManageTemplate, type TemplateSummary } from '@/lib/issue/templates';
import { listNewsletters } from '@/lib/newsletters/queries';
import { TemplateActions } from './template-row-actions';

export const metadata: Metadata = { title: 'Sjablonen' };

/** The frame in words: its fixed blocks in order, and the footer. */
function frameWords(template: TemplateSummary): string {
  if (!template.blocks) return 'Dit sjabloon is beschadigd en kan niet worden gebruikt.';
  const blocks = template.blocks.length ? template.blocks.join(', ') : 'Geen vaste blokken';
  return `${blocks}; ${template.footer ? 'met' : 'zonder'} voettekst.`;
}

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor('redacteur', '/redactie/nummers/sjablonen');
  const { verwijderd } = await searchParams;
  const newsletters = listNewsletters({ includeArchived: true })
    .map((newsletter) => ({ newsletter, templates: listTemplates(db(), newsletter.id) }))
    // An archived newsletter takes no new issues: it is listed only for its templates.
    .filter(({ newsletter, templates }) => !newsletter.archivedAt || templates.length);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nummers">Alle nummers</Link>
      </p>
      <PageHeader
        title="Sjablonen"
        description="Het lege raamwerk van een nummer: de vaste blokken met hun inhoud, hun volgorde en de voettekst. Sla er een op in een nummer met “Opslaan als sjabloon” en kies het bij “Nieuw nummer”."
      />
      {typeof verwijderd === 'string' && verwijderd ? (
        <PageNotice>Sjabloon “{verwijderd.slice(0, 80)}” is verwijderd.</PageNotice>
      ) : null}
      {newsletters.map(({ newsletter, templates }) => (
        <section key={newsletter.id} aria-labelledby={`sj-${newsletter.id}`} className="mb-10">
          <h2 id={`sj-${newsletter.id}`} className="mb-3 text-xl font-bold">
            {newsletter.name}
          </h2>
          {templates.length ? (
            <ul className="divide-y divide-line rounded-lg border border-line bg-white px-6">
              {templates.map((template) => (
                <li key={template.id} className="space-y-2 py-4" data-template={template.name}>
                  <p className="font-semibold">{template.name}</p>
                  <p className="text-sm">{frameWords(template)}</p>
                  <p className="text-sm text-muted">
                    {template.createdByName ? `Gemaakt door ${template.createdByName}, ` : ''}
                    laatst gewijzigd op {formatDateTime(template.updatedAt)}
                  </p>
                  {mayManageTemplate(editor, template) ? (
                    <TemplateActions id={template.id} name={template.name} />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Nog geen sjablonen">
              Open een nummer en kies “Opslaan als sjabloon”.
            </EmptyState>
          )}
        </section>
      ))}
    </>
  );
}
