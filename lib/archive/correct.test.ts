import { textBody } from '@/lib/test/issue-document';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, issueBlocks, issues, items, newsletters, reusableBlocks } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { correctionInput, correctSentIssue, type CorrectionInput } from './correct';
import { listSentIssues, sentIssue } from './queries';
import { searchArchive } from './search';
import { sentItemsOf } from '@/lib/issue/sent-items';

const actor = { id: 'editor-1', label: 'Eva de Vries (eva@kopij.test)' };

function demo() {
  const database = testDb();
  seed(database);
  database.run(
    sql`insert into users (id, email, name, role) values ('editor-1', 'eva@kopij.test', 'Eva de Vries', 'redacteur')`,
  );
  const newsletter = database.select().from(newsletters).get()!;
  const listed = listSentIssues(database, {}).issues[0]!;
  const issue = database.select().from(issues).where(eq(issues.id, listed.id)).get()!;
  const sent = [...sentItemsOf(database, issue.id).values()];
  const event = sent.find((i) => i.kind === 'event');
  const news = sent.find((i) => i.kind !== 'event')!;
  const page = () => sentIssue(database, newsletter.slug, issue.slug, 'https://x.nl')!;
  const base = (extra: Partial<CorrectionInput> = {}): CorrectionInput => ({
    issueId: issue.id,
    version: issue.version,
    subject: issue.subject,
    preheader: issue.preheader,
    note: 'Link hersteld.',
    items: {},
    blocks: {},
    ...extra,
  });
  return { database, newsletter, issue, news, event, page, base };
}

const allTitles = (content: ReturnType<typeof sentIssue>) =>
  [content!.content.lead, ...content!.content.sections.flatMap((s) => s.items)].map(
    (i) => i?.title,
  );
const state = (database: Db) => ({
  sent: database.all(sql`select * from sent_items order by issue_id, item_id`),
  issues: database.all(sql`select * from issues order by id`),
  blocks: database.all(sql`select * from issue_blocks order by id`),
  index: database.all(sql`select * from archive_search order by issue_id, item_id`),
  audit: database.all(sql`select count(*) as n from audit_log`),
});

