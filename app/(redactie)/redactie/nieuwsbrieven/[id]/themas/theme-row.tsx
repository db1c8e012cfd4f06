'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge } from '@/components/status-badge';
import { ButtonForm, DeleteThemeForm, RenameThemeForm } from './theme-forms';
import { archiveThemeAction, moveThemeAction, restoreThemeAction } from './actions';

export type ThemeView = {
  id: number;
  name: string;
  archived: boolean;
  items: number;
  followers: number;
  deletable: boolean;
};

const handleClass =
  'cursor-grab touch-none rounded border border-gray-400 bg-white px-2 py-1 text-sm font-semibold text-ink hover:bg-brand-50 active:cursor-grabbing';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One theme: its grip for dragging, its counts, and what an admin can do with it. */
export function ThemeRow({
  newsletterId,
  theme,
  first,
  last,
}: {
  newsletterId: number;
  theme: ThemeView;
  first: boolean;
  last: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    useSortable({ id: theme.id, attributes: { roleDescription: 'versleepbaar thema' } });
  const hidden = { newsletterId, themeId: theme.id };
  return (
    <li
      ref={setNodeRef}
      data-theme={theme.name}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className="rounded-md border border-line bg-white p-3"
    >
      <div className="flex flex-wrap items-start gap-3">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className={handleClass}
          {...attributes}
          {...listeners}
          aria-label={`Verplaats ${theme.name}`}
        >
          ⠿
        </button>
        <div className="min-w-48 flex-1">
          <p className="font-semibold">
            {theme.name} {theme.archived ? <Badge tone="warning">Gearchiveerd</Badge> : null}
          </p>
          <p className="text-sm text-muted">
            {plural(theme.items, 'item', 'items')} · {plural(theme.followers, 'volger', 'volgers')}
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          <ButtonForm
            action={moveThemeAction}
            fields={{ ...hidden, direction: 'up' }}
            disabled={first}
            label={`Omhoog`}
            srLabel={` ${theme.name} één plek omhoog`}
          />
          <ButtonForm
            action={moveThemeAction}
            fields={{ ...hidden, direction: 'down' }}
            disabled={last}
            label="Omlaag"
            srLabel={` ${theme.name} één plek omlaag`}
          />
          {theme.archived ? (
            <ButtonForm
              action={restoreThemeAction}
              fields={hidden}
              label="Terugzetten"
              srLabel={` ${theme.name}`}
            />
          ) : (
            <ButtonForm
              action={archiveThemeAction}
              fields={hidden}
              label="Archiveren"
              srLabel={` ${theme.name}`}
            />
          )}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-4 border-t border-line pt-3">
        <RenameThemeForm newsletterId={newsletterId} theme={theme} />
        {theme.deletable ? <DeleteThemeForm newsletterId={newsletterId} theme={theme} /> : null}
      </div>
    </li>
  );
}
