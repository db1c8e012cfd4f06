import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues, newsletters, subscribers, subscriptions } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { newsletterFigures } from './figures';

describe('the dashboard figures per newsletter', () => {
  it('count each active newsletter’s readers, open issues and last send apart', () => {
    const database = testDb();
    seed(database);
    const demo = database.select().from(newsletters).get()!;
    const add = (slug: string, name: string, archivedAt: Date | null = null) =>
      database
        .insert(newsletters)
        .values({
          slug,
          name,
          organisation: 'GGD',
          senderName: name,
          senderEmail: `${slug}@ggd.example`,
          archivedAt,
        })
        .returning()
        .get();
    const zorg = add('zorgpost', 'Zorgpost');
    add('oud', 'Oud', new Date());
    const sentAt = new Date('2026-05-01T08:00:00Z');
    const sent = database
      .insert(issues)
      .values([
        { newsletterId: zorg.id, number: 1, slug: '1', status: 'sent', sentAt },
        { newsletterId: zorg.id, number: 2, slug: '2', status: 'review' },
      ])
      .returning()
      .all()[0]!;
    const reader = database
      .insert(subscribers)
      .values({ email: 'lezer@ggd.example' })
      .returning()
      .get();
    database
      .insert(subscriptions)
      .values({ subscriberId: reader.id, newsletterId: zorg.id, status: 'pending' })
      .run();

    const figures = newsletterFigures(database);
    expect(figures.map((f) => f.slug)).toEqual([demo.slug, 'zorgpost']);
    expect(figures[1]).toMatchObject({
      activeSubscriptions: 0,
      pendingSubscriptions: 1,
      openIssues: 1,
      lastSent: { id: sent.id, number: 1, sentAt },
    });
    const demoActive = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.newsletterId, demo.id))
      .all()
      .filter((s) => s.status === 'active').length;
    expect(figures[0]!.activeSubscriptions).toBe(demoActive);
    expect(figures[0]!.lastSent).not.toBeNull();
  });
});
