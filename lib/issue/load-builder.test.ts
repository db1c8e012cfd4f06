import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues, items } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { loadBuilder } from './load-builder';

describe('the builder’s library', () => {
  it('lists the newest items first, not alphabetically', () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const any = database.select().from(items).get()!;
    const written = (title: string, at: string) =>
      database
        .insert(items)
        .values({
          newsletterId: any.newsletterId,
          themeId: any.themeId,
          kind: 'news',
          title,
          createdAt: new Date(at),
        })
        .run();
    written('Zonnepanelen op gemeentelijk vastgoed', '2030-01-02T10:00:00Z');
    written('Afvalinzameling in de regio', '2030-01-01T10:00:00Z');
    const library = loadBuilder(database, draft.id)!.library;
    expect(library.slice(0, 2).map((i) => i.title)).toEqual([
      'Zonnepanelen op gemeentelijk vastgoed',
      'Afvalinzameling in de regio',
    ]);
  });
});
