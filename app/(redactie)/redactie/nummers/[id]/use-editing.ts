'use client';

import { useCallback, useState } from 'react';
import { diffDocuments } from '@/lib/issue/diff';
import type { IssueDocument } from '@/lib/issue/document';
import type { BuilderData } from '@/lib/issue/load-builder';
import { apply as applyOp } from '@/lib/issue/operations';
import { useAutosave, type Autosave, type SaveStatus } from './use-autosave';
import { useHistory, useUndoShortcuts, type History } from './use-history';

type Conflict = Extract<SaveStatus, { kind: 'conflict' }>;

/** The editor's three ways out once someone else saved the issue in between. */
function conflictChoices(
  conflict: Conflict,
  base: IssueDocument,
  setBase: (doc: IssueDocument) => void,
  history: History,
  autosave: Autosave,
) {
  return {
    changedBy: conflict.changedBy,
    changedAt: conflict.changedAt,
    changes: diffDocuments(base, conflict.theirs),
    canMerge: history.replayable,
    merge: () => {
      setBase(conflict.theirs);
      const merged = history.unsaved.reduce<IssueDocument>(
        (d, op) => applyOp(d, op),
        conflict.theirs,
      );
      history.replace(merged, history.unsaved);
      autosave.resolve(conflict.version);
    },
    takeTheirs: () => {
      setBase(conflict.theirs);
      history.replace(conflict.theirs);
      autosave.adopt(conflict.version, history.revision + 1);
    },
    keepMine: () => {
      setBase(conflict.theirs);
      history.replace(history.doc, history.unsaved);
      autosave.resolve(conflict.version);
    },
  };
}

/**
 * The issue being edited: its undo history (with the keyboard shortcuts), the autosave, and,
 * when another editor saved in between, what they changed and the ways to go on.
 */
export function useEditing(data: BuilderData) {
  const history = useHistory(data.document);
  // A save returns an issue under review (or approved) to concept: the first change asks first.
  // The status can change under the open builder (offered for review from this page), so the
  // answer holds for the status it was given in, until the issue is a concept again.
  const { status: issueStatus } = data.issue;
  const guarded = issueStatus === 'review' || issueStatus === 'approved';
  const [reopenedFrom, setReopenedFrom] = useState<string | null>(null);
  if (!guarded && reopenedFrom !== null) setReopenedFrom(null);
  const asking = guarded && reopenedFrom !== issueStatus && history.unsaved.length > 0;
  useUndoShortcuts(history);
  // The last version this editor and the server agreed on: what "their changes" are measured against.
  const [base, setBase] = useState<IssueDocument>(data.document);
  const { markSaved } = history;
  const onSaved = useCallback(
    (revision: number, opCount: number, saved: IssueDocument) => {
      markSaved(revision, opCount);
      setBase(saved);
    },
    [markSaved],
  );
  const autosave = useAutosave(
    {
      issueId: data.issue.id,
      doc: history.doc,
      revision: history.revision,
      unsavedOps: history.unsaved.length,
      hold: asking,
      onSaved,
    },
    data.issue.version,
  );
  const { status } = autosave;
  const conflict =
    status.kind === 'conflict' ? conflictChoices(status, base, setBase, history, autosave) : null;
  // What a test send may name: the saved version, and only while nothing waits to be saved.
  const saved = { version: autosave.version, ready: !autosave.dirty && status.kind === 'saved' };
  const reopen = asking
    ? {
        status: issueStatus as 'review' | 'approved',
        confirm: () => setReopenedFrom(issueStatus),
        // Back to what was saved: nothing changed, so the issue stays where it was.
        cancel: () => {
          history.replace(base);
          autosave.adopt(autosave.version, history.revision + 1);
        },
      }
    : null;
  return { history, autosave, conflict, saved, reopen };
}
