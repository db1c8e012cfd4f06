import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  deliveries,
  issues,
  newsletters,
  subscribers,
  subscriptions,
  subscriptionThemes,
} from '@/db/schema';
import { blockingMessages } from '@/lib/email/checks';
import { deliveryChecks, type DeliverySetup } from '@/lib/email/delivery-checks';
import type { Audience } from '@/lib/enums';
import type { IssueDocument } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import { freezeSentItems, hasFrozenItems } from '@/lib/issue/sent-items';
import { takeStep, type StepInput, type StepResult } from '@/lib/issue/transition';
import { suppressionMatcher } from '@/lib/subscribers/suppression';

export type Recipient = { subscriberId: number; audience: Audience; themeIds: number[] };

/** Whom an issue is for: its newsletter's readers, all of them or those in the chosen groups. */
export type IssueAudience = { newsletterId: number; audiences: readonly Audience[] | null };

/**
 * Who gets an issue now: active subscribers with an active subscription to its newsletter, and
 * paused ones whose pause has ended, in the issue's audience groups when it has chosen some.
 * Bounced, erased, pending and unsubscribed readers do not, nor anyone whose address is on the
 * suppression list (counted in `suppressed`): a subscriber row can still say active when its
 * address was suppressed another way, e.g. before an import.
 */
export function audienceOf(
  tx: Tx,
  { newsletterId, audiences }: IssueAudience,
  now: Date,
): { recipients: Recipient[]; suppressed: number } {
  // No group at all is refused when chosen (lib/issue/audience.ts); stored anyway, it means nobody.
  if (audiences && audiences.length === 0) return { recipients: [], suppressed: 0 };
  const rows = tx
    .select({
      subscriberId: subscribers.id,
      email: subscribers.email,
      audience: subscribers.audience,
      // The builder has no group_concat: the followed theme ids come back as '3,5,8'.
      themes: sql<string | null>`group_concat(${subscriptionThemes.themeId})`,
    })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .leftJoin(subscriptionThemes, eq(subscriptionThemes.subscriptionId, subscriptions.id))
    .where(
      and(
        eq(subscriptions.newsletterId, newsletterId),
        eq(subscribers.status, 'active'),
        audiences ? inArray(subscribers.audience, [...audiences]) : undefined,
        isNotNull(subscribers.email),
        or(
          eq(subscriptions.status, 'active'),
          and(eq(subscriptions.status, 'paused'), lte(subscriptions.pausedUntil, now)),
        ),
      ),
    )
    .groupBy(subscriptions.id)
    .orderBy(asc(subscribers.id))
    .all();
  const isSuppressed = suppressionMatcher(tx);
  const recipients: Recipient[] = [];
  for (const r of rows)
    if (!isSuppressed(r.email!))
      recipients.push({
        subscriberId: r.subscriberId,
        audience: r.audience,
        themeIds: r.themes ? r.themes.split(',').map(Number) : [],
      });
  return { recipients, suppressed: rows.length - recipients.length };
}

/** The themes an issue has content for: a reader's copy depends only on which of these they follow. */
export function issueThemes(doc: IssueDocument): Set<number> {
  return new Set(doc.sections.filter((s) => s.blocks.length > 0).map((s) => s.themeId));
}

/**
 * The theme combination a copy is rendered for, as a stable key ("" = no themed section, only
 * the lead and the reusable blocks). Readers with the same key get the same rendering.
 */
export function variantKey(followed: readonly number[], present: ReadonlySet<number>): string {
  return [...new Set(followed.filter((t) => present.has(t)))].sort((a, b) => a - b).join(',');
}

export function variantThemes(key: string): Set<number> {
  return new Set(key ? key.split(',').map(Number) : []);
}

/** The newsletter and audience groups of an issue; undefined when there is no such issue. */
export function issueAudience(tx: Tx, issueId: number): IssueAudience | undefined {
  return tx
    .select({ newsletterId: issues.newsletterId, audiences: issues.audiences })
    .from(issues)
    .where(eq(issues.id, issueId))
    .get();
}

/** Who would get the issue if it were sent now, for the confirmation screen. */
export function recipientCount(database: Tx, issueId: number, now = new Date()): number {
  const audience = issueAudience(database, issueId);
  return audience ? audienceOf(database, audience, now).recipients.length : 0;
}

export type StartResult = StepResult & { recipients?: number; suppressed?: number };

/**
 * What in the delivery setup stops this issue's mail now (approval checked it too, but the
 * configuration can change after): blocking messages, empty when it may go.
 */
export function sendBlockers(tx: Tx, issueId: number, setup: DeliverySetup): string[] {
  const sender = tx
    .select({
      senderEmail: newsletters.senderEmail,
      slug: newsletters.slug,
      listIdDomain: newsletters.listIdDomain,
    })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.id, issueId))
    .get();
  return sender ? blockingMessages(deliveryChecks(setup, sender)) : [];
}

/**
 * Starts a send inside the caller's transaction: the workflow step (approved or scheduled →
 * sending), the items as approved, and one delivery row per reader (in the issue's audience
 * groups, when it has chosen some). The audience is frozen here; who subscribes later, or joins
 * a chosen group later, waits for the next issue. With `delivery`, a blocking delivery check
 * refuses the start; every start from the app and the scheduler passes it.
 */
export function startSend(
  tx: Tx,
  { delivery, ...input }: Omit<StepInput, 'step'> & { delivery?: DeliverySetup },
): StartResult {
  const now = input.now ?? new Date();
  const blockingProblems = delivery ? sendBlockers(tx, input.issueId, delivery) : [];
  const step = takeStep(tx, { ...input, step: 'startSend', now, blockingProblems });
  if (!step.ok) return step;
  const issue = { id: input.issueId, ...issueAudience(tx, input.issueId)! };
  const present = issueThemes(loadIssueDocument(tx, issue.id)!.document);
  // Frozen at approval (sent-items.ts); an issue approved before Kopij froze there gets it now.
  if (!hasFrozenItems(tx, issue.id)) freezeSentItems(tx, issue.id);
  const { recipients: audience, suppressed } = audienceOf(tx, issue, now);
  // A send that was cancelled and is started again must not send twice to whom it reached.
  tx.delete(deliveries)
    .where(
      and(
        eq(deliveries.issueId, issue.id),
        inArray(deliveries.status, ['queued', 'retry', 'skipped']),
      ),
    )
    .run();
  const reached = new Set(
    tx
      .select({ subscriberId: deliveries.subscriberId })
      .from(deliveries)
      .where(eq(deliveries.issueId, issue.id))
      .all()
      .map((r) => r.subscriberId),
  );
  const rows = audience
    .filter((r) => !reached.has(r.subscriberId))
    .map((r) => ({
      issueId: issue.id,
      subscriberId: r.subscriberId,
      variant: variantKey(r.themeIds, present),
      audience: r.audience,
    }));
  // SQLite allows 32766 bound values per statement; four per row.
  for (let i = 0; i < rows.length; i += 5000)
    tx.insert(deliveries)
      .values(rows.slice(i, i + 5000))
      .run();
  return { ...step, recipients: rows.length, suppressed };
}
