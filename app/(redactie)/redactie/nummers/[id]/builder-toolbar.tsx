'use client';

import { buttonClass } from '@/components/button';
import { formatTime } from '@/lib/format';
import { SaveTemplate } from './save-template';
import type { Autosave } from './use-autosave';
import type { History } from './use-history';

/**
 * What a screen reader hears of the autosave: once per save, when it is done (or fails), not
 * the "not yet saved" and "saving" steps in between.
 */
function saveAnnouncement(autosave: Pick<Autosave, 'status' | 'dirty'>): string {
  const { status } = autosave;
  if (status.kind === 'saved' && !autosave.dirty && status.at)
    return `Het nummer is opgeslagen om ${formatTime(status.at)}.`;
  if (status.kind === 'error') return `Het nummer is niet opgeslagen: ${status.message}`;
  if (status.kind === 'conflict')
    return 'Niet opgeslagen: iemand anders heeft dit nummer gewijzigd';
  return '';
}

/** Whether the issue is saved; an error offers to try again. */
function SaveStatus({ autosave }: { autosave: Pick<Autosave, 'status' | 'dirty' | 'retry'> }) {
  const { status } = autosave;
  return (
    <>
      <p role="status" className="sr-only" data-save-announcement>
        {saveAnnouncement(autosave)}
      </p>
      <p className="text-sm font-semibold" data-save-status={status.kind}>
        {status.kind === 'saving' ? 'Opslaan...' : null}
        {status.kind === 'saved'
          ? autosave.dirty
            ? 'Wijzigingen nog niet opgeslagen'
            : status.at
              ? `Opgeslagen om ${formatTime(status.at)}`
              : 'Alles is opgeslagen'
          : null}
        {status.kind === 'error' ? (
          <span className="text-danger">
            Niet opgeslagen: {status.message}{' '}
            <button type="button" className="underline" onClick={autosave.retry}>
              opnieuw proberen
            </button>
          </span>
        ) : null}
        {status.kind === 'conflict' ? (
          <span className="text-danger">
            Niet opgeslagen: iemand anders heeft dit nummer gewijzigd
          </span>
        ) : null}
      </p>
    </>
  );
}

/** Undo and redo above the builder, with the save status beside them. */
export function BuilderToolbar({
  history,
  autosave,
}: {
  history: Pick<History, 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
  autosave: Pick<Autosave, 'status' | 'dirty' | 'retry' | 'version'>;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={history.undo}
          disabled={!history.canUndo}
          aria-keyshortcuts="Control+Z"
        >
          Ongedaan maken
        </button>
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={history.redo}
          disabled={!history.canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Opnieuw
        </button>
        <SaveTemplate autosave={autosave} />
      </div>
      <SaveStatus autosave={autosave} />
    </div>
  );
}
