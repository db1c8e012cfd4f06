import type { ItemKind } from '@/lib/enums';

export const itemKindLabels: Record<ItemKind, string> = {
  news: 'Nieuws',
  event: 'Evenement',
  publication: 'Publicatie',
  podcast: 'Podcast',
};

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "dinsdag 12 januari 2027, 13:30-15:00, online" from an event's structured fields. */
export function eventSummary(event: {
  eventDate: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
}): string {
  if (!event.eventDate) return '';
  const date = dateFormat.format(new Date(`${event.eventDate}T00:00:00Z`));
  const time = event.startTime
    ? `${event.startTime}${event.endTime ? `-${event.endTime}` : ''}`
    : null;
  const where = [event.location, event.online ? 'online' : null].filter(Boolean).join(' en ');
  return [date, time, where].filter(Boolean).join(', ');
}
