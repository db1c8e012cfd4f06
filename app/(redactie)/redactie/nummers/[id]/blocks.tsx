'use client';

import type { ImageChoice } from '@/lib/media/library';
import { ImageBlockEditor } from './image-block-editor';
import { RichTextField } from '@/components/rich-text/rich-text-field';
import { GREETING_HINT } from '@/lib/email/greeting';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type { ExtraBlock } from '@/lib/issue/document';
import type { LibraryItem } from '@/lib/issue/load-builder';
import { itemKindLabels, eventSummary } from '@/lib/items/labels';

/** The grip that carries a block's drag listeners (also used in the library). */
export const dragHandleClass =
  'cursor-grab touch-none rounded border border-gray-400 bg-white px-2 py-1 text-sm font-semibold text-ink hover:bg-brand-50 active:cursor-grabbing';

/** A drop zone (the lead slot, a theme section, the extra blocks) with its sortable blocks. */
export function Zone({
  id,
  title,
  ids,
  empty,
  footer,
  children,
}: {
  id: string;
  title: string;
  ids: string[];
  empty: string;
  /** Under the list: what adds a block without dragging one. */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section aria-label={title} className="rounded-lg border border-line bg-white p-4">
      <h3 className="mb-2 text-sm font-bold tracking-wide text-brand-700 uppercase">{title}</h3>
      <SortableContext id={id} items={ids} strategy={verticalListSortingStrategy}>
        <ul
          ref={setNodeRef}
          data-zone={id}
          className={`min-h-14 space-y-2 rounded-md pb-6 ${isOver ? 'bg-brand-50 ring-2 ring-brand-600' : ''}`}
        >
          {children}
          {ids.length === 0 ? (
            <li className="rounded-md border-2 border-dashed border-gray-400 px-3 py-3 text-sm text-muted">
              {empty}
            </li>
          ) : null}
        </ul>
      </SortableContext>
      {footer}
    </section>
  );
}

/** One block in the issue. The drag handle, not the whole card, carries the sortable roles (axe). */
export function SortableBlock({
  id,
  label,
  children,
  actions,
  heading,
}: {
  id: string;
  label: string;
  children: ReactNode;
  actions?: ReactNode;
  /**
   * For a block edited in place: the line beside the handle and the buttons, with the fields
   * below it at the block's full width (beside the buttons they were squeezed to a few words).
   */
  heading?: ReactNode;
}) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      data-block={id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`rounded-md border border-line bg-white p-3 ${isDragging ? 'opacity-50' : ''}`}
    >
      <div className="flex items-start gap-3">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className={dragHandleClass}
          {...attributes}
          {...listeners}
          aria-label={`Verplaats ${label}`}
        >
          ⠿
        </button>
        <div className="min-w-0 flex-1">{heading ?? children}</div>
        {actions ? (
          <div className="flex shrink-0 flex-wrap justify-end gap-1">{actions}</div>
        ) : null}
      </div>
      {heading ? <div className="@container mt-2">{children}</div> : null}
    </li>
  );
}

export function ItemSummary({
  item,
  themeName,
  showTheme,
}: {
  item: LibraryItem | undefined;
  themeName?: string;
  showTheme?: boolean;
}) {
  if (!item) return <p className="text-sm text-danger">Dit item bestaat niet meer.</p>;
  return (
    <div>
      <p className="text-xs font-semibold text-muted uppercase">
        {itemKindLabels[item.kind]}
        {showTheme && themeName ? ` · ${themeName}` : ''}
      </p>
      <p className="font-semibold" data-title>
        {item.title}
      </p>
      {item.kind === 'event' ? <p className="text-sm text-muted">{eventSummary(item)}</p> : null}
    </div>
  );
}

const input = 'mt-1 block w-full rounded-md border border-gray-500 px-2 py-1 text-sm';

/** Text, call-to-action and image blocks are edited where they stand. */
export function ExtraEditor({
  block,
  images,
  newsletterSlug,
  onChange,
}: {
  block: ExtraBlock;
  images: ImageChoice[];
  newsletterSlug: string;
  onChange: (content: ExtraBlock['content']) => void;
}) {
  if (block.kind === 'image')
    return (
      <ImageBlockEditor
        block={block}
        images={images}
        newsletterSlug={newsletterSlug}
        onChange={onChange}
      />
    );
  const field = (name: string, label: string, value: string, multiline = false) => {
    const id = `${block.id}-${name}`;
    const change = (v: string) =>
      onChange({ ...block.content, [name]: v } as ExtraBlock['content']);
    return (
      <div key={name}>
        <label htmlFor={id} className="block text-xs font-semibold">
          {label}
        </label>
        {multiline ? (
          <textarea
            id={id}
            className={input}
            rows={4}
            value={value}
            onChange={(e) => change(e.target.value)}
          />
        ) : (
          <input id={id} className={input} value={value} onChange={(e) => change(e.target.value)} />
        )}
      </div>
    );
  };
  return (
    <div className="space-y-2">
      {field('title', 'Titel', block.content.title)}
      {block.kind === 'text' ? (
        <RichTextField
          id={`${block.id}-body`}
          name="body"
          label="Tekst"
          hint={GREETING_HINT}
          headings
          maxChars={5000}
          required
          defaultValue={block.content.body}
          onChange={(body) => onChange({ ...block.content, body })}
        />
      ) : (
        field('body', 'Tekst', block.content.body, true)
      )}
      {block.kind === 'cta' ? (
        <div className="grid gap-2 @md:grid-cols-2">
          {field('buttonLabel', 'Knoptekst', block.content.buttonLabel)}
          {field('buttonUrl', 'Knoplink', block.content.buttonUrl)}
        </div>
      ) : null}
    </div>
  );
}

export function SmallButton({
  children,
  onClick,
  label,
}: {
  children: ReactNode;
  onClick: () => void;
  label: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className="rounded border border-gray-400 bg-white px-2 py-1 text-xs font-semibold hover:bg-brand-50"
    >
      {children}
    </button>
  );
}
