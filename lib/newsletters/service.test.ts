import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, issues, newsletters } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import {
  archiveNewsletter,
  createNewsletter,
  restoreNewsletter,
  updateNewsletter,
} from './service';
import { newsletterSettingsForm, type NewsletterSettingsInput } from './settings';

const actor = { id: null, label: 'Beheerder' };

const zorgpost: NewsletterSettingsInput = {
  name: 'Zorgpost',
  slug: 'zorgpost',
  description: 'Nieuws over zorg in de regio.',
  organisation: 'GGD Regio Oost',
  senderName: 'Zorgpost',
  senderEmail: ' Zorgpost@GGD-Oost.example ',
  replyTo: '',
  listIdDomain: '',
  brandColor: '#1B5E20',
  logoUrl: '',
  logoAlt: '',
  privacyUrl: 'https://ggd-oost.example/privacy',
  fourEyes: true,
  titlePattern: '{naam} nr. {nummer}',
  footerText: 'Zorgpost is een uitgave van de GGD Regio Oost.',
  contactLine: 'Vragen? Mail zorgpost@ggd-oost.example.',
  postalAddress: 'Postbus 1, 7400 AA Deventer',
  reasonLine: 'U ontvangt deze e-mail omdat u zich heeft aangemeld voor Zorgpost.',
  footerLinks: [{ label: 'Contact', url: 'mailto:zorgpost@ggd-oost.example' }],
  unsubscribeLabel: 'Afmelden',
  preferencesLabel: 'Voorkeuren',
};

let database: ReturnType<typeof testDb>;
beforeEach(() => {
  database = testDb();
  seed(database);
});

const tx = () => database as unknown as Parameters<typeof createNewsletter>[0];
const rows = () => database.select().from(newsletters).orderBy(newsletters.id).all();
const auditCount = () => database.select({ n: count() }).from(auditLog).get()!.n;
const demo = () =>
  database.select().from(newsletters).where(eq(newsletters.slug, 'raadsbericht')).get()!;

/** Runs a refused change and proves it wrote nothing: no row, no field, no log line changed. */
function expectNothingChanged(run: () => { ok: boolean }) {
  const before = { rows: rows(), audit: auditCount() };
  const result = run();
  expect(result.ok).toBe(false);
  expect({ rows: rows(), audit: auditCount() }).toEqual(before);
  return result as { ok: false; message: string; fieldErrors?: Record<string, string> };
}

describe('createNewsletter', () => {
  it('stores the normalised settings and logs it', () => {
    const result = createNewsletter(tx(), zorgpost, actor);
    expect(result).toMatchObject({ ok: true, message: 'Zorgpost is aangemaakt.' });
    const row = rows().find((r) => r.slug === 'zorgpost')!;
    expect(row).toMatchObject({
      senderEmail: 'zorgpost@ggd-oost.example',
      brandColor: '#1b5e20',
      replyTo: null,
      listIdDomain: null,
      titlePattern: '{naam} nr. {nummer}',
      footerLinks: [{ label: 'Contact', url: 'mailto:zorgpost@ggd-oost.example' }],
      archivedAt: null,
    });
    const line = database
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'newsletter.created'))
      .all();
    expect(line.at(-1)).toMatchObject({
      entityType: 'newsletter',
      entityId: String(row.id),
      actorLabel: 'Beheerder',
    });
  });

  it('refuses a slug another newsletter has', () => {
    const refused = expectNothingChanged(() =>
      createNewsletter(tx(), { ...zorgpost, slug: 'raadsbericht' }, actor),
    );
    expect(refused.fieldErrors?.slug).toBe(
      'Het webadres /archief/raadsbericht is al in gebruik bij een andere nieuwsbrief. Kies een andere korte naam.',
    );
  });

  it('refuses a slug that a page of Kopij already has (/aanmelden/controleer, /archief/lijst)', () => {
    for (const slug of ['controleer', 'lijst']) {
      const refused = expectNothingChanged(() =>
        createNewsletter(tx(), { ...zorgpost, slug }, actor),
      );
      expect(refused.fieldErrors?.slug).toBe(
        'Deze korte naam gebruikt Kopij al voor een eigen pagina; kies een andere.',
      );
    }
  });

  it('refuses a brand colour white text cannot be read on, naming the ratio', () => {
    const refused = expectNothingChanged(() =>
      createNewsletter(tx(), { ...zorgpost, brandColor: '#8bc34a' }, actor),
    );
    expect(refused.fieldErrors?.brandColor).toMatch(
      /^Deze kleur geeft 2,\d:1 contrast met witte tekst; kies een donkerder kleur \(minstens 4,5:1\)\.$/,
    );
  });

  it.each([
    ['senderEmail', { senderEmail: 'zorgpost@' }, 'Dit is geen geldig e-mailadres'],
    ['logoAlt', { logoUrl: 'https://ggd-oost.example/logo.png', logoAlt: '' }, 'alt-tekst'],
    ['logoUrl', { logoUrl: 'http://ggd-oost.example/logo.png', logoAlt: 'GGD' }, 'https://'],
    ['titlePattern', { titlePattern: '{naam}' }, 'moet {nummer} bevatten'],
    ['titlePattern', { titlePattern: '{nummer} {nr}' }, 'alleen {naam} en {nummer}'],
    ['slug', { slug: 'Zorg Post' }, 'kleine letters'],
    ['listIdDomain', { listIdDomain: 'https://lijst.example' }, 'domeinnaam'],
    [
      'footerLinks.0.url',
      { footerLinks: [{ label: 'Site', url: 'javascript:alert(1)' }] },
      'mailto',
    ],
    [
      'footerLinks.0.label',
      { footerLinks: [{ label: '', url: 'https://x.example' }] },
      'linktekst',
    ],
    [
      'footerLinks',
      { footerLinks: Array(7).fill({ label: 'a', url: 'https://x.example' }) },
      'Hoogstens 6',
    ],
    ['name', { name: 'Zorg\npost' }, 'één regel'],
  ])('refuses a bad %s and writes nothing', (field, change, message) => {
    const refused = expectNothingChanged(() =>
      createNewsletter(tx(), { ...zorgpost, ...change }, actor),
    );
    expect(refused.message).toBe('Controleer de gemarkeerde velden.');
    expect(refused.fieldErrors?.[field]).toContain(message);
  });
});

