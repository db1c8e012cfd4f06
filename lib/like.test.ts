import { describe, expect, it } from 'vitest';
import { newsletters } from '@/db/schema';
import { contains } from './like';
import { testDb } from './test/db';

describe('contains', () => {
  const database = testDb();
  const names = ['50% korting', '500 korting', 'a_b', 'axb', 'map\\bestand', 'Hoofdletters'];
  for (const [i, name] of names.entries())
    database
      .insert(newsletters)
      .values({ slug: `n${i}`, name, organisation: 'O', senderName: 'S', senderEmail: 's@o.test' })
      .run();
  const find = (q: string) =>
    database
      .select({ name: newsletters.name })
      .from(newsletters)
      .where(contains(newsletters.name, q))
      .all()
      .map((r) => r.name)
      .sort();

  it('matches %, _ and \\ as themselves, not as wildcards', () => {
    expect(find('50%')).toEqual(['50% korting']);
    expect(find('a_b')).toEqual(['a_b']);
    expect(find('p\\b')).toEqual(['map\\bestand']);
  });

  it('finds a part of the text, ignoring ASCII case as LIKE does', () => {
    expect(find('korting')).toEqual(['50% korting', '500 korting']);
    expect(find('hoofd')).toEqual(['Hoofdletters']);
    expect(find('geen')).toEqual([]);
  });
});
