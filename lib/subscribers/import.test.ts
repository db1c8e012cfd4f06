import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { seed } from '@/scripts/seed';
import {
  consentEvents,
  newsletters,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
} from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { suppress } from './suppression';
import {
  commitImport,
  loadImportContext,
  planImport,
  readImportFile,
  type ImportRow,
} from './import';

let database: ReturnType<typeof testDb>;
let newsletterId: number;

beforeEach(() => {
  database = testDb();
  seed(database);
  newsletterId = database.select().from(newsletters).get()!.id;
});

const rows = (text: string): ImportRow[] => {
  const read = readImportFile(text);
  if (!read.ok) throw new Error(read.message);
  return read.rows;
};

const plan = (text: string) => planImport(rows(text), loadImportContext(database, newsletterId));

function unsubscribe(email: string) {
  const id = database.select().from(subscribers).where(eq(subscribers.email, email)).get()!.id;
  database
    .update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: new Date() })
    .where(eq(subscriptions.subscriberId, id))
    .run();
}

describe('readImportFile', () => {
  it('maps Dutch and English headers in any order and numbers rows as the spreadsheet does', () => {
    expect(rows('\ufeffNaam;E-mail;Thema’s\nAn;an@x.nl;bestuur')).toEqual([
      { line: 2, email: 'an@x.nl', name: 'An', municipality: '', audience: '', themes: 'bestuur' },
    ]);
    expect(
      rows(
        'email,name,municipality,audience,themes\nb@x.nl,Bo,Ede,griffier,"bestuur,financien"',
      )[0],
    ).toMatchObject({ municipality: 'Ede', audience: 'griffier', themes: 'bestuur,financien' });
  });

  it('refuses a file without an email column or without rows, in Dutch', () => {
    expect(readImportFile('naam;gemeente\nAn;Ede')).toMatchObject({
      ok: false,
      message: expect.stringContaining('kolom "email"'),
    });
    expect(readImportFile('')).toEqual({
      ok: false,
      error: 'leeg',
      message: 'Het bestand is leeg.',
    });
  });
});

describe('planImport', () => {
  it('sorts rows into new, updated, invalid, duplicate and previously unsubscribed', () => {
    unsubscribe('f.elamrani@raad-utrecht.example');
    const result = plan(
      [
        'email;naam;gemeente;functie;themas',
        'nieuw@gemeente.example;Nieuwe Naam;Ede;Griffier;bestuur|Financiën',
        'J.DeVries@Raad-Zwolle.example;;;;',
        'geen-adres;X;;;',
        'nieuw@GEMEENTE.example;Dubbel;;;',
        'f.elamrani@raad-utrecht.example;Fatima;;;',
        'fout-thema@gemeente.example;;;;onbestaand',
        'fout-functie@gemeente.example;;;wethouder;',
        'html@gemeente.example;<b>Jan</b>;;;',
      ].join('\n'),
    );
    expect(result.total).toBe(8);
    expect(result.create.map((r) => r.email)).toEqual(['nieuw@gemeente.example']);
    expect(result.create[0]).toMatchObject({
      line: 2,
      name: 'Nieuwe Naam',
      municipality: 'Ede',
      audience: 'griffier',
    });
    expect(result.create[0]!.themeIds).toHaveLength(2);
    expect(result.update.map((r) => [r.line, r.email, r.name])).toEqual([
      [3, 'j.devries@raad-zwolle.example', null],
    ]);
    expect(result.duplicate).toEqual([{ line: 5, email: 'nieuw@gemeente.example', firstLine: 2 }]);
    expect(result.unsubscribed).toEqual([{ line: 6, email: 'f.elamrani@raad-utrecht.example' }]);
    expect(result.invalid.map((r) => [r.line, r.reason])).toEqual([
      [4, 'Dit is geen geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.'],
      [7, 'Onbekend thema "onbestaand".'],
      [8, expect.stringContaining('Onbekende functie "wethouder"')],
      [9, 'Een naam mag geen < of > bevatten.'],
    ]);
  });
});

