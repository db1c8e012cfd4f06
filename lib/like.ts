import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

// Search boxes match "contains" with LIKE. What a person types is text: a %, _ or \ in it must
// match itself, so it is escaped and the query names the escape character (drizzle's like()
// has no ESCAPE clause, and without one SQLite reads the backslashes as plain characters).

/** `column LIKE '%q%' ESCAPE '\'`, with %, _ and \ in `q` matched literally. */
export function contains(column: SQLWrapper, q: string): SQL {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}
