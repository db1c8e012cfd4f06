import { afterEach, describe, expect, it, vi } from 'vitest';
import { newsletters } from '@/db/schema';
import { testDb } from '@/lib/test/db';

const state = vi.hoisted(() => ({ database: null as unknown }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database,
}));

const { NEUTRAL_PUBLIC_NAME, publicSiteName } = await import('./public-name');

function withNewsletters(...rows: { organisation: string; archived?: boolean }[]) {
  const database = testDb();
  rows.forEach((row, i) =>
    database
      .insert(newsletters)
      .values({
        slug: `n${i}`,
        name: `Nieuwsbrief ${i}`,
        organisation: row.organisation,
        senderName: 'Afzender',
        senderEmail: 'afzender@gemeente.example',
        archivedAt: row.archived ? new Date() : null,
      })
      .run(),
  );
  state.database = database;
}

afterEach(() => {
  state.database = null;
});

describe('the name on the public pages', () => {
  it('is the organisation of the one active newsletter', () => {
    withNewsletters({ organisation: 'Gemeente Oost' }, { organisation: 'Oud', archived: true });
    expect(publicSiteName()).toBe('Gemeente Oost');
  });

  it('is the shared organisation of several newsletters', () => {
    withNewsletters({ organisation: 'GGD Zuid' }, { organisation: 'GGD Zuid ' });
    expect(publicSiteName()).toBe('GGD Zuid');
  });

  it('is neutral when the organisations differ or there is no newsletter', () => {
    withNewsletters({ organisation: 'Gemeente Oost' }, { organisation: 'GGD Zuid' });
    expect(publicSiteName()).toBe(NEUTRAL_PUBLIC_NAME);
    withNewsletters();
    expect(publicSiteName()).toBe(NEUTRAL_PUBLIC_NAME);
  });

  it('names the owner of an install whose newsletters are all archived', () => {
    withNewsletters({ organisation: 'Gemeente West', archived: true });
    expect(publicSiteName()).toBe('Gemeente West');
  });
});
