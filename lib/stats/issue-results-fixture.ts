import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  bounceEvents,
  consentEvents,
  deliveries,
  issueLinks,
  issues,
  linkClicks,
  subscribers,
} from '@/db/schema';
import type { Audience } from '@/lib/enums';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// A test fixture (for issue-results*.test.ts), not used by the app.
// The demo's sent issue 3 (Raadsbericht 23) with ten readers whose numbers are worked out by
// hand below: themes 1 (A) and 2 (B), items 4 (in A), 14 (in B) and 19 (as the lead, no theme).
export const ISSUE = 3;
export const [A, B] = [1, 2];
export const started = new Date('2026-11-16T07:00:00Z');
export const hour = (n: number) => Math.floor(started.getTime() / 3_600_000) + n;

type Reader = [
  variant: string,
  audience: Audience,
  status: 'sent' | 'failed' | 'skipped' | 'queued',
];
const readers: Reader[] = [
  [`${A}`, 'griffier', 'sent'], // 1
  [`${A}`, 'griffier', 'sent'], // 2
  [`${A}`, 'griffier', 'sent'], // 3
  [`${A}`, 'griffier', 'failed'], // 4
  [`${A},${B}`, 'raadslid', 'sent'], // 5
  [`${A},${B}`, 'raadslid', 'sent'], // 6
  [`${A},${B}`, 'raadslid', 'queued'], // 7
  [`${B}`, 'raadslid', 'sent'], // 8
  [`${B}`, 'raadslid', 'skipped'], // 9
  ['', 'anders', 'sent'], // 10
];

export let database: Db;
/** Reader n's subscriber and delivery ids (1-based, as in the list above). */
export let subscriberOf: number[];
export let deliveryOf: number[];

export function addIssue(number: number) {
  return database
    .insert(issues)
    .values({ newsletterId: 1, number, slug: `oud-${number}`, status: 'sent', sentAt: started })
    .returning({ id: issues.id })
    .get().id;
}

export function addLink(
  issueId: number,
  position: number,
  over: Partial<typeof issueLinks.$inferInsert>,
) {
  return database
    .insert(issueLinks)
    .values({ issueId, position, url: `https://example.org/${issueId}/${position}`, ...over })
    .returning({ id: issueLinks.id })
    .get().id;
}

export function clicks(
  linkId: number,
  rows: [hourOffset: number, clicks: number, automated: number][],
) {
  for (const [h, c, a] of rows)
    database
      .insert(linkClicks)
      .values({ linkId, hour: hour(h), clicks: c, automated: a })
      .run();
}

let bounceKey = 0;
/** A bounce as lib/bounces records it: naming its copy and that copy's reader. */
export function bounce(deliveryId: number, kind: 'hard' | 'soft' | 'complaint' | 'unsubscribe') {
  const { subscriberId } = database
    .select({ subscriberId: deliveries.subscriberId })
    .from(deliveries)
    .where(eq(deliveries.id, deliveryId))
    .get()!;
  database
    .insert(bounceEvents)
    .values({
      dedupeKey: `k${++bounceKey}`,
      source: 'smtp',
      kind,
      deliveryId,
      subscriberId,
      receivedAt: new Date(started.getTime() + 3_600_000),
    })
    .run();
}

export function consent(
  n: number,
  kind: 'unsubscribed' | 'preferences_changed' | 'paused' | 'resubscribed',
  issueId: number | null = ISSUE,
) {
  database
    .insert(consentEvents)
    .values({ subscriberId: subscriberOf[n]!, newsletterId: 1, kind, source: 'test', issueId })
    .run();
}

/** A fresh database with the issue above: call it before each test. */
export function resultsFixture() {
  database = testDb();
  seed(database);
  database.update(issues).set({ sendStartedAt: started }).where(eq(issues.id, ISSUE)).run();
  subscriberOf = [0];
  deliveryOf = [0];
  for (const [i, [variant, audience, status]] of readers.entries()) {
    const subscriberId = database
      .insert(subscribers)
      .values({ email: `r${i + 1}@example.test`, audience })
      .returning({ id: subscribers.id })
      .get().id;
    subscriberOf.push(subscriberId);
    deliveryOf.push(
      database
        .insert(deliveries)
        .values({ issueId: ISSUE, subscriberId, variant, status, audience })
        .returning({ id: deliveries.id })
        .get().id,
    );
  }
  // The lead's link and a button, in every copy; two links of item 4 (A), one of item 14 (B).
  clicks(addLink(ISSUE, 1, { itemId: 19, label: 'Webinar' }), [
    [0, 3, 1],
    [1, 1, 0],
  ]);
  clicks(addLink(ISSUE, 2, { itemId: 4, themeId: A, label: 'Handreiking' }), [[0, 2, 0]]);
  clicks(addLink(ISSUE, 3, { itemId: 4, themeId: A, label: 'Aanmelden' }), [[2, 1, 2]]);
  clicks(addLink(ISSUE, 4, { itemId: 14, themeId: B, label: 'Woo' }), [[0, 0, 5]]);
  clicks(addLink(ISSUE, 5, { label: 'Naar het congres' }), [[0, 7, 0]]);

  bounce(deliveryOf[1]!, 'hard');
  bounce(deliveryOf[1]!, 'hard'); // the same copy reported twice: one bounced copy
  bounce(deliveryOf[2]!, 'soft');
  bounce(deliveryOf[3]!, 'complaint');
  bounce(deliveryOf[5]!, 'unsubscribe');

  consent(2, 'unsubscribed');
  consent(2, 'resubscribed');
  consent(2, 'unsubscribed'); // one reader, twice: one unsubscribe
  consent(6, 'preferences_changed');
  consent(6, 'paused');
  consent(10, 'unsubscribed', null); // not through this issue's link
}
