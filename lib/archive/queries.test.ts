import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues, newsletters } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { rssFeed } from './feed';
import { archiveFilters, archiveListParams, listSentIssues, sentIssue } from './queries';

function demo() {
  const database = testDb();
  seed(database);
  const newsletter = database.select().from(newsletters).get()!;
  const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  return { database, newsletter, draft };
}

describe('the archive queries', () => {
  it('list sent issues only, newest first, with their themes', () => {
    const { database, draft } = demo();
    const list = listSentIssues(database, {});
    expect(list.total).toBe(3);
    expect(list.issues.map((i) => i.id)).not.toContain(draft.id);
    const times = list.issues.map((i) => i.sentAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(list.issues.every((i) => i.themes.length > 0)).toBe(true);
  });

  it('call each issue by its newsletter’s title pattern, in the list and the feed', () => {
    const { database, newsletter } = demo();
    const feedTitles = (issues: ReturnType<typeof listSentIssues>['issues']) =>
      [
        ...rssFeed(issues, {
          publicUrl: 'https://x.nl',
          title: 'T',
          description: 'D',
          selfUrl: 'https://x.nl/archief/feed.xml',
        }).matchAll(/<item>\s*<title>([^<]*)</g),
      ].map((m) => m[1]);
    // The demo's subjects start with "Raadsbericht 23: …": the feed says the title once.
    const demoList = listSentIssues(database, {}).issues;
    expect(feedTitles(demoList)[0]).toBe(demoList[0]!.subject);
    expect(feedTitles(demoList)[0]).toMatch(/^Raadsbericht 23: /);
    expect(listSentIssues(database, {}).issues.map((i) => i.title)).toEqual([
      'Raadsbericht 23',
      'Raadsbericht 22',
      'Raadsbericht 21',
    ]);
    database
      .update(newsletters)
      .set({ titlePattern: 'Nr. {nummer} van {naam}' })
      .where(eq(newsletters.id, newsletter.id))
      .run();
    const list = listSentIssues(database, {});
    expect(list.issues[0]!.title).toBe('Nr. 23 van Raadsbericht');
    const xml = rssFeed(list.issues, {
      publicUrl: 'https://x.nl',
      title: 'T',
      description: 'D',
      selfUrl: 'https://x.nl/archief/feed.xml',
    });
    expect(xml).toContain(`<title>Nr. 23 van Raadsbericht: ${list.issues[0]!.subject}</title>`);
  });

  it('filter by theme and by year', () => {
    const { database } = demo();
    const { themes, years } = archiveFilters(database);
    for (const theme of themes) {
      const list = listSentIssues(database, { themeId: theme.id });
      expect(list.issues.length).toBeGreaterThan(0);
      expect(list.issues.every((i) => i.themes.includes(theme.name))).toBe(true);
    }
    expect(listSentIssues(database, { year: years[0]! }).total).toBeGreaterThan(0);
    expect(listSentIssues(database, { year: 1999 }).total).toBe(0);
  });

  it('give a sent issue as content without personal links, and nothing for a draft however it is asked for', () => {
    const { database, newsletter, draft } = demo();
    const first = listSentIssues(database, {}).issues[0]!;
    const issue = sentIssue(database, newsletter.slug, first.slug, 'https://x.nl')!;
    expect(issue.content.subject).toBe(first.subject);
    expect(JSON.stringify(issue.content)).not.toMatch(/kopij\.invalid|afmelden|voorkeuren/);
    expect(sentIssue(database, newsletter.slug, draft.slug, 'https://x.nl')).toBeNull();
    expect(sentIssue(database, newsletter.slug, String(draft.number), 'https://x.nl')).toBeNull();
    expect(sentIssue(database, 'een-andere', first.slug, 'https://x.nl')).toBeNull();
  });

  it('read malformed list parameters as absent instead of failing', () => {
    expect(archiveListParams.parse({ thema: 'abc', jaar: ['2026', '2025'], pagina: '-1' })).toEqual(
      { thema: undefined, jaar: 2026, pagina: undefined },
    );
  });

  it('read years outside the archive and absurd numbers as absent too, so a list never fails', () => {
    const { database } = demo();
    for (const value of [
      '9999',
      '10000',
      '99999',
      '1899',
      '0',
      '-2024',
      '1e400',
      '9007199254740993',
    ]) {
      const params = archiveListParams.parse({ jaar: value, thema: value, pagina: value });
      expect(params.jaar, value).toBeUndefined();
      // What the page does with them: the list, unfiltered where the value made no sense.
      const list = listSentIssues(database, {
        themeId: params.thema,
        year: params.jaar,
        page: params.pagina,
      });
      expect(list.page, value).toBeGreaterThan(0);
    }
    expect(archiveListParams.parse({ jaar: '2100', pagina: '1000000' })).toEqual({
      thema: undefined,
      jaar: 2100,
      pagina: 1_000_000,
    });
    expect(archiveListParams.parse({ pagina: '1000001' }).pagina).toBeUndefined();
    // The year 9999 was a 500 (no date for the year after it); now it is simply absent.
    expect(listSentIssues(database, { year: 2100 }).total).toBe(0);
  });
});

describe('rssFeed', () => {
  it('escapes what editors typed', () => {
    const xml = rssFeed(
      [
        {
          id: 1,
          number: 7,
          slug: '7',
          subject: 'Raad & <script>',
          preheader: '"quotes"',
          sentAt: new Date('2026-11-01T10:00:00Z'),
          newsletterSlug: 'n',
          newsletterName: 'N',
          title: 'N 7',
          themes: ['A & B'],
        },
      ],
      {
        publicUrl: 'https://x.nl',
        title: 'T',
        description: 'D',
        selfUrl: 'https://x.nl/archief/feed.xml',
      },
    );
    expect(xml).toContain('<title>N 7: Raad &amp; &lt;script&gt;</title>');
    expect(xml).toContain('<category>A &amp; B</category>');
    expect(xml).not.toContain('<script>');
  });
});

describe('icsFor', () => {
  it('writes an event in UTC from Dutch local time, escaped, and a day event without a time', async () => {
    const { icsFor } = await import('./ics');
    const ics = icsFor(
      {
        uid: 'item-1@x.nl',
        title: 'Congres; dag 2, middag',
        description: 'Regel 1\nRegel 2',
        url: 'https://x.nl/a#item-1',
        eventDate: '2026-12-24',
        startTime: '13:30',
        endTime: '16:30',
        location: 'Leeuwarden',
        online: true,
      },
      new Date('2026-11-28T12:00:00Z'),
    );
    expect(ics).toContain('DTSTART:20261224T123000Z\r\nDTEND:20261224T153000Z');
    expect(ics).toContain('SUMMARY:Congres\\; dag 2\\, middag');
    expect(ics).toContain('DESCRIPTION:Regel 1\\nRegel 2');
    expect(ics).toContain('LOCATION:Leeuwarden en online');
    expect(
      icsFor({
        uid: 'u',
        title: 't',
        description: '',
        url: null,
        eventDate: '2026-06-01',
        startTime: null,
        endTime: null,
        location: null,
        online: false,
      }),
    ).toContain('DTSTART;VALUE=DATE:20260601');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
