import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, issues, newsletters } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// The newsletter actions called with the form's own fields (repeated footer link fields, an
// unticked checkbox), as the screen posts them.
const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', () => session.navigationModule());

const actions = await import('./actions');
const { createIssueAction } = await import('../nummers/actions');
const { idle } = await import('@/lib/action-state');
const database = () => state.database as ReturnType<typeof testDb>;

const { signInAs } = session;

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const zorgpost = {
  name: 'Zorgpost',
  slug: 'zorgpost',
  organisation: 'GGD Regio Oost',
  senderName: 'Zorgpost',
  senderEmail: 'zorgpost@ggd-oost.example',
  brandColor: '#1b5e20',
  titlePattern: '{naam} {nummer}',
  unsubscribeLabel: 'Afmelden',
  preferencesLabel: 'Gegevens wijzigen',
  footerLinkLabel: ['Contact', '', ''],
  footerLinkUrl: ['https://ggd-oost.example/contact', '', ''],
};
/** A newsletter's settings form as it posts them, boxes unticked but for four eyes. */
function formOf(n: typeof newsletters.$inferSelect): Record<string, string | string[]> {
  const { id, name, slug, description, organisation, senderName, senderEmail, brandColor } = n;
  const { titlePattern, footerText, contactLine, postalAddress, reasonLine } = n;
  const { unsubscribeLabel, preferencesLabel } = n;
  return {
    ...{ id: String(id), name, slug, description, organisation, senderName, senderEmail },
    ...{ brandColor, titlePattern, footerText, contactLine, postalAddress, reasonLine },
    ...{ unsubscribeLabel, preferencesLabel },
    replyTo: n.replyTo ?? '',
    listIdDomain: n.listIdDomain ?? '',
    logoUrl: n.logoUrl ?? '',
    logoAlt: n.logoAlt ?? '',
    logoMediaId: n.logoMediaId === null ? '' : String(n.logoMediaId),
    privacyUrl: n.privacyUrl ?? '',
    ...(n.fourEyes ? { fourEyes: 'on' } : {}),
    footerLinkLabel: n.footerLinks.map((l) => l.label),
    footerLinkUrl: n.footerLinks.map((l) => l.url),
  };
}

const zorgpostRow = () =>
  database().select().from(newsletters).where(eq(newsletters.slug, 'zorgpost')).get();

beforeEach(() => {
  state.database = testDb();
  state.redirects = [];
  seed(database());
  signInAs('redactie@kopij.test');
});

describe('the newsletter form through its actions', () => {
  it('refuses a light colour with its ratio, then creates and opens the newsletter', async () => {
    const refused = await actions.createNewsletterAction(
      idle,
      form({ ...zorgpost, brandColor: '#8bc34a' }),
    );
    expect(refused.status).toBe('invalid');
    expect(refused.fieldErrors?.brandColor).toMatch(/^Deze kleur geeft 2,\d:1 contrast/);
    expect(zorgpostRow()).toBeUndefined();

    await actions.createNewsletterAction(idle, form(zorgpost));
    const row = zorgpostRow()!;
    expect(state.redirects).toEqual([`/redactie/nieuwsbrieven/${row.id}?aangemaakt=1`]);
    expect(row).toMatchObject({
      fourEyes: false, // the box was not ticked, so it was not posted
      footerLinks: [{ label: 'Contact', url: 'https://ggd-oost.example/contact' }],
    });
  });

  it('changes, archives (no new issues then) and restores', async () => {
    await actions.createNewsletterAction(idle, form(zorgpost));
    const id = String(zorgpostRow()!.id);
    const saved = await actions.updateNewsletterAction(
      idle,
      form({ ...zorgpost, id, fourEyes: 'on', senderName: 'GGD Zorgpost' }),
    );
    expect(saved).toMatchObject({
      status: 'ok',
      message: 'De instellingen van Zorgpost zijn opgeslagen.',
    });
    expect(zorgpostRow()).toMatchObject({ fourEyes: true, senderName: 'GGD Zorgpost' });

    expect((await actions.archiveNewsletterAction(idle, form({ id }))).status).toBe('ok');
    const refused = await createIssueAction(idle, form({ newsletterId: id }));
    expect(refused).toEqual({
      status: 'invalid',
      message:
        'Zorgpost is gearchiveerd en krijgt geen nieuwe nummers. Zet de nieuwsbrief eerst terug.',
      fieldErrors: undefined,
    });
    expect(
      database()
        .select()
        .from(issues)
        .where(eq(issues.newsletterId, Number(id)))
        .all(),
    ).toEqual([]);

    expect((await actions.restoreNewsletterAction(idle, form({ id }))).status).toBe('ok');
    await createIssueAction(idle, form({ newsletterId: id }));
    expect(
      database()
        .select()
        .from(issues)
        .where(eq(issues.newsletterId, Number(id)))
        .all(),
    ).toHaveLength(1);
    const logged = database()
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.action);
    expect(logged).toEqual(
      expect.arrayContaining([
        'newsletter.created',
        'newsletter.updated',
        'newsletter.archived',
        'newsletter.restored',
        'issue.created',
      ]),
    );
  });

  it('lets only an admin switch click and open counting, and logs the change', async () => {
    const demo = () =>
      database().select().from(newsletters).where(eq(newsletters.slug, 'raadsbericht')).get()!;
    const before = demo();
    expect(before).toMatchObject({ clickTracking: true, openTracking: false });
    // The demo's own settings, as its form posts them, with "Klikken tellen" unticked (so not
    // posted) and "Openingen tellen" ticked.
    const fields = { ...formOf(before), openTracking: 'on' };

    signInAs('hoofdredactie@kopij.test');
    const refused = await actions.updateNewsletterAction(idle, form(fields));
    expect(refused).toEqual({ status: 'error', message: 'U heeft geen rechten voor deze actie.' });
    expect(demo()).toEqual(before);

    signInAs('redactie@kopij.test');
    const saved = await actions.updateNewsletterAction(idle, form(fields));
    expect(saved.status).toBe('ok');
    expect(demo()).toMatchObject({ clickTracking: false, openTracking: true });
    const logged = database()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'newsletter.updated'))
      .all();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.details).toEqual({
      changes: { clickTracking: [true, false], openTracking: [false, true] },
    });

    // And back: both boxes as the form posts them when "Klikken tellen" alone is ticked.
    await actions.updateNewsletterAction(idle, form({ ...formOf(demo()), clickTracking: 'on' }));
    expect(demo()).toMatchObject({ clickTracking: true, openTracking: false });
  });

  it('refuses a slug change of the demo newsletter, whose issues were sent', async () => {
    const demo = database()
      .select()
      .from(newsletters)
      .where(eq(newsletters.slug, 'raadsbericht'))
      .get()!;
    const refused = await actions.updateNewsletterAction(
      idle,
      form({ ...zorgpost, id: String(demo.id), slug: 'raadsbericht-2' }),
    );
    expect(refused.status).toBe('invalid');
    expect(refused.fieldErrors?.slug).toContain('kan niet meer veranderen');
    expect(database().select().from(newsletters).where(eq(newsletters.id, demo.id)).get()).toEqual(
      demo,
    );
  });
});
