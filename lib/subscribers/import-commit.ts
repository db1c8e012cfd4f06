import type { Database, Statement } from 'better-sqlite3';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { consentEvents, subscribers, subscriptions, subscriptionThemes, themes } from '@/db/schema';
import { param } from '@/lib/prepared';
import type { ImportCounts, ImportPlan, PlannedRow, PlannedUpdate } from './import';

/** What every row of one import shares. */
type Run = { newsletterId: number; now: number; details: string; allThemes: number[] };

const BATCH = 200;

/**
 * Applies a plan made by planImport in one transaction (a savepoint when the caller already has
 * one open on this connection, as a server action does). Never sends mail.
 */
export function commitImport(
  database: Db,
  plan: ImportPlan,
  meta: { newsletterId: number; editorId: string | null; fileName: string; now?: Date },
): ImportCounts {
  const run: Run = {
    newsletterId: meta.newsletterId,
    now: (meta.now ?? new Date()).getTime(),
    details: JSON.stringify({ editorId: meta.editorId, fileName: meta.fileName.slice(0, 200) }),
    allThemes: database
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.newsletterId, meta.newsletterId), isNull(themes.archivedAt)))
      .all()
      .map((t) => t.id),
  };
  const create = creator(database.$client, run);
  const update = updater(database, run);
  database.transaction(() => {
    for (let i = 0; i < plan.create.length; i += BATCH) create(plan.create.slice(i, i + BATCH));
    for (const row of plan.update) update(row);
  });
  return {
    created: plan.create.length,
    updated: plan.update.length,
    invalid: plan.invalid.length,
    duplicate: plan.duplicate.length,
    unsubscribed: plan.unsubscribed.length,
    suppressed: plan.suppressed.length,
  };
}

/**
 * New subscribers, a batch at a time: one statement per table per 200 rows instead of five per
 * row. Multi-row inserts prepared once per batch size on the raw handle, because
 * bench/subscribers.bench.ts (subscribers-import: 50,000 new rows) runs through here and the
 * query builder would build and prepare a 200-row statement for every batch.
 */
function creator(client: Database, run: Run) {
  const { newsletterId, now, details, allThemes } = run;
  const addSubscribers = batchInsert(
    client,
    'subscribers',
    ['email', 'name', 'municipality', 'audience', 'created_at', 'updated_at'],
    'id, email',
  );
  const addSubscriptions = batchInsert(
    client,
    'subscriptions',
    ['subscriber_id', 'newsletter_id', 'status', 'confirmed_at', 'created_at', 'updated_at'],
    'id, subscriber_id',
  );
  const addThemes = batchInsert(client, 'subscription_themes', ['subscription_id', 'theme_id']);
  const addConsents = batchInsert(client, 'consent_events', [
    'subscriber_id',
    'newsletter_id',
    'kind',
    'source',
    'details',
    'created_at',
  ]);
  return (rows: PlannedRow[]) => {
    const ids = new Map(
      addSubscribers(
        rows.map((r) => [r.email, r.name, r.municipality, r.audience ?? 'anders', now, now]),
      ).map(([id, email]) => [email as string, id as number]),
    );
    const subscriptionIds = new Map(
      addSubscriptions(
        rows.map((r) => [ids.get(r.email), newsletterId, 'active', now, now, now]),
      ).map(([id, subscriberId]) => [subscriberId as number, id as number]),
    );
    const themeRows = rows.flatMap((r) =>
      (r.themeIds ?? allThemes).map((themeId) => [subscriptionIds.get(ids.get(r.email)!), themeId]),
    );
    for (let t = 0; t < themeRows.length; t += BATCH * 2)
      addThemes(themeRows.slice(t, t + BATCH * 2));
    addConsents(
      rows.map((r) => [ids.get(r.email), newsletterId, 'imported', 'csv-import', details, now]),
    );
  };
}

