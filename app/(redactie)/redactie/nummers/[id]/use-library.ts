'use client';

import { useCallback, useMemo, useState } from 'react';
import { idle } from '@/lib/action-state';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import { themeOfContainer, type ContainerId } from '@/lib/issue/operations';
import { changeItemTheme } from './actions';

/**
 * The newsletter's items as the builder shows them, and the question that follows placing an
 * item in another theme's section: whether the item itself should change theme.
 */
export function useLibrary(data: BuilderData) {
  const [library, setLibrary] = useState<LibraryItem[]>(data.library);
  const items = useMemo(() => new Map(library.map((i) => [i.id, i])), [library]);
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
    if (result.status === 'ok')
      setLibrary((all) => all.map((i) => (i.id === item.id ? { ...i, themeId } : i)));
  };

  return {
    library,
    items,
    themeName,
    themeQuestion,
    askTheme,
    confirmTheme,
    cancelTheme: () => setThemeQuestion(null),
  };
}
