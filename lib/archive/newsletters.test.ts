import { describe, expect, it } from 'vitest';
import { issues, newsletters } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { archiveNewsletter, archiveNewsletters } from './newsletters';
import { listSentIssues } from './queries';

function withSecond() {
  const database = testDb();
  seed(database);
  const demo = database.select().from(newsletters).get()!;
  const add = (slug: string, name: string, archivedAt: Date | null = null) =>
    database
      .insert(newsletters)
      .values({
        slug,
        name,
        organisation: 'GGD Voorbeeld',
        description: `Over ${name}`,
        senderName: name,
        senderEmail: `${slug}@ggd.example`,
        archivedAt,
      })
      .returning()
      .get();
  const zorg = add('zorgpost', 'Zorgpost', new Date());
  add('leeg', 'Leeg');
  const sentAt = new Date('2026-03-02T09:00:00Z');
  database
    .insert(issues)
    .values([
      { newsletterId: zorg.id, number: 1, slug: '1', subject: 'Eerste', status: 'sent', sentAt },
      { newsletterId: zorg.id, number: 2, slug: '2', subject: 'Concept', status: 'concept' },
    ])
    .run();
  return { database, demo, zorg, sentAt };
}

describe('the newsletters of the archive', () => {
  it('are those with a sent issue, archived ones included, with their count and last send', () => {
    const { database, demo, sentAt } = withSecond();
    const list = archiveNewsletters(database);
    // By name: the demo's "Raadsbericht" before "Zorgpost"; "Leeg" has nothing sent.
    expect(list.map((n) => n.slug)).toEqual([demo.slug, 'zorgpost']);
    const zorg = archiveNewsletter(database, 'zorgpost')!;
    expect(zorg).toMatchObject({ name: 'Zorgpost', issueCount: 1, description: 'Over Zorgpost' });
    expect(zorg.lastSentAt).toEqual(sentAt);
    expect(archiveNewsletter(database, 'leeg')).toBeUndefined();
    expect(archiveNewsletter(database, 'bestaat-niet')).toBeUndefined();
  });

  it('each have their own list, and the whole archive holds both', () => {
    const { database, demo } = withSecond();
    const own = listSentIssues(database, { newsletterSlug: 'zorgpost' });
    expect(own.issues.map((i) => [i.newsletterSlug, i.slug, i.subject])).toEqual([
      ['zorgpost', '1', 'Eerste'],
    ]);
    const demoOnly = listSentIssues(database, { newsletterSlug: demo.slug });
    expect(demoOnly.issues.every((i) => i.newsletterSlug === demo.slug)).toBe(true);
    expect(listSentIssues(database, {}).total).toBe(demoOnly.total + 1);
  });
});
