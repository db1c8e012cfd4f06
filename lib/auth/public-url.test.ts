import { describe, expect, it } from 'vitest';
import { onPublicUrl, publicRedirect, requestOrigin } from './public-url';

const local = 'http://127.0.0.1:3000';
const hosted = 'https://nieuwsbrief.gemeente.example';

describe('requestOrigin', () => {
  it('is how Next reports a request to PUBLIC_URL: loopback addresses read localhost', () => {
    expect(requestOrigin(local)).toBe('http://localhost:3000');
    expect(requestOrigin('http://[::1]:8080')).toBe('http://localhost:8080');
    expect(requestOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(requestOrigin(hosted)).toBe(hosted);
  });
});

describe('publicRedirect', () => {
  it('puts a path on PUBLIC_URL', () => {
    expect(publicRedirect('/redactie/nummers?x=1', local)).toBe(
      'http://127.0.0.1:3000/redactie/nummers?x=1',
    );
    expect(publicRedirect('/inloggen?error=SsoDenied', hosted)).toBe(
      `${hosted}/inloggen?error=SsoDenied`,
    );
  });

  it('moves this site as Next sees it (localhost) to PUBLIC_URL', () => {
    expect(publicRedirect('http://localhost:3000/redactie', local)).toBe(
      'http://127.0.0.1:3000/redactie',
    );
    expect(publicRedirect('http://127.0.0.1:3000/redactie', local)).toBe(
      'http://127.0.0.1:3000/redactie',
    );
  });

  it('sends any other site, or a protocol-relative trick, to the start page', () => {
    expect(publicRedirect('https://evil.example/redactie', hosted)).toBe(hosted);
    expect(publicRedirect('//evil.example/redactie', hosted)).toBe(hosted);
    expect(publicRedirect('/\\evil.example', hosted)).toBe(hosted);
    expect(publicRedirect('http://localhost:3000/redactie', hosted)).toBe(hosted);
    expect(publicRedirect('http://[bad', hosted)).toBe(hosted);
  });
});

describe('onPublicUrl', () => {
  it("moves Auth.js's error redirect from localhost to PUBLIC_URL, keeping every cookie", async () => {
    const response = Response.redirect('http://localhost:3000/inloggen?error=Verification', 302);
    const headers = new Headers({ location: 'http://localhost:3000/inloggen?error=Verification' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    const withCookies = new Response('body', { status: 302, headers });
    expect(onPublicUrl(response, local).headers.get('location')).toBe(
      'http://127.0.0.1:3000/inloggen?error=Verification',
    );
    const moved = onPublicUrl(withCookies, local);
    expect(moved.status).toBe(302);
    expect(moved.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await moved.text()).toBe('body');
  });

  it('leaves the identity provider, relative addresses and non-loopback sites alone', () => {
    const idp = Response.redirect('https://login.microsoftonline.com/x/authorize?a=1', 302);
    expect(onPublicUrl(idp, local)).toBe(idp);
    const relative = new Response(null, { status: 302, headers: { location: '/inloggen' } });
    expect(onPublicUrl(relative, local)).toBe(relative);
    const hostedRedirect = Response.redirect(`${hosted}/redactie`, 302);
    expect(onPublicUrl(hostedRedirect, hosted)).toBe(hostedRedirect);
    const plain = new Response('ok');
    expect(onPublicUrl(plain, local)).toBe(plain);
  });
});
