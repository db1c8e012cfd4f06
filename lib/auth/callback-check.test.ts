import { describe, expect, it } from 'vitest';
import { hasUnusableCallbackUrl, isUsableCallbackUrl } from './callback-check';

const origin = 'https://kopij.example';
const url = (query: string) => new URL(`${origin}/api/auth/callback/nodemailer${query}`);

describe('callback URLs Auth.js would answer with a 500', () => {
  it('accepts paths on this site and absolute http(s) addresses, as Auth.js does', () => {
    for (const value of [
      '/redactie',
      '/redactie?x=%d800',
      'https://kopij.example/redactie',
      'http://elders.example/',
    ])
      expect(isUsableCallbackUrl(value, origin), value).toBe(true);
  });

  it('refuses what is no http(s) URL at all', () => {
    for (const value of [
      '0',
      'javascript:alert(1)',
      '%d800',
      'redactie',
      '//%%',
      'data:text/html,x',
      'mailto:a@b.nl',
    ])
      expect(isUsableCallbackUrl(value, origin), value).toBe(false);
  });

  it('looks at the query and at both cookie names, decoded the way Auth.js decodes them', () => {
    expect(hasUnusableCallbackUrl(url('?callbackUrl=%2Fredactie'), '')).toBe(false);
    expect(hasUnusableCallbackUrl(url('?callbackUrl='), '')).toBe(false);
    expect(hasUnusableCallbackUrl(url('?callbackUrl=0&email=x'), '')).toBe(true);
    expect(hasUnusableCallbackUrl(url('?callbackUrl=%2Fredactie&callbackUrl=0'), '')).toBe(true);
    expect(hasUnusableCallbackUrl(url(''), 'authjs.callback-url=javascript%3Aalert(1)')).toBe(true);
    expect(hasUnusableCallbackUrl(url(''), 'a=1; __Secure-authjs.callback-url=%d800')).toBe(true);
    expect(hasUnusableCallbackUrl(url(''), 'authjs.callback-url=%2Fredactie; b=%')).toBe(false);
    expect(
      hasUnusableCallbackUrl(url(''), 'authjs.callback-url="https%3A%2F%2Fkopij.example"'),
    ).toBe(false);
    expect(hasUnusableCallbackUrl(url(''), 'authjs.session-token=%%%')).toBe(false);
  });
});
