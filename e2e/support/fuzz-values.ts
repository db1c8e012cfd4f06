// The raw material of the public-routes fuzz test (e2e/public-routes-fuzz.spec.ts): values a
// visitor can put where the app expects a slug, a number, a token, an address or a body.

export { prng } from '@/lib/test/prng';

export type Random = () => number;
export const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;
export const chance = (random: Random, p: number) => random() < p;
export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

/** Path segments as they go on the wire: broken escapes, overlong UTF-8, NUL, huge numbers. */
export const badSegments = [
  '%',
  '%%',
  '%zz',
  '%1',
  '%d800',
  '%D8%00',
  '%ED%A0%80', // a UTF-16 surrogate encoded as UTF-8: not valid UTF-8
  '%C0%AF', // overlong "/"
  '%C0%80', // overlong NUL
  '%E0%80%AF',
  '%F8%88%80%80%80',
  '%FF%FE',
  '%80',
  '%25',
  '%2525',
  '%25zz',
  '%00',
  'a%00b',
  '%2F',
  '%2e%2e',
  '%5C',
  '%0d%0aSet-Cookie:%20x=1',
  '99999999999999999999',
  '9999',
  '-1',
  '0',
  '1e400',
  'NaN',
  '0x1F',
  '%EF%BC%91', // a full-width digit one
  '%E2%80%AE',
  '%F0%9F%92%A9',
  '%3Cscript%3E',
  '%22%27',
  ';',
  ',',
  '~',
  'a'.repeat(2000),
  '%41'.repeat(600),
];

/** Where a number is expected (query values, ids). */
export const badNumbers = [
  '9999',
  '99999',
  '10000',
  '275760',
  '0',
  '-1',
  '-2024',
  '-99999999999',
  '999999999',
  '1000000000',
  '9007199254740993',
  '99999999999999999999999999',
  '1e400',
  '1e3',
  '-1e400',
  '1.5',
  ' 1',
  '+1',
  '0x10',
  '0b1',
  'NaN',
  'Infinity',
  '',
  '%',
  '%d800',
  '%00',
  '%EF%BC%91',
  '%D9%A3',
  '2024abc',
  '1,2',
  '[1]',
  '{}',
];

export const badStrings = [
  '',
  '%',
  '%zz',
  '%d800',
  '%C0%AF',
  '%00',
  '%0d%0a',
  '%25',
  '<script>alert(1)</script>',
  "'; drop table subscribers; --",
  '"',
  '\\',
  '../../etc/passwd',
  '//evil.example',
  'javascript:alert(1)',
  'https://evil.example/redactie',
  '/redactie%2F..%2F..%2F',
  'x'.repeat(300),
  'y'.repeat(5000),
  '%E2%80%AE',
  '*',
  'AND OR NOT NEAR(',
  '"unterminated',
];

export const badAddresses = [
  '',
  ' ',
  'jan',
  'jan@',
  '@gemeente.nl',
  'jan@@gemeente.nl',
  'jan gemeente@x.nl',
  'jan@gemeente',
  '<script>@x.nl',
  'jan@x..nl',
  `${'a'.repeat(300)}@x.nl`,
  'jan@-x.nl',
  '"jan"@',
  'jan\n@x.nl',
  'jan@x.nl\r\nBcc: a@b.nl',
  '\u0000@x.nl',
  'ja n@x.nl',
  '.jan@x.nl',
];

/** Personal-link tokens that cannot verify (the real ones are made from the app's secret). */
export const brokenTokens = [
  'x',
  '1.1.1.0.AAAAAAAAAAAAAAAAAAAAAA',
  '1.1.1.0.' + 'A'.repeat(21),
  'zz.zz.zz.zz.' + 'B'.repeat(22),
  '..%2F..%2Fetc',
  'a'.repeat(2000),
  '1.1.1.0.AAAAAAAAAAAAAAAAAAAAA-',
  '-1.1.1.0.AAAAAAAAAAAAAAAAAAAAAA',
  'zzzzzzzzzzzzz.1.1.0.AAAAAAAAAAAAAAAAAAAAAA',
  '1.1.1.0.AAAAAAAAAAAAAAAAAAAAAA.extra',
  '%E2%82%AC',
];

export const wrongMethods = [
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'PROPFIND',
  'MKCOL',
  'LOCK',
  'SEARCH',
  'PURGE',
  'QUERY',
];

/** Next's own request headers, which a visitor may send with any value. */
export const nextHeaders = [
  'RSC',
  'Next-Router-State-Tree',
  'Next-Router-Prefetch',
  'Next-Router-Segment-Prefetch',
  'Next-Url',
  'Next-Test-Fetch-Priority',
  'x-middleware-subrequest',
  'x-middleware-prefetch',
  'x-nextjs-data',
  'x-invoke-path',
  'x-invoke-query',
  'x-matched-path',
  'x-now-route-matches',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-for',
  'x-kopij-peer',
  'x-request-id',
];
