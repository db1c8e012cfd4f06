import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { allBlocks } from '@/lib/issue/document';
import { testDb } from '@/lib/test/db';
import { addGreeting } from '@/lib/test/send-fixture';
import { issueVariants, PLACEHOLDERS, renderIssueEmail } from './render';
import { emailSource } from './source';

async function renderDraft(themeIds?: Set<number>) {
  const database = testDb();
  seed(database);
  const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  const source = emailSource(database, draft.id, 'https://nieuwsbrief.example.nl')!;
  return { source, ...(await renderIssueEmail({ ...source, themeIds })) };
}

// react-email puts <!-- --> between text runs; compare text without them.
const clean = (html: string) => html.replace(/<!-- -->/g, '');
const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe('renderIssueEmail on the demo issue', () => {
  it('shows every item with its title and link, and every theme as a label', async () => {
    const { source, html } = await renderDraft();
    const text = unescape(clean(html));
    const placed = allBlocks(source.document).flatMap((b) =>
      b.kind === 'lead' || b.kind === 'item' ? [source.items.get(b.itemId)!] : [],
    );
    expect(placed.length).toBeGreaterThanOrEqual(8);
    for (const item of placed) {
      expect(text).toContain(item.title);
      expect(html).toContain(`href="${item.url}"`);
    }
    for (const section of source.document.sections.filter((s) => s.blocks.length)) {
      const name = source.themes.find((t) => t.id === section.themeId)!.name;
      expect(text).toContain(`>${name}</h2>`);
      // Every item repeats its theme as a small label above its title.
      const labels = text.match(new RegExp(`>${name}( · [A-Za-z]+)?</p>`, 'g')) ?? [];
      expect(labels).toHaveLength(section.blocks.length);
    }
  });

  it('is Dutch, uses presentation tables only, and has a preheader', async () => {
    const { html, props } = await renderDraft();
    expect(html).toMatch(/<html[^>]*lang="nl"/);
    const tables = html.match(/<table[^>]*>/g)!;
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(table).toContain('role="presentation"');
    expect(clean(html)).toContain(props.preheader.slice(0, 40));
    expect(html).toContain('v:roundrect');
  });

  it('puts the personal links in the footer as placeholders, and the web version link up top', async () => {
    const { html, text } = await renderDraft();
    expect(html).toContain(`href="${PLACEHOLDERS.unsubscribe}"`);
    expect(html).toContain(`href="${PLACEHOLDERS.preferences}"`);
    expect(html).toContain('href="https://nieuwsbrief.example.nl/archief/raadsbericht/24-');
    expect(text).toContain(`Afmelden: ${PLACEHOLDERS.unsubscribe}`);
  });

  it('writes every link of the HTML out in the plain text', async () => {
    const { html, text } = await renderDraft();
    const links = [...html.matchAll(/href="([^"]+)"/g)]
      .map((m) => unescape(m[1]!))
      .filter((href) => href.startsWith('http'));
    for (const link of new Set(links)) expect(text).toContain(link);
  });

  it('leaves out the sections a subscriber does not follow, and empty sections', async () => {
    const all = await renderDraft();
    const first = all.source.document.sections.find((s) => s.blocks.length)!;
    const only = await renderDraft(new Set([first.themeId]));
    expect(only.props.sections.map((s) => s.name)).toEqual([
      all.source.themes.find((t) => t.id === first.themeId)!.name,
    ]);
    expect(all.props.sections.length).toBe(
      all.source.document.sections.filter((s) => s.blocks.length).length,
    );
    expect(only.props.lead).toEqual(all.props.lead);
  });
});

describe('issueVariants', () => {
  it('composes every theme combination to exactly what rendering it whole gives', async () => {
    const database = testDb();
    seed(database);
    for (const issue of database.select().from(issues).all()) {
      const source = emailSource(database, issue.id, 'https://nieuwsbrief.example.nl')!;
      const variants = await issueVariants(source);
      expect(variants.composed).toBe(true);
      const themeIds = source.themes.map((t) => t.id);
      for (let mask = 0; mask < 2 ** themeIds.length; mask++) {
        const chosen = new Set(themeIds.filter((_, i) => mask & (2 ** i)));
        const composed = await variants.variant(chosen);
        const whole = await renderIssueEmail({ ...source, themeIds: chosen });
        expect(composed.html).toBe(whole.html);
        expect(composed.text).toBe(whole.text);
      }
    }
  });
});

describe('the greeting {voornaam} in a text block', () => {
  async function greetingSource() {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    addGreeting(database, draft.id);
    return emailSource(database, draft.id, 'https://nieuwsbrief.example.nl')!;
  }

  it('says “lezer” where there is no reader (preview, approval, archive), or the name given', async () => {
    const source = await greetingSource();
    const preview = await renderIssueEmail(source);
    expect(preview.html).toContain('Beste lezer,');
    expect(preview.text).toContain('Beste lezer,');
    const named = await renderIssueEmail({ ...source, firstName: '<b>Jan' });
    expect(named.html).toContain('Beste &lt;b&gt;Jan,');
    expect(named.text).toContain('Beste <b>Jan,');
    for (const { html, text } of [preview, named]) expect(html + text).not.toContain('{voornaam}');
  });

  it('stays a placeholder in both parts of a send’s variants, for each copy to fill', async () => {
    const source = await greetingSource();
    const variant = await (await issueVariants(source)).variant(new Set());
    expect(variant.html).toContain(`Beste ${PLACEHOLDERS.firstName},`);
    expect(variant.text).toContain(`Beste ${PLACEHOLDERS.firstName},`);
    const whole = await renderIssueEmail({
      ...source,
      themeIds: new Set(),
      firstName: PLACEHOLDERS.firstName,
    });
    expect(variant.html).toBe(whole.html);
  });
});
