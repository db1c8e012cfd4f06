'use client';

import { DndContext, DragOverlay } from '@dnd-kit/core';
import { useMemo } from 'react';
import { blockLabel, describeChanges } from '@/lib/issue/describe-changes';
import { placedItemIds } from '@/lib/issue/document';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import { sectionContainer } from '@/lib/issue/operations';
import { BuilderToolbar } from './builder-toolbar';
import { ConflictDialog, ThemeDialog } from './dialogs';
import { HeaderFields } from './header-fields';
import { IssueZones } from './issue-zones';
import { LibraryPanel } from './library-panel';
import { PreviewPane } from './preview-pane';
import { useDragAndDrop } from './use-drag-and-drop';
import { useEditing } from './use-editing';
import { useLibrary } from './use-library';

const newId = () => crypto.randomUUID();

// Three columns need more than the page's 72rem: on wide screens the grid reaches past the page
// margins (negative margins, not a transform: a transform would move dnd-kit's fixed-position
// drag overlay).
const columns =
  'grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr] 2xl:mx-[calc((100%_-_min(100vw_-_3rem,100rem))/2)] 2xl:grid-cols-[minmax(16rem,20rem)_minmax(24rem,1fr)_40rem]';

/** What is being dragged, under the pointer. */
function ActiveOverlay({ label }: { label: string | null }) {
  return (
    <DragOverlay dropAnimation={null}>
      {label ? (
        <div className="rounded-md border border-brand-600 bg-white px-3 py-2 text-sm font-semibold shadow-lg">
          {label}
        </div>
      ) : null}
    </DragOverlay>
  );
}

export function Builder({ data }: { data: BuilderData }) {
  const { history, autosave, conflict, saved } = useEditing(data);
  const { doc, apply } = history;
  const library = useLibrary(data);
  const { items, themeName, themeQuestion } = library;
  const dnd = useDragAndDrop({
    doc,
    apply,
    items,
    reusable: data.reusable,
    themes: data.themes,
    onItemPlaced: library.askTheme,
  });
  const placed = useMemo(() => placedItemIds(doc), [doc]);
  const addToIssue = (item: LibraryItem) =>
    apply({
      type: 'insertItem',
      itemId: item.id,
      to: { container: sectionContainer(item.themeId), index: Number.MAX_SAFE_INTEGER },
      newId: newId(),
    });

  return (
    <div>
      <BuilderToolbar history={history} autosave={autosave} />
      <DndContext id="issue-builder" autoScroll={{ threshold: { x: 0, y: 0.1 } }} {...dnd.context}>
        <div className={columns}>
          <LibraryPanel
            library={library.library}
            themes={data.themes}
            placed={placed}
            reusable={data.reusable}
            onAdd={addToIssue}
          />
          <div className="space-y-4" aria-label="Het nummer">
            <HeaderFields doc={doc} apply={apply} />
            <IssueZones
              doc={doc}
              apply={apply}
              label={dnd.label}
              items={items}
              themeName={themeName}
              images={data.images}
              newsletterSlug={data.issue.newsletterSlug}
            />
          </div>
          <PreviewPane data={data} doc={doc} saved={saved} />
        </div>
        <ActiveOverlay label={dnd.active ? dnd.label(dnd.active) : null} />
      </DndContext>

      {themeQuestion ? (
        <ThemeDialog
          item={themeQuestion.item}
          from={themeName(themeQuestion.item.themeId)}
          to={themeName(themeQuestion.themeId)}
          onConfirm={library.confirmTheme}
          onCancel={library.cancelTheme}
        />
      ) : null}
      {conflict ? (
        <ConflictDialog
          changes={describeChanges(conflict.changes, (block) =>
            blockLabel(block, (id) => items.get(id)?.title),
          )}
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          canMerge={conflict.canMerge}
          onMerge={conflict.merge}
          onTakeTheirs={conflict.takeTheirs}
          onKeepMine={conflict.keepMine}
        />
      ) : null}
    </div>
  );
}
