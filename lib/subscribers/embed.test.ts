import { describe, expect, it } from 'vitest';
import { consentWording } from './consent';
import { embedAction, embedSnippet } from './embed';
import { audienceOptions } from './fields';
import { signUpForm } from './forms';

const input = {
  newsletter: {
    slug: 'zorg-post',
    name: 'Zorg & <Welzijn> "Post"',
    privacyUrl: 'https://www.gemeente.example/privacy?a=1&b=2',
  },
  themes: [
    { id: 7, name: 'Jeugd & gezin' },
    { id: 9, name: '<b>Wonen</b>' },
  ],
  audienceOptions,
  consent: consentWording.text,
  publicUrl: 'https://nieuwsbrief.gemeente.example',
};

describe('embedSnippet', () => {
  const html = embedSnippet(input);

  it('is a plain form posting to the newsletter’s form route on PUBLIC_URL', () => {
    expect(html).toMatch(
      /^<form class="kopij-aanmelden" method="post" action="https:\/\/nieuwsbrief\.gemeente\.example\/aanmelden\/zorg-post\/formulier"/,
    );
    expect(html).not.toMatch(/enctype/);
    expect(embedAction('https://kopij.example/', 'a')).toBe(
      'https://kopij.example/aanmelden/a/formulier',
    );
  });

  it('carries no script, no event handler, no style and nothing from a third party', () => {
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=|style=|<style|<link|<iframe|<img/i);
    const urls = [...html.matchAll(/(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual([
      'https://nieuwsbrief.gemeente.example/aanmelden/zorg-post/formulier',
      'https://www.gemeente.example/privacy?a=1&amp;b=2',
    ]);
  });

  it('escapes the newsletter’s and the themes’ names', () => {
    expect(html).toContain('Aanmelden voor Zorg &amp; &lt;Welzijn&gt; &quot;Post&quot;');
    expect(html).toContain('&lt;b&gt;Wonen&lt;/b&gt;');
    expect(html).not.toContain('<Welzijn>');
    expect(html).not.toContain('<b>');
  });

  it('offers the active themes, the functions, the consent text and labels for every field', () => {
    expect(html).toContain('name="themas" value="7" checked> Jeugd &amp; gezin');
    expect(html).toContain('name="themas" value="9" checked>');
    for (const option of audienceOptions) expect(html).toContain(`value="${option.value}"`);
    expect(html).toContain(consentWording.text);
    for (const field of ['email', 'naam', 'functie'])
      expect(html).toContain(`<label for="kopij-zorg-post-${field}">`);
    // Only kopij- class names, so nothing of the host site's styles is touched.
    const classes = [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
    expect(classes.every((c) => c.startsWith('kopij-'))).toBe(true);
  });

  it('sends exactly the fields the sign-up reads', () => {
    const names = new Set([...html.matchAll(/name="([^"]+)"/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(['email', 'functie', 'naam', 'themas']);
    const parsed = signUpForm.safeParse({
      email: 'lezer@gemeente.example',
      naam: '',
      functie: audienceOptions[0]!.value,
      themas: ['7', '9'],
    });
    expect(parsed.success).toBe(true);
  });

  it('leaves out the privacy link when there is none', () => {
    const without = embedSnippet({
      ...input,
      newsletter: { ...input.newsletter, privacyUrl: null },
    });
    expect(without).not.toContain('privacyverklaring');
  });
});