/** A multi-row insert, prepared once per batch size; with `returning`, the new rows' columns. */
function batchInsert(client: Database, table: string, columns: string[], returning?: string) {
  const statements = new Map<number, Statement>();
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return (rows: unknown[][]): unknown[][] => {
    if (rows.length === 0) return [];
    let statement = statements.get(rows.length);
    if (!statement) {
      statement = client.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array(rows.length).fill(tuple).join(', ')}${returning ? ` returning ${returning}` : ''}`,
      );
      if (returning) statement.raw();
      statements.set(rows.length, statement);
    }
    if (!returning) {
      statement.run(...rows.flat());
      return [];
    }
    return statement.all(...rows.flat()) as unknown[][];
  };
}

/**
 * Known subscribers, one row at a time: the name, municipality and function given, a
 * subscription if they had none, a pending sign-up made active, the themes given. Query-builder
 * statements prepared once, as they run per row (see lib/prepared.ts).
 */
function updater(database: Db, run: Run) {
  const s = updateStatements(database);
  const { newsletterId, now, details, allThemes } = run;
  const consent = (subscriberId: number) =>
    s.insertConsent.run({ subscriberId, newsletterId, details, now });
  const setThemes = (subscriptionId: number, themeIds: number[]) => {
    for (const themeId of themeIds) s.insertTheme.run({ subscriptionId, themeId });
  };
  return (row: PlannedUpdate) => {
    const { existing } = row;
    s.updateSubscriber.run({
      id: existing.id,
      name: row.name,
      municipality: row.municipality,
      audience: row.audience,
      now,
    });
    if (existing.subscriptionId === null) {
      const subscriptionId = Number(
        s.insertSubscription.run({ subscriberId: existing.id, newsletterId, now }).lastInsertRowid,
      );
      setThemes(subscriptionId, row.themeIds ?? allThemes);
      consent(existing.id);
      return;
    }
    // A pending sign-up becomes active: the organisation vouches for consent with this import.
    if (
      existing.subscriptionStatus === 'pending' &&
      s.activateSubscription.run({ id: existing.subscriptionId, now }).changes
    )
      consent(existing.id);
    if (row.themeIds) {
      s.clearThemes.run({ subscriptionId: existing.subscriptionId });
      setThemes(existing.subscriptionId, row.themeIds);
    }
  };
}

function updateStatements(database: Db) {
  return {
    // A column left empty in the file (null) keeps what is stored.
    updateSubscriber: database
      .update(subscribers)
      .set({
        name: sql`coalesce(${param('name')}, ${subscribers.name})`,
        municipality: sql`coalesce(${param('municipality')}, ${subscribers.municipality})`,
        audience: sql`coalesce(${param('audience')}, ${subscribers.audience})`,
        updatedAt: param('now'),
      })
      .where(eq(subscribers.id, param('id')))
      .prepare(),
    insertSubscription: database
      .insert(subscriptions)
      .values({
        subscriberId: param('subscriberId'),
        newsletterId: param('newsletterId'),
        status: 'active',
        confirmedAt: param('now'),
        createdAt: param('now'),
        updatedAt: param('now'),
      })
      .prepare(),
    activateSubscription: database
      .update(subscriptions)
      .set({ status: 'active', confirmedAt: param('now'), updatedAt: param('now') })
      .where(and(eq(subscriptions.id, param('id')), eq(subscriptions.status, 'pending')))
      .prepare(),
    clearThemes: database
      .delete(subscriptionThemes)
      .where(eq(subscriptionThemes.subscriptionId, param('subscriptionId')))
      .prepare(),
    insertTheme: database
      .insert(subscriptionThemes)
      .values({ subscriptionId: param('subscriptionId'), themeId: param('themeId') })
      .onConflictDoNothing()
      .prepare(),
    insertConsent: database
      .insert(consentEvents)
      .values({
        subscriberId: param('subscriberId'),
        newsletterId: param('newsletterId'),
        kind: 'imported',
        source: 'csv-import',
        details: param('details'),
        createdAt: param('now'),
      })
      .prepare(),
  };
}
