import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import type { IssueDocument } from '@/lib/issue/document';
import type { ReusableOption } from '@/lib/issue/load-builder';
import {
  containerLength,
  findBlock,
  locate,
  sectionContainer,
  themeOfContainer,
  type ContainerId,
  type Location,
  type Operation,
} from '@/lib/issue/operations';

// Draggables from the side panel carry a prefix; blocks in the issue use their own id.
/** The ids of drop zones: the lead slot, a theme's section, the extra blocks. */
export const isZone = (id: UniqueIdentifier) => /^(lead|extras|section:\d+)$/.test(String(id));

export const libraryDragId = (itemId: number) => `lib:${itemId}`;
export const reusableDragId = (id: number) => `reuse:${id}`;

export type DragSource =
  | { type: 'block'; blockId: string }
  | { type: 'library'; itemId: number }
  | { type: 'reusable'; reusableId: number };

export function dragSource(id: UniqueIdentifier): DragSource {
  const value = String(id);
  if (value.startsWith('lib:')) return { type: 'library', itemId: Number(value.slice(4)) };
  if (value.startsWith('reuse:')) return { type: 'reusable', reusableId: Number(value.slice(6)) };
  return { type: 'block', blockId: value };
}

/** Where a drop over `overId` puts the dragged thing: a container's end, or the place of the block under it. */
export function dropTarget(
  doc: IssueDocument,
  overId: UniqueIdentifier | undefined,
): Location | null {
  if (overId === undefined) return null;
  const id = String(overId);
  if (isZone(id))
    return { container: id as ContainerId, index: containerLength(doc, id as ContainerId) };
  return locate(doc, id);
}

const newId = () => crypto.randomUUID();

/**
 * What a drop does: a block moves, a library item is placed, a reusable block is copied among the
 * extras. A library item dropped on the lead slot sends the old lead to the top of its theme's
 * section (`leadTheme`), so nothing leaves the issue without the editor doing so.
 */
export function dropOperation(
  source: DragSource,
  target: Location,
  reusable: ReusableOption[],
  leadTheme?: number,
): Operation | null {
  if (source.type === 'block') return { type: 'move', blockId: source.blockId, to: target };
  if (source.type === 'library') {
    const displacedTo =
      target.container === 'lead' && leadTheme !== undefined
        ? { container: sectionContainer(leadTheme), index: 0 }
        : undefined;
    return { type: 'insertItem', itemId: source.itemId, to: target, newId: newId(), displacedTo };
  }
  if (target.container !== 'extras') return null;
  const block = reusable.find((r) => r.id === source.reusableId);
  if (!block) return null;
  return {
    type: 'insertExtra',
    index: target.index,
    block: {
      id: newId(),
      kind: block.kind,
      reusableBlockId: block.id,
      content: block.content,
    } as never,
  };
}

/** The item a drag carries (from the library, or as a block in the issue), if it carries one. */
export function draggedItemId(doc: IssueDocument, source: DragSource): number | null {
  if (source.type === 'library') return source.itemId;
  const block = source.type === 'block' ? findBlock(doc, source.blockId) : null;
  return block && (block.kind === 'item' || block.kind === 'lead') ? block.itemId : null;
}

/**
 * "No, the theme stays": an item the editor placed in another theme's section goes to the end of
 * its own theme's section, so readers who follow only that other theme do not get it. Null when
 * the item is not in `placedIn` (the editor already moved it) or has no section of its own.
 */
export function keepThemeOperation(
  doc: IssueDocument,
  itemId: number,
  placedIn: number,
  ownTheme: number,
): Operation | null {
  const block = doc.sections
    .find((s) => s.themeId === placedIn)
    ?.blocks.find((b) => b.itemId === itemId);
  if (!block || !doc.sections.some((s) => s.themeId === ownTheme)) return null;
  const to = sectionContainer(ownTheme);
  return {
    type: 'move',
    blockId: block.id,
    to: { container: to, index: containerLength(doc, to) },
  };
}

export type Names = {
  label: (id: UniqueIdentifier) => string;
  container: (container: ContainerId) => string;
};

export function containerName(
  container: ContainerId,
  themes: { id: number; name: string }[],
): string {
  if (container === 'lead') return 'het openingsitem';
  if (container === 'extras') return 'de vaste blokken';
  const themeId = themeOfContainer(container);
  return themes.find((t) => t.id === themeId)?.name ?? 'een sectie';
}

function place(doc: IssueDocument, names: Names, target: Location | null, moving: boolean): string {
  if (!target) return 'buiten het nummer';
  // While a block is moved within its own container, the count does not grow.
  const total = Math.max(
    containerLength(doc, target.container) + (moving ? 0 : 1),
    target.index + 1,
  );
  return `positie ${target.index + 1} van ${total} in ${names.container(target.container)}`;
}

/** Dutch screen-reader announcements for every step of a drag, by mouse or keyboard. */
export function announcements(doc: () => IssueDocument, names: Names): Announcements {
  const moving = (id: UniqueIdentifier, target: Location | null) =>
    dragSource(id).type === 'block' &&
    !!target &&
    locate(doc(), String(id))?.container === target.container;
  const pickedUp = (id: UniqueIdentifier) => {
    const source = dragSource(id);
    if (source.type !== 'block') return `${names.label(id)} opgepakt uit de bibliotheek.`;
    return `${names.label(id)} opgepakt. ${capital(place(doc(), names, locate(doc(), source.blockId), true))}.`;
  };
  return {
    onDragStart({ active }) {
      return pickedUp(active.id);
    },
    onDragOver({ active, over }) {
      // Over its own place (as right after picking up): say again where it is.
      if (over?.id === active.id) return pickedUp(active.id);
      const target = dropTarget(doc(), over?.id);
      return target
        ? `${names.label(active.id)} boven ${place(doc(), names, target, moving(active.id, target))}.`
        : `${names.label(active.id)} is niet boven een plek in het nummer.`;
    },
    onDragEnd({ active, over }) {
      const target = dropTarget(doc(), over?.id);
      return target
        ? `${names.label(active.id)} neergezet op ${place(doc(), names, target, moving(active.id, target))}.`
        : `${names.label(active.id)} neergezet buiten het nummer; er is niets veranderd.`;
    },
    onDragCancel({ active }) {
      return `Verplaatsen geannuleerd. ${names.label(active.id)} staat weer op zijn oude plek.`;
    },
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const screenReaderInstructions = {
  draggable:
    'Druk op spatie of Enter om dit op te pakken. Verplaats het met de pijltjestoetsen, zet het neer met spatie of Enter, of annuleer met Escape.',
};

type Rect = { top: number; bottom: number; left: number };

/**
 * The places a keyboard drag steps through, top to bottom: every block (its own place) and
 * the end of every zone, limited to where the dragged thing may go.
 */
export function keyboardSlots(
  doc: IssueDocument,
  activeId: UniqueIdentifier,
  rects: Map<UniqueIdentifier, Rect>,
): UniqueIdentifier[] {
  const source = dragSource(activeId);
  const block = source.type === 'block' ? locate(doc, source.blockId) : null;
  const extrasOnly = source.type === 'reusable' || block?.container === 'extras';
  const allowed = (id: UniqueIdentifier) => {
    const container = isZone(id) ? String(id) : locate(doc, String(id))?.container;
    if (!container) return false;
    return extrasOnly ? container === 'extras' : container !== 'extras';
  };
  return [...rects.entries()]
    .filter(([id]) => allowed(id))
    .map(([id, rect]) => ({ id, key: isZone(id) ? rect.bottom : rect.top }))
    .sort((a, b) => a.key - b.key)
    .map((slot) => slot.id);
}
