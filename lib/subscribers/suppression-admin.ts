import { and, count, desc, asc, eq, gt, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '@/db';
import { subscribers, suppressions, users } from '@/db/schema';
import { contains } from '@/lib/like';
import { normaliseAddress, subscriberEmail } from './address';
import type { SuppressionFilter } from './suppression-filter';
import { activeSuppression, emailHash, suppress } from './suppression';

// What an admin does with the suppression list, and what the list page shows. Takes the
// database as an argument like admin-list.ts; the page reaches it through ./queries.

export const SUPPRESSION_PAGE_SIZE = 50;

/**
 * An admin puts an address on the list by hand. A subscriber with this address stops being
 * mailed at once: marked undeliverable, so copies already queued in a running send are skipped
 * by the sender too (it only mails active subscribers), not only the next send's plan.
 * Returns null when the address is on the list already.
 */
export function suppressManually(
  tx: Tx,
  entry: { email: string; detail: string; by: string },
): { id: number; stopped: number } | null {
  if (!suppress(tx, { email: entry.email, reason: 'manual', detail: entry.detail, by: entry.by }))
    return null;
  const id = activeSuppression(tx, entry.email)!.id;
  const stopped = tx
    .update(subscribers)
    .set({ status: 'bounced' })
    .where(
      and(eq(subscribers.email, normaliseAddress(entry.email)), eq(subscribers.status, 'active')),
    )
    .run().changes;
  return { id, stopped };
}

/**
 * Takes an address off the list, keeping the row with who and why. Nobody is subscribed again:
 * whoever wants mail again signs up and confirms (which makes their subscriber active again).
 * Returns the lifted row, or null when there is no such unlifted row.
 */
export function liftSuppression(tx: Tx, input: { id: number; reason: string; by: string }) {
  return (
    tx
      .update(suppressions)
      .set({ liftedAt: new Date(), liftedBy: input.by, liftReason: input.reason })
      .where(and(eq(suppressions.id, input.id), isNull(suppressions.liftedAt)))
      .returning({ id: suppressions.id, reason: suppressions.reason })
      .get() ?? null
  );
}

/** A search that is a whole address also finds rows kept only as a hash (erasures). */
function searchCondition(q: string): SQL | undefined {
  const address = subscriberEmail.safeParse(q);
  const text = contains(suppressions.email, q.toLowerCase());
  return address.success ? or(text, eq(suppressions.emailHash, emailHash(address.data))) : text;
}

function conditions(filter: SuppressionFilter): SQL | undefined {
  return and(
    filter.state === 'actief' ? isNull(suppressions.liftedAt) : undefined,
    filter.state === 'opgeheven' ? isNotNull(suppressions.liftedAt) : undefined,
    filter.reason ? eq(suppressions.reason, filter.reason) : undefined,
    filter.q ? searchCondition(filter.q) : undefined,
  );
}

const creator = alias(users, 'creator');
const lifter = alias(users, 'lifter');

export type SuppressionRow = ReturnType<typeof listSuppressions>['rows'][number];

/** One page, newest first, by keyset on the id (see listSubscribers). */
export function listSuppressions(
  database: Db,
  filter: SuppressionFilter,
  cursor: { after?: number; before?: number } = {},
  limit = SUPPRESSION_PAGE_SIZE,
) {
  const backwards = !cursor.after && !!cursor.before;
  const rows = database
    .select({
      id: suppressions.id,
      email: suppressions.email,
      reason: suppressions.reason,
      detail: suppressions.detail,
      createdAt: suppressions.createdAt,
      createdBy: creator.name,
      createdByEmail: creator.email,
      liftedAt: suppressions.liftedAt,
      liftedBy: lifter.name,
      liftedByEmail: lifter.email,
      liftReason: suppressions.liftReason,
    })
    .from(suppressions)
    .leftJoin(creator, eq(creator.id, suppressions.createdBy))
    .leftJoin(lifter, eq(lifter.id, suppressions.liftedBy))
    .where(
      and(
        conditions(filter),
        cursor.after ? lt(suppressions.id, cursor.after) : undefined,
        backwards ? gt(suppressions.id, cursor.before!) : undefined,
      ),
    )
    .orderBy(backwards ? asc(suppressions.id) : desc(suppressions.id))
    .limit(limit + 1)
    .all();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  return {
    rows: page,
    next: (backwards ? page.length > 0 : more) ? page.at(-1)?.id : undefined,
    previous: (backwards ? more : !!cursor.after) ? page[0]?.id : undefined,
  };
}

export function countSuppressions(database: Db, filter: SuppressionFilter): number {
  return database.select({ n: count() }).from(suppressions).where(conditions(filter)).get()!.n;
}

/**
 * For a search by a whole address: whether it is on the list now, kept only as a hash (the
 * person was erased). The page says so, since the row it finds cannot show the address.
 */
export function erasedOnList(database: Db, q: string | undefined): boolean {
  const address = q ? subscriberEmail.safeParse(q) : undefined;
  if (!address?.success) return false;
  const row = activeSuppression(database, address.data);
  return row !== undefined && row.email === null;
}