describe('correctSentIssue', () => {
  it("changes the web version and search, not the library item, and logs every field's before and after", () => {
    const { database, issue, news, page, base } = demo();
    const oldWord = news.teaser
      .split(/\s+/)
      .find((w) => w.length > 6)!
      .replace(/\W/g, '');
    const result = correctSentIssue(
      database,
      base({
        subject: `${issue.subject} (herzien)`,
        note: 'Typefout in de titel en een dode link hersteld.',
        items: {
          [news.itemId]: {
            title: 'Gecorrigeerde kwartelkoningtitel',
            teaser: 'Nieuwe tekst zonder het oude woord.',
            url: 'https://voorbeeld.nl/werkt-wel',
          },
        },
      }),
      actor,
      new Date('2026-11-20T10:00:00Z'),
    );
    expect(result).toMatchObject({
      ok: true,
      paths: expect.arrayContaining([
        `/archief/${page().newsletter.slug}/${issue.slug}`,
        '/(publiek)/archief/lijst/[filter]',
        '/archief/feed.xml',
      ]),
    });

    const corrected = page();
    expect(corrected.content.subject).toBe(`${issue.subject} (herzien)`);
    expect(allTitles(corrected)).toContain('Gecorrigeerde kwartelkoningtitel');
    expect(corrected.correctedAt).toEqual(new Date('2026-11-20T10:00:00Z'));
    expect(corrected.correctionNote).toBe('Typefout in de titel en een dode link hersteld.');
    expect(database.select().from(items).where(eq(items.id, news.itemId)).get()!.title).toBe(
      news.title,
    );
    expect(database.select().from(issues).where(eq(issues.id, issue.id)).get()!.version).toBe(
      issue.version + 1,
    );

    expect(
      searchArchive(database, { q: 'kwartelkoningtitel', limit: 10, offset: 0 }).results.map(
        (r) => r.itemId,
      ),
    ).toEqual([news.itemId]);
    expect(
      searchArchive(database, { q: oldWord, limit: 50, offset: 0 }).results.filter(
        (r) => r.issueId === issue.id && r.itemId === news.itemId,
      ),
    ).toEqual([]);

    const entry = database
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'issue.corrected'))
      .get()!;
    expect(entry).toMatchObject({
      actorId: 'editor-1',
      actorLabel: actor.label,
      entityId: String(issue.id),
    });
    expect(entry.details).toEqual({
      note: 'Typefout in de titel en een dode link hersteld.',
      changes: [
        {
          field: 'Onderwerp',
          item: null,
          before: issue.subject,
          after: `${issue.subject} (herzien)`,
        },
        {
          field: 'Titel',
          item: news.title,
          before: news.title,
          after: 'Gecorrigeerde kwartelkoningtitel',
        },
        {
          field: 'Teaser',
          item: news.title,
          before: news.teaser,
          after: 'Nieuwe tekst zonder het oude woord.',
        },
        {
          field: 'Link',
          item: news.title,
          before: news.url ?? '',
          after: 'https://voorbeeld.nl/werkt-wel',
        },
      ],
    });
  });

  it('corrects an event: time, place and unticking "online"', () => {
    const { database, event, base } = demo();
    expect(event).toBeDefined();
    const result = correctSentIssue(
      database,
      base({
        items: {
          [event!.itemId]: {
            startTime: '10:00',
            endTime: '12:30',
            location: 'Stadhuis, zaal 2',
            online: '',
          },
        },
      }),
      actor,
    );
    expect(result.ok).toBe(true);
    const after = sentItemsOf(database, event!.issueId).get(event!.itemId)!;
    expect(after).toMatchObject({
      startTime: '10:00',
      endTime: '12:30',
      location: 'Stadhuis, zaal 2',
      online: false,
      eventDate: event!.eventDate,
    });
  });

  it('corrects a text block and a call to action in this issue, not the reusable block they came from', () => {
    const { database, issue, page, base } = demo();
    const extras = page().content.extras;
    const blocks = database
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, issue.id))
      .all();
    const text = blocks.find((b) => b.kind === 'text')!;
    const cta = blocks.find((b) => b.kind === 'cta')!;
    expect(extras.length).toBeGreaterThanOrEqual(2);
    const result = correctSentIssue(
      database,
      base({
        blocks: {
          [text.id]: { body: 'Verbeterde tekst.' },
          [cta.id]: { buttonUrl: 'https://voorbeeld.nl/aanmelden' },
        },
      }),
      actor,
    );
    expect(result).toMatchObject({
      ok: true,
      changes: [
        { field: 'Tekst', after: 'Verbeterde tekst.' },
        { field: 'Knoplink', after: 'https://voorbeeld.nl/aanmelden' },
      ],
    });
    const after = page().content.extras;
    expect(after.find((b) => b.kind === 'text')).toMatchObject({
      body: textBody('Verbeterde tekst.'),
    });
    expect(after.find((b) => b.kind === 'cta')).toMatchObject({
      buttonUrl: 'https://voorbeeld.nl/aanmelden',
    });
    const reusable = database
      .select()
      .from(reusableBlocks)
      .where(eq(reusableBlocks.id, text.reusableBlockId!))
      .get()!;
    expect((reusable.content as { body: unknown }).body).not.toEqual(textBody('Verbeterde tekst.'));
  });

  it('shows the items as they were sent even when the library item is edited later', () => {
    const { database, news, page } = demo();
    database
      .update(items)
      .set({ title: 'Later in de bibliotheek veranderd' })
      .where(eq(items.id, news.itemId))
      .run();
    expect(allTitles(page())).toContain(news.title);
    expect(allTitles(page())).not.toContain('Later in de bibliotheek veranderd');
  });

  it('refuses bad or stale corrections with a Dutch message and changes nothing', () => {
    const { database, issue, news, event, base } = demo();
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const ctaId = database
      .select()
      .from(issueBlocks)
      .where(eq(issueBlocks.issueId, issue.id))
      .all()
      .find((b) => b.kind === 'cta')!.id;
    const before = state(database);
    const cases: [CorrectionInput, object][] = [
      [base(), { status: 'invalid', message: expect.stringContaining('niets gewijzigd') }],
      [
        base({ version: issue.version + 1, subject: 'Anders' }),
        { status: 'conflict', message: expect.stringContaining('intussen gecorrigeerd') },
      ],
      [
        base({ issueId: draft.id, version: draft.version, subject: 'Anders' }),
        { status: 'conflict', message: 'Alleen een verzonden nummer kan worden gecorrigeerd.' },
      ],
      [base({ issueId: 99999 }), { status: 'invalid', message: 'Dit nummer bestaat niet.' }],
      [
        base({ items: { 99999: { title: 'x' } } }),
        { status: 'invalid', message: expect.stringContaining('hoort niet bij dit nummer') },
      ],
      [
        base({ subject: 'Nieuw', items: { [news.itemId]: { url: 'javascript:alert(1)' } } }),
        {
          status: 'invalid',
          fieldErrors: { [`item.${news.itemId}.url`]: expect.stringContaining('https://') },
        },
      ],
      [
        base({ items: { [news.itemId]: { title: '<b>vet</b>' } } }),
        {
          status: 'invalid',
          fieldErrors: { [`item.${news.itemId}.title`]: 'De titel mag geen HTML bevatten.' },
        },
      ],
      [
        base({ items: { [news.itemId]: { title: '' } } }),
        { status: 'invalid', fieldErrors: { [`item.${news.itemId}.title`]: 'Vul een titel in.' } },
      ],
      [
        base({ items: { [event!.itemId]: { startTime: '14:00', endTime: '13:00' } } }),
        {
          status: 'invalid',
          fieldErrors: {
            [`item.${event!.itemId}.endTime`]: 'De eindtijd moet na de begintijd liggen.',
          },
        },
      ],
      [
        base({ blocks: { onbekend: { body: 'x' } } }),
        {
          status: 'invalid',
          message: expect.stringContaining('blokken hoort niet bij dit nummer'),
        },
      ],
      [
        base({ blocks: { [ctaId]: { buttonUrl: 'ftp://x' } } }),
        {
          status: 'invalid',
          fieldErrors: { [`block.${ctaId}.buttonUrl`]: expect.stringContaining('https://') },
        },
      ],
      // Every problem at once: the missing note beside the item's.
      [
        base({ note: '', items: { [news.itemId]: { url: 'notaurl' } } }),
        {
          status: 'invalid',
          fieldErrors: {
            note: expect.stringContaining('Leg kort uit'),
            [`item.${news.itemId}.url`]: expect.stringContaining('https://'),
          },
        },
      ],
    ];
    for (const [input, expected] of cases)
      expect(correctSentIssue(database, input, actor), JSON.stringify(input)).toMatchObject({
        ok: false,
        ...expected,
      });
    expect(state(database)).toEqual(before);
  });
});

