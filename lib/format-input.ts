// A datetime-local field gives wall-clock time without a zone; our editors mean Dutch time.
const zone = 'Europe/Amsterdam';

function offsetAt(utcMs: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(utcMs)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-11-28T14:05" in Dutch time to a Date; undefined when it is not such a value. */
export function fromDutchLocal(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(wall)) return undefined;
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** A Date as the value of a datetime-local field, in Dutch time. */
export function toDutchLocal(date: Date): string {
  return new Date(date.getTime() + offsetAt(date.getTime())).toISOString().slice(0, 16);
}
