import 'server-only';
import { asc, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { newsletters } from '@/db/schema';

/** The active newsletters by name; `includeArchived` for every one (archive, logs, filters). */
export function listNewsletters({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  const query = db().select().from(newsletters);
  return (includeArchived ? query : query.where(isNull(newsletters.archivedAt)))
    .orderBy(asc(newsletters.name))
    .all();
}
