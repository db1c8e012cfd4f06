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
