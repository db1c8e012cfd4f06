import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads semicolons and commas, with or without a BOM, and any line end', () => {
    expect(parseCsv('\ufeffemail;naam\r\na@b.nl;An\r\n')).toEqual([
      ['email', 'naam'],
      ['a@b.nl', 'An'],
    ]);
    expect(parseCsv('email,naam\na@b.nl,An\rb@c.nl,Bo')).toEqual([
      ['email', 'naam'],
      ['a@b.nl', 'An'],
      ['b@c.nl', 'Bo'],
    ]);
  });

  it('keeps delimiters, doubled quotes and newlines inside quoted fields', () => {
    expect(
      parseCsv('email;themas\n"a@b.nl";"bestuur;financien"\nc@d.nl;"zeg ""hoi""\nregel 2"'),
    ).toEqual([
      ['email', 'themas'],
      ['a@b.nl', 'bestuur;financien'],
      ['c@d.nl', 'zeg "hoi"\nregel 2'],
    ]);
  });

  it('skips blank lines and keeps empty fields', () => {
    expect(parseCsv('a;b;c\n\n1;;3\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('email;naam\na,b,c,d')).toBe(';');
    expect(detectDelimiter('"x;y",naam\n')).toBe(',');
  });
});

describe('csv export cells', () => {
  it('defuses formulas with a leading quote', () => {
    for (const bad of ['=HYPERLINK("x")', '+31 6', '-2+3', '@SUM(A1)', '\tx'])
      expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Jan')).toBe('Jan');
    expect(csvCell(null)).toBe('');
  });

  it('quotes delimiters, quotes and newlines', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(csvCell('=1;2')).toBe(`"'=1;2"`);
  });

  it('writes a BOM, semicolons and CRLF, and reads back what it wrote', () => {
    const text = toCsv([
      ['email', 'naam'],
      ['a@b.nl', 'De "Boer"; Jan'],
    ]);
    expect(text.startsWith('\ufeffemail;naam\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['email', 'naam'],
      ['a@b.nl', 'De "Boer"; Jan'],
    ]);
  });
});
