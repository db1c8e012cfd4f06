'use client';

import { useEffect, useRef, useState } from 'react';
import { idle, type ActionState } from '@/lib/action-state';
import type { IssueDocument } from '@/lib/issue/document';
import { saveIssue, type SaveData } from './actions';

export type SaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | {
      kind: 'conflict';
      changedBy: string;
      changedAt: number;
      theirs: IssueDocument;
      version: number;
    };

/** How long the builder waits after the last change before it saves: well under a second. */
export const SAVE_DELAY_MS = 400;

type Input = {
  issueId: number;
  doc: IssueDocument;
  revision: number;
  unsavedOps: number;
  /** Changes wait here, unsaved, until the editor has answered a question (editing under review). */
  hold?: boolean;
  onSaved: (revision: number, opCount: number, saved: IssueDocument) => void;
};

/** One save request; a lost connection counts as a failed save. */
async function requestSave(
  issueId: number,
  version: number,
  document: IssueDocument,
): Promise<ActionState<SaveData>> {
  try {
    return await saveIssue(idle as ActionState<SaveData>, { issueId, version, document });
  } catch {
    return { status: 'error' as const, message: 'Geen verbinding met de server.' };
  }
}

/** What the editor is told after a save: saved, someone else's newer version, or an error. */
function statusAfter(result: ActionState<SaveData>): SaveStatus {
  const data = result.data;
  if (result.status === 'ok' && data) return { kind: 'saved', at: data.savedAt ?? Date.now() };
  if (result.status === 'conflict' && data?.document)
    return {
      kind: 'conflict',
      changedBy: data.changedBy ?? 'Een andere redacteur',
      changedAt: data.changedAt ?? Date.now(),
      theirs: data.document,
      version: data.version,
    };
  return { kind: 'error', message: result.message ?? 'Opslaan is mislukt.' };
}

/** Leaving with unsaved changes asks first. */
function useLeaveWarning(warn: boolean) {
  useEffect(() => {
    if (!warn) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [warn]);
}

/**
 * Saves the document shortly after each change, one request at a time, always with the
 * version it was based on; a refusal for an older version stops saving until the editor chooses.
 */
export function useAutosave(
  { issueId, doc, revision, unsavedOps, hold = false, onSaved }: Input,
  initialVersion: number,
) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const version = useRef(initialVersion);
  // The same number as state, for what must name the saved version (the test send).
  const [savedVersion, setSavedVersion] = useState(initialVersion);
  const setVersion = (v: number) => {
    version.current = v;
    setSavedVersion(v);
  };
  const [savedRevision, setSavedRevision] = useState(0);
  const inFlight = useRef(false);
  const [retry, setRetry] = useState(0);
  const failedRevision = useRef(-1);
  const blocked = status.kind === 'conflict' || hold;

  useEffect(() => {
    if (revision === savedRevision || inFlight.current || blocked) return;
    // A failed save is tried again on the next change or when the editor asks, not in a loop.
    if (status.kind === 'error' && revision === failedRevision.current) return;
    const timer = setTimeout(async () => {
      inFlight.current = true;
      setStatus({ kind: 'saving' });
      const result = await requestSave(issueId, version.current, doc);
      inFlight.current = false;
      const next = statusAfter(result);
      if (next.kind === 'saved') {
        version.current = result.data!.version;
        setSavedVersion(version.current);
        setSavedRevision(revision);
        onSaved(revision, unsavedOps, doc);
      } else if (next.kind === 'error') failedRevision.current = revision;
      setStatus(next);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, revision, savedRevision, issueId, unsavedOps, onSaved, blocked, retry, status.kind]);

  const dirty = revision !== savedRevision;
  useLeaveWarning(dirty || status.kind === 'conflict');

  return {
    status,
    dirty,
    /** The version last saved by or adopted from the server: what the editor's document is, when not dirty. */
    version: savedVersion,
    retry: () => {
      failedRevision.current = -1;
      setStatus({ kind: 'saving' });
      setRetry((n) => n + 1);
    },
    /** After a conflict: continue from their version (the caller has put the document to save in place). */
    resolve: (theirVersion: number) => {
      setVersion(theirVersion);
      setStatus({ kind: 'saving' });
      setRetry((n) => n + 1);
    },
    /** Their version taken as it is: nothing left to save. */
    adopt: (theirVersion: number, revisionNow: number) => {
      setVersion(theirVersion);
      setSavedRevision(revisionNow);
      setStatus({ kind: 'saved', at: Date.now() });
    },
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
