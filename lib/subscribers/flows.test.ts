import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  auditLog,
  consentEvents,
  newsletters,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { DAY_MS } from './consent';
import { SubscriberError } from './errors';
import { confirmEmailChange } from './flows-address';
import { currentTokenVersion } from './flows-common';
import { updatePreferences } from './flows-preferences';
import { confirmSignUp, freshLinkFor, requestSignUp } from './flows-sign-up';
import { suppress } from './suppression';
import { undoUnsubscribe, unsubscribe } from './flows-unsubscribe';

let database: Db;
let newsletterId: number;
let otherNewsletterId: number;
let themeIds: number[];

function addNewsletter(slug: string) {
  const id = database
    .insert(newsletters)
    .values({
      slug,
      name: slug,
      organisation: 'VSG',
      senderName: 'VSG',
      senderEmail: 'nieuws@vsg.test',
    })
    .returning()
    .get().id;
  const ids = ['bestuur', 'financien', 'sociaal'].map(
    (t, i) =>
      database
        .insert(themes)
        .values({ newsletterId: id, slug: t, name: t, position: i })
        .returning()
        .get().id,
  );
  return { id, ids };
}

beforeEach(() => {
  database = testDb();
  ({ id: newsletterId, ids: themeIds } = addNewsletter('raadsbericht'));
  otherNewsletterId = addNewsletter('griffiebericht').id;
});

const signUp = (overrides: Partial<Parameters<typeof requestSignUp>[1]> = {}) =>
  database.transaction((tx) =>
    requestSignUp(tx, {
      email: 'jan@gemeente.nl',
      name: 'Jan',
      audience: 'raadslid',
      themeIds: themeIds.slice(0, 2),
      newsletterId,
      wordingVersion: 'w1',
      source: 'test',
      client: '127.0.0.1',
      ...overrides,
    }),
  );

/** A sign-up of an address that is not suppressed. */
const request = (overrides: Partial<Parameters<typeof requestSignUp>[1]> = {}) => {
  const result = signUp(overrides);
  if (result.outcome === 'suppressed') throw new Error('Onverwacht onderdrukt');
  return result;
};

const subscription = (subscriberId: number, nid = newsletterId) =>
  database
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.subscriberId, subscriberId), eq(subscriptions.newsletterId, nid)))
    .get()!;
const kinds = (subscriberId: number) =>
  database
    .select({ k: consentEvents.kind })
    .from(consentEvents)
    .where(eq(consentEvents.subscriberId, subscriberId))
    .all()
    .map((e) => e.k);

describe('sign-up with double opt-in', () => {
  it('creates a pending subscription and confirms it with the requested themes and proof of consent', () => {
    const signUp = request();
    expect(signUp.outcome).toBe('confirm');
    expect(subscription(signUp.claims.subscriberId).status).toBe('pending');

    expect(database.transaction((tx) => confirmSignUp(tx, signUp.claims))).toBe('confirmed');
    const sub = subscription(signUp.claims.subscriberId);
    expect(sub.status).toBe('active');
    expect(sub.confirmedAt).toBeInstanceOf(Date);
    const chosen = database
      .select()
      .from(subscriptionThemes)
      .where(eq(subscriptionThemes.subscriptionId, sub.id))
      .all()
      .map((t) => t.themeId);
    expect(chosen.sort()).toEqual(themeIds.slice(0, 2).sort());
    const confirmed = database
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.kind, 'confirmed'))
      .get()!;
    expect(confirmed).toMatchObject({
      source: 'bevestigingslink',
      wordingVersion: 'w1',
      newsletterId,
    });
    expect(kinds(signUp.claims.subscriberId)).toEqual(['subscribe_requested', 'confirmed']);
  });

  it('does not touch an existing subscriber’s details until the mailbox owner confirms', () => {
    const first = request();
    database.transaction((tx) => confirmSignUp(tx, first.claims));
    const again = request({
      name: 'Iemand anders',
      audience: 'griffier',
      themeIds: [themeIds[2]!],
    });
    expect(again.outcome).toBe('already');
    const person = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.id, first.claims.subscriberId))
      .get()!;
    expect(person).toMatchObject({ name: 'Jan', audience: 'raadslid' });
  });

  it('refuses unknown themes, themes of another newsletter and no themes at all, and writes nothing', () => {
    const otherTheme = database
      .select()
      .from(themes)
      .where(eq(themes.newsletterId, otherNewsletterId))
      .get()!.id;
    for (const ids of [[999], [otherTheme], []]) {
      expect(() => request({ themeIds: ids })).toThrow(SubscriberError);
    }
    expect(database.select().from(subscribers).all()).toHaveLength(0);
  });

  it('refuses to confirm a request older than seven days', () => {
    const signUp = request();
    expect(() =>
      database.transaction((tx) =>
        confirmSignUp(tx, signUp.claims, new Date(Date.now() + 8 * DAY_MS)),
      ),
    ).toThrow(/verlopen/);
    expect(subscription(signUp.claims.subscriberId).status).toBe('pending');
  });

  it('brings a bounced address back when its owner confirms again', () => {
    const signUp = request();
    database.update(subscribers).set({ status: 'bounced', hardBounces: 3, softBounces: 2 }).run();
    database.transaction((tx) => confirmSignUp(tx, signUp.claims));
    expect(database.select().from(subscribers).get()).toMatchObject({
      status: 'active',
      hardBounces: 0,
      softBounces: 0,
    });
  });
});

