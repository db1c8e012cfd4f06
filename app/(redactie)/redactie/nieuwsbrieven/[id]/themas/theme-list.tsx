'use client';

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useMemo, useState, useTransition } from 'react';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { reorderThemesAction } from './actions';
import { ThemeRow, type ThemeView } from './theme-row';

const screenReaderInstructions = {
  draggable:
    'Druk op spatie of Enter om dit thema op te pakken. Verplaats het met de pijltjes omhoog en omlaag, zet het neer met spatie of Enter, of annuleer met Escape.',
};

/** Dutch announcements for each step of a drag, by mouse or keyboard. */
function themeAnnouncements(
  name: (id: UniqueIdentifier) => string,
  place: (id: UniqueIdentifier) => string,
): Announcements {
  const pickedUp = (id: UniqueIdentifier) => `Thema ${name(id)} opgepakt, ${place(id)}.`;
  return {
    onDragStart: ({ active }) => pickedUp(active.id),
    // Over its own place (as right after picking up): say again where it is.
    onDragOver: ({ active, over }) =>
      over?.id === active.id
        ? pickedUp(active.id)
        : over
          ? `Thema ${name(active.id)} boven ${place(over.id)}.`
          : `Thema ${name(active.id)} is niet boven een plek in de lijst.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Thema ${name(active.id)} neergezet op ${place(over.id)}.`
        : `Thema ${name(active.id)} neergezet buiten de lijst; er is niets veranderd.`,
    onDragCancel: ({ active }) =>
      `Verplaatsen geannuleerd. Thema ${name(active.id)} staat weer op zijn oude plek.`,
  };
}

/** The themes in order; dragging (mouse or keyboard) saves the new order at once. */
export function ThemeList({ newsletterId, themes }: { newsletterId: number; themes: ThemeView[] }) {
  const [order, setOrder] = useState(() => themes.map((t) => t.id));
  const [status, setStatus] = useState<ActionState>(idle);
  // A new order from the server (a move, an added or deleted theme) replaces the local one,
  // without remounting, so the outcome of a drag stays announced.
  const serverOrder = themes.map((t) => t.id).join(',');
  const [seen, setSeen] = useState(serverOrder);
  if (seen !== serverOrder) {
    setSeen(serverOrder);
    setOrder(themes.map((t) => t.id));
  }
  const [saving, startSaving] = useTransition();
  const byId = useMemo(() => new Map(themes.map((t) => [t.id, t])), [themes]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useMemo(
    () =>
      themeAnnouncements(
        (id) => byId.get(Number(id))?.name ?? '',
        (id) => `positie ${order.indexOf(Number(id)) + 1} van ${order.length}`,
      ),
    [byId, order],
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const before = order;
    const next = arrayMove(order, order.indexOf(Number(active.id)), order.indexOf(Number(over.id)));
    setOrder(next);
    startSaving(async () => {
      const result = await reorderThemesAction(idle, { newsletterId, order: next });
      setStatus(result);
      if (result.status !== 'ok') setOrder(before);
    });
  }

  if (!themes.length)
    return <p className="mt-4 text-sm text-muted">Deze nieuwsbrief heeft nog geen thema’s.</p>;
  return (
    <div className="mt-4 space-y-3">
      <DndContext
        id="themes-order"
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" aria-label="Thema’s in volgorde" aria-busy={saving}>
            {order.map((id, index) => (
              <ThemeRow
                key={id}
                newsletterId={newsletterId}
                theme={byId.get(id)!}
                first={index === 0}
                last={index === order.length - 1}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <FormMessage state={status} />
    </div>
  );
}
