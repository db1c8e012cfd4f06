import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seed } from '@/scripts/seed';
import { subscribers } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { subscribersCsv } from './admin-export';
import { parseCsv } from './csv';

describe('subscribersCsv', () => {
  it('exports the filtered list with a BOM, in the import’s columns, with formulas defused', () => {
    const database = testDb();
    seed(database);
    database
      .update(subscribers)
      .set({ name: '=HYPERLINK("https://kwaad.example";"klik")', municipality: '@SUM(A1)' })
      .where(eq(subscribers.email, 'f.lammers@gemeente-oss.example'))
      .run();
    const csv = subscribersCsv(database, { audience: 'commissielid' });
    expect(csv.startsWith('\ufeffemail;naam;gemeente;functie;themas;status;aangemeld\r\n')).toBe(
      true,
    );
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(7);
    const freek = rows.find((r) => r[0] === 'f.lammers@gemeente-oss.example')!;
    expect(freek.slice(1, 6)).toEqual([
      `'=HYPERLINK("https://kwaad.example";"klik")`,
      "'@SUM(A1)",
      'commissielid',
      'financien',
      'active',
    ]);
  });
});
