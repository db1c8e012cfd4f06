import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { listEditors } from '@/lib/editors/queries';
import { formatDateTime } from '@/lib/format';
import { AddEditorForm } from './add-editor-form';
import { EditorRowForm } from './editor-row-form';

export const metadata: Metadata = { title: 'Instellingen' };

export default async function SettingsPage() {
  const me = await requireEditor('admin', '/redactie/instellingen');
  const editors = listEditors();
  return (
    <>
      <PageHeader
        title="Instellingen"
        description="Wie bij de redactie mag inloggen, en met welke rol."
      />
      <section aria-labelledby="redacteuren" className="rounded-lg border border-line bg-white p-6">
        <h2 id="redacteuren" className="text-lg font-bold">
          Redacteuren
        </h2>
        <p className="mt-1 text-sm text-muted">
          Alleen adressen die hier staan kunnen een inloglink krijgen. Een gedeactiveerde redacteur
          wordt direct uitgelogd.
        </p>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Redacteuren met rol en status</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Naam
                </th>
                <th scope="col" className="py-2 pr-4">
                  E-mailadres
                </th>
                <th scope="col" className="py-2 pr-4">
                  Laatst ingelogd
                </th>
                <th scope="col" className="py-2">
                  Rol en status
                </th>
              </tr>
            </thead>
            <tbody>
              {editors.map((editor) => (
                <tr key={editor.id} className="border-b border-line align-top">
                  <td className="py-3 pr-4 font-semibold">
                    {editor.name ?? '—'} {editor.id === me.id ? <Badge>u</Badge> : null}{' '}
                    {editor.active ? null : <Badge tone="danger">Gedeactiveerd</Badge>}
                  </td>
                  <td className="py-3 pr-4">{editor.email}</td>
                  <td className="py-3 pr-4">
                    {editor.lastSignInAt ? formatDateTime(editor.lastSignInAt) : 'Nog nooit'}
                  </td>
                  <td className="py-3">
                    <EditorRowForm
                      editor={{
                        id: editor.id,
                        label: editor.name ?? editor.email,
                        role: editor.role,
                        active: editor.active,
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section
        aria-labelledby="nieuwe-redacteur"
        className="mt-8 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="nieuwe-redacteur" className="text-lg font-bold">
          Redacteur toevoegen
        </h2>
        <div className="mt-4 max-w-2xl">
          <AddEditorForm />
        </div>
      </section>
    </>
  );
}
