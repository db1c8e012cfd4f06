import type { SentItem } from '@/db/schema';
import { ctaContent, textContent, type WrittenBlock } from '@/lib/issue/document';
import { itemInput, itemValues } from '@/lib/items/schema';
import type { RichDoc } from '@/lib/richtext/doc';
import { toPlainText } from '@/lib/richtext/plain';

// Checks each submitted item and block by the rules of its own form and lists what changes,
// field by field, for the page's "gecorrigeerd" note and the audit log.

export const correctableFields = [
  'title',
  'teaserDoc',
  'url',
  'eventDate',
  'startTime',
  'endTime',
  'location',
  'online',
  'registrationUrl',
] as const;
type Field = (typeof correctableFields)[number];

export const fieldLabels: Record<Field | 'subject' | 'preheader', string> = {
  subject: 'Onderwerp',
  preheader: 'Preheader',
  title: 'Titel',
  teaserDoc: 'Teaser',
  url: 'Link',
  eventDate: 'Datum',
  startTime: 'Begintijd',
  endTime: 'Eindtijd',
  location: 'Plaats',
  online: 'Online',
  registrationUrl: 'Aanmeldlink',
};

const blockFieldLabels: Record<string, string> = {
  title: 'Titel',
  body: 'Tekst',
  buttonLabel: 'Knoptekst',
  buttonUrl: 'Knoplink',
};

type Extra = WrittenBlock;
type Submitted = Record<string, Record<string, unknown>>;

export type Change = { field: string; item: string | null; before: string; after: string };
/** What the checks found so far: every field error at once, and every change in order. */
export type Findings = { changes: Change[]; fieldErrors: Record<string, string> };
export type ItemUpdate = { itemId: number; values: Partial<SentItem> };
export type BlockUpdate = { id: string; content: Record<string, unknown> };

const isDoc = (value: unknown): value is RichDoc =>
  typeof value === 'object' && value !== null && (value as RichDoc).type === 'doc';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const shown = (value: unknown) =>
  isDoc(value)
    ? toPlainText(value)
    : value === true
      ? 'ja'
      : value === false
        ? 'nee'
        : value == null
          ? ''
          : String(value);

const errorsOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ field: String(i.path[0] ?? 'title'), message: i.message }));

/** The corrected content of a text or call-to-action block, by the builder's own schema. */
function correctedBlock(block: Extra, submitted: Record<string, unknown>) {
  const parsed = (block.kind === 'text' ? textContent : ctaContent).safeParse({
    ...block.content,
    ...submitted,
  });
  if (!parsed.success) return { errors: errorsOf(parsed.error.issues) };
  return { content: parsed.data as Record<string, unknown> };
}

/** The corrected values of one sent item, checked by the same rules as the item form. */
function correctedItem(stored: SentItem, submitted: Record<string, unknown>) {
  // The form posts the teaser document as `teaser`; unsent, the stored document stands.
  const merged: Record<string, unknown> = {
    ...stored,
    teaser: stored.teaserDoc,
    ...submitted,
    kind: stored.kind,
    themeId: stored.themeId,
  };
  for (const field of correctableFields) if (merged[field] === null) merged[field] = '';
  const parsed = itemInput.safeParse(merged);
  if (!parsed.success) return { errors: errorsOf(parsed.error.issues) };
  return { values: itemValues(parsed.data) };
}

/** The items' updates, or null when one of them is not in this issue. */
export function itemCorrections(
  stored: Map<number, SentItem>,
  submitted: Submitted,
  found: Findings,
): ItemUpdate[] | null {
  const updates: ItemUpdate[] = [];
  for (const [id, fields] of Object.entries(submitted)) {
    const item = stored.get(Number(id));
    if (!item) return null;
    const result = correctedItem(item, fields);
    if (result.errors) {
      for (const e of result.errors) found.fieldErrors[`item.${id}.${e.field}`] ??= e.message;
      continue;
    }
    const values: Partial<SentItem> = {};
    for (const field of correctableFields) {
      const after = result.values[field];
      if (same(after, item[field])) continue;
      (values as Record<string, unknown>)[field] = after;
      // The plain words of the teaser (search, feed) follow its document.
      if (field === 'teaserDoc') values.teaser = result.values.teaser;
      found.changes.push({
        field: fieldLabels[field],
        item: item.title,
        before: shown(item[field]),
        after: shown(after),
      });
    }
    if (Object.keys(values).length) updates.push({ itemId: item.itemId, values });
  }
  return updates;
}

/** The text and call-to-action blocks' updates, or null when one of them is not in this issue. */
export function blockCorrections(
  extras: Map<string, Extra>,
  submitted: Submitted,
  found: Findings,
): BlockUpdate[] | null {
  const updates: BlockUpdate[] = [];
  for (const [id, fields] of Object.entries(submitted)) {
    const block = extras.get(id);
    if (!block) return null;
    const result = correctedBlock(block, fields);
    if (result.errors) {
      for (const e of result.errors) found.fieldErrors[`block.${id}.${e.field}`] ??= e.message;
      continue;
    }
    const before = block.content as Record<string, unknown>;
    const changed = Object.keys(result.content).filter(
      (field) => !same(result.content[field], before[field]),
    );
    for (const field of changed)
      found.changes.push({
        field: blockFieldLabels[field] ?? field,
        item: typeof before.title === 'string' ? before.title : null,
        before: shown(before[field]),
        after: shown(result.content[field]),
      });
    if (changed.length) updates.push({ id, content: result.content });
  }
  return updates;
}
