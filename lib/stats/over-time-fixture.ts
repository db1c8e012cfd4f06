import type { Db } from '@/db';
import {
  archiveViews,
  bounceEvents,
  consentEvents,
  deliveries,
  issueLinks,
  issues,
  linkClicks,
  newsletters,
  subscribers,
  subscriptionThemes,
  subscriptions,
  themes,
} from '@/db/schema';
import type { Audience } from '@/lib/enums';
import { fromDutchLocal } from '@/lib/format-input';

// One newsletter's quarter (Q4 2026) with readers who sign up, confirm, leave, are erased and
// bounce on both sides of week boundaries, beside a second newsletter whose rows must not count.

/** Dutch wall-clock time, as the editors think of it. */
export const at = (local: string) => fromDutchLocal(local)!;

type Reader = {
  audience: Audience;
  created: string;
  confirmed?: string;
  unsubscribed?: string;
  status: 'pending' | 'active' | 'paused' | 'unsubscribed';
  themes: string[];
  erased?: boolean;
};

const readers: Record<string, Reader> = {
  s1: {
    audience: 'raadslid',
    created: '2026-10-05T10:00',
    confirmed: '2026-10-05T10:05',
    status: 'active',
    themes: ['bestuur', 'zorg'],
  },
  // Signs up on Sunday night and confirms after midnight: two different weeks.
  s2: {
    audience: 'griffier',
    created: '2026-10-11T23:30',
    confirmed: '2026-10-12T00:30',
    status: 'active',
    themes: ['bestuur', 'vroeger'],
  },
  s3: {
    audience: 'raadslid',
    created: '2026-09-01T09:00',
    confirmed: '2026-09-01T09:10',
    unsubscribed: '2026-11-03T12:00',
    status: 'unsubscribed',
    themes: ['bestuur'],
  },
  s4: {
    audience: 'anders',
    created: '2026-10-20T09:00',
    confirmed: '2026-10-20T09:00',
    unsubscribed: '2026-11-10T15:00',
    status: 'unsubscribed',
    themes: [],
    erased: true,
  },
  s5: { audience: 'anders', created: '2026-12-30T08:00', status: 'pending', themes: ['zorg'] },
  s6: {
    audience: 'anders',
    created: '2026-08-01T08:00',
    confirmed: '2026-08-01T08:00',
    status: 'paused',
    themes: ['bestuur'],
  },
  // Left in October and came back by undoing it: the unsubscribe stays in the history.
  s7: {
    audience: 'commissielid',
    created: '2026-06-01T08:00',
    confirmed: '2026-06-01T08:00',
    status: 'active',
    themes: ['zorg'],
  },
};

let database: Db;
let newsletterId: number;
const ids = new Map<string, number>();

export function addNewsletter(slug: string) {
  return database
    .insert(newsletters)
    .values({
      slug,
      name: slug,
      organisation: 'GGD',
      senderName: slug,
      senderEmail: `${slug}@ggd.example`,
    })
    .returning()
    .get().id;
}

/** Two themes in use, an archived one nobody reads and an archived one somebody still reads. */
function addThemes() {
  return new Map<string, number>(
    (
      [
        ['bestuur', 1, null],
        ['zorg', 2, null],
        ['oud', 3, at('2026-01-01T00:00')],
        ['vroeger', 4, at('2026-01-01T00:00')],
      ] as const
    ).map(([slug, position, archivedAt]) => [
      slug,
      database
        .insert(themes)
        .values({
          newsletterId,
          slug,
          name: slug[0]!.toUpperCase() + slug.slice(1),
          position,
          archivedAt,
        })
        .returning()
        .get().id,
    ]),
  );
}

