import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliveries, issueLinks, linkClicks, subscribers } from '@/db/schema';
import { fromImage, imageOf, testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { GET } from './route';

const session = await vi.hoisted(() => import('@/lib/test/action-session'));
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));

// The demo's sent issue 3 went to three readers; its one counted link was clicked five times by
// people and twice by a scanner. Issue 4 is the draft: never sent, so it has no results.
let seeded: Buffer;
beforeAll(() => {
  const database = testDb();
  seed(database);
  const readers = database.select({ id: subscribers.id }).from(subscribers).limit(3).all();
  for (const [i, r] of readers.entries())
    database
      .insert(deliveries)
      .values({ issueId: 3, subscriberId: r.id, status: i < 2 ? 'sent' : 'failed' })
      .run();
  const link = database
    .insert(issueLinks)
    .values({ issueId: 3, position: 1, url: 'https://example.org/congres', label: 'Congres' })
    .returning({ id: issueLinks.id })
    .get().id;
  database
    .insert(linkClicks)
    .values({ linkId: link, hour: 500_000, clicks: 5, automated: 2 })
    .run();
  seeded = imageOf(database);
});
beforeEach(() => {
  session.state.database = fromImage(seeded);
  session.signInAs('redacteur@kopij.test');
});

const get = (id: string, query: string) =>
  GET(new Request(`http://localhost/redactie/nummers/${id}/resultaten/csv?${query}`), {
    params: Promise.resolve({ id }),
  });

// Read with its byte-order mark, which Response.text() would drop: Excel needs it.
const csvOf = async (response: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

describe('an issue’s results as CSV', () => {
  it('gives one figure as a download with the numbers of its table', async () => {
    const response = await get('3', 'figuur=links');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="raadsbericht-23-links.csv"',
    );
    expect(await csvOf(response)).toBe(
      '\ufeffLink;Klikken;Automatisch (niet geteld);Aandeel van ontvangers (%)\r\n' +
        'Congres (https://example.org/congres);5;2;"250,0"\r\n',
    );
    const delivery = await csvOf(await get('3', 'figuur=bezorging'));
    expect(delivery).toContain('Ontvangers;3\r\nAfgeleverd;2\r\nMislukt;1\r\n');
  });

  it('answers a bad figure with a Dutch 400, and an unsent or unknown issue with 404', async () => {
    for (const query of ['figuur=lezers', '', 'figuur=']) {
      const bad = await get('3', query);
      expect(bad.status, query).toBe(400);
      expect(await bad.text()).toBe(
        'Onbekende figuur. Kies een van de CSV-links op de pagina Resultaten.',
      );
    }
    // Opens are off for the demo newsletter: no such figure for its issues.
    const opens = await get('3', 'figuur=openingen');
    expect(opens.status).toBe(400);
    expect(await opens.text()).toMatch(/^Openingen worden voor deze nieuwsbrief niet geteld/);
    for (const id of ['4', '999', 'abc']) {
      const missing = await get(id, 'figuur=items');
      expect(missing.status, id).toBe(404);
      expect(await missing.text()).toBe('Dit nummer bestaat niet of is nog niet verzonden.');
    }
  });
});
