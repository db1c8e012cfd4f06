import { formatWeek } from '@/lib/format';
import { fromDutchLocal, toDutchLocal } from '@/lib/format-input';

// The statistics count per ISO week in Dutch time. A week starts at Monday 00:00 in Amsterdam,
// which is 23:00 or 22:00 UTC the day before depending on summer time, so the boundaries are
// worked out here as instants and handed to SQL, instead of dividing timestamps by seven days.

const DAY = 86_400_000;

/** A stretch of time, [from, to), and how a heading names it after "in": "de laatste 26 weken". */
export type Period = { from: Date; to: Date; label: string; running?: boolean };

/** One row of a weekly figure: the ISO week, clipped to its period, as epoch milliseconds. */
export type Week = { label: string; start: number; stop: number };

const dutchDay = (at: Date) => toDutchLocal(at).slice(0, 10);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
// Summer time changes at 02:00 or 03:00: midnight exists on every Dutch day.
const midnight = (day: string) => fromDutchLocal(`${day}T00:00`)!;
const mondayOf = (day: string) =>
  addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The last `count` weeks up to and including the current one, each Monday to Monday. */
export function recentWeeks(count: number, now = new Date()): Period {
  const monday = mondayOf(dutchDay(now));
  return {
    from: midnight(addDays(monday, -7 * (count - 1))),
    to: midnight(addDays(monday, 7)),
    label: `de laatste ${count} weken`,
  };
}

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A quarter from its first to its last day in Dutch time. A quarter still running ends with the
 * current week: weeks to come have no figures, and would show today's subscribers as theirs.
 */
export function quarterPeriod({ year, quarter }: Quarter, now = new Date()): Period {
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(quarter * 3 + 1)}-01`;
  const thisWeekEnds = midnight(addDays(mondayOf(dutchDay(now)), 7));
  const end = midnight(next);
  return {
    from: midnight(`${year}-${pad(quarter * 3 - 2)}-01`),
    to: end > thisWeekEnds ? thisWeekEnds : end,
    label: `het ${quarter}e kwartaal van ${year}`,
    ...(end > thisWeekEnds ? { running: true } : {}),
  };
}

/** "4e kwartaal 2026". */
export const quarterLabel = ({ year, quarter }: Quarter) => `${quarter}e kwartaal ${year}`;

/** The quarter a moment falls in, in Dutch time. */
export function quarterOf(at: Date): Quarter {
  const [year, month] = dutchDay(at).split('-').map(Number);
  return { year: year!, quarter: Math.ceil(month! / 3) as Quarter['quarter'] };
}

/** The quarter `steps` quarters before `quarter`. */
export function quarterBefore({ year, quarter }: Quarter, steps = 1): Quarter {
  const index = year * 4 + quarter - 1 - steps;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** "2026-4": how a quarter is written in a link. */
export const quarterParam = ({ year, quarter }: Quarter) => `${year}-${quarter}`;

/**
 * The ISO weeks that touch the period, in order; the first and last are cut to the period, so
 * a quarter's weeks add up to exactly the quarter.
 */
export function weeksIn(period: Period): Week[] {
  const weeks: Week[] = [];
  const end = period.to.getTime();
  let monday = mondayOf(dutchDay(period.from));
  for (let start = period.from.getTime(); start < end;) {
    const next = addDays(monday, 7);
    const stop = Math.min(midnight(next).getTime(), end);
    weeks.push({ label: formatWeek(start), start, stop });
    monday = next;
    start = stop;
  }
  return weeks;
}
