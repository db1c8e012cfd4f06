import { describe, expect, it } from 'vitest';
import { icsFor, type CalendarEvent } from './ics';

const event = (title: string): CalendarEvent => ({
  uid: 'item-1@kopij.test',
  title,
  description: '',
  url: null,
  eventDate: '2026-03-04',
  startTime: null,
  endTime: null,
  location: null,
  online: false,
});

const CRLF = Buffer.from('\r\n');

/** The file as a calendar reads it: octets, split into physical lines at CRLF. */
function physicalLines(ics: string): Buffer[] {
  const bytes = Buffer.from(ics, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(CRLF); at !== -1; at = bytes.indexOf(CRLF, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + CRLF.length;
  }
  return lines;
}

// RFC 5545 3.1: unfolding removes every CRLF followed by a single space, on the octets.
function unfold(ics: string): string {
  const bytes = Buffer.from(ics, 'utf8');
  const kept: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a && bytes[i + 2] === 0x20) i += 2;
    else kept.push(bytes[i]!);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(kept));
}

describe('icsFor folding', () => {
  // 'SUMMARY:' is 8 octets, so 0 to 89 leading letters move the emoji (4 octets, two UTF-16
  // units), the accented letters (2) and the euro sign (3) across the 75-octet fold at every offset.
  const titles = (n: number) => [
    `${'a'.repeat(n)}🎉 Nieuwjaarsborrel 🥂🍾 met de raad 👩🏽‍💼`,
    `${'b'.repeat(n)}café €ë ${'🎉'.repeat(27)}`,
  ];

  it.each(Array.from({ length: 90 }, (_, n) => n))(
    'after %i letters: every line within 75 octets, whole characters, the exact title back',
    (n) => {
      for (const title of titles(n)) {
        const ics = icsFor(event(title), new Date('2026-01-01T00:00:00Z'));
        for (const line of physicalLines(ics)) {
          expect(line.length).toBeLessThanOrEqual(75);
          // Valid UTF-8 on its own: the fold cut no character in two.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
        }
        expect(unfold(ics).split('\r\n')).toContain(`SUMMARY:${title}`);
      }
    },
  );

  it('leaves a line of exactly 75 octets whole and folds one of 76', () => {
    const at75 = physicalLines(icsFor(event('x'.repeat(67))));
    expect(at75.map(String)).toContain(`SUMMARY:${'x'.repeat(67)}`);
    const at76 = physicalLines(icsFor(event('x'.repeat(68)))).map(String);
    expect(at76).toContain(`SUMMARY:${'x'.repeat(67)}`);
    expect(at76).toContain(' x');
  });
});
