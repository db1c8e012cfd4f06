'use client';

import { useEffect, useRef, useState } from 'react';
import { idle, type ActionState } from '@/lib/action-state';
import {
  defaultLibraryFilter,
  libraryCount,
  type LibraryCursor,
  type LibraryFilter,
} from '@/lib/issue/library-filter';
import type { LibraryItem, LibraryPage } from '@/lib/issue/library-query';
import { loadHeldItems, loadLibraryPage } from './library-actions';
import type { Announcement, Library } from './use-library';

export type ListFilter = Omit<LibraryFilter, 'cursor'>;

type Result = {
  ids: number[];
  next: LibraryCursor | null;
  total: number;
  matching: number;
  /** How many items the side panel had written when this list was asked for. */
  createdSeen: number;
};

// Typing waits for a pause, so that a search asks the server (and the live region speaks) once.
const TYPING_PAUSE_MS = 300;

const merged = (before: number[], after: number[]) => {
  const seen = new Set(before);
  return [...before, ...after.filter((id) => !seen.has(id))];
};

/** Asks the server for a page; an answer to a question since replaced by another is dropped. */
function usePageRequests(library: Library, placed: ReadonlySet<number>) {
  const { issueId, remember } = library;
  const [busy, setBusy] = useState<'list' | 'more' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const fetchPage = async (wanted: ListFilter, cursor: LibraryCursor | null) => {
    const ticket = ++request.current;
    setBusy(cursor ? 'more' : 'list');
    const answer = await loadLibraryPage(idle as ActionState<LibraryPage>, {
      issueId,
      ...wanted,
      cursor,
      placed: wanted.status === 'unplaced' ? [...placed] : [],
    });
    if (ticket !== request.current) return null;
    setBusy(null);
    if (answer.status !== 'ok' || !answer.data) {
      setError(answer.message ?? 'De bibliotheek kon niet worden geladen. Probeer het opnieuw.');
      return null;
    }
    setError(null);
    remember(answer.data.items);
    return answer.data;
  };
  return { fetchPage, busy, error };
}

/**
 * Fetches the items the issue holds but the builder has not seen (another editor placed them
 * beyond the loaded pages), so that their blocks show their titles; each id is asked once.
 */
export function useHeldItems(library: Library, placed: ReadonlySet<number>) {
  const { issueId, items, remember } = library;
  const asked = useRef(new Set<number>());
  useEffect(() => {
    const missing = [...placed].filter((id) => !items.has(id) && !asked.current.has(id));
    if (!missing.length) return;
    for (const id of missing) asked.current.add(id);
    void loadHeldItems(idle as ActionState<LibraryItem[]>, { issueId, ids: missing }).then(
      (answer) => {
        if (answer.status === 'ok' && answer.data) remember(answer.data);
      },
    );
  }, [placed, items, issueId, remember]);
}

/** What the panel lists: items written in the side panel since the last search on top. */
function visible(result: Result, library: Library, ...announcements: (Announcement | null)[]) {
  const fresh = library.created.slice(0, Math.max(0, library.created.length - result.createdSeen));
  const ids = merged(
    fresh.map((i) => i.id),
    result.ids,
  );
  const extra = fresh.filter((i) => !result.ids.includes(i.id)).length;
  return {
    shown: ids.map((id) => library.items.get(id)).filter((i): i is LibraryItem => !!i),
    total: result.total + extra,
    matching: result.matching + extra,
    hasMore: result.next !== null,
    /** The latest of the count after a search and the side panel's last save. */
    announcement: announcements.reduce<Announcement | null>(
      (latest, a) => (a && (!latest || a.at >= latest.at) ? a : latest),
      null,
    )?.text,
  };
}

/**
 * The library list: one consistent approach, the server filters and sorts always (over all
 * items, not only those loaded) and hands out pages of 100; the panel keeps what it was given.
 * The count is announced once per settled change; "Meer laden" moves focus to the first new item.
 */
export function useLibraryList(library: Library, placed: ReadonlySet<number>) {
  const [filter, setFilter] = useState<ListFilter>(defaultLibraryFilter);
  const [result, setResult] = useState<Result>({ ...library.firstPage, createdSeen: 0 });
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const { fetchPage, busy, error } = usePageRequests(library, placed);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const focusAfterLoad = useRef<number | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  // After "Meer laden": focus the first new row's handle once it is on the page.
  useEffect(() => {
    const id = focusAfterLoad.current;
    if (id === null) return;
    focusAfterLoad.current = null;
    document.querySelector<HTMLElement>(`[data-library="lib:${id}"] button`)?.focus();
  }, [result]);

  const search = async (wanted: ListFilter) => {
    const page = await fetchPage(wanted, null);
    if (!page) return;
    const { items, ...counts } = page;
    setResult({ ...counts, ids: items.map((i) => i.id), createdSeen: library.created.length });
    setAnnouncement({ text: libraryCount(page.matching, page.total), at: Date.now() });
  };

  const change = (patch: Partial<ListFilter>) => {
    const wanted = { ...filter, ...patch };
    setFilter(wanted);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void search(wanted), 'query' in patch ? TYPING_PAUSE_MS : 0);
  };

  const more = async () => {
    if (!result.next || busy) return;
    const page = await fetchPage(filter, result.next);
    if (!page) return;
    focusAfterLoad.current = page.items[0]?.id ?? null;
    const { items, ...counts } = page;
    setResult((r) => ({
      ...r,
      ...counts,
      ids: merged(
        r.ids,
        items.map((i) => i.id),
      ),
    }));
  };

  return {
    filter,
    change,
    more,
    busy,
    error,
    ...visible(result, library, announcement, library.notice),
  };
}
