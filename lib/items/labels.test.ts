import { describe, expect, it } from 'vitest';
import { eventSummary } from './labels';

describe('eventSummary', () => {
  it('writes date, time and place in Dutch', () => {
    expect(
      eventSummary({
        eventDate: '2027-01-12',
        startTime: '13:30',
        endTime: '15:00',
        location: 'Leeuwarden',
        online: true,
      }),
    ).toBe('dinsdag 12 januari 2027, 13:30-15:00, Leeuwarden en online');
    expect(
      eventSummary({
        eventDate: '2027-01-12',
        startTime: null,
        endTime: null,
        location: null,
        online: true,
      }),
    ).toBe('dinsdag 12 januari 2027, online');
  });
});
