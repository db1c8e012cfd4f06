import { describe, expect, it } from 'vitest';
import { issues, newsletters, themes } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { auditFilter, listAudit } from './list';

function fixture() {
  const database = testDb();
  seed(database);
  const demo = database.select().from(newsletters).get()!;
  const demoIssue = database.select().from(issues).get()!;
  const zorg = database
    .insert(newsletters)
    .values({
      slug: 'zorgpost',
      name: 'Zorgpost',
      organisation: 'GGD',
      senderName: 'Zorgpost',
      senderEmail: 'zorgpost@ggd.example',
    })
    .returning()
    .get();
  const zorgIssue = database
    .insert(issues)
    .values({ newsletterId: zorg.id, number: 1, slug: '1' })
    .returning()
    .get();
  const zorgTheme = database
    .insert(themes)
    .values({ newsletterId: zorg.id, slug: 'jeugd', name: 'Jeugd', position: 1 })
    .returning()
    .get();
  const log = (entityType: string, entityId: number | null, summary: string, details?: object) =>
    recordAudit(database, {
      actor: { id: null, label: 'test' },
      action: `${entityType}.test`,
      entityType,
      entityId,
      summary,
      details: details as Record<string, unknown> | undefined,
    });
  log('issue', demoIssue.id, 'demo-nummer');
  log('issue', zorgIssue.id, 'zorg-nummer');
  log('theme', zorgTheme.id, 'zorg-thema');
  log('newsletter', zorg.id, 'zorg-instellingen');
  log('newsletter', demo.id, 'demo-instellingen');
  log('suppression', 1, 'zorg-aanmelding', { newsletterId: zorg.id });
  log('editor', null, 'redacteur');
  // An entity id that happens to equal the newsletter's id, of a type that is no newsletter's.
  log('subscriber', zorg.id, 'abonnee');
  return { database, demo, zorg };
}

const summaries = (database: ReturnType<typeof testDb>, nieuwsbrief: number) =>
  listAudit(database, auditFilter.parse({ nieuwsbrief: String(nieuwsbrief) }))
    .rows.map((r) => r.summary)
    .sort();

describe('the audit log by newsletter', () => {
  it('keeps the lines about the newsletter, its issues and themes, and those naming it', () => {
    const { database, zorg } = fixture();
    expect(summaries(database, zorg.id)).toEqual(
      ['zorg-aanmelding', 'zorg-instellingen', 'zorg-nummer', 'zorg-thema'].sort(),
    );
  });

  it('keeps another newsletter’s lines apart', () => {
    const { database, demo } = fixture();
    const demoLines = summaries(database, demo.id);
    expect(demoLines).toContain('demo-nummer');
    expect(demoLines).toContain('demo-instellingen');
    expect(demoLines.filter((s) => s.startsWith('zorg'))).toEqual([]);
    expect(demoLines).not.toContain('abonnee');
  });

  it('ignores a malformed newsletter parameter, as a list filter should', () => {
    expect(auditFilter.parse({ nieuwsbrief: 'abc' }).nieuwsbrief).toBeUndefined();
    expect(auditFilter.parse({ nieuwsbrief: '-1' }).nieuwsbrief).toBeUndefined();
  });
});