function confirmedIn(nid: number, ids: number[]) {
  const signUp = request({ newsletterId: nid, themeIds: ids });
  database.transaction((tx) => confirmSignUp(tx, signUp.claims));
  return signUp.claims;
}

describe('unsubscribe', () => {
  it('leaves other newsletters alone, is idempotent, and can be undone with the same themes', () => {
    const a = confirmedIn(newsletterId, themeIds.slice(0, 2));
    const otherThemes = database
      .select()
      .from(themes)
      .where(eq(themes.newsletterId, otherNewsletterId))
      .all()
      .map((t) => t.id);
    confirmedIn(otherNewsletterId, otherThemes.slice(0, 1));

    database.transaction((tx) => unsubscribe(tx, a, 'one-click'));
    database.transaction((tx) => unsubscribe(tx, a, 'one-click'));
    expect(subscription(a.subscriberId).status).toBe('unsubscribed');
    expect(subscription(a.subscriberId, otherNewsletterId).status).toBe('active');
    expect(kinds(a.subscriberId).filter((k) => k === 'unsubscribed')).toHaveLength(1);

    database.transaction((tx) => undoUnsubscribe(tx, a));
    const sub = subscription(a.subscriberId);
    expect(sub.status).toBe('active');
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.subscriptionId, sub.id))
        .all(),
    ).toHaveLength(2);
  });

  it('will not turn an unconfirmed sign-up into a subscription by "undo"', () => {
    const pending = request().claims;
    database.transaction((tx) => unsubscribe(tx, pending, 'afmeldpagina'));
    expect(() => database.transaction((tx) => undoUnsubscribe(tx, pending))).toThrow(
      /nooit bevestigd/,
    );
    expect(subscription(pending.subscriberId).status).toBe('unsubscribed');
  });
});

