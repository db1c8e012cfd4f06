import { describe, expect, it } from 'vitest';
import { recordId, z } from './validation';

describe('recordId', () => {
  it('takes a positive whole number, also as the text a form sends', () => {
    expect(recordId.parse('12')).toBe(12);
    expect(recordId.parse(3)).toBe(3);
  });

  it('refuses anything else with one Dutch message', () => {
    for (const bad of ['abc', '', '0', '-4', '2.5', 'Infinity']) {
      const parsed = z.object({ id: recordId }).safeParse({ id: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([
        'Deze verwijzing is ongeldig. Laad de pagina opnieuw.',
      ]);
    }
  });
});
