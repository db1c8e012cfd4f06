import { describe, expect, it } from 'vitest';
import { listFilterOf, listPathFor } from './list-key';

const path = (query: string) => listPathFor(new URLSearchParams(query));

describe('the cached archive list', () => {
  it('gives every plain list one internal path, malformed values read as absent', () => {
    expect(path('')).toBe('/archief/lijst/t0-j0-p1');
    expect(path('thema=3&jaar=2026&pagina=2')).toBe('/archief/lijst/t3-j2026-p2');
    expect(path('q=&thema=3&jaar=')).toBe('/archief/lijst/t3-j0-p1');
    expect(path('q=%20%20&thema=abc&jaar=-1&pagina=0')).toBe('/archief/lijst/t0-j0-p1');
    expect(path('thema=1e3&pagina=99999999999')).toBe('/archief/lijst/t0-j0-p1');
  });

  it('ignores years outside the archive, so a typed-in year neither fails nor fills the cache', () => {
    expect(path('jaar=9999')).toBe('/archief/lijst/t0-j0-p1');
    expect(path('jaar=1899&thema=2')).toBe('/archief/lijst/t2-j0-p1');
    expect(path('jaar=2100')).toBe('/archief/lijst/t0-j2100-p1');
    expect(listFilterOf('t0-j9999-p1')).toBeNull();
    expect(listFilterOf('t0-j1899-p1')).toBeNull();
  });

  it('renders pages past the thousandth per request instead of caching each', () => {
    expect(path('pagina=1000')).toBe('/archief/lijst/t0-j0-p1000');
    expect(path('pagina=1001')).toBeNull();
    expect(listFilterOf('t0-j0-p1001')).toBeNull();
  });

  it('leaves searches and unknown parameters to the page rendered per request', () => {
    expect(path('q=raad')).toBeNull();
    expect(path('thema=3&utm_source=mail')).toBeNull();
  });

  it('reads back only the paths it makes', () => {
    expect(listFilterOf('t3-j2026-p2')).toEqual({ thema: '3', jaar: '2026', pagina: '2' });
    expect(listFilterOf('t0-j0-p1')).toEqual({
      thema: undefined,
      jaar: undefined,
      pagina: undefined,
    });
    for (const key of [
      't3-j2026-p0',
      't-j-p',
      't3-j2026',
      'x',
      't3-j2026-p2-extra',
      't01-j0-p1',
      't0-j00-p1',
    ])
      expect(listFilterOf(key), key).toBeNull();
  });
});
