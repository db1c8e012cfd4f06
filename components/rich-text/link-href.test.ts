import { describe, expect, it } from 'vitest';
import { isAllowedHref, LINK_ERRORS, normalizeHref } from './link-href';

describe('normalizeHref', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['tel:+31201234567'],
    ['/pad'],
    ['./pad'],
    ['#anker'],
    ['//vng.nl'],
    ['http:vng.nl'],
    ['localhost:3000'],
  ])('refuses %j with the scheme message', (input) => {
    expect(normalizeHref(input)).toEqual({ ok: false, error: LINK_ERRORS.scheme });
  });

  it.each([
    ['vng.nl', 'https://vng.nl'],
    ['  www.vng.nl/nieuws?x=1  ', 'https://www.vng.nl/nieuws?x=1'],
    ['vng.nl:8080/pad', 'https://vng.nl:8080/pad'],
    ['a@b.nl', 'mailto:a@b.nl'],
    ['mailto:a@b.nl', 'mailto:a@b.nl'],
    ['MAILTO:a@b.nl?subject=Hallo', 'MAILTO:a@b.nl?subject=Hallo'],
    ['https://x.nl/?a=1&b=2', 'https://x.nl/?a=1&b=2'],
    ['http://x.nl', 'http://x.nl'],
    ['https://gemeente.nl/pad#kop', 'https://gemeente.nl/pad#kop'],
  ])('accepts %j as %j', (input, href) => {
    expect(normalizeHref(input)).toEqual({ ok: true, href });
  });

  it.each([['mailto:'], ['mailto:?subject=x'], ['mailto:redactie']])(
    'asks for an e-mail address after %j',
    (input) => {
      expect(normalizeHref(input)).toEqual({ ok: false, error: LINK_ERRORS.mailto });
    },
  );

  it.each([['https://'], ['http://'], ['https://?q=1']])('asks for a host in %j', (input) => {
    expect(normalizeHref(input)).toEqual({ ok: false, error: LINK_ERRORS.host });
  });

  it('refuses an address longer than the server stores', () => {
    const long = `https://x.nl/${'a'.repeat(2000)}`;
    expect(normalizeHref(long)).toEqual({ ok: false, error: LINK_ERRORS.long });
  });

  it('asks for something when the field is empty', () => {
    expect(normalizeHref('   ')).toEqual({ ok: false, error: LINK_ERRORS.empty });
  });

  it.each([['https://x.nl/een pad'], ['https://x.nl/\u200bpad'], ['https://x.nl/\u202epad']])(
    'refuses spaces and invisible characters in %j instead of guessing',
    (input) => {
      expect(normalizeHref(input)).toEqual({ ok: false, error: LINK_ERRORS.invisible });
    },
  );
});

describe('isAllowedHref', () => {
  it.each([
    ['https://vng.nl', true],
    ['http://vng.nl', true],
    ['mailto:a@b.nl', true],
    ['  https://vng.nl  ', true],
    ['mailto:', false],
    ['https://', false],
    ['javascript:alert(1)', false],
    [' java\tscript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['/pad', false],
    ['vng.nl', false],
    ['', false],
    [null, false],
  ])('%j -> %s', (href, allowed) => {
    expect(isAllowedHref(href)).toBe(allowed);
  });
});