describe('commitImport', () => {
  it('adds new subscribers as active with an imported consent event, updates others, and leaves the unsubscribed alone', () => {
    unsubscribe('f.elamrani@raad-utrecht.example');
    const before = database.select().from(subscribers).all().length;
    const result = plan(
      [
        'email;naam;functie;themas',
        'nieuw@gemeente.example;Nieuw;raadslid;',
        'j.devries@raad-zwolle.example;Jeroen V.;;bestuur',
        'f.elamrani@raad-utrecht.example;Anders;;',
      ].join('\n'),
    );
    const counts = commitImport(database, result, {
      newsletterId,
      editorId: 'editor-1',
      fileName: 'lijst.csv',
    });
    expect(counts).toEqual({
      created: 1,
      updated: 1,
      invalid: 0,
      duplicate: 0,
      unsubscribed: 1,
      suppressed: 0,
    });
    expect(database.select().from(subscribers).all()).toHaveLength(before + 1);

    const added = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'nieuw@gemeente.example'))
      .get()!;
    expect(added).toMatchObject({ name: 'Nieuw', audience: 'raadslid', status: 'active' });
    const sub = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, added.id))
      .get()!;
    expect(sub.status).toBe('active');
    // No themes given: a new subscriber gets all of them, as on the sign-up form.
    const allThemes = database
      .select()
      .from(themes)
      .where(eq(themes.newsletterId, newsletterId))
      .all();
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.subscriptionId, sub.id))
        .all(),
    ).toHaveLength(allThemes.length);
    expect(
      database.select().from(consentEvents).where(eq(consentEvents.subscriberId, added.id)).all(),
    ).toEqual([
      expect.objectContaining({
        kind: 'imported',
        source: 'csv-import',
        newsletterId,
        details: { editorId: 'editor-1', fileName: 'lijst.csv' },
      }),
    ]);

    const jeroen = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'j.devries@raad-zwolle.example'))
      .get()!;
    expect(jeroen.name).toBe('Jeroen V.');
    expect(jeroen.municipality).toBe('Zwolle');
    const jeroenSub = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, jeroen.id))
      .get()!;
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.subscriptionId, jeroenSub.id))
        .all(),
    ).toHaveLength(1);

    const fatima = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'f.elamrani@raad-utrecht.example'))
      .get()!;
    expect(fatima.name).toBe('Fatima El Amrani');
    expect(
      database.select().from(subscriptions).where(eq(subscriptions.subscriberId, fatima.id)).get()!
        .status,
    ).toBe('unsubscribed');
  });

  it('turns a pending sign-up into an active subscription', () => {
    const jeroen = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'j.devries@raad-zwolle.example'))
      .get()!;
    database
      .update(subscriptions)
      .set({ status: 'pending', confirmedAt: null })
      .where(eq(subscriptions.subscriberId, jeroen.id))
      .run();
    commitImport(database, plan('email\nj.devries@raad-zwolle.example'), {
      newsletterId,
      editorId: null,
      fileName: 'x.csv',
    });
    expect(
      database.select().from(subscriptions).where(eq(subscriptions.subscriberId, jeroen.id)).get()!
        .status,
    ).toBe('active');
    expect(
      database
        .select()
        .from(consentEvents)
        .where(eq(consentEvents.subscriberId, jeroen.id))
        .all()
        .map((e) => e.kind),
    ).toEqual(['confirmed', 'imported']);
  });

  it('subscribes a known person to a second newsletter without touching the first', () => {
    const other = database
      .insert(newsletters)
      .values({
        slug: 'tweede',
        name: 'Tweede',
        organisation: 'VSG',
        senderName: 'VSG',
        senderEmail: 'info@vsg.example',
      })
      .returning()
      .get();
    database
      .insert(themes)
      .values({ newsletterId: other.id, slug: 'alles', name: 'Alles', position: 1 })
      .run();
    const read = readImportFile('email;themas\nj.devries@raad-zwolle.example;');
    if (!read.ok) throw new Error(read.message);
    const result = planImport(read.rows, loadImportContext(database, other.id));
    expect(result.update).toHaveLength(1);
    commitImport(database, result, { newsletterId: other.id, editorId: null, fileName: 'x.csv' });
    const jeroen = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'j.devries@raad-zwolle.example'))
      .get()!;
    const subs = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, jeroen.id))
      .all();
    expect(subs.map((s) => [s.newsletterId, s.status])).toEqual([
      [newsletterId, 'active'],
      [other.id, 'active'],
    ]);
    expect(
      database
        .select()
        .from(subscriptionThemes)
        .where(eq(subscriptionThemes.subscriptionId, subs[1]!.id))
        .all(),
    ).toHaveLength(1);
  });
});

