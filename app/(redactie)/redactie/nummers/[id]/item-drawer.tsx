'use client';

import { useEffect, useState } from 'react';
import { ItemForm } from '@/components/item-form';
import { SidePanel } from '@/components/side-panel';
import { idle, type ActionState } from '@/lib/action-state';
import type { BuilderData, LibraryItem } from '@/lib/issue/load-builder';
import {
  createLibraryItem,
  openLibraryItem,
  updateLibraryItem,
  type OpenedItem,
} from './library-actions';
import type { ItemDrawerState, Library } from './use-library';

type Data = Pick<BuilderData, 'issue' | 'themes' | 'images'>;

/** The item form of the items pages, with this issue's newsletter fixed. */
function DrawerForm({
  data,
  library,
  mode,
  opened,
}: {
  data: Data;
  library: Library;
  mode: ItemDrawerState['mode'];
  opened?: OpenedItem;
}) {
  const { issue } = data;
  const save = async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    const start = idle as ActionState<LibraryItem>;
    const result =
      mode === 'create'
        ? await createLibraryItem(start, form)
        : await updateLibraryItem(start, form);
    if (result.status === 'ok' && result.data)
      library.saved(result.data, mode, result.message ?? 'Het item is opgeslagen.');
    return result;
  };
  return (
    <ItemForm
      variant="panel"
      action={save}
      newsletters={[
        {
          id: issue.newsletterId,
          slug: issue.newsletterSlug,
          name: issue.newsletterName,
          themes: opened?.themes ?? data.themes,
        },
      ]}
      newsletterId={issue.newsletterId}
      item={opened?.item}
      hidden={opened ? { id: opened.item.id } : { issueId: issue.id }}
      images={data.images}
    />
  );
}

/** Opens the placed item on the server: its full text and the version to save over. */
function EditBody({ data, library, itemId }: { data: Data; library: Library; itemId: number }) {
  const [opened, setOpened] = useState<ActionState<OpenedItem> | null>(null);
  useEffect(() => {
    let current = true;
    void openLibraryItem(idle as ActionState<OpenedItem>, { itemId }).then((result) => {
      if (current) setOpened(result);
    });
    return () => {
      current = false;
    };
  }, [itemId]);
  if (!opened) return <p className="text-sm text-muted">Item wordt geladen...</p>;
  if (opened.status !== 'ok' || !opened.data)
    return (
      <p role="alert" className="text-sm font-semibold text-danger">
        {opened.message ?? 'Het item kon niet worden geopend.'}
      </p>
    );
  return (
    <>
      {data.issue.status === 'approved' ? (
        <p className="mb-4 rounded-md border border-amber-300 bg-warning-50 px-3 py-2 text-sm text-warning">
          Dit nummer is goedgekeurd: de e-mail houdt de goedgekeurde tekst. Uw wijziging geldt voor
          de bibliotheek en komt pas in dit nummer na een nieuwe goedkeuring.
        </p>
      ) : null}
      <DrawerForm data={data} library={library} mode="edit" opened={opened.data} />
    </>
  );
}

/**
 * The side panel of the builder: a new item for the library, or the text of a placed item,
 * written with the same form and the same checks as on the items pages.
 */
export function ItemDrawer({ data, library }: { data: Data; library: Library }) {
  const { drawer } = library;
  if (!drawer) return null;
  return (
    <SidePanel
      title={drawer.mode === 'create' ? 'Nieuw item' : 'Tekst bewerken'}
      onClose={library.closeDrawer}
    >
      {drawer.mode === 'create' ? (
        <DrawerForm data={data} library={library} mode="create" />
      ) : (
        <EditBody key={drawer.itemId} data={data} library={library} itemId={drawer.itemId} />
      )}
    </SidePanel>
  );
}
