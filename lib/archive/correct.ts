import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { issueBlocks, issues, newsletters, sentItems } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { blockId, isWritten, preheaderText, subjectText } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import { sentItemsOf, sentThemeNames } from '@/lib/issue/sent-items';
import { z } from '@/lib/validation';
import {
  blockCorrections,
  fieldLabels,
  itemCorrections,
  type BlockUpdate,
  type Change,
  type Findings,
  type ItemUpdate,
} from './correct-changes';
import { formValue, nestFields } from './correct-form';
import { archivePaths } from './paths';
import { indexSentIssue } from './search';
import { issueTitle } from '@/lib/newsletters/title';

/**
 * Corrections to a sent issue's web version: a typo, a dead link, a wrong time. They change
 * the issue as sent (`issues.subject`/`preheader`, `sent_items`, the content of its text and
 * call-to-action blocks), never the library item, the reusable block or a mail already delivered. The page then says "gecorrigeerd op" with the editor's note, search
 * is re-indexed, and the audit log keeps every field's before and after.
 */

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

export type CorrectionResult =
  | { ok: true; changes: Change[]; paths: string[] }
  | {
      ok: false;
      status: 'invalid' | 'conflict';
      message: string;
      fieldErrors?: Record<string, string>;
    };
type Failure = Extract<CorrectionResult, { ok: false }>;

const invalid = (message: string): Failure => ({ ok: false, status: 'invalid', message });
const conflict = (message: string): Failure => ({ ok: false, status: 'conflict', message });

/** The issue to correct, or why it cannot be: unknown, not sent, or corrected by someone else meanwhile. */
function correctableIssue(tx: Tx, input: CorrectionInput) {
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
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, input.issueId))
    .get();
  if (!issue) return invalid('Dit nummer bestaat niet.');
  if (issue.status !== 'sent')
    return conflict('Alleen een verzonden nummer kan worden gecorrigeerd.');
  if (issue.version !== input.version)
    return conflict(
      'Iemand anders heeft dit nummer intussen gecorrigeerd. Laad de pagina opnieuw; uw wijzigingen zijn niet opgeslagen.',
    );
  return issue;
}
type Issue = Exclude<ReturnType<typeof correctableIssue>, Failure>;

/** Writes a checked correction: the items as sent, the blocks, the issue, its search rows, the log. */
function applyCorrection(
  tx: Tx,
  correction: {
    issue: Issue;
    input: CorrectionInput;
    actor: AuditActor & { id: string };
    now: Date;
    items: ItemUpdate[];
    blocks: BlockUpdate[];
    changes: Change[];
  },
): void {
  const { issue, input, actor, now, changes } = correction;
  for (const u of correction.items) {
    tx.update(sentItems)
      .set(u.values)
      .where(and(eq(sentItems.issueId, issue.id), eq(sentItems.itemId, u.itemId)))
      .run();
  }
  for (const b of correction.blocks) {
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
      // Read in this transaction and checked against the form's version above.
      version: issue.version + 1,
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
    summary: `${issueTitle({ name: issue.newsletterName, titlePattern: issue.titlePattern }, issue.number)}: webversie gecorrigeerd (${changes.length} ${changes.length === 1 ? 'wijziging' : 'wijzigingen'}). Toelichting: ${input.note}`,
    details: { note: input.note, changes },
  });
}

export function correctSentIssue(
  tx: Tx,
  input: CorrectionInput,
  actor: AuditActor & { id: string },
  now = new Date(),
): CorrectionResult {
  const issue = correctableIssue(tx, input);
  if ('ok' in issue) return issue;

  const found: Findings = { changes: [], fieldErrors: {} };
  if (input.note.length < 3)
    found.fieldErrors.note =
      'Leg kort uit wat u corrigeert; het staat bij de correctie op de webpagina.';
  const items = itemCorrections(sentItemsOf(tx, issue.id), input.items, found);
  if (!items) return invalid('Een van de items hoort niet bij dit nummer.');
  const extras = new Map(
    loadIssueDocument(tx, issue.id)!
      .document.extras.filter(isWritten)
      .map((b) => [b.id, b]),
  );
  const blocks = blockCorrections(extras, input.blocks, found);
  if (!blocks) return invalid('Een van de blokken hoort niet bij dit nummer.');
  if (Object.keys(found.fieldErrors).length)
    return { ...invalid('Controleer de gemarkeerde velden.'), fieldErrors: found.fieldErrors };

  const { changes } = found;
  for (const field of ['subject', 'preheader'] as const) {
    if (input[field] !== issue[field])
      changes.unshift({
        field: fieldLabels[field],
        item: null,
        before: issue[field],
        after: input[field],
      });
  }
  if (!changes.length) return invalid('Er is niets gewijzigd: pas eerst een tekst of link aan.');

  applyCorrection(tx, { issue, input, actor, now, items, blocks, changes });
  return { ok: true, changes, paths: archivePaths(issue.newsletterSlug, issue.slug) };
}

/** A sent issue as the correction form shows it: its text as sent, items in the mail's order. */
export function correctionDraft(database: Db, issueId: number) {
  const loaded = loadIssueDocument(database, issueId);
  if (!loaded || loaded.issue.status !== 'sent') return null;
  const { issue, document, themes } = loaded;
  const sent = sentItemsOf(database, issueId);
  const sentNames = sentThemeNames(database, issueId);
  const pick = (ids: number[]) => ids.flatMap((id) => (sent.has(id) ? [sent.get(id)!] : []));
  const groups = [
    ...(document.lead ? [{ heading: 'Openingsartikel', items: pick([document.lead.itemId]) }] : []),
    ...document.sections.map((s) => ({
      heading: sentNames.get(s.themeId) ?? themes.find((t) => t.id === s.themeId)?.name ?? 'Thema',
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
      title: issueTitle(issue.newsletter, issue.number),
      newsletterSlug: issue.newsletter.slug,
    },
    groups,
    // Images have nothing to correct in words.
    extras: document.extras.filter(isWritten),
  };
}
