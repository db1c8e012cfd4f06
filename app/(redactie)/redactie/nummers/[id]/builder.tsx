'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatTime } from '@/lib/format';
import { blockLabel, describeChanges } from '@/lib/issue/describe-changes';
import { diffDocuments } from '@/lib/issue/diff';
import { placedItemIds, type IssueDocument } from '@/lib/issue/document';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import {
  apply as applyOp,
  findBlock,
  sectionContainer,
  themeOfContainer,
  type ContainerId,
  type Operation,
} from '@/lib/issue/operations';
import { buttonClass } from '@/components/button';
import { idle } from '@/lib/action-state';
import { changeItemTheme } from './actions';
import { ExtraEditor, ItemSummary, SmallButton, SortableBlock, Zone } from './blocks';
import { ConflictDialog, ThemeDialog } from './dialogs';
import {
  announcements,
  containerName,
  dragSource,
  dropTarget,
  isZone,
  keyboardSlots,
  screenReaderInstructions,
} from './dnd';
import { LibraryPanel } from './library-panel';
import { PreviewPane } from './preview-pane';
import { useAutosave } from './use-autosave';
import { useHistory } from './use-history';

const newId = () => crypto.randomUUID();

export function Builder({ data }: { data: BuilderData }) {
  const history = useHistory(data.document);
  const { doc, apply } = history;
  const [library, setLibrary] = useState<LibraryItem[]>(data.library);
  const items = useMemo(() => new Map(library.map((i) => [i.id, i])), [library]);
  const themeName = useCallback(
    (id: number) => data.themes.find((t) => t.id === id)?.name ?? '',
    [data.themes],
  );
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
      doc,
      revision: history.revision,
      unsavedOps: history.unsaved.length,
      onSaved,
    },
    data.issue.version,
  );
  const [active, setActive] = useState<UniqueIdentifier | null>(null);
  const [themeQuestion, setThemeQuestion] = useState<{ item: LibraryItem; themeId: number } | null>(
    null,
  );

  const label = useCallback(
    (id: UniqueIdentifier) => {
      const source = dragSource(id);
      if (source.type === 'library') return `Item ${items.get(source.itemId)?.title ?? ''}`;
      if (source.type === 'reusable')
        return `Vast blok ${data.reusable.find((r) => r.id === source.reusableId)?.name ?? ''}`;
      const block = findBlock(doc, source.blockId);
      if (!block) return 'Blok';
      if (block.kind === 'lead' || block.kind === 'item')
        return `Item ${items.get(block.itemId)?.title ?? ''}`;
      if (block.kind === 'text' || block.kind === 'cta') return `Blok ${block.content.title}`;
      return 'Voettekst';
    },
    [items, data.reusable, doc],
  );
  const names = useMemo(
    () => ({ label, container: (c: ContainerId) => containerName(c, data.themes) }),
    [label, data.themes],
  );

  // Keyboard drags step through the places in reading order (each block, then each zone's end),
  // so that every arrow press moves exactly one place and the announcement can say where.
  const keyboardTarget = useRef<UniqueIdentifier | null>(null);
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
    const step = (
      { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 } as Record<string, number>
    )[event.code];
    if (!step || !context.active) return undefined;
    event.preventDefault();
    const rects = new Map(
      [...context.droppableRects.entries()].filter(([id]) => context.droppableContainers.get(id)),
    );
    const slots = keyboardSlots(doc, context.active.id, rects);
    const current = slots.indexOf(keyboardTarget.current ?? context.over?.id ?? '');
    const next = slots[current < 0 ? 0 : Math.max(0, Math.min(slots.length - 1, current + step))];
    const rect = next !== undefined ? rects.get(next) : undefined;
    if (next === undefined || !rect) return undefined;
    keyboardTarget.current = next;
    return { x: rect.left, y: isZone(next) ? rect.bottom - 24 : rect.top };
  };
  const collision: CollisionDetection = (args) => {
    if (args.pointerCoordinates) {
      // With a pointer: the block under it, else the zone under it.
      const under = pointerWithin(args);
      if (under.length)
        return [...under.filter((c) => !isZone(c.id)), ...under.filter((c) => isZone(c.id))];
      return closestCorners(args);
    }
    const target = keyboardTarget.current;
    return target !== null ? [{ id: target }] : closestCorners(args);
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  // Ctrl+Z / Ctrl+Shift+Z, except while typing, where the field's own undo applies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      if (event.shiftKey) history.redo();
      else history.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history]);

  const askTheme = (itemId: number, container: ContainerId) => {
    const themeId = themeOfContainer(container);
    const item = items.get(itemId);
    if (item && themeId && item.themeId !== themeId) setThemeQuestion({ item, themeId });
  };

  const onDragStart = (event: DragStartEvent) => {
    // A block picked up by keyboard starts over its own place; a library item over nothing yet.
    keyboardTarget.current = dragSource(event.active.id).type === 'block' ? event.active.id : null;
    setActive(event.active.id);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    keyboardTarget.current = null;
    setActive(null);
    const target = dropTarget(doc, over?.id);
    if (!target) return;
    const source = dragSource(active.id);
    let op: Operation | null = null;
    if (source.type === 'block') op = { type: 'move', blockId: source.blockId, to: target };
    if (source.type === 'library')
      op = { type: 'insertItem', itemId: source.itemId, to: target, newId: newId() };
    if (source.type === 'reusable' && target.container === 'extras') {
      const reusable = data.reusable.find((r) => r.id === source.reusableId);
      if (reusable)
        op = {
          type: 'insertExtra',
          index: target.index,
          block: {
            id: newId(),
            kind: reusable.kind,
            reusableBlockId: reusable.id,
            content: reusable.content,
          } as never,
        };
    }
    if (!op || applyOp(doc, op) === doc) return;
    apply(op);
    const block = source.type === 'block' ? findBlock(doc, source.blockId) : null;
    const movedItem =
      source.type === 'library'
        ? source.itemId
        : block && (block.kind === 'item' || block.kind === 'lead')
          ? block.itemId
          : null;
    if (movedItem) askTheme(movedItem, target.container);
  };

  const placed = useMemo(() => placedItemIds(doc), [doc]);
  const addToIssue = (item: LibraryItem) =>
    apply({
      type: 'insertItem',
      itemId: item.id,
      to: { container: sectionContainer(item.themeId), index: Number.MAX_SAFE_INTEGER },
      newId: newId(),
    });

  const confirmTheme = async () => {
    if (!themeQuestion) return;
    const { item, themeId } = themeQuestion;
    setThemeQuestion(null);
    const result = await changeItemTheme(idle, { itemId: item.id, themeId });
    if (result.status === 'ok')
      setLibrary((all) => all.map((i) => (i.id === item.id ? { ...i, themeId } : i)));
  };

  const status = autosave.status;

  return (
    <div>
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
        </div>
        <p
          role="status"
          aria-live="polite"
          className="text-sm font-semibold"
          data-save-status={status.kind}
        >
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
      </div>

      <DndContext
        id="issue-builder"
        sensors={sensors}
        collisionDetection={collision}
        autoScroll={{ threshold: { x: 0, y: 0.1 } }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          keyboardTarget.current = null;
          setActive(null);
        }}
        accessibility={{ announcements: announcements(() => doc, names), screenReaderInstructions }}
      >
        <div className="grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr] 2xl:grid-cols-[minmax(16rem,20rem)_minmax(24rem,1fr)_40rem]">
          <LibraryPanel
            library={library}
            themes={data.themes}
            placed={placed}
            reusable={data.reusable}
            onAdd={addToIssue}
          />

          <div className="space-y-4" aria-label="Het nummer">
            <div className="grid gap-3 rounded-lg border border-line bg-white p-4">
              <div>
                <label htmlFor="subject" className="block text-sm font-semibold">
                  Onderwerp
                </label>
                <input
                  id="subject"
                  className="mt-1 block w-full rounded-md border border-gray-500 px-3 py-2"
                  value={doc.subject}
                  onChange={(e) =>
                    apply({ type: 'setHeader', field: 'subject', value: e.target.value })
                  }
                />
              </div>
              <div>
                <label htmlFor="preheader" className="block text-sm font-semibold">
                  Preheader{' '}
                  <span className="font-normal text-muted">
                    (de regel die mailprogramma&apos;s na het onderwerp tonen)
                  </span>
                </label>
                <input
                  id="preheader"
                  className="mt-1 block w-full rounded-md border border-gray-500 px-3 py-2"
                  value={doc.preheader}
                  onChange={(e) =>
                    apply({ type: 'setHeader', field: 'preheader', value: e.target.value })
                  }
                />
              </div>
            </div>

            <Zone
              id="lead"
              title="Openingsitem"
              ids={doc.lead ? [doc.lead.id] : []}
              empty="Sleep hier het openingsitem naartoe."
            >
              {doc.lead ? (
                <SortableBlock
                  id={doc.lead.id}
                  label={label(doc.lead.id)}
                  actions={
                    <SmallButton
                      label={`Verwijder ${label(doc.lead.id)}`}
                      onClick={() => apply({ type: 'remove', blockId: doc.lead!.id })}
                    >
                      Verwijderen
                    </SmallButton>
                  }
                >
                  <ItemSummary
                    item={items.get(doc.lead.itemId)}
                    themeName={themeName(items.get(doc.lead.itemId)?.themeId ?? 0)}
                    showTheme
                  />
                </SortableBlock>
              ) : null}
            </Zone>

            {doc.sections.map((section) => (
              <Zone
                key={section.themeId}
                id={sectionContainer(section.themeId)}
                title={themeName(section.themeId)}
                ids={section.blocks.map((b) => b.id)}
                empty="Nog geen items: sleep er een hierheen. Een lege sectie komt niet in de e-mail."
              >
                {section.blocks.map((block) => (
                  <SortableBlock
                    key={block.id}
                    id={block.id}
                    label={label(block.id)}
                    actions={
                      <SmallButton
                        label={`Verwijder ${label(block.id)}`}
                        onClick={() => apply({ type: 'remove', blockId: block.id })}
                      >
                        Verwijderen
                      </SmallButton>
                    }
                  >
                    <ItemSummary item={items.get(block.itemId)} />
                  </SortableBlock>
                ))}
              </Zone>
            ))}

            <Zone
              id="extras"
              title="Vaste blokken"
              ids={doc.extras.map((b) => b.id)}
              empty="Sleep een vast blok hierheen."
            >
              {doc.extras.map((block) => (
                <SortableBlock
                  key={block.id}
                  id={block.id}
                  label={label(block.id)}
                  actions={
                    <>
                      <SmallButton
                        label={`Dupliceer ${label(block.id)}`}
                        onClick={() =>
                          apply({ type: 'duplicate', blockId: block.id, newId: newId() })
                        }
                      >
                        Dupliceren
                      </SmallButton>
                      <SmallButton
                        label={`Verwijder ${label(block.id)}`}
                        onClick={() => apply({ type: 'remove', blockId: block.id })}
                      >
                        Verwijderen
                      </SmallButton>
                    </>
                  }
                >
                  <p className="mb-2 text-xs font-semibold text-muted uppercase">
                    {block.kind === 'text' ? 'Tekstblok' : 'Oproep met knop'}
                  </p>
                  <ExtraEditor
                    block={block}
                    onChange={(content) =>
                      apply({ type: 'updateExtra', blockId: block.id, content })
                    }
                  />
                </SortableBlock>
              ))}
            </Zone>

            <section
              aria-label="Voettekst"
              className="rounded-lg border border-line bg-white p-4 text-sm text-muted"
            >
              <h3 className="mb-1 text-sm font-bold tracking-wide text-brand-700 uppercase">
                Voettekst
              </h3>
              {doc.footer
                ? 'Contact, afmelden, gegevens wijzigen en disclaimer, uit de instellingen van de nieuwsbrief.'
                : 'Geen voettekst in dit nummer.'}
            </section>
          </div>

          <PreviewPane issueId={data.issue.id} doc={doc} testAddresses={data.testAddresses} />
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className="rounded-md border border-brand-600 bg-white px-3 py-2 text-sm font-semibold shadow-lg">
              {label(active)}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>

      {themeQuestion ? (
        <ThemeDialog
          item={themeQuestion.item}
          from={themeName(themeQuestion.item.themeId)}
          to={themeName(themeQuestion.themeId)}
          onConfirm={confirmTheme}
          onCancel={() => setThemeQuestion(null)}
        />
      ) : null}
      {status.kind === 'conflict' ? (
        <ConflictDialog
          changes={describeChanges(diffDocuments(base, status.theirs), (block) =>
            blockLabel(block, (id) => items.get(id)?.title),
          )}
          changedBy={status.changedBy}
          changedAt={status.changedAt}
          canMerge={history.replayable}
          onMerge={() => {
            setBase(status.theirs);
            const merged = history.unsaved.reduce<IssueDocument>(
              (d, op) => applyOp(d, op),
              status.theirs,
            );
            history.replace(merged, history.unsaved);
            autosave.resolve(status.version);
          }}
          onTakeTheirs={() => {
            setBase(status.theirs);
            history.replace(status.theirs);
            autosave.adopt(status.version, history.revision + 1);
          }}
          onKeepMine={() => {
            setBase(status.theirs);
            history.replace(doc, history.unsaved);
            autosave.resolve(status.version);
          }}
        />
      ) : null}
    </div>
  );
}
