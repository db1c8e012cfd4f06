import { describe, expect, it } from 'vitest';
import { fromDutchLocal, toDutchLocal } from './format-input';

describe('Dutch wall-clock time', () => {
  it('reads winter and summer time', () => {
    expect(fromDutchLocal('2026-11-28T14:05')!.toISOString()).toBe('2026-11-28T13:05:00.000Z');
    expect(fromDutchLocal('2026-07-01T09:00')!.toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('round-trips', () => {
    const date = new Date('2026-03-29T12:30:00Z');
    expect(fromDutchLocal(toDutchLocal(date))).toEqual(date);
  });

  it.each(['', '2026-11-28', '28-11-2026 14:05', '2026-11-28T14:05:00Z', 'morgen'])(
    'refuses %j',
    (value) => {
      expect(fromDutchLocal(value)).toBeUndefined();
    },
  );
});
