'use client';

import { DndContext, DragOverlay } from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import { blockLabel, describeChanges } from '@/lib/issue/describe-changes';
import { placedItemIds } from '@/lib/issue/document';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import { sectionContainer } from '@/lib/issue/operations';
import { BuilderToolbar } from './builder-toolbar';
import { ConflictDialog, ReopenDialog, ThemeDialog } from './dialogs';
import { keepThemeOperation } from './dnd';
import { HeaderFields } from './header-fields';
import { IssueZones } from './issue-zones';
import { ItemDrawer } from './item-drawer';
import { LibraryPanel } from './library-panel';
import { PreviewPane } from './preview-pane';
import { useDragAndDrop } from './use-drag-and-drop';
import { useEditing } from './use-editing';
import { useLibrary } from './use-library';

const newId = () => crypto.randomUUID();

// From 1280 px (xl) the library, the issue and the preview stand side by side, the preview
// sticky beside the issue; the page around the builder widens for it (data-wide, see the
// layout). Below that the preview is a view of its own, switched with the buttons above.
const columns =
  'grid gap-6 lg:grid-cols-[minmax(15rem,18rem)_minmax(0,1fr)] xl:grid-cols-[16rem_minmax(26rem,1fr)_minmax(23rem,40rem)] 2xl:grid-cols-[18rem_minmax(30rem,1fr)_40rem]';

type View = 'samenstellen' | 'voorbeeld';

/** Below 1280 px the issue and its preview take turns in the same place. */
function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const option = (id: View, label: string) => (
    <button
      type="button"
      aria-pressed={view === id}
      onClick={() => onChange(id)}
      className="rounded-md border border-brand-600 px-3 py-1 text-sm font-semibold text-brand-700 aria-pressed:bg-brand-600 aria-pressed:text-white"
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label="Weergave van de bouwer" className="mb-4 flex gap-2 xl:hidden">
      {option('samenstellen', 'Samenstellen')}
      {option('voorbeeld', 'Voorbeeld')}
    </div>
  );
}

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

type Editing = ReturnType<typeof useEditing>;
type Library = ReturnType<typeof useLibrary>;

/** The questions the builder may ask: theme of a placed item, reopening a reviewed issue, a conflict. */
function BuilderDialogs({ editing, library }: { editing: Editing; library: Library }) {
  const { history, conflict, reopen } = editing;
  const { themeQuestion, themeName, items } = library;
  // Declining (or dismissing) keeps the item's theme, so it goes to its own theme's section.
  const keepTheme = () => {
    library.cancelTheme();
    if (!themeQuestion) return;
    const { item, themeId } = themeQuestion;
    const op = keepThemeOperation(history.doc, item.id, themeId, item.themeId);
    if (op) history.apply(op);
  };
  return (
    <>
      {themeQuestion ? (
        <ThemeDialog
          item={themeQuestion.item}
          from={themeName(themeQuestion.item.themeId)}
          to={themeName(themeQuestion.themeId)}
          onConfirm={library.confirmTheme}
          onCancel={keepTheme}
        />
      ) : null}
      {reopen ? (
        <ReopenDialog status={reopen.status} onConfirm={reopen.confirm} onCancel={reopen.cancel} />
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
    </>
  );
}

export function Builder({ data }: { data: BuilderData }) {
  const editing = useEditing(data);
  const { history, autosave, saved } = editing;
  const { doc, apply } = history;
  const library = useLibrary(data);
  const { items, themeName } = library;
  const dnd = useDragAndDrop({
    doc,
    apply,
    items,
    reusable: data.reusable,
    themes: data.themes,
    onItemPlaced: library.askTheme,
  });
  const placed = useMemo(() => placedItemIds(doc), [doc]);
  const [view, setView] = useState<View>('samenstellen');
  const addToIssue = (item: LibraryItem) =>
    apply({
      type: 'insertItem',
      itemId: item.id,
      to: { container: sectionContainer(item.themeId), index: Number.MAX_SAFE_INTEGER },
      newId: newId(),
    });
  const shownIn = (which: View) => (view === which ? '' : 'max-xl:hidden');

  return (
    <div data-wide data-builder>
      <div className="flex flex-wrap items-start gap-x-6">
        <ViewSwitch view={view} onChange={setView} />
        <div className="min-w-0 flex-1">
          <BuilderToolbar history={history} autosave={autosave} />
        </div>
      </div>
      <DndContext id="issue-builder" autoScroll={{ threshold: { x: 0, y: 0.1 } }} {...dnd.context}>
        <div className={columns}>
          <LibraryPanel
            library={library}
            themes={data.themes}
            placed={placed}
            reusable={data.reusable}
            onAdd={addToIssue}
          />
          <div className={`min-w-0 space-y-4 ${shownIn('samenstellen')}`} data-builder-issue>
            <HeaderFields doc={doc} apply={apply} />
            <IssueZones
              doc={doc}
              apply={apply}
              label={dnd.label}
              items={items}
              themeName={themeName}
              images={data.images}
              newsletterSlug={data.issue.newsletterSlug}
              onEditItem={library.editItem}
            />
          </div>
          <div
            className={`min-w-0 lg:max-xl:col-start-2 lg:max-xl:row-start-1 ${shownIn('voorbeeld')}`}
          >
            <PreviewPane data={data} doc={doc} saved={saved} itemRevision={library.itemRevision} />
          </div>
        </div>
        <ActiveOverlay label={dnd.active ? dnd.label(dnd.active) : null} />
      </DndContext>
      <BuilderDialogs editing={editing} library={library} />
      <ItemDrawer data={data} library={library} />
    </div>
  );
}
