import { describe, expect, it } from 'vitest';
import { quarterBefore, quarterOf, quarterPeriod, recentWeeks, weeksIn } from './over-time-period';

const LATER = new Date('2027-06-01T12:00:00Z');

describe('the weeks of a period', () => {
  it('ends the recent weeks with the current one, Monday to Monday in Dutch time', () => {
    const period = recentWeeks(26, new Date('2026-11-18T12:00:00Z'));
    // Summer time in May (UTC+2), winter time in November (UTC+1).
    expect(period.from.toISOString()).toBe('2026-05-24T22:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    const weeks = weeksIn(period);
    expect(weeks).toHaveLength(26);
    expect([weeks[0]!.label, weeks.at(-1)!.label]).toEqual(['wk 22 2026', 'wk 47 2026']);
    // The week in which the clocks go back is an hour longer; every week joins the next.
    const change = weeks.find((w) => w.label === 'wk 43 2026')!;
    expect(change.stop - change.start).toBe(7 * 24 * 3_600_000 + 3_600_000);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.stop);
  });

  it('counts a Monday just after midnight Dutch time in its own week', () => {
    const period = recentWeeks(1, new Date('2026-11-22T23:30:00Z'));
    expect(weeksIn(period).map((w) => w.label)).toEqual(['wk 48 2026']);
  });

  it('cuts a quarter’s first and last weeks to the quarter, so the weeks add up to it', () => {
    const period = quarterPeriod({ year: 2026, quarter: 4 }, LATER);
    expect(period.running).toBeUndefined();
    expect(period.from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(period.label).toBe('het 4e kwartaal van 2026');
    const weeks = weeksIn(period);
    expect(weeks[0]).toMatchObject({ label: 'wk 40 2026', start: period.from.getTime() });
    expect(weeks.at(-1)).toMatchObject({ label: 'wk 53 2026', stop: period.to.getTime() });
    const total = weeks.reduce((sum, w) => sum + (w.stop - w.start), 0);
    expect(total).toBe(period.to.getTime() - period.from.getTime());
  });

  it('steps between quarters over the turn of the year', () => {
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, quarter: 1 });
    expect(quarterBefore({ year: 2027, quarter: 1 })).toEqual({ year: 2026, quarter: 4 });
    expect(quarterBefore({ year: 2026, quarter: 3 }, 6)).toEqual({ year: 2025, quarter: 1 });
    expect(quarterPeriod({ year: 2027, quarter: 1 }, LATER).from).toEqual(
      quarterPeriod({ year: 2026, quarter: 4 }, LATER).to,
    );
  });

  it('ends a running quarter with the current week: weeks to come have no figures yet', () => {
    const period = quarterPeriod({ year: 2026, quarter: 4 }, new Date('2026-11-18T12:00:00Z'));
    expect(period.running).toBe(true);
    expect(period.to.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(weeksIn(period).at(-1)!.label).toBe('wk 47 2026');
  });
});
