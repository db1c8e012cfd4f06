import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { issueBlocks, issues, newsletters, sentItems, type SentItem } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import {
  blockId,
  ctaContent,
  preheaderText,
  subjectText,
  textContent,
  type IssueDocument,
} from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load-builder';
import { itemInput, itemValues } from '@/lib/items/schema';
import { z } from '@/lib/validation';
import { archivePaths } from './paths';
import { indexSentIssue } from './search';
import { sentItemsOf } from '@/lib/issue/sent-items';

/**
 * Corrections to a sent issue's web version: a typo, a dead link, a wrong time. They change
 * the issue as sent (`issues.subject`/`preheader`, `sent_items`, the content of its text and
 * call-to-action blocks), never the library item, the reusable block or a mail already delivered. The page then says "gecorrigeerd op" with the editor's note, search
 * is re-indexed, and the audit log keeps every field's before and after.
 */

export const correctableFields = [
  'title',
  'teaser',
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
  teaser: 'Teaser',
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

type Extra = IssueDocument['extras'][number];

/** The corrected content of a text or call-to-action block, by the builder's own schema. */
function correctedBlock(block: Extra, submitted: Record<string, unknown>) {
  const parsed = (block.kind === 'text' ? textContent : ctaContent).safeParse({
    ...block.content,
    ...submitted,
  });
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((i) => ({
        field: String(i.path[0] ?? 'title'),
        message: i.message,
      })),
    };
  return { content: parsed.data as Record<string, string> };
}

const nestedKey = /^(item|block)\.([A-Za-z0-9_-]{1,64})\.([a-zA-Z]+)$/;

/** Form fields named `item.<id>.<field>` and `block.<id>.<field>` become `items`/`blocks: { <id>: { <field>: value } }`. */
function nestFields(value: unknown) {
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const nested: Record<'item' | 'block', Record<string, Record<string, unknown>>> = {
    item: {},
    block: {},
  };
  for (const [key, v] of Object.entries(value)) {
    const match = nestedKey.exec(key);
    // A checkbox comes with a hidden '' before it (so unticking is sent too): the last value counts.
    if (match)
      (nested[match[1] as 'item' | 'block'][match[2]!] ??= {})[match[3]!] = Array.isArray(v)
        ? v.at(-1)
        : v;
    else out[key] = v;
  }
  for (const [name, fields] of [
    ['items', nested.item],
    ['blocks', nested.block],
  ] as const) {
    const given = out[name];
    out[name] = given && typeof given === 'object' ? { ...given, ...fields } : fields;
  }
  return out;
}

// Browsers send a textarea's line breaks as CRLF; stored text has LF, and an untouched field must not count as a change.
const formValue = z.union([
  z
    .string()
    .max(5000, 'Deze tekst is te lang.')
    .transform((v) => v.replace(/\r\n?/g, '\n')),
  z.boolean(),
]);

export const correctionInput = z.preprocess(
  nestFields,
  z.object({
    issueId: z.coerce.number({ error: 'Onbekend nummer.' }).int().positive('Onbekend nummer.'),
    version: z.coerce.number({ error: 'Onbekende versie.' }).int().positive('Onbekende versie.'),
    subject: subjectText.pipe(z.string().min(1, 'Vul een onderwerp in.')),
    preheader: preheaderText,
    // Its minimum is checked with the items (correctSentIssue), so every problem shows at once.
    note: z
      .string()
      .trim()
      .default('')
      .pipe(z.string().max(300, 'Een toelichting mag hoogstens 300 tekens hebben.'))
      .refine((v) => !/<\/?[a-z!][^>]*>/i.test(v), 'De toelichting mag geen HTML bevatten.'),
    items: z.record(z.string().regex(/^\d+$/), z.record(z.string(), formValue)).default({}),
    blocks: z.record(blockId, z.record(z.string(), formValue)).default({}),
  }),
);
export type CorrectionInput = z.output<typeof correctionInput>;

export type Change = { field: string; item: string | null; before: string; after: string };
export type CorrectionResult =
  | { ok: true; changes: Change[]; paths: string[] }
  | {
      ok: false;
      status: 'invalid' | 'conflict';
      message: string;
      fieldErrors?: Record<string, string>;
    };

const shown = (value: unknown) =>
  value === true ? 'ja' : value === false ? 'nee' : value == null ? '' : String(value);

/** The corrected values of one sent item, checked by the same rules as the item form. */
function correctedItem(stored: SentItem, submitted: Record<string, unknown>) {
  const merged: Record<string, unknown> = {
    ...stored,
    ...submitted,
    kind: stored.kind,
    themeId: stored.themeId,
  };
  for (const field of correctableFields) if (merged[field] === null) merged[field] = '';
  const parsed = itemInput.safeParse(merged);
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((i) => ({
        field: String(i.path[0] ?? 'title'),
        message: i.message,
      })),
    };
  return { values: itemValues(parsed.data) };
}

