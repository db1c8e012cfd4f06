import { describe, expect, it } from 'vitest';
import type { IssueDocument } from '@/lib/issue/document';
import { checkIssue } from './checks';
import type { EmailSourceItem, RenderInput } from './render';

const item = (id: number, extra: Partial<EmailSourceItem> = {}): EmailSourceItem => ({
  id,
  kind: 'news',
  title: `Item ${id}`,
  teaser: 'Teaser.',
  url: `https://x.example/${id}`,
  eventDate: null,
  startTime: null,
  endTime: null,
  location: null,
  online: false,
  registrationUrl: null,
  ...extra,
});

const doc: IssueDocument = {
  subject: 'Raadsbericht 24',
  preheader: 'Agenda',
  lead: { id: 'l', kind: 'lead', itemId: 1 },
  sections: [{ themeId: 1, blocks: [{ id: 'a', kind: 'item', itemId: 2 }] }],
  extras: [],
  footer: { id: 'f', kind: 'footer' },
};

const input = (overrides: Partial<RenderInput> = {}, items = [item(1), item(2)]): RenderInput => ({
  document: doc,
  newsletter: {
    name: 'R',
    organisation: 'O',
    brandColor: '#000000',
    logoUrl: null,
    logoAlt: null,
    footerText: '',
    footerLinks: [{ label: 'Website', url: 'https://x.example' }],
    contactLine: '',
    postalAddress: '',
    reasonLine: '',
    unsubscribeLabel: 'Afmelden',
    preferencesLabel: 'Gegevens wijzigen',
  },
  themes: [{ id: 1, name: 'Bestuur' }],
  items: new Map(items.map((i) => [i.id, i])),
  webUrl: 'https://x.example/archief',
  ...overrides,
});

const ids = (checks: { id: string }[]) => checks.map((c) => c.id);

describe('checkIssue', () => {
  it('passes a complete issue', () => {
    expect(checkIssue(input(), 30_000, '2026-11-01')).toEqual([]);
  });

  it('names each problem', () => {
    const bad = input(
      {
        document: {
          ...doc,
          subject: 'x'.repeat(81),
          preheader: ' ',
          lead: null,
          sections: [{ themeId: 1, blocks: [] }],
        },
      },
      [],
    );
    expect(ids(checkIssue(bad, 95 * 1024, '2026-11-01'))).toEqual([
      'subject-long',
      'preheader-missing',
      'lead-missing',
      'sections-empty',
      'html-size',
    ]);
    expect(
      checkIssue(input({ document: { ...doc, subject: '' } }), 1, '2026-11-01')[0]?.message,
    ).toBe('Het onderwerp ontbreekt.');
  });

  it('finds items without link or teaser, past events, http links and a logo without alt text', () => {
    const items = [
      item(1, { url: null, teaser: '' }),
      item(2, {
        kind: 'event',
        eventDate: '2026-10-31',
        registrationUrl: 'http://x.example/aanmelden',
      }),
    ];
    const newsletter = { ...input().newsletter, logoUrl: 'https://x.example/logo.png' };
    expect(ids(checkIssue(input({ newsletter }, items), 1, '2026-11-01'))).toEqual([
      'item-link-1',
      'item-teaser-1',
      'item-past-2',
      'insecure-http://x.example/aanmelden',
      'logo-alt',
    ]);
  });
});