describe('correctionInput', () => {
  it('reads the form: item fields by name, the last value of a checkbox pair', () => {
    expect(
      correctionInput.parse({
        issueId: '1',
        version: '1',
        subject: 'S',
        preheader: '',
        'block.b.body': 'a\r\n\r\nb',
      }).blocks,
    ).toEqual({ b: { body: 'a\n\nb' } });
    const parsed = correctionInput.parse({
      issueId: '3',
      version: '2',
      subject: ' Onderwerp ',
      preheader: '',
      note: 'Tijd aangepast.',
      'item.7.title': 'Titel',
      'item.7.online': ['', 'on'],
      'item.9.online': '',
      'block.a-b_1.body': 'Tekst',
    });
    expect(parsed).toEqual({
      issueId: 3,
      version: 2,
      subject: 'Onderwerp',
      preheader: '',
      note: 'Tijd aangepast.',
      items: { 7: { title: 'Titel', online: 'on' }, 9: { online: '' } },
      blocks: { 'a-b_1': { body: 'Tekst' } },
    });
  });

  it('refuses a missing issue, an overlong note and a subject with HTML', () => {
    const result = correctionInput.safeParse({
      issueId: 'x',
      version: '1',
      subject: '<b>S</b>',
      preheader: '',
      note: 'x'.repeat(301),
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['issueId', 'note', 'subject']));
  });
});
