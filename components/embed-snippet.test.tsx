import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newsletters } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';

// The copy block on the newsletter page, rendered from a seeded database.
const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

let slug: string;
beforeAll(() => {
  const database = testDb();
  seed(database);
  const demo = database.select().from(newsletters).get()!;
  database
    .update(newsletters)
    .set({ name: 'Raad & <Ruggespraak>' })
    .where(eq(newsletters.id, demo.id))
    .run();
  slug = demo.slug;
  state.database = database;
});

describe('EmbedSnippet', () => {
  it('shows the snippet read-only, escaped once more inside the textarea, with a copy button', async () => {
    const { EmbedSnippet } = await import('./embed-snippet');
    const html = renderToStaticMarkup(<EmbedSnippet newsletterSlug={slug} />);
    expect(html).toMatch(/<textarea[^>]*readOnly|<textarea[^>]*readonly/);
    expect(html).toContain(`id="insluitcode-${slug}"`);
    expect(html).toContain(`/aanmelden/${slug}/formulier`);
    // The snippet's own escaping (&amp;lt;) survives inside the textarea's text.
    expect(html).toContain('Aanmelden voor Raad &amp;amp; &amp;lt;Ruggespraak&amp;gt;');
    expect(html).not.toContain('<Ruggespraak>');
    expect(html).toContain('>Kopiëren</button>');
    expect(html).toContain('role="status"');
    expect(html).toContain('<label for="insluitcode-');
  });

  it('shows nothing for an unknown newsletter', async () => {
    const { EmbedSnippet } = await import('./embed-snippet');
    expect(renderToStaticMarkup(<EmbedSnippet newsletterSlug="bestaat-niet" />)).toBe('');
  });
});
