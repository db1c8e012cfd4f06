'use client';

import { useEffect, useState, useTransition } from 'react';
import { buttonClass } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { GMAIL_CLIP_BYTES } from '@/lib/email/checks';
import type { IssueDocument } from '@/lib/issue/document';
import type { BuilderData } from '@/lib/issue/load-builder';
import { ScaledPreview, type View } from './preview-frame';
import { previewIssue, saveTestAddresses, sendTest, type PreviewData } from './actions';

const views: { id: View; label: string }[] = [
  { id: 'desktop', label: 'Desktop' },
  { id: 'mobiel', label: 'Mobiel' },
  { id: 'tekst', label: 'Tekst' },
  { id: 'donker', label: 'Donker' },
];

const button = buttonClass('secondary');
const kb = (bytes: number) =>
  `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;

/** The preview of the document as it is now, made again 250 ms after the last change. */
function usePreview(issueId: number, doc: IssueDocument, itemRevision: number) {
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const result = await previewIssue(idle as ActionState<PreviewData>, {
        issueId,
        document: doc,
      });
      if (!current) return;
      if (result.status === 'ok' && result.data) {
        setPreview(result.data);
        setError(null);
      } else setError(result.message ?? 'Het voorbeeld kon niet worden gemaakt.');
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // itemRevision: an item edited in the side panel changes the mail, not the document.
  }, [issueId, doc, itemRevision]);
  return { preview, error };
}

function ViewButtons({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Weergave">
      {views.map((v) => (
        <button
          key={v.id}
          type="button"
          aria-pressed={view === v.id}
          onClick={() => onChange(v.id)}
          className={`${button} aria-pressed:bg-brand-600 aria-pressed:text-white`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}

function PreviewFrame({ preview, view }: { preview: PreviewData; view: View }) {
  if (view === 'tekst')
    return (
      <pre
        data-preview-text
        tabIndex={0}
        aria-label="Tekstversie van de e-mail"
        className="max-h-[56rem] overflow-auto rounded-md border border-line bg-gray-50 p-3 text-sm whitespace-pre-wrap"
      >
        {preview.text}
      </pre>
    );
  return <ScaledPreview html={preview.html} view={view} />;
}

/** Problems that block approval in red; warnings (delivery advice) below them, in their own list. */
function Checks({ checks }: { checks: PreviewData['checks'] }) {
  const blocking = checks.filter((c) => c.level === 'block');
  const warnings = checks.filter((c) => c.level === 'warn');
  return (
    <section aria-labelledby="controles">
      <h3 id="controles" className="font-bold">
        Controles
      </h3>
      {blocking.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-danger" data-checks>
          {blocking.map((c) => (
            <li key={c.id}>{c.message}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm font-semibold text-success" data-checks>
          {warnings.length ? 'Niets houdt goedkeuring tegen.' : 'Alle controles zijn in orde.'}
        </p>
      )}
      {warnings.length ? (
        <>
          <h4 className="mt-2 text-sm font-semibold">Let op (houdt goedkeuring niet tegen)</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-check-warnings>
            {warnings.map((c) => (
              <li key={c.id}>{c.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Whether the document in the builder is the saved one, and at which version. */
export type SavedState = { version: number; ready: boolean };

/**
 * A test send to the editor and the newsletter's fixed test addresses, which are kept here too.
 * Only a saved document goes out, named by its version: the button waits while there is
 * something to save, and the server refuses an older version or unsaved changes all the same.
 */
function TestMail({
  issueId,
  doc,
  testAddresses,
  saved,
}: {
  issueId: number;
  doc: IssueDocument;
  testAddresses: string[];
  saved: SavedState;
}) {
  const [sendState, setSendState] = useState<ActionState>(idle);
  const [addressState, setAddressState] = useState<ActionState>(idle);
  const [addresses, setAddresses] = useState(testAddresses.join('\n'));
  const [sending, startSending] = useTransition();
  return (
    <section aria-labelledby="testmail" className="space-y-2 border-t border-line pt-4">
      <h3 id="testmail" className="font-bold">
        Testmail
      </h3>
      <p className="text-sm text-muted">
        Gaat naar u en naar de vaste testadressen, met [TEST] voor het onderwerp.
      </p>
      <label htmlFor="testadressen" className="block text-sm font-semibold">
        Vaste testadressen (hoogstens 10, één per regel)
      </label>
      <textarea
        id="testadressen"
        rows={3}
        value={addresses}
        onChange={(e) => setAddresses(e.target.value)}
        className="block w-full rounded-md border border-gray-500 px-2 py-1 text-sm"
      />
      <FormMessage state={addressState} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          onClick={async () =>
            setAddressState(await saveTestAddresses(idle, { issueId, addresses }))
          }
        >
          Testadressen opslaan
        </button>
        <button
          type="button"
          className={button}
          disabled={sending || !saved.ready}
          aria-describedby={saved.ready ? undefined : 'testmail-wacht'}
          onClick={() =>
            startSending(async () =>
              setSendState(
                await sendTest(idle, { issueId, version: saved.version, document: doc }),
              ),
            )
          }
        >
          {sending ? 'Versturen...' : 'Testmail versturen'}
        </button>
      </div>
      {saved.ready ? null : (
        <p id="testmail-wacht" className="text-sm text-muted" data-testmail-wait>
          Een testmail verstuurt alleen de opgeslagen versie. Wacht tot alles is opgeslagen.
        </p>
      )}
      <FormMessage state={sendState} />
    </section>
  );
}

/** The e-mail as it will look, refreshed shortly after every change, with its checks and a test send. */
export function PreviewPane({
  data,
  doc,
  saved,
  itemRevision = 0,
}: {
  data: Pick<BuilderData, 'issue' | 'testAddresses'>;
  doc: IssueDocument;
  saved: SavedState;
  /** Counts the item edits made in the builder's side panel: each makes the preview again. */
  itemRevision?: number;
}) {
  const issueId = data.issue.id;
  const [view, setView] = useState<View>('desktop');
  const { preview, error } = usePreview(issueId, doc, itemRevision);
  return (
    <aside
      aria-label="Voorbeeld"
      // Beside the issue it stays in view while the editor scrolls the issue.
      className="space-y-4 rounded-lg border border-line bg-white p-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-bold">Voorbeeld</h2>
        <ViewButtons view={view} onChange={setView} />
      </div>
      {error ? (
        <p role="alert" className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      {preview ? (
        <>
          <PreviewFrame preview={preview} view={view} />
          <p className="text-sm" data-preview-size>
            Grootte: <strong>{kb(preview.bytes)}</strong> van {kb(GMAIL_CLIP_BYTES)} (daarboven
            knipt Gmail de e-mail af)
          </p>
          <Checks checks={preview.checks} />
        </>
      ) : (
        <p className="text-sm text-muted">Voorbeeld wordt gemaakt...</p>
      )}
      <TestMail issueId={issueId} doc={doc} testAddresses={data.testAddresses} saved={saved} />
    </aside>
  );
}
