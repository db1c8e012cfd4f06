import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  consentEvents,
  deliveries,
  issues,
  newsletters,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
} from '@/db/schema';

// One subscriber as the editors see it, and as the subscriber may ask to receive it (GDPR art. 15).

export function subscriberDetail(database: Db, id: number) {
  const subscriber = database.select().from(subscribers).where(eq(subscribers.id, id)).get();
  if (!subscriber) return null;
  const subs = database
    .select({
      id: subscriptions.id,
      newsletter: newsletters.name,
      status: subscriptions.status,
      pausedUntil: subscriptions.pausedUntil,
      confirmedAt: subscriptions.confirmedAt,
      unsubscribedAt: subscriptions.unsubscribedAt,
      createdAt: subscriptions.createdAt,
      updatedAt: subscriptions.updatedAt,
    })
    .from(subscriptions)
    .innerJoin(newsletters, eq(newsletters.id, subscriptions.newsletterId))
    .where(eq(subscriptions.subscriberId, id))
    .orderBy(asc(newsletters.name))
    .all();
  const themeRows = subs.length
    ? database
        .select({ subscriptionId: subscriptionThemes.subscriptionId, name: themes.name })
        .from(subscriptionThemes)
        .innerJoin(themes, eq(themes.id, subscriptionThemes.themeId))
        .where(
          inArray(
            subscriptionThemes.subscriptionId,
            subs.map((s) => s.id),
          ),
        )
        .orderBy(asc(themes.position))
        .all()
    : [];
  const events = database
    .select({
      id: consentEvents.id,
      kind: consentEvents.kind,
      source: consentEvents.source,
      wordingVersion: consentEvents.wordingVersion,
      details: consentEvents.details,
      newsletter: newsletters.name,
      createdAt: consentEvents.createdAt,
    })
    .from(consentEvents)
    .leftJoin(newsletters, eq(newsletters.id, consentEvents.newsletterId))
    .where(eq(consentEvents.subscriberId, id))
    .orderBy(desc(consentEvents.createdAt), desc(consentEvents.id))
    .all();
  const deliveryCount = database
    .select({ n: count() })
    .from(deliveries)
    .where(eq(deliveries.subscriberId, id))
    .get()!.n;
  return {
    subscriber,
    subscriptions: subs.map((s) => ({
      ...s,
      themes: themeRows.filter((t) => t.subscriptionId === s.id).map((t) => t.name),
    })),
    events,
    deliveryCount,
  };
}

export type SubscriberDetail = NonNullable<ReturnType<typeof subscriberDetail>>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Everything stored about one subscriber, as plain JSON (art. 15 GDPR: right of access). */
export function subscriberDataExport(database: Db, id: number) {
  const detail = subscriberDetail(database, id);
  if (!detail) return null;
  const { subscriber: s } = detail;
  const sent = database
    .select({
      newsletter: newsletters.name,
      issue: issues.number,
      subject: issues.subject,
      status: deliveries.status,
      sentAt: deliveries.sentAt,
    })
    .from(deliveries)
    .innerJoin(issues, eq(issues.id, deliveries.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(deliveries.subscriberId, id))
    .orderBy(asc(deliveries.id))
    .all();
  return {
    exportedAt: new Date().toISOString(),
    subscriber: {
      id: s.id,
      email: s.email,
      name: s.name,
      municipality: s.municipality,
      audience: s.audience,
      status: s.status,
      pendingEmail: s.pendingEmail,
      hardBounces: s.hardBounces,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
      erasedAt: iso(s.erasedAt),
    },
    subscriptions: detail.subscriptions.map((sub) => ({
      newsletter: sub.newsletter,
      status: sub.status,
      themes: sub.themes,
      pausedUntil: iso(sub.pausedUntil),
      confirmedAt: iso(sub.confirmedAt),
      unsubscribedAt: iso(sub.unsubscribedAt),
      createdAt: iso(sub.createdAt),
    })),
    consentEvents: detail.events.map((e) => ({
      kind: e.kind,
      newsletter: e.newsletter,
      source: e.source,
      wordingVersion: e.wordingVersion,
      details: e.details,
      at: iso(e.createdAt),
    })),
    deliveries: sent.map((d) => ({ ...d, sentAt: iso(d.sentAt) })),
  };
}