describe('preferences', () => {
  const prefs = (overrides: Partial<Parameters<typeof updatePreferences>[2]> = {}) => ({
    email: 'jan@gemeente.nl',
    name: 'Jan de Vries',
    audience: 'griffier' as const,
    themeIds: [themeIds[2]!],
    pauseDays: null,
    ...overrides,
  });

  it('changes name, group, themes and pauses for the chosen period', () => {
    const claims = confirmedIn(newsletterId, themeIds);
    const now = new Date('2026-11-28T10:00:00Z');
    database.transaction((tx) => updatePreferences(tx, claims, prefs({ pauseDays: 30 }), now));
    expect(database.select().from(subscribers).get()).toMatchObject({
      name: 'Jan de Vries',
      audience: 'griffier',
    });
    const sub = subscription(claims.subscriberId);
    expect(sub).toMatchObject({
      status: 'paused',
      pausedUntil: new Date(now.getTime() + 30 * DAY_MS),
    });
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .all()
        .map((t) => t.themeId),
    ).toEqual([themeIds[2]]);

    database.transaction((tx) => updatePreferences(tx, claims, prefs()));
    expect(subscription(claims.subscriberId)).toMatchObject({
      status: 'active',
      pausedUntil: null,
    });
  });

  it('keeps the old address until the new one is confirmed, then revokes old links', () => {
    const claims = confirmedIn(newsletterId, themeIds);
    const result = database.transaction((tx) =>
      updatePreferences(tx, claims, prefs({ email: 'jan@nieuw.nl' })),
    );
    expect(result.emailChange).toBe('jan@nieuw.nl');
    expect(database.select().from(subscribers).get()).toMatchObject({
      email: 'jan@gemeente.nl',
      pendingEmail: 'jan@nieuw.nl',
    });

    const fresh = database.transaction((tx) => confirmEmailChange(tx, claims));
    expect(database.select().from(subscribers).get()).toMatchObject({
      email: 'jan@nieuw.nl',
      pendingEmail: null,
    });
    expect(fresh.version).toBe(claims.version + 1);
    expect(currentTokenVersion(database, claims.subscriberId)).toBe(fresh.version);
  });

  it('refuses to move to an address another subscriber already has', () => {
    const claims = confirmedIn(newsletterId, themeIds);
    request({ email: 'bezet@gemeente.nl' });
    database.transaction((tx) =>
      updatePreferences(tx, claims, prefs({ email: 'bezet@gemeente.nl' })),
    );
    expect(() => database.transaction((tx) => confirmEmailChange(tx, claims))).toThrow(
      /al aangemeld/,
    );
    expect(
      database.select().from(subscribers).where(eq(subscribers.id, claims.subscriberId)).get()!
        .email,
    ).toBe('jan@gemeente.nl');
  });

  it('refuses changes to a subscription that was left', () => {
    const claims = confirmedIn(newsletterId, themeIds);
    database.transaction((tx) => unsubscribe(tx, claims, 'afmeldpagina'));
    expect(() => database.transaction((tx) => updatePreferences(tx, claims, prefs()))).toThrow(
      SubscriberError,
    );
  });
});

describe('fresh links', () => {
  it('gives a subscriber a preferences link, a pending one a new confirmation, and nobody else anything', () => {
    const claims = confirmedIn(newsletterId, themeIds);
    expect(
      database.transaction((tx) => freshLinkFor(tx, 'jan@gemeente.nl', newsletterId)),
    ).toMatchObject({ kind: 'preferences', claims });
    request({ email: 'piet@gemeente.nl' });
    expect(
      database.transaction((tx) => freshLinkFor(tx, 'piet@gemeente.nl', newsletterId))?.kind,
    ).toBe('confirm');
    expect(
      database.transaction((tx) => freshLinkFor(tx, 'onbekend@gemeente.nl', newsletterId)),
    ).toBeNull();
    database.transaction((tx) => unsubscribe(tx, claims, 'afmeldpagina'));
    expect(
      database.transaction((tx) => freshLinkFor(tx, 'jan@gemeente.nl', newsletterId)),
    ).toBeNull();
  });
});

describe('a suppressed address', () => {
  beforeEach(() => {
    database.transaction((tx) => suppress(tx, { email: 'weg@gemeente.nl', reason: 'erased' }));
  });

  it('signs up to nothing: no subscriber, no request, an audit line without the address', () => {
    expect(signUp({ email: 'weg@gemeente.nl' })).toEqual({ outcome: 'suppressed' });
    expect(database.select().from(subscribers).all()).toEqual([]);
    expect(database.select().from(consentEvents).all()).toEqual([]);
    const [line] = database.select().from(auditLog).all();
    expect(line).toMatchObject({
      actorId: null,
      actorLabel: 'Aanmeldformulier',
      action: 'subscriber.signUpSuppressed',
      entityType: 'suppression',
      summary: expect.stringContaining('staat op de onderdrukkingslijst'),
    });
    expect(JSON.stringify(line)).not.toContain('weg@gemeente.nl');
  });

  it('gets no fresh link either, not even for a subscription pending from before', () => {
    request({ email: 'jan@gemeente.nl' });
    const fresh = () =>
      database.transaction((tx) => freshLinkFor(tx, 'jan@gemeente.nl', newsletterId));
    expect(fresh()?.kind).toBe('confirm');
    database.transaction((tx) => suppress(tx, { email: 'jan@gemeente.nl', reason: 'manual' }));
    expect(fresh()).toBeNull();
  });
});
