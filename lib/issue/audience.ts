import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { audiences, type Audience } from '@/lib/enums';
import { issueTitle } from '@/lib/newsletters/title';
import { recordId, z } from '@/lib/validation';
import { dropFrozenItems } from './sent-items';

// Who an issue goes to: every subscriber (null) or only the chosen audience groups, each reader
// still with the themes they follow. The send reads it in lib/send/plan.ts.

/** The groups as a sentence names them: "412 abonnees (griffiers)". */
export const audiencePlurals: Record<Audience, string> = {
  raadslid: 'raadsleden',
  griffier: 'griffiers',
  raadsadviseur: 'raadsadviseurs',
  commissielid: 'commissieleden',
  anders: 'overigen',
};

/** The choices of the form, in the enum's order. */
export const audienceChoices = audiences.map((value) => ({
  value,
  label:
    value === 'anders'
      ? 'Overigen (functie ‘Anders’)'
      : audiencePlurals[value][0]!.toUpperCase() + audiencePlurals[value].slice(1),
}));

/** "griffiers", "raadsleden en griffiers", "raadsleden, griffiers en overigen"; null: everyone. */
export function audienceGroupsLabel(groups: readonly Audience[] | null): string | null {
  if (!groups) return null;
  const names = audiences.filter((a) => groups.includes(a)).map((a) => audiencePlurals[a]);
  if (names.length <= 1) return names[0] ?? 'niemand';
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** The issue page's line: "Alle abonnees" or "Alleen griffiers". */
export const audienceSummary = (groups: readonly Audience[] | null): string =>
  groups ? `Alleen ${audienceGroupsLabel(groups)}` : 'Alle abonnees';

const NO_GROUP = 'Kies minstens één groep, of kies “Alle abonnees”.';

/** The form: everyone, or the checked groups (at least one). */
export const audienceInput = z
  .object({
    issueId: recordId,
    ontvangers: z.enum(['alle', 'groepen'], { error: 'Kies wie dit nummer ontvangt.' }),
    groep: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(audiences, { error: 'Kies een groep uit de lijst.' }))),
  })
  .superRefine((v, ctx) => {
    if (v.ontvangers === 'groepen' && v.groep.length === 0)
      ctx.addIssue({ code: 'custom', path: ['groep'], message: NO_GROUP });
  })
  .transform((v) => ({
    issueId: v.issueId,
    audiences: v.ontvangers === 'alle' ? null : audiences.filter((a) => v.groep.includes(a)),
  }));

export type AudienceResult = { status: 'ok' | 'invalid' | 'conflict'; message: string };

const sameGroups = (a: readonly Audience[] | null, b: readonly Audience[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((g) => b.includes(g));

/**
 * Sets an issue's audience while it may still be edited (concept, review, approved). Who gets
 * the mail is part of what is approved: a change in review or after approval returns the issue
 * to concept, as a content change does (lib/issue/save.ts), and counts as the editor's change
 * for the four-eyes rule. The document's version stays: it numbers the document the builder on
 * the same page saves, which this does not touch; approval, planning and sending refuse a
 * concept anyway.
 */
export function setIssueAudience(
  tx: Tx,
  input: { issueId: number; audiences: Audience[] | null; editor: AuditActor & { id: string } },
  now = new Date(),
): AudienceResult {
  const issue = tx
    .select({
      status: issues.status,
      number: issues.number,
      audiences: issues.audiences,
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, input.issueId))
    .get();
  if (!issue) return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
  if (!['concept', 'review', 'approved'].includes(issue.status))
    return {
      status: 'conflict',
      message: 'Dit nummer is ingepland of verzonden; de ontvangers liggen vast.',
    };
  const summary = audienceSummary(input.audiences);
  if (sameGroups(issue.audiences, input.audiences))
    return { status: 'ok', message: `De ontvangers blijven: ${summary.toLowerCase()}.` };

  const back = issue.status !== 'concept';
  if (issue.status === 'approved') dropFrozenItems(tx, input.issueId);
  tx.update(issues)
    .set({
      audiences: input.audiences,
      updatedAt: now,
      updatedBy: input.editor.id,
      contentChangedAt: now,
      contentChangedBy: input.editor.id,
      ...(back ? { status: 'concept' as const, approvedAt: null, approvedBy: null } : {}),
    })
    .where(eq(issues.id, input.issueId))
    .run();
  recordAudit(tx, {
    actor: input.editor,
    action: 'issue.audience',
    entityType: 'issue',
    entityId: input.issueId,
    summary: `${input.editor.label} koos de ontvangers van ${issueTitle(issue, issue.number)}: ${summary.toLowerCase()}`,
    details: { from: issue.audiences, to: input.audiences, status: issue.status },
  });
  return {
    status: 'ok',
    message: back
      ? `De ontvangers zijn gewijzigd: ${summary.toLowerCase()}. Het nummer is terug naar concept en moet opnieuw worden goedgekeurd.`
      : `De ontvangers zijn gewijzigd: ${summary.toLowerCase()}.`,
  };
}
