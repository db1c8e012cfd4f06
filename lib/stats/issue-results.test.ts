import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { consentEvents, deliveries, issueOpens, issues, newsletters } from '@/db/schema';
import { applyBounce } from '@/lib/bounces/apply';
import type { BounceReport } from '@/lib/bounces/event';
import { issueResults } from './issue-results';
import {
  A,
  B,
  ISSUE,
  addIssue,
  addLink,
  bounce,
  clicks,
  consent,
  database,
  deliveryOf,
  hour,
  resultsFixture,
  started,
  subscriberOf,
} from './issue-results-fixture';

beforeEach(resultsFixture);

describe('issueResults', () => {
  it('counts deliveries, bounces and attributed consent per kind, one per copy or reader', () => {
    const r = issueResults(database, ISSUE)!;
    expect(r.issue).toMatchObject({
      id: ISSUE,
      number: 23,
      title: 'Raadsbericht 23',
      status: 'sent',
    });
    expect(r.delivery).toEqual({ recipients: 10, delivered: 7, failed: 1, skipped: 1, waiting: 1 });
    expect(r.after).toEqual({
      hardBounces: 1,
      softBounces: 1,
      complaints: 1,
      linkUnsubscribes: 1,
      mailedUnsubscribes: 1,
      preferenceChanges: 1,
      pauses: 1,
    });
  });

  it('gives each theme and audience group its readers, and each link its share of them', () => {
    const r = issueResults(database, ISSUE)!;
    expect(r.themes).toEqual([
      {
        themeId: A,
        name: 'Asiel tot integratie',
        recipients: 7,
        reached: 5,
        clicks: 3,
        automated: 2,
        share: 60,
      },
      { themeId: B, name: 'Bestuur', recipients: 5, reached: 3, clicks: 0, automated: 5, share: 0 },
    ]);
    expect(r.audiences).toEqual([
      { audience: 'raadslid', recipients: 5, delivered: 3 },
      { audience: 'griffier', recipients: 4, delivered: 3 },
      { audience: 'anders', recipients: 1, delivered: 1 },
    ]);
    expect(r.links.map((l) => [l.position, l.reached, l.clicks, l.automated, l.share])).toEqual([
      [1, 7, 4, 1, (4 / 7) * 100],
      [2, 5, 2, 0, 40],
      [3, 5, 1, 2, 20],
      [4, 3, 0, 5, 0],
      [5, 7, 7, 0, 100],
    ]);
    expect(
      r.items.map((i) => [i.itemId, i.title.slice(0, 11), i.reached, i.clicks, i.automated]),
    ).toEqual([
      [19, 'Webinar: de', 7, 4, 1],
      [4, 'Handreiking', 5, 3, 2],
      [14, 'Wet open ov', 3, 0, 5],
    ]);
  });

  it('leaves out what belongs to another issue', () => {
    const other = addIssue(30);
    const subscriberId = subscriberOf[1]!;
    const elsewhere = database
      .insert(deliveries)
      .values({ issueId: other, subscriberId, status: 'sent' })
      .returning({ id: deliveries.id })
      .get().id;
    bounce(elsewhere, 'hard');
    consent(8, 'preferences_changed', other);
    clicks(addLink(other, 1, {}), [[0, 50, 0]]);
    const r = issueResults(database, ISSUE)!;
    expect(r.after.hardBounces).toBe(1);
    expect(r.after.preferenceChanges).toBe(1);
    expect(r.links.reduce((sum, l) => sum + l.clicks, 0)).toBe(14);
    expect(r.delivery.recipients).toBe(10);
  });

  it('shows opens only while the newsletter counts them', () => {
    database
      .insert(issueOpens)
      .values({ issueId: ISSUE, hour: hour(0), opens: 5, automated: 2 })
      .run();
    database
      .insert(issueOpens)
      .values({ issueId: ISSUE, hour: hour(1), opens: 1, automated: 0 })
      .run();
    expect(issueResults(database, ISSUE)!.opens).toBeNull();
    database.update(newsletters).set({ openTracking: true }).where(eq(newsletters.id, 1)).run();
    expect(issueResults(database, ISSUE)!.opens).toEqual({ opens: 6, automated: 2 });
  });

  it('compares with the five sent issues before it, oldest first', () => {
    for (const number of [17, 18, 19, 20]) addIssue(number);
    const earlier = database.select().from(issues).where(eq(issues.number, 22)).get()!.id;
    const subscriberId = subscriberOf[1]!;
    const copies = [
      ['sent', subscriberOf[1]!],
      ['sent', subscriberOf[2]!],
      ['failed', subscriberOf[3]!],
    ] as const;
    const ids = copies.map(
      ([status, s]) =>
        database
          .insert(deliveries)
          .values({ issueId: earlier, subscriberId: s, status })
          .returning({ id: deliveries.id })
          .get().id,
    );
    bounce(ids[0]!, 'soft');
    bounce(ids[1]!, 'unsubscribe');
    clicks(addLink(earlier, 1, {}), [[0, 5, 3]]);
    database
      .insert(consentEvents)
      .values({
        subscriberId,
        newsletterId: 1,
        kind: 'unsubscribed',
        source: 'test',
        issueId: earlier,
      })
      .run();
    const views = database.$client.prepare(
      'INSERT INTO archive_views (issue_id, day, views) VALUES (?, ?, ?)',
    );
    views.run(earlier, 20_770, 7);
    views.run(ISSUE, 20_770, 4);
    views.run(ISSUE, 20_771, 1);
    const rows = issueResults(database, ISSUE)!.comparison;
    expect(rows.map((r) => r.title)).toEqual(
      [18, 19, 20, 21, 22, 23].map((n) => `Raadsbericht ${n}`),
    );
    expect(rows[4]).toEqual({
      issueId: earlier,
      title: 'Raadsbericht 22',
      recipients: 3,
      delivered: 2,
      bounces: 1,
      clicks: 5,
      unsubscribes: 2,
      archiveViews: 7,
    });
    expect(rows[5]).toEqual({
      issueId: ISSUE,
      title: 'Raadsbericht 23',
      recipients: 10,
      delivered: 7,
      bounces: 2,
      clicks: 14,
      unsubscribes: 2,
      archiveViews: 5,
    });
  });

  it('counts a bounce as lib/bounces records it', () => {
    const now = new Date(started.getTime() + 7_200_000);
    const report: BounceReport = {
      source: 'smtp',
      kind: 'hard',
      dedupeKey: 'echt',
      deliveryId: deliveryOf[8]!,
    };
    expect(applyBounce(database, report, { now })).toEqual({ applied: true });
    expect(issueResults(database, ISSUE)!.after.hardBounces).toBe(2);
  });

  it('knows no issue that does not exist', () => {
    expect(issueResults(database, 999)).toBeNull();
  });
});
