'use client';

import type { UniqueIdentifier } from '@dnd-kit/core';
import type { IssueDocument } from '@/lib/issue/document';
import type { LibraryItem } from '@/lib/issue/load-builder';
import type { ImageChoice } from '@/lib/media/library';
import { sectionContainer, type Operation } from '@/lib/issue/operations';
import { ExtraEditor, ItemSummary, SmallButton, SortableBlock, Zone } from './blocks';

const newId = () => crypto.randomUUID();

type Props = {
  doc: IssueDocument;
  apply: (op: Operation) => void;
  label: (id: UniqueIdentifier) => string;
  items: Map<number, LibraryItem>;
  themeName: (themeId: number) => string;
  /** The newsletter's media library, for image blocks. */
  images: ImageChoice[];
  newsletterSlug: string;
  /** "Tekst bewerken" on a placed item: opens the builder's side panel with its fields. */
  onEditItem?: (itemId: number) => void;
};

/** Opens the placed item's fields in the side panel, where its text is saved to the library. */
function EditItemButton({
  id,
  itemId,
  label,
  onEditItem,
}: Pick<Props, 'label' | 'onEditItem'> & { id: string; itemId: number }) {
  if (!onEditItem) return null;
  return (
    <SmallButton label={`Tekst bewerken van ${label(id)}`} onClick={() => onEditItem(itemId)}>
      Tekst bewerken
    </SmallButton>
  );
}

/** A placed item's buttons, stacked so that its title keeps its width in a narrow column. */
function ItemActions({
  id,
  itemId,
  label,
  apply,
  onEditItem,
}: Pick<Props, 'label' | 'apply' | 'onEditItem'> & { id: string; itemId: number }) {
  return (
    <span className="flex flex-col items-stretch gap-1">
      <EditItemButton id={id} itemId={itemId} label={label} onEditItem={onEditItem} />
      <RemoveButton id={id} label={label} apply={apply} />
    </span>
  );
}

function RemoveButton({ id, label, apply }: Pick<Props, 'label' | 'apply'> & { id: string }) {
  return (
    <SmallButton
      label={`Verwijder ${label(id)}`}
      onClick={() => apply({ type: 'remove', blockId: id })}
    >
      Verwijderen
    </SmallButton>
  );
}

function LeadZone({ doc, apply, label, items, themeName, onEditItem }: Props) {
  const lead = doc.lead;
  return (
    <Zone
      id="lead"
      title="Openingsitem"
      ids={lead ? [lead.id] : []}
      empty="Sleep hier het openingsitem naartoe."
    >
      {lead ? (
        <SortableBlock
          id={lead.id}
          label={label(lead.id)}
          actions={
            <ItemActions
              id={lead.id}
              itemId={lead.itemId}
              label={label}
              apply={apply}
              onEditItem={onEditItem}
            />
          }
        >
          <ItemSummary
            item={items.get(lead.itemId)}
            themeName={themeName(items.get(lead.itemId)?.themeId ?? 0)}
            showTheme
          />
        </SortableBlock>
      ) : null}
    </Zone>
  );
}

function SectionZone({
  section,
  apply,
  label,
  items,
  themeName,
  onEditItem,
}: Omit<Props, 'doc'> & { section: IssueDocument['sections'][number] }) {
  return (
    <Zone
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
            <ItemActions
              id={block.id}
              itemId={block.itemId}
              label={label}
              apply={apply}
              onEditItem={onEditItem}
            />
          }
        >
          <ItemSummary item={items.get(block.itemId)} />
        </SortableBlock>
      ))}
    </Zone>
  );
}

const extraKinds = { text: 'Tekstblok', cta: 'Oproep met knop', image: 'Afbeelding' } as const;

function ExtrasZone({
  doc,
  apply,
  label,
  images,
  newsletterSlug,
}: Pick<Props, 'doc' | 'apply' | 'label' | 'images' | 'newsletterSlug'>) {
  const addImage = () =>
    apply({
      type: 'insertExtra',
      block: {
        id: newId(),
        kind: 'image',
        reusableBlockId: null,
        content: { mediaId: null, caption: '', link: null },
      },
      index: doc.extras.length,
    });
  return (
    <Zone
      id="extras"
      title="Vaste blokken"
      ids={doc.extras.map((b) => b.id)}
      empty="Sleep een vast blok hierheen, of voeg een afbeelding toe."
      footer={
        <SmallButton label="Afbeelding toevoegen aan het nummer" onClick={addImage}>
          Afbeelding toevoegen
        </SmallButton>
      }
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
                onClick={() => apply({ type: 'duplicate', blockId: block.id, newId: newId() })}
              >
                Dupliceren
              </SmallButton>
              <RemoveButton id={block.id} label={label} apply={apply} />
            </>
          }
          heading={
            <p className="py-1 text-xs font-semibold text-muted uppercase">
              {extraKinds[block.kind]}
            </p>
          }
        >
          <ExtraEditor
            block={block}
            images={images}
            newsletterSlug={newsletterSlug}
            onChange={(content) => apply({ type: 'updateExtra', blockId: block.id, content })}
          />
        </SortableBlock>
      ))}
    </Zone>
  );
}

/** The issue's containers in reading order: lead, a section per theme, extra blocks, footer. */
export function IssueZones(props: Props) {
  const { doc } = props;
  return (
    <>
      <LeadZone {...props} />
      {doc.sections.map((section) => (
        <SectionZone key={section.themeId} section={section} {...props} />
      ))}
      <ExtrasZone {...props} />
      <section
        aria-label="Voettekst"
        className="rounded-lg border border-line bg-white p-4 text-sm text-muted"
      >
        <h3 className="mb-1 text-sm font-bold tracking-wide text-brand-700 uppercase">Voettekst</h3>
        {doc.footer
          ? 'Contact, afmelden, gegevens wijzigen en disclaimer, uit de instellingen van de nieuwsbrief.'
          : 'Geen voettekst in dit nummer.'}
      </section>
    </>
  );
}
