import { describe, expect, it } from 'vitest';
import { olderPageParams, readAuditParams } from './params';

describe('audit log page parameters', () => {
  it('reads the first of a repeated parameter and drops what is not valid', () => {
    expect(readAuditParams({ soort: ['nummers', 'abonnees'], van: 'gisteren', door: 'a' })).toEqual(
      { soort: 'nummers', door: 'a', van: undefined, tot: undefined, voor: undefined },
    );
  });

  it('pages on from the last id with the same filter', () => {
    const filter = readAuditParams({ soort: 'nummers', tot: '2026-11-03', voor: '90' });
    expect(olderPageParams(filter, 41).toString()).toBe('soort=nummers&tot=2026-11-03&voor=41');
  });
});
