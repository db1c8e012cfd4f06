import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/scripts/seed';
import { newsletters, subscribers, subscriptions, themes } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import {
  filterToParams,
  parseCursor,
  parseSubscriberFilter,
  type SubscriberFilter,
} from './admin-filter';
import { countSubscribers, listSubscribers } from './admin-list';

let database: ReturnType<typeof testDb>;
let newsletterId: number;
let theme: (slug: string) => number;

beforeAll(() => {
  database = testDb();
  seed(database);
  newsletterId = database.select().from(newsletters).get()!.id;
  const all = database.select().from(themes).all();
  theme = (slug) => all.find((t) => t.slug === slug)!.id;
  const venlo = database
    .select()
    .from(subscribers)
    .where(eq(subscribers.email, 'r.hendriks@gemeente-venlo.example'))
    .get()!;
  database
    .update(subscriptions)
    .set({ status: 'unsubscribed' })
    .where(eq(subscriptions.subscriberId, venlo.id))
    .run();
  database
    .update(subscribers)
    .set({ status: 'bounced' })
    .where(eq(subscribers.email, 'p.kok@griffie-hoorn.example'))
    .run();
});

const emails = (filter: SubscriberFilter) =>
  listSubscribers(database, filter, {}, 100).rows.map((r) => r.email);

describe('listSubscribers filters', () => {
  it('searches address and name, case-insensitively, with % and _ taken literally', () => {
    expect(emails({ q: 'JANSEN' })).toEqual(['m.jansen@raad-amersfoort.example']);
    expect(emails({ q: 'raad-zwolle' })).toEqual(['j.devries@raad-zwolle.example']);
    expect(emails({ q: '%' })).toEqual([]);
    expect(emails({ q: '_' })).toEqual([]);
  });

  it('filters on audience, subscriber status, subscription status, theme and newsletter together', () => {
    expect(emails({ audience: 'commissielid' })).toHaveLength(6);
    expect(emails({ status: 'bounced' })).toEqual(['p.kok@griffie-hoorn.example']);
    expect(emails({ subscription: 'unsubscribed', newsletterId })).toEqual([
      'r.hendriks@gemeente-venlo.example',
    ]);
    // Of the commissieleden, Freek Lammers has financien and Sevda Demir does not.
    const financien = emails({
      themeId: theme('financien'),
      audience: 'commissielid',
      subscription: 'active',
    });
    expect(financien).toContain('f.lammers@gemeente-oss.example');
    expect(financien).not.toContain('s.demir@commissie-eindhoven.example');
    expect(
      countSubscribers(database, {
        themeId: theme('financien'),
        audience: 'commissielid',
        subscription: 'active',
      }),
    ).toBe(financien.length);
    expect(emails({ newsletterId: 999 })).toEqual([]);
  });

  it('pages by keyset, newest first, forwards and back', () => {
    const first = listSubscribers(database, {}, {}, 20);
    expect(first.rows).toHaveLength(20);
    expect(first.previous).toBeUndefined();
    const second = listSubscribers(database, {}, { after: first.next }, 20);
    expect(second.rows[0]!.id).toBeLessThan(first.rows.at(-1)!.id);
    const third = listSubscribers(database, {}, { after: second.next }, 20);
    expect(third.rows).toHaveLength(10);
    expect(third.next).toBeUndefined();
    const back = listSubscribers(database, {}, { before: third.previous }, 20);
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect(back.previous).toBe(second.rows[0]!.id);
    expect(countSubscribers(database, {})).toBe(50);
  });
});

describe('filter in the query string', () => {
  it('round-trips and drops what it does not know', () => {
    const filter = parseSubscriberFilter({
      q: ' jan ',
      status: 'active',
      inschrijving: 'paused',
      functie: 'griffier',
      thema: '3',
      nieuwsbrief: '1',
    });
    expect(filter).toEqual({
      q: 'jan',
      status: 'active',
      subscription: 'paused',
      audience: 'griffier',
      themeId: 3,
      newsletterId: 1,
    });
    expect(parseSubscriberFilter(Object.fromEntries(filterToParams(filter)))).toEqual(filter);
    expect(
      parseSubscriberFilter({ status: 'weg', functie: ['a', 'b'], thema: '1; drop table' }),
    ).toEqual({
      q: undefined,
      status: undefined,
      subscription: undefined,
      audience: undefined,
      themeId: undefined,
      newsletterId: undefined,
    });
    expect(parseCursor({ na: '12', voor: '-1' })).toEqual({ after: 12, before: undefined });
  });
});
