'use client';

import { useCallback, useEffect, useReducer } from 'react';
import type { IssueDocument } from '@/lib/issue/document';
import { apply, type Operation } from '@/lib/issue/operations';

export const HISTORY_LIMIT = 100;

type State = {
  doc: IssueDocument;
  past: IssueDocument[];
  future: IssueDocument[];
  /** Operations since the last save that the server accepted: replayed onto their version to merge. */
  unsaved: Operation[];
  /** False once an undo or redo reached past the last save: then the change is no list of operations. */
  replayable: boolean;
  /** Counts changes, so the autosave knows whether what it saved is still current. */
  revision: number;
};

type Action =
  | { type: 'apply'; op: Operation }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; revision: number; opCount: number }
  | { type: 'replace'; doc: IssueDocument; unsaved: Operation[] };

// Typing in one field is one step to undo, not one step per key.
function coalesces(previous: Operation | undefined, op: Operation): boolean {
  if (previous?.type === 'setHeader' && op.type === 'setHeader') return previous.field === op.field;
  if (previous?.type === 'updateExtra' && op.type === 'updateExtra')
    return previous.blockId === op.blockId;
  return false;
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'apply': {
      const doc = apply(state.doc, action.op);
      if (doc === state.doc) return state;
      const merge = coalesces(state.unsaved.at(-1), action.op);
      const past = merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT);
      const unsaved = merge
        ? [...state.unsaved.slice(0, -1), action.op]
        : [...state.unsaved, action.op];
      return { ...state, doc, past, future: [], unsaved, revision: state.revision + 1 };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      const unsaved = state.unsaved.slice(0, -1);
      return {
        ...state,
        doc: previous,
        past: state.past.slice(0, -1),
        future: [state.doc, ...state.future],
        unsaved,
        replayable: state.replayable && state.unsaved.length > 0,
        revision: state.revision + 1,
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return {
        ...state,
        doc: next,
        past: [...state.past, state.doc],
        future: state.future.slice(1),
        replayable: false,
        revision: state.revision + 1,
      };
    }
    case 'saved':
      // Only what was in the saved document leaves the list; later changes wait for the next save.
      if (action.revision === state.revision) return { ...state, unsaved: [], replayable: true };
      return { ...state, unsaved: state.unsaved.slice(action.opCount) };
    case 'replace':
      return {
        ...state,
        doc: action.doc,
        past: [...state.past, state.doc].slice(-HISTORY_LIMIT),
        future: [],
        unsaved: action.unsaved,
        replayable: true,
        revision: state.revision + 1,
      };
  }
}

export function useHistory(initial: IssueDocument) {
  const [state, dispatch] = useReducer(reducer, {
    doc: initial,
    past: [],
    future: [],
    unsaved: [],
    replayable: true,
    revision: 0,
  });
  return {
    ...state,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    apply: useCallback((op: Operation) => dispatch({ type: 'apply', op }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    markSaved: useCallback(
      (revision: number, opCount: number) => dispatch({ type: 'saved', revision, opCount }),
      [],
    ),
    replace: useCallback(
      (doc: IssueDocument, unsaved: Operation[] = []) =>
        dispatch({ type: 'replace', doc, unsaved }),
      [],
    ),
  };
}

export type History = ReturnType<typeof useHistory>;

/** Ctrl+Z / Ctrl+Shift+Z, except while typing, where the field's own undo applies. */
export function useUndoShortcuts({ undo, redo }: Pick<History, 'undo' | 'redo'>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
