import { describe, expect, it } from 'vitest';
import { csvHref, csvQuery, periodChoiceOf, quarterChoiceOf } from './over-time-query';

describe('the statistics address', () => {
  it('reads a CSV download back from the link the page gives', () => {
    const href = csvHref('raadsnieuws', 'verloop', { kwartaal: { year: 2026, quarter: 4 } });
    expect(href).toBe(
      '/redactie/statistieken/csv?nieuwsbrief=raadsnieuws&figuur=verloop&kwartaal=2026-4',
    );
    const query = Object.fromEntries(new URL(href, 'http://localhost').searchParams);
    expect(csvQuery.parse(query)).toEqual({
      nieuwsbrief: 'raadsnieuws',
      figuur: 'verloop',
      period: { kwartaal: { year: 2026, quarter: 4 } },
    });
    expect(csvQuery.parse({ nieuwsbrief: 'a', figuur: 'bereik' }).period).toEqual({ weken: '26' });
  });

  it.each([
    [{ figuur: 'verloop' }, 'Kies een nieuwsbrief.'],
    [{ nieuwsbrief: '../x', figuur: 'verloop' }, 'Onbekende nieuwsbrief.'],
    [{ nieuwsbrief: 'a', figuur: 'lezers' }, 'Onbekende figuur.'],
    [
      { nieuwsbrief: 'a', figuur: 'verloop', weken: '7' },
      'Kies een periode van 13, 26 of 52 weken.',
    ],
    [{ nieuwsbrief: 'a', figuur: 'verloop', kwartaal: '2026-5' }, /bijvoorbeeld 2026-4/],
    [
      { nieuwsbrief: 'a', figuur: 'verloop', weken: '13', kwartaal: '2026-4' },
      'Kies een aantal weken of een kwartaal, niet allebei.',
    ],
  ])('refuses %j in Dutch', (query, message) => {
    const parsed = csvQuery.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(message);
  });

  it('falls back to the defaults on a page whose address it cannot read', () => {
    expect(periodChoiceOf({ weken: '52' })).toEqual({ weken: '52' });
    expect(periodChoiceOf({ weken: ['13', '26'] })).toEqual({ weken: '26' });
    expect(periodChoiceOf({ weken: 'veel' })).toEqual({ weken: '26' });
    const now = new Date('2026-05-01T10:00:00Z');
    expect(quarterChoiceOf({ kwartaal: '2025-3' }, now)).toEqual({ year: 2025, quarter: 3 });
    expect(quarterChoiceOf({ kwartaal: 'x' }, now)).toEqual({ year: 2026, quarter: 2 });
  });
});