describe('the themes an import maps to', () => {
  it('are the chosen newsletter’s active ones: an archived theme is refused, and not given by default', () => {
    const [kept, gone] = database
      .select()
      .from(themes)
      .where(eq(themes.newsletterId, newsletterId))
      .all();
    database.update(themes).set({ archivedAt: new Date() }).where(eq(themes.id, gone!.id)).run();
    const result = plan(
      `email;themas\nnieuw-een@gemeente.example;${gone!.name}\nnieuw-twee@gemeente.example;`,
    );
    expect(result.invalid.map((r) => r.email)).toEqual(['nieuw-een@gemeente.example']);
    expect(result.invalid[0]!.reason).toContain(gone!.name);
    commitImport(database, result, { newsletterId, editorId: null, fileName: 'x.csv' });
    const subscriber = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'nieuw-twee@gemeente.example'))
      .get()!;
    const subscription = database
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.subscriberId, subscriber.id))
      .get()!;
    const given = database
      .select()
      .from(subscriptionThemes)
      .where(eq(subscriptionThemes.subscriptionId, subscription.id))
      .all()
      .map((t) => t.themeId);
    expect(given).toContain(kept!.id);
    expect(given).not.toContain(gone!.id);
  });
});

describe('suppressed addresses', () => {
  const file = [
    'email;naam',
    'nieuw@gemeente.example;Nieuw',
    'Kapot@Gemeente.example;Kapot',
    'weg@gemeente.example;Gewist en terug',
    'j.devries@raad-zwolle.example;Jeroen',
  ].join('\n');

  beforeEach(() => {
    database.transaction((tx) => {
      suppress(tx, { email: 'kapot@gemeente.example', reason: 'hard_bounce' });
      suppress(tx, { email: 'weg@gemeente.example', reason: 'erased' });
      suppress(tx, { email: 'j.devries@raad-zwolle.example', reason: 'complaint' });
    });
  });

  it('are planned as skipped, also an erased one and a known subscriber', () => {
    const result = plan(file);
    expect(result.create.map((r) => r.email)).toEqual(['nieuw@gemeente.example']);
    expect(result.update).toEqual([]);
    expect(result.suppressed).toEqual([
      { line: 3, email: 'kapot@gemeente.example' },
      { line: 4, email: 'weg@gemeente.example' },
      { line: 5, email: 'j.devries@raad-zwolle.example' },
    ]);
  });

  it('are not written by the commit: no subscriber, no reactivated sign-up', () => {
    const jeroen = database
      .select()
      .from(subscribers)
      .where(eq(subscribers.email, 'j.devries@raad-zwolle.example'))
      .get()!;
    database
      .update(subscriptions)
      .set({ status: 'pending', confirmedAt: null })
      .where(eq(subscriptions.subscriberId, jeroen.id))
      .run();
    const counts = commitImport(database, plan(file), {
      newsletterId,
      editorId: null,
      fileName: 'x.csv',
    });
    expect(counts).toMatchObject({ created: 1, updated: 0, suppressed: 3 });
    for (const email of ['kapot@gemeente.example', 'weg@gemeente.example'])
      expect(database.select().from(subscribers).where(eq(subscribers.email, email)).get()).toBe(
        undefined,
      );
    expect(
      database.select().from(subscriptions).where(eq(subscriptions.subscriberId, jeroen.id)).get()!
        .status,
    ).toBe('pending');
  });
});
