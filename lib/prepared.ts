import { sql, type SQL } from 'drizzle-orm';

/*
 * Statements that run once per row of a large job (each copy of a send, each row of an import)
 * are query-builder statements prepared once (`.prepare()`) and then only run: building a
 * statement costs more than running it. Two rules for them:
 *
 * - Values come in as placeholders made with `param`, in the form the driver stores
 *   (timestamps in milliseconds, booleans as 0 or 1).
 * - Every update sets updated_at itself: the schema's $onUpdateFn would run once, when the
 *   statement is prepared, and stamp every row with that moment.
 */

/** A value bound each time a prepared statement runs, passed to the driver as it is. */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;
