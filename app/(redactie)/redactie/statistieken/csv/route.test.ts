import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { newsletters } from '@/db/schema';
import { fromImage, imageOf, testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { GET } from './route';

const session = await vi.hoisted(() => import('@/lib/test/action-session'));
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));

let seeded: Buffer;
beforeAll(() => {
  const database = testDb();
  seed(database);
  seeded = imageOf(database);
});
beforeEach(() => {
  session.state.database = fromImage(seeded);
  session.signInAs('redacteur@kopij.test');
});

const get = (query: string) =>
  GET(new Request(`http://localhost/redactie/statistieken/csv?${query}`));

describe('the statistics CSV', () => {
  it('gives a figure of the demo newsletter as a semicolon file, one row per week', async () => {
    const slug = session.database().select().from(newsletters).get()!.slug;
    const response = await get(`nieuwsbrief=${slug}&figuur=verloop&weken=13`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${slug}-verloop-13-weken.csv"`,
    );
    // Read with its byte-order mark, which Response.text() would drop: Excel needs it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeffWeek;Aanmeldingen;Bevestigd;Afmeldingen');
    expect(lines).toHaveLength(14);
    expect(lines.slice(1).every((line) => /^wk \d+ \d{4};\d+;\d+;\d+$/.test(line))).toBe(true);
  });

  it('answers bad input with a Dutch 400 and an unknown newsletter with 404', async () => {
    const bad = await get('nieuwsbrief=raadsnieuws&figuur=lezers');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('Onbekende figuur.');
    const unknown = await get('nieuwsbrief=bestaat-niet&figuur=verloop');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Onbekende nieuwsbrief.');
  });
});
