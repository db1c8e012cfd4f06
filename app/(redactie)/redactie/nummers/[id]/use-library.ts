'use client';

import { useCallback, useState } from 'react';
import { idle } from '@/lib/action-state';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import { themeOfContainer, type ContainerId } from '@/lib/issue/operations';
import { changeItemTheme } from './actions';

/** A message for the library's live region, and when: the latest one is spoken. */
export type Announcement = { text: string; at: number };

/** The side panel: a new item, or the text of one already placed. */
export type ItemDrawerState = { mode: 'create' } | { mode: 'edit'; itemId: number };

/** Every item the builder has seen (first page, later pages, search results, the issue's own). */
function useKnownItems(first: LibraryItem[]) {
  const [items, setItems] = useState(() => new Map(first.map((i) => [i.id, i])));
  const remember = useCallback(
    (found: LibraryItem[]) =>
      setItems((known) => {
        const next = new Map(known);
        for (const item of found) next.set(item.id, item);
        return next;
      }),
    [],
  );
  return { items, remember };
}

/** Writing and editing items in the side panel, without leaving the builder. */
function useItemDrawer(remember: (found: LibraryItem[]) => void) {
  const [drawer, setDrawer] = useState<ItemDrawerState | null>(null);
  // Written here, newest first: they stand at the top of the library until its next search.
  const [created, setCreated] = useState<LibraryItem[]>([]);
  // Counts the item edits: the preview reads the items on the server, so it renders again.
  const [itemRevision, setItemRevision] = useState(0);
  const [notice, setNotice] = useState<Announcement | null>(null);
  const saved = useCallback(
    (item: LibraryItem, mode: ItemDrawerState['mode'], message: string) => {
      remember([item]);
      if (mode === 'create') setCreated((all) => [item, ...all]);
      else setItemRevision((n) => n + 1);
      setNotice({ text: message, at: Date.now() });
      setDrawer(null);
    },
    [remember],
  );
  return {
    drawer,
    created,
    itemRevision,
    /** What the last save did, for the library's polite live region. */
    notice,
    openCreate: useCallback(() => setDrawer({ mode: 'create' }), []),
    editItem: useCallback((itemId: number) => setDrawer({ mode: 'edit', itemId }), []),
    closeDrawer: useCallback(() => setDrawer(null), []),
    saved,
  };
}

/**
 * The newsletter's items as the builder knows them, the side panel that writes and edits them,
 * and the question that follows placing an item in another theme's section: whether the item
 * itself should change theme.
 */
export function useLibrary(data: BuilderData) {
  const { items, remember } = useKnownItems(data.library);
  const drawer = useItemDrawer(remember);
  const themeName = useCallback(
    (id: number) => data.themes.find((t) => t.id === id)?.name ?? '',
    [data.themes],
  );
  const [themeQuestion, setThemeQuestion] = useState<{ item: LibraryItem; themeId: number } | null>(
    null,
  );

  const askTheme = (itemId: number, container: ContainerId) => {
    const themeId = themeOfContainer(container);
    const item = items.get(itemId);
    if (item && themeId && item.themeId !== themeId) setThemeQuestion({ item, themeId });
  };

  const confirmTheme = async () => {
    if (!themeQuestion) return;
    const { item, themeId } = themeQuestion;
    setThemeQuestion(null);
    const result = await changeItemTheme(idle, { itemId: item.id, themeId });
    if (result.status === 'ok') remember([{ ...item, themeId }]);
  };

  return {
    issueId: data.issue.id,
    /** The first page as the page loaded it: ids into `items`. */
    firstPage: data.libraryPage,
    items,
    remember,
    ...drawer,
    themeName,
    themeQuestion,
    askTheme,
    confirmTheme,
    cancelTheme: () => setThemeQuestion(null),
  };
}

export type Library = ReturnType<typeof useLibrary>;