export function correctSentIssue(
  tx: Tx,
  input: CorrectionInput,
  actor: AuditActor & { id: string },
  now = new Date(),
): CorrectionResult {
  const issue = tx
    .select({
      id: issues.id,
      status: issues.status,
      version: issues.version,
      subject: issues.subject,
      preheader: issues.preheader,
      slug: issues.slug,
      number: issues.number,
      newsletterSlug: newsletters.slug,
      newsletterName: newsletters.name,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, input.issueId))
    .get();
  if (!issue) return { ok: false, status: 'invalid', message: 'Dit nummer bestaat niet.' };
  if (issue.status !== 'sent')
    return {
      ok: false,
      status: 'conflict',
      message: 'Alleen een verzonden nummer kan worden gecorrigeerd.',
    };
  if (issue.version !== input.version)
    return {
      ok: false,
      status: 'conflict',
      message:
        'Iemand anders heeft dit nummer intussen gecorrigeerd. Laad de pagina opnieuw; uw wijzigingen zijn niet opgeslagen.',
    };

  const stored = sentItemsOf(tx, issue.id);
  const fieldErrors: Record<string, string> = {};
  if (input.note.length < 3)
    fieldErrors.note = 'Leg kort uit wat u corrigeert; het staat bij de correctie op de webpagina.';
  const updates: { itemId: number; values: Partial<SentItem> }[] = [];
  const changes: Change[] = [];
  for (const [id, submitted] of Object.entries(input.items)) {
    const item = stored.get(Number(id));
    if (!item)
      return {
        ok: false,
        status: 'invalid',
        message: 'Een van de items hoort niet bij dit nummer.',
      };
    const result = correctedItem(item, submitted);
    if (result.errors) {
      for (const e of result.errors) fieldErrors[`item.${id}.${e.field}`] ??= e.message;
      continue;
    }
    const values: Partial<SentItem> = {};
    for (const field of correctableFields) {
      const after = result.values[field];
      if (after === item[field]) continue;
      (values as Record<string, unknown>)[field] = after;
      changes.push({
        field: fieldLabels[field],
        item: item.title,
        before: shown(item[field]),
        after: shown(after),
      });
    }
    if (Object.keys(values).length) updates.push({ itemId: item.itemId, values });
  }
  const extras = new Map(loadIssueDocument(tx, issue.id)!.document.extras.map((b) => [b.id, b]));
  const blockUpdates: { id: string; content: Record<string, string> }[] = [];
  for (const [id, submitted] of Object.entries(input.blocks)) {
    const block = extras.get(id);
    if (!block)
      return {
        ok: false,
        status: 'invalid',
        message: 'Een van de blokken hoort niet bij dit nummer.',
      };
    const result = correctedBlock(block, submitted);
    if (result.errors) {
      for (const e of result.errors) fieldErrors[`block.${id}.${e.field}`] ??= e.message;
      continue;
    }
    const before = block.content as Record<string, string>;
    const changed = Object.keys(result.content).filter(
      (field) => result.content[field] !== before[field],
    );
    for (const field of changed)
      changes.push({
        field: blockFieldLabels[field] ?? field,
        item: before.title ?? null,
        before: before[field] ?? '',
        after: result.content[field]!,
      });
    if (changed.length) blockUpdates.push({ id, content: result.content });
  }
  if (Object.keys(fieldErrors).length)
    return {
      ok: false,
      status: 'invalid',
      message: 'Controleer de gemarkeerde velden.',
      fieldErrors,
    };
  for (const field of ['subject', 'preheader'] as const) {
    if (input[field] !== issue[field])
      changes.unshift({
        field: fieldLabels[field],
        item: null,
        before: issue[field],
        after: input[field],
      });
  }
  if (!changes.length)
    return {
      ok: false,
      status: 'invalid',
      message: 'Er is niets gewijzigd: pas eerst een tekst of link aan.',
    };

  for (const u of updates) {
    tx.update(sentItems)
      .set(u.values)
      .where(and(eq(sentItems.issueId, issue.id), eq(sentItems.itemId, u.itemId)))
      .run();
  }
  for (const b of blockUpdates) {
    tx.update(issueBlocks)
      .set({ content: b.content })
      .where(and(eq(issueBlocks.issueId, issue.id), eq(issueBlocks.id, b.id)))
      .run();
  }
  tx.update(issues)
    .set({
      subject: input.subject,
      preheader: input.preheader,
      correctedAt: now,
      correctionNote: input.note,
      version: sql`${issues.version} + 1`,
      updatedBy: actor.id,
      updatedAt: now,
    })
    .where(eq(issues.id, issue.id))
    .run();
  indexSentIssue(tx, issue.id);
  recordAudit(tx, {
    actor,
    action: 'issue.corrected',
    entityType: 'issue',
    entityId: issue.id,
    summary: `${issue.newsletterName} ${issue.number}: webversie gecorrigeerd (${changes.length} ${changes.length === 1 ? 'wijziging' : 'wijzigingen'}). Toelichting: ${input.note}`,
    details: { note: input.note, changes },
  });
  return { ok: true, changes, paths: archivePaths(issue.newsletterSlug, issue.slug) };
}

/** A sent issue as the correction form shows it: its text as sent, items in the mail's order. */
export function correctionDraft(database: Db, issueId: number) {
  const loaded = loadIssueDocument(database, issueId);
  if (!loaded || loaded.issue.status !== 'sent') return null;
  const { issue, document, themes } = loaded;
  const sent = sentItemsOf(database, issueId);
  const pick = (ids: number[]) => ids.flatMap((id) => (sent.has(id) ? [sent.get(id)!] : []));
  const groups = [
    ...(document.lead ? [{ heading: 'Openingsartikel', items: pick([document.lead.itemId]) }] : []),
    ...document.sections.map((s) => ({
      heading: themes.find((t) => t.id === s.themeId)?.name ?? 'Thema',
      items: pick(s.blocks.map((b) => b.itemId)),
    })),
  ].filter((g) => g.items.length > 0);
  return {
    issue: {
      id: issue.id,
      number: issue.number,
      version: issue.version,
      slug: issue.slug,
      subject: document.subject,
      preheader: document.preheader,
      correctedAt: issue.correctedAt,
      correctionNote: issue.correctionNote,
      newsletterName: issue.newsletter.name,
      newsletterSlug: issue.newsletter.slug,
    },
    groups,
    extras: document.extras,
  };
}
