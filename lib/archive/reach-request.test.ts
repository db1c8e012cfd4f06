import { describe, expect, it } from 'vitest';
import { reachEvent, type ReachRequest } from './reach-request';

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const page = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ISSUE = '/archief/raadsbericht/23-eigen-bijdrage';

function request(
  target: string,
  headers: Record<string, string> = {},
  method = 'GET',
): ReachRequest {
  const url = new URL(target, 'http://localhost');
  return {
    method,
    pathname: url.pathname,
    searchParams: url.searchParams,
    headers: new Headers({ 'user-agent': firefox, accept: page, ...headers }),
  };
}

const view = (item = 0) => ({
  kind: 'view',
  newsletter: 'raadsbericht',
  issue: '23-eigen-bijdrage',
  item,
});

describe('reachEvent', () => {
  it('counts a browser loading an issue page, or an item page as its issue', () => {
    expect(reachEvent(request(ISSUE))).toEqual(view());
    expect(reachEvent(request(`${ISSUE}/4`))).toEqual(view(4));
  });

  it('leaves out prefetches, and the fetches of Next’s router, which reach it bare', () => {
    for (const prefetch of <Record<string, string>[]>[
      { 'sec-purpose': 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
      { purpose: 'prefetch' },
      // What Next's router fetches (a prefetch or a navigation) asks for no HTML.
      { accept: '*/*' },
    ])
      expect(reachEvent(request(ISSUE, prefetch)), JSON.stringify(prefetch)).toBeNull();
  });

  it('leaves out bots, HEAD, other fetches and other addresses', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'facebookexternalhit/1.1',
      '',
    ])
      expect(reachEvent(request(ISSUE, { 'user-agent': agent })), agent).toBeNull();
    expect(reachEvent(request(ISSUE, {}, 'HEAD'))).toBeNull();
    expect(reachEvent(request(ISSUE, { accept: 'image/avif,image/webp,*/*' }))).toBeNull();
    for (const path of [
      '/archief/raadsbericht',
      '/archief/feed.xml',
      '/archief/lijst/t0-j0-p1',
      `${ISSUE}/agenda/4`,
      `${ISSUE}/0`,
      `${ISSUE}/`,
      '/archief/Raads%20bericht/23',
      '/redactie/nummers/3',
    ])
      expect(reachEvent(request(path)), path).toBeNull();
  });

  it('counts a search over every newsletter with a query, on its first page only', () => {
    const search = { kind: 'search', newsletterId: 0 };
    expect(reachEvent(request('/archief?q=begroting'))).toEqual(search);
    expect(reachEvent(request('/archief?q=begroting&thema=2&pagina=1'))).toEqual(search);
    expect(reachEvent(request('/archief?q=begroting&pagina=2'))).toBeNull();
    expect(reachEvent(request('/archief?q=+&thema=2'))).toBeNull();
    expect(reachEvent(request('/archief?thema=2'))).toBeNull();
    expect(reachEvent(request(`/archief?q=${'a'.repeat(201)}`))).toBeNull();
    expect(reachEvent(request('/archief?q=begroting', { 'user-agent': 'curl/8.5.0' }))).toBeNull();
  });
});