describe('updateNewsletter', () => {
  it('saves changes and logs which fields changed', () => {
    const { id } = createNewsletter(tx(), zorgpost, actor) as { id: number };
    const result = updateNewsletter(
      tx(),
      id,
      { ...zorgpost, slug: 'zorg-post', senderName: 'GGD Zorgpost' },
      actor,
    );
    expect(result).toEqual({ ok: true, message: 'De instellingen van Zorgpost zijn opgeslagen.' });
    expect(rows().find((r) => r.id === id)).toMatchObject({
      slug: 'zorg-post',
      senderName: 'GGD Zorgpost',
    });
    const line = database
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'newsletter.updated'))
      .get()!;
    expect(line.summary).toBe('Instellingen van Zorgpost gewijzigd: slug, senderName');
    expect(
      updateNewsletter(
        tx(),
        id,
        { ...zorgpost, slug: 'zorg-post', senderName: 'GGD Zorgpost' },
        actor,
      ),
    ).toEqual({
      ok: true,
      message: 'Er was niets gewijzigd.',
    });
  });

  it('refuses a slug change once an issue was sent, because archive URLs use it', () => {
    const current = demo();
    const refused = expectNothingChanged(() =>
      updateNewsletter(tx(), current.id, { ...current, slug: 'raadsbericht-nieuw' }, actor),
    );
    expect(refused.fieldErrors?.slug).toBe(
      'De korte naam kan niet meer veranderen: er zijn al nummers van Raadsbericht verzonden, en hun archiefadressen (/archief/raadsbericht/...) moeten blijven werken.',
    );
    // The other settings of the same newsletter still change.
    expect(
      updateNewsletter(tx(), current.id, { ...current, description: 'Nieuw.' }, actor).ok,
    ).toBe(true);
  });

  it('refuses another newsletter’s slug, a failing colour and a bad sender, leaving the row', () => {
    const { id } = createNewsletter(tx(), zorgpost, actor) as { id: number };
    expectNothingChanged(() =>
      updateNewsletter(tx(), id, { ...zorgpost, slug: 'raadsbericht' }, actor),
    );
    expectNothingChanged(() =>
      updateNewsletter(tx(), id, { ...zorgpost, brandColor: '#8bc34a' }, actor),
    );
    expectNothingChanged(() =>
      updateNewsletter(tx(), id, { ...zorgpost, senderEmail: 'geen adres' }, actor),
    );
    expectNothingChanged(() => updateNewsletter(tx(), 9999, zorgpost, actor));
  });
});

describe('archiveNewsletter and restoreNewsletter', () => {
  it('archives and restores, each once, with a log line', () => {
    const { id } = createNewsletter(tx(), zorgpost, actor) as { id: number };
    expect(archiveNewsletter(tx(), id, actor).ok).toBe(true);
    expect(rows().find((r) => r.id === id)!.archivedAt).toBeInstanceOf(Date);
    expectNothingChanged(() => archiveNewsletter(tx(), id, actor));
    expect(restoreNewsletter(tx(), id, actor).ok).toBe(true);
    expect(rows().find((r) => r.id === id)!.archivedAt).toBeNull();
    expectNothingChanged(() => restoreNewsletter(tx(), id, actor));
    const actions = database
      .select({ a: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(['newsletter.archived', 'newsletter.restored']));
  });

  it('refuses while an issue is scheduled', () => {
    const current = demo();
    database
      .update(issues)
      .set({ status: 'scheduled', scheduledAt: new Date() })
      .where(eq(issues.number, 24))
      .run();
    const refused = expectNothingChanged(() => archiveNewsletter(tx(), current.id, actor));
    expect(refused.message).toContain('ingepland');
  });
});

describe('newsletterSettingsForm', () => {
  it('reads the repeated footer link fields, keeps row numbers for errors and drops empty rows', () => {
    const form = {
      ...zorgpost,
      footerLinks: undefined,
      fourEyes: undefined,
      footerLinkLabel: ['Contact', '', 'Privacy'],
      footerLinkUrl: ['https://a.example', '', 'ftp://b.example'],
    };
    const bad = newsletterSettingsForm.safeParse(form);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['footerLinks', 2, 'url']);
    const good = newsletterSettingsForm.parse({
      ...form,
      footerLinkUrl: ['https://a.example', '', 'https://b.example'],
    });
    expect(good.footerLinks).toEqual([
      { label: 'Contact', url: 'https://a.example' },
      { label: 'Privacy', url: 'https://b.example' },
    ]);
    // An unticked checkbox is absent from the form: four-eyes off.
    expect(good.fourEyes).toBe(false);
  });
});