function addReaders(otherId: number) {
  const themeIds = addThemes();
  for (const [key, r] of Object.entries(readers)) {
    const erasedAt = r.erased ? at(r.unsubscribed!) : null;
    const subscriberId = database
      .insert(subscribers)
      .values({
        email: r.erased ? null : `${key}@ggd.example`,
        audience: r.audience,
        status: r.erased ? 'erased' : 'active',
        erasedAt,
      })
      .returning()
      .get().id;
    ids.set(key, subscriberId);
    const subscriptionId = database
      .insert(subscriptions)
      .values({
        subscriberId,
        newsletterId,
        status: r.status,
        createdAt: at(r.created),
        confirmedAt: r.confirmed ? at(r.confirmed) : null,
        unsubscribedAt: r.unsubscribed ? at(r.unsubscribed) : null,
      })
      .returning()
      .get().id;
    for (const theme of r.themes)
      database
        .insert(subscriptionThemes)
        .values({ subscriptionId, themeId: themeIds.get(theme)! })
        .run();
  }
  const event = (key: string, newsletter: number, when: string) =>
    database
      .insert(consentEvents)
      .values({
        subscriberId: ids.get(key)!,
        newsletterId: newsletter,
        kind: 'unsubscribed',
        source: 'afmeldpagina',
        createdAt: at(when),
      })
      .run();
  event('s3', newsletterId, '2026-11-03T12:00');
  event('s7', newsletterId, '2026-10-15T12:00');
  event('s1', otherId, '2026-10-15T12:00');
  // s1 also reads the other newsletter, signed up in the same week.
  database
    .insert(subscriptions)
    .values({
      subscriberId: ids.get('s1')!,
      newsletterId: otherId,
      status: 'active',
      createdAt: at('2026-10-06T10:00'),
      confirmedAt: at('2026-10-06T10:00'),
    })
    .run();
}

function addIssue(newsletter: number, number: number, sentAt: string | null) {
  return database
    .insert(issues)
    .values({
      newsletterId: newsletter,
      number,
      slug: String(number),
      status: sentAt ? 'sent' : 'concept',
      sentAt: sentAt ? at(sentAt) : null,
    })
    .returning()
    .get().id;
}

function deliver(issueId: number, key: string, status: 'sent' | 'failed' | 'skipped') {
  return database
    .insert(deliveries)
    .values({ issueId, subscriberId: ids.get(key)!, status })
    .returning()
    .get().id;
}

let dedupe = 0;
function bounce(
  deliveryId: number,
  kind: 'hard' | 'soft' | 'complaint' | 'unsubscribe',
  when: string,
) {
  database
    .insert(bounceEvents)
    .values({ dedupeKey: `b${++dedupe}`, source: 'smtp', kind, deliveryId, receivedAt: at(when) })
    .run();
}

function addSends(otherId: number) {
  const before = addIssue(newsletterId, 1, '2026-09-20T09:00');
  const first = addIssue(newsletterId, 2, '2026-10-08T09:00');
  const second = addIssue(newsletterId, 3, '2026-11-05T09:00');
  addIssue(newsletterId, 4, null);
  const other = addIssue(otherId, 1, '2026-10-08T09:00');
  const d1 = deliver(first, 's1', 'sent');
  const d2 = deliver(first, 's2', 'failed');
  deliver(second, 's1', 'sent');
  deliver(second, 's2', 'sent');
  deliver(second, 's3', 'skipped');
  const dOther = deliver(other, 's1', 'sent');
  bounce(d1, 'hard', '2026-10-08T10:00');
  bounce(d2, 'soft', '2026-10-09T10:00');
  bounce(d2, 'complaint', '2026-10-20T10:00');
  bounce(d1, 'unsubscribe', '2026-10-20T11:00');
  bounce(dOther, 'hard', '2026-10-08T10:00');
  const [l1, l2] = database
    .insert(issueLinks)
    .values([
      { issueId: first, position: 1, url: 'https://a.example/1' },
      { issueId: first, position: 2, url: 'https://a.example/2' },
    ])
    .returning()
    .all();
  database
    .insert(linkClicks)
    .values([
      { linkId: l1!.id, hour: 493_000, clicks: 3, automated: 5 },
      { linkId: l1!.id, hour: 493_001, clicks: 2, automated: 0 },
      { linkId: l2!.id, hour: 493_000, clicks: 1, automated: 7 },
    ])
    .run();
  database
    .insert(archiveViews)
    .values([
      { issueId: first, day: 20_540, views: 4 },
      { issueId: first, day: 20_541, views: 5 },
      { issueId: before, day: 20_541, views: 50 },
    ])
    .run();
  return { first, second };
}

/**
 * Writes the quarter into `into`: the newsletter under test, a second one beside it, their
 * readers and sends. Returns the ids the tests check against.
 */
export function writeQuarter(into: Db) {
  database = into;
  newsletterId = addNewsletter('raadsnieuws');
  const otherId = addNewsletter('zorgpost');
  addReaders(otherId);
  return { newsletterId, sent: addSends(otherId) };
}
