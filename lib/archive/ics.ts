import { fromDutchLocal } from '@/lib/format-input';

export type CalendarEvent = {
  uid: string;
  title: string;
  description: string;
  url: string | null;
  eventDate: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
};

// RFC 5545: escape backslash, semicolon, comma and newlines in text values; fold lines at 75 octets.
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/**
 * Folds at 75 octets of UTF-8, as RFC 5545 counts, between whole characters: walking code points
 * keeps an emoji's surrogate pair on one line, since half a pair is written as U+FFFD.
 */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > 75) {
      out.push(current);
      // A continuation line starts with the one space that unfolding removes.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** One event as an iCalendar file; times are Dutch local time, written in UTC. Without a start time it is a day event. */
export function icsFor(event: CalendarEvent, now = new Date()): string {
  const day = event.eventDate.replace(/-/g, '');
  const start = event.startTime
    ? fromDutchLocal(`${event.eventDate}T${event.startTime}`)
    : undefined;
  const end = event.endTime ? fromDutchLocal(`${event.eventDate}T${event.endTime}`) : undefined;
  const where = [event.location, event.online ? 'online' : null].filter(Boolean).join(' en ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kopij//Nieuwsbrief-archief//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(now)}`,
    ...(start
      ? [
          `DTSTART:${utc(start)}`,
          `DTEND:${utc(end && end > start ? end : new Date(start.getTime() + 3_600_000))}`,
        ]
      : [`DTSTART;VALUE=DATE:${day}`]),
    `SUMMARY:${text(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(where ? [`LOCATION:${text(where)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
