// Dates are stored in UTC and shown in Dutch time.
const zone = 'Europe/Amsterdam';

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: zone,
});
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: zone });

export const formatDateTime = (value: Date) => dateTime.format(value);
export const formatDate = (value: Date) => date.format(value);

const time = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: zone,
});

/** "14:03" in Dutch time, from a Date or epoch milliseconds. */
export const formatTime = (value: Date | number) => time.format(value);

const calendarDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: zone,
});

/**
 * The ISO week (Monday start; week 1 holds the year's first Thursday) of a moment's Dutch
 * calendar day: around New Year the week's year can differ from the day's.
 */
export function isoWeek(value: Date | number): { year: number; week: number } {
  const [y, m, d] = calendarDay.format(value).split('-').map(Number);
  const day = Date.UTC(y!, m! - 1, d!);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return { year, week: Math.ceil(dayOfYear / 7) };
}

/** "wk 47 2026": the ISO week a moment falls in, in Dutch time. */
export function formatWeek(value: Date | number): string {
  const { year, week } = isoWeek(value);
  return `wk ${week} ${year}`;
}

const count = new Intl.NumberFormat('nl-NL');

/** "12.345": a count in Dutch digit grouping. */
export const formatCount = (value: number) => count.format(value);

/** "4,5 MB" or "312 kB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${formatCount(Math.ceil(bytes / 1024))} kB`;
}

const list = new Intl.ListFormat('nl-NL', { type: 'conjunction' });

/** "Anna, Bram en Chris". */
export const formatList = (values: string[]) => list.format(values);
