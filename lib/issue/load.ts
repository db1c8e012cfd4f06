import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues } from '@/db/schema';

/**
 * An issue with its blocks in order and each block's item and theme: one SQL statement
 * (drizzle's relational query nests the blocks as JSON), so the builder waits on one round trip.
 */
export function loadIssue(database: Tx, issueId: number) {
  return database.query.issues
    .findFirst({
      where: eq(issues.id, issueId),
      with: {
        newsletter: { with: { themes: { orderBy: (t, { asc }) => [asc(t.position)] } } },
        blocks: {
          orderBy: (b, { asc }) => [asc(b.position)],
          with: { item: true },
        },
      },
    })
    .sync();
}

export type LoadedIssue = NonNullable<ReturnType<typeof loadIssue>>;
