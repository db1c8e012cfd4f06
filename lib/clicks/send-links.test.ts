import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { deliveries, issueBlocks, issueLinks, newsletters } from '@/db/schema';
import type { RichDoc } from '@/lib/richtext/doc';
import { testDb } from '@/lib/test/db';
import { COPIES_PUBLIC_URL, COPIES_SECRET, readerCopies } from '@/lib/test/reader-copies';
import { addGreeting, sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import { BurstWatch } from './classify';
import { ClickCounter } from './counter';
import { answerClick } from './redirect';
import { clickKey, pixelUrl } from './signature';

const secret = COPIES_SECRET;
const publicUrl = COPIES_PUBLIC_URL;

/** Readers' copies of the demo issue as the sender builds them; `test` for a test mail. */
async function copies(database: Db, issueId: number, test = false) {
  const { mails, templates, variants } = await readerCopies(database, issueId, { test });
  return { mails, renders: templates.size, variants };
}

const hrefs = (mail: ParsedMail) =>
  [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const counted = (url: string) => url.startsWith(`${publicUrl}/k/`);

/** The demo issue's first text block with a web link and a mail link after its greeting. */
function addLinks(database: Db, issueId: number) {
  const block = database
    .select()
    .from(issueBlocks)
    .where(and(eq(issueBlocks.issueId, issueId), eq(issueBlocks.kind, 'text')))
    .get()!;
  const content = block.content as { title: string; body: RichDoc };
  const link = (text: string, href: string) => ({
    type: 'text' as const,
    text,
    marks: [{ type: 'link' as const, attrs: { href } }],
  });
  const paragraph: RichDoc['content'][number] = {
    type: 'paragraph',
    content: [link('het plan', PLAN), { type: 'text', text: ' of ' }, link('mail', MAILTO)],
  };
  const body = { ...content.body, content: [...content.body.content, paragraph] };
  database
    .update(issueBlocks)
    .set({ content: { ...content, body } })
    .where(eq(issueBlocks.id, block.id))
    .run();
}

const PLAN = 'https://www.example.org/plan';
const MAILTO = 'mailto:griffie@example.org';

function issueWithLinks(readers = 12) {
  const database = testDb();
  const fixture = sendFixture(database, readers);
  addGreeting(database, fixture.issueId, 'Beste {voornaam},');
  addLinks(database, fixture.issueId);
  return { database, fixture };
}

describe('links in a real send', () => {
  it('go through /k/ once per link, and each leads to its URL', async () => {
    const { database, fixture } = issueWithLinks();
    startFixtureSend(database, fixture.issueId);
    const { mails, renders, variants } = await copies(database, fixture.issueId);
    // One rendering per theme combination: the links are swapped before rendering, not per copy.
    expect(renders).toBe(variants);
    const links = database
      .select()
      .from(issueLinks)
      .where(eq(issueLinks.issueId, fixture.issueId))
      .all();
    expect(links.length).toBeGreaterThan(3);
    const deps = {
      database,
      key: clickKey(secret),
      counter: new ClickCounter(database),
      bursts: new BurstWatch(),
      client: () => null,
    };
    const targets = new Set<string>();
    for (const mail of mails)
      for (const url of [...hrefs(mail), ...String(mail.text).match(/https?:\/\/[^\s)]+/g)!]) {
        if (!counted(url)) continue;
        const [issue, link] = url.slice(`${publicUrl}/k/`.length).split('/');
        const answer = answerClick(new Request(url), { issue: issue!, link: link! }, deps);
        expect(answer.status).toBe(302);
        targets.add(answer.headers.get('location')!);
      }
    expect([...targets].sort()).toEqual(links.map((l) => l.url).sort());
    for (const link of links) expect(link.url).toMatch(/^https?:\/\//);
    expect(links.map((l) => l.position)).toEqual(links.map((_, i) => i + 1));
  });

  it('leave personal links, the browser link, mailto: and the first name alone', async () => {
    const { database, fixture } = issueWithLinks(4);
    startFixtureSend(database, fixture.issueId);
    const { mails } = await copies(database, fixture.issueId);
    for (const mail of mails) {
      const all = hrefs(mail);
      expect(all.some((h) => h.startsWith(`${publicUrl}/afmelden/`))).toBe(true);
      expect(all.some((h) => h.startsWith(`${publicUrl}/voorkeuren/`))).toBe(true);
      expect(all.some((h) => h.startsWith(`${publicUrl}/archief/`) && !counted(h))).toBe(true);
      expect(all.filter(counted).length).toBeGreaterThan(0);
      expect(String(mail.html)).not.toContain('kopij.invalid');
      expect(String(mail.text)).toContain('Beste Lezer,');
      expect(String(mail.text)).not.toContain(PLAN);
      expect(all).not.toContain(PLAN);
      expect(all).toContain(MAILTO);
      expect(String(mail.text)).toMatch(
        /Bekijk deze nieuwsbrief in uw browser: https:\/\/nieuwsbrief\.example\.nl\/archief\//,
      );
      for (const h of all.filter((h) => h.startsWith('mailto:'))) expect(counted(h)).toBe(false);
    }
  });

  it('name no reader: every copy of a variant carries the same counted links', async () => {
    const { database, fixture } = issueWithLinks(12);
    startFixtureSend(database, fixture.issueId);
    const { mails } = await copies(database, fixture.issueId);
    const byLinks = new Set(mails.map((m) => hrefs(m).filter(counted).join(' ')));
    const variants = new Set(
      database
        .select({ v: deliveries.variant })
        .from(deliveries)
        .where(eq(deliveries.issueId, fixture.issueId))
        .all()
        .map((r) => r.v),
    );
    expect(byLinks.size).toBeLessThanOrEqual(variants.size);
  });

  it('keep their addresses when a send resumes and renders again', async () => {
    const { database, fixture } = issueWithLinks(6);
    startFixtureSend(database, fixture.issueId);
    const first = await copies(database, fixture.issueId);
    const rows = database.select().from(issueLinks).all().length;
    const again = await copies(database, fixture.issueId);
    expect(database.select().from(issueLinks).all().length).toBe(rows);
    expect(again.mails.map((m) => hrefs(m).filter(counted))).toEqual(
      first.mails.map((m) => hrefs(m).filter(counted)),
    );
  });

  it('go straight out with click counting off for the newsletter', async () => {
    const { database, fixture } = issueWithLinks(6);
    database
      .update(newsletters)
      .set({ clickTracking: false })
      .where(eq(newsletters.id, fixture.newsletterId))
      .run();
    startFixtureSend(database, fixture.issueId);
    const { mails } = await copies(database, fixture.issueId);
    for (const mail of mails) {
      expect(String(mail.html)).not.toContain('/k/');
      expect(String(mail.text)).not.toContain('/k/');
      expect(hrefs(mail)).toContain(PLAN);
    }
    expect(database.select().from(issueLinks).all()).toEqual([]);
  });

  it('go straight out in a test mail', async () => {
    const { database, fixture } = issueWithLinks(3);
    startFixtureSend(database, fixture.issueId);
    const { mails } = await copies(database, fixture.issueId, true);
    for (const mail of mails) expect(String(mail.html)).not.toContain('/k/');
    expect(database.select().from(issueLinks).all()).toEqual([]);
  });
});

describe('the open pixel', () => {
  const pixels = (mail: ParsedMail) =>
    [...String(mail.html).matchAll(/<img\b[^>]*src="([^"]*\/o\/[^"]*)"[^>]*>/g)].map((m) => m);

  it('ends a real send’s copies, naming the issue only, when the newsletter has opens on', async () => {
    const { database, fixture } = issueWithLinks(6);
    database
      .update(newsletters)
      .set({ openTracking: true })
      .where(eq(newsletters.id, fixture.newsletterId))
      .run();
    startFixtureSend(database, fixture.issueId);
    const { mails, renders, variants } = await copies(database, fixture.issueId);
    expect(renders).toBe(variants);
    const expected = pixelUrl(publicUrl, clickKey(secret), fixture.issueId);
    for (const mail of mails) {
      const found = pixels(mail);
      expect(found.map((m) => m[1])).toEqual([expected]);
      expect(found[0]![0]).toMatch(/alt=""/);
      expect(found[0]![0]).toMatch(/width="1"/);
      expect(found[0]![0]).toMatch(/height="1"/);
      // After everything the reader sees (the footer's links last); nothing in the text part.
      expect(String(mail.html).indexOf(expected)).toBeGreaterThan(
        String(mail.html).lastIndexOf('</a>'),
      );
      expect(String(mail.text)).not.toContain('/o/');
    }
    // Click counting stays as it was: on.
    expect(mails.every((m) => hrefs(m).some(counted))).toBe(true);
  });

  it('is absent with opens off (the default), and in a test mail with opens on', async () => {
    const { database, fixture } = issueWithLinks(3);
    startFixtureSend(database, fixture.issueId);
    for (const mail of (await copies(database, fixture.issueId)).mails)
      expect(pixels(mail)).toEqual([]);
    database
      .update(newsletters)
      .set({ openTracking: true, clickTracking: false })
      .where(eq(newsletters.id, fixture.newsletterId))
      .run();
    for (const mail of (await copies(database, fixture.issueId, true)).mails) {
      expect(pixels(mail)).toEqual([]);
      expect(String(mail.html)).not.toContain('/o/');
    }
    // Opens on with clicks off: the pixel, and the links straight out.
    for (const mail of (await copies(database, fixture.issueId)).mails) {
      expect(pixels(mail)).toHaveLength(1);
      expect(hrefs(mail).filter(counted)).toEqual([]);
    }
  });
});
