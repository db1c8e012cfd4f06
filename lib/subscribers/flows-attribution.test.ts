import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  consentEvents,
  deliveries,
  issues,
  newsletters,
  subscribers,
  subscriptions,
  subscriptionThemes,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { updatePreferences } from './flows-preferences';
import { unsubscribe } from './flows-unsubscribe';
import { issueRef } from './forms';
import { personalLinks } from './links';
import type { TokenClaims } from './tokens';

// An unsubscribe or preference change through a sent issue's personal link counts for that issue
// (consent_events.issue_id), but only when that issue of this newsletter went to this reader:
// the number in the link is not signed, so a changed one must attribute nothing.

let database: Db;
let claims: TokenClaims;
/** The demo's sent issue 3, delivered to the reader; issue 2 was sent, but not to them. */
const DELIVERED = 3;
const NOT_TO_THEM = 2;
let otherNewsletterIssue: number;

beforeEach(() => {
  database = testDb();
  seed(database);
  const reader = database
    .select({ id: subscribers.id, version: subscribers.tokenVersion, subscription: subscriptions })
    .from(subscribers)
    .innerJoin(subscriptions, eq(subscriptions.subscriberId, subscribers.id))
    .where(and(eq(subscriptions.status, 'active'), eq(subscriptions.newsletterId, 1)))
    .get()!;
  claims = { subscriberId: reader.id, newsletterId: 1, version: reader.version };
  database.insert(deliveries).values({ issueId: DELIVERED, subscriberId: reader.id }).run();
  // Another newsletter's issue that did reach this reader: still not this newsletter's.
  const other = database
    .insert(newsletters)
    .values({
      slug: 'griffiebericht',
      name: 'Griffiebericht',
      organisation: 'VSG',
      senderName: 'VSG',
      senderEmail: 'griffie@vsg.test',
    })
    .returning({ id: newsletters.id })
    .get().id;
  otherNewsletterIssue = database
    .insert(issues)
    .values({ newsletterId: other, number: 1, slug: 'een', status: 'sent' })
    .returning({ id: issues.id })
    .get().id;
  database
    .insert(deliveries)
    .values({ issueId: otherNewsletterIssue, subscriberId: reader.id })
    .run();
});

const attributed = () =>
  database
    .select({ kind: consentEvents.kind, issueId: consentEvents.issueId })
    .from(consentEvents)
    .where(
      and(eq(consentEvents.subscriberId, claims.subscriberId), isNotNull(consentEvents.issueId)),
    )
    .all();
const lastEvent = () =>
  database
    .select({ kind: consentEvents.kind, issueId: consentEvents.issueId })
    .from(consentEvents)
    .where(eq(consentEvents.subscriberId, claims.subscriberId))
    .all()
    .at(-1)!;

describe('unsubscribe through an issue’s link', () => {
  it('counts for the issue that reached the reader', () => {
    database.transaction((tx) => unsubscribe(tx, claims, 'one-click', new Date(), DELIVERED));
    expect(attributed()).toEqual([{ kind: 'unsubscribed', issueId: DELIVERED }]);
  });

  it.each([
    ['an issue the reader did not get', () => NOT_TO_THEM],
    ['another newsletter’s issue', () => otherNewsletterIssue],
    ['an issue that does not exist', () => 99_999],
    ['no issue', () => null],
  ])('counts for no issue with %s, and still unsubscribes', (_, issueId) => {
    database.transaction((tx) => unsubscribe(tx, claims, 'afmeldpagina', new Date(), issueId()));
    expect(lastEvent()).toEqual({ kind: 'unsubscribed', issueId: null });
    const subscription = database
      .select({ status: subscriptions.status })
      .from(subscriptions)
      .where(
        and(eq(subscriptions.subscriberId, claims.subscriberId), eq(subscriptions.newsletterId, 1)),
      )
      .get()!;
    expect(subscription.status).toBe('unsubscribed');
  });
});

describe('preferences through an issue’s link', () => {
  const themeIds = () =>
    database
      .select({ id: subscriptionThemes.themeId })
      .from(subscriptionThemes)
      .innerJoin(subscriptions, eq(subscriptions.id, subscriptionThemes.subscriptionId))
      .where(eq(subscriptions.subscriberId, claims.subscriberId))
      .all()
      .map((t) => t.id);
  const change = (issueId: number | null) => {
    const reader = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.id, claims.subscriberId))
      .get()!;
    database.transaction((tx) =>
      updatePreferences(tx, claims, {
        email: reader.email!,
        name: 'Lezer',
        audience: 'griffier',
        themeIds: themeIds(),
        pauseDays: 30,
        issueId,
      }),
    );
  };

  it('counts the change and the pause for the issue that reached the reader', () => {
    change(DELIVERED);
    expect(attributed()).toEqual([
      { kind: 'preferences_changed', issueId: DELIVERED },
      { kind: 'paused', issueId: DELIVERED },
    ]);
  });

  it('counts a forged number for no issue', () => {
    change(NOT_TO_THEM);
    change(otherNewsletterIssue);
    expect(attributed()).toEqual([]);
  });
});

describe('the issue in a personal link', () => {
  it('is a query after the signed token, only when a send asks for it', () => {
    const links = personalLinks(claims, { publicUrl: 'https://n.example', issueId: DELIVERED });
    expect(links.unsubscribe).toMatch(/^https:\/\/n\.example\/afmelden\/[^/?]+\?nummer=3$/);
    expect(links.preferences).toMatch(/^https:\/\/n\.example\/voorkeuren\/[^/?]+\?nummer=3$/);
    expect(personalLinks(claims, { publicUrl: 'https://n.example' }).unsubscribe).not.toContain(
      '?',
    );
  });

  it('is read as a number, and anything else as none (never a refusal)', () => {
    expect(issueRef.parse('3')).toBe(3);
    for (const value of ['0', '-3', '3x', '1e3', ' 3', '', ['3', '4'], null, undefined])
      expect(issueRef.parse(value), JSON.stringify(value)).toBeNull();
  });
});
