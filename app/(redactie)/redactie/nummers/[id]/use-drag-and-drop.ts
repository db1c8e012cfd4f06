'use client';

import {
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { extraLabel, type IssueDocument } from '@/lib/issue/document';
import type { LibraryItem, ReusableOption } from '@/lib/issue/load-builder';
import {
  apply as applyOp,
  findBlock,
  type ContainerId,
  type Operation,
} from '@/lib/issue/operations';
import {
  announcements,
  containerName,
  dragSource,
  draggedItemId,
  dropOperation,
  dropTarget,
  isZone,
  keyboardSlots,
  screenReaderInstructions,
} from './dnd';

/** What a dragged thing is called, in the overlay, the announcements and the blocks' buttons. */
export function useDragLabel(
  doc: IssueDocument,
  items: Map<number, LibraryItem>,
  reusable: ReusableOption[],
) {
  return useCallback(
    (id: UniqueIdentifier) => {
      const source = dragSource(id);
      if (source.type === 'library') return `Item ${items.get(source.itemId)?.title ?? ''}`;
      if (source.type === 'reusable')
        return `Vast blok ${reusable.find((r) => r.id === source.reusableId)?.name ?? ''}`;
      const block = findBlock(doc, source.blockId);
      if (!block) return 'Blok';
      if (block.kind === 'lead' || block.kind === 'item')
        return `Item ${items.get(block.itemId)?.title ?? ''}`;
      if (block.kind === 'text' || block.kind === 'cta' || block.kind === 'image')
        return `Blok ${extraLabel(block)}`;
      return 'Voettekst';
    },
    [items, reusable, doc],
  );
}

/**
 * Keyboard drags step through the places in reading order (each block, then each zone's end),
 * so that every arrow press moves exactly one place and the announcement can say where.
 */
function useKeyboardDrag(
  doc: IssueDocument,
  keyboardTargetRef: RefObject<UniqueIdentifier | null>,
) {
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
    const current = slots.indexOf(keyboardTargetRef.current ?? context.over?.id ?? '');
    const next = slots[current < 0 ? 0 : Math.max(0, Math.min(slots.length - 1, current + step))];
    const rect = next !== undefined ? rects.get(next) : undefined;
    if (next === undefined || !rect) return undefined;
    keyboardTargetRef.current = next;
    return { x: rect.left, y: isZone(next) ? rect.bottom - 24 : rect.top };
  };
  const collisionDetection: CollisionDetection = (args) => {
    if (args.pointerCoordinates) {
      // With a pointer: the block under it, else the zone under it.
      const under = pointerWithin(args);
      if (under.length)
        return [...under.filter((c) => !isZone(c.id)), ...under.filter((c) => isZone(c.id))];
      return closestCorners(args);
    }
    // By keyboard, a library item picked up is over nothing until the first arrow key: the
    // nearest zone would be announced as its place and drown out "opgepakt".
    const target = keyboardTargetRef.current;
    return target !== null ? [{ id: target }] : [];
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
  return { sensors, collisionDetection };
}

type Input = {
  doc: IssueDocument;
  apply: (op: Operation) => void;
  items: Map<number, LibraryItem>;
  reusable: ReusableOption[];
  themes: { id: number; name: string }[];
  /** After an item was dropped into a container, for the question whether its theme follows. */
  onItemPlaced: (itemId: number, container: ContainerId) => void;
};

/** Dragging blocks and library items into the issue, by pointer or keyboard, announced in Dutch. */
export function useDragAndDrop({ doc, apply, items, reusable, themes, onItemPlaced }: Input) {
  const [active, setActive] = useState<UniqueIdentifier | null>(null);
  const label = useDragLabel(doc, items, reusable);
  const names = useMemo(
    () => ({ label, container: (c: ContainerId) => containerName(c, themes) }),
    [label, themes],
  );
  const keyboardTarget = useRef<UniqueIdentifier | null>(null);
  const { sensors, collisionDetection } = useKeyboardDrag(doc, keyboardTarget);

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
    const leadTheme = doc.lead ? items.get(doc.lead.itemId)?.themeId : undefined;
    const op = dropOperation(source, target, reusable, leadTheme);
    if (!op || applyOp(doc, op) === doc) return;
    apply(op);
    const movedItem = draggedItemId(doc, source);
    if (movedItem) onItemPlaced(movedItem, target.container);
  };
  const onDragCancel = () => {
    keyboardTarget.current = null;
    setActive(null);
  };
  return {
    active,
    label,
    /** The DndContext's props. */
    context: {
      sensors,
      collisionDetection,
      onDragStart,
      onDragEnd,
      onDragCancel,
      accessibility: { announcements: announcements(() => doc, names), screenReaderInstructions },
    },
  };
}
