import { describe, expect, it } from 'vitest';
import type { IssueDocument } from '@/lib/issue/document';
import { checkIssue } from './checks';
import type { PlacedImage } from '@/emails/image';
import { fromPlainText } from '@/lib/richtext/plain';
import type { EmailSourceItem, RenderInput } from './render';

const item = (id: number, extra: Partial<EmailSourceItem> = {}): EmailSourceItem => ({
  id,
  kind: 'news',
  title: `Item ${id}`,
  teaser: 'Teaser.',
  teaserDoc: fromPlainText('Teaser.', { headings: false }),
  body: fromPlainText('', { headings: true }),
  url: `https://x.example/${id}`,
  eventDate: null,
  startTime: null,
  endTime: null,
  location: null,
  online: false,
  registrationUrl: null,
  imageMediaId: null,
  imagePlacement: 'beside',
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
    logoMediaId: null,
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
  images: new Map(),
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

describe('image checks', () => {
  const image = (extra: Partial<PlacedImage> = {}, bytes = 40_000): PlacedImage => ({
    alt: 'Raadsleden in de zaal',
    decorative: false,
    width: 1600,
    height: 900,
    mail: [
      { src: 'https://x.example/media/a600.jpg', width: 600, bytes: bytes / 2 },
      { src: 'https://x.example/media/a1200.jpg', width: 1200, bytes },
    ],
    web: [],
    ...extra,
  });
  const withImages = (images: [number, PlacedImage][], logoMediaId: number | null = null) =>
    input(
      {
        images: new Map(images),
        newsletter: { ...input().newsletter, logoMediaId },
      },
      [item(1, { imageMediaId: 10 }), item(2, { imageMediaId: 11, imagePlacement: 'beside' })],
    );

  it('passes described images with absolute addresses and a light mail', () => {
    expect(
      checkIssue(
        withImages(
          [
            [10, image()],
            [11, image()],
          ],
          10,
        ),
        30_000,
        '2026-11-01',
      ),
    ).toEqual([]);
  });

  it('blocks an image without alt text, but not a decorative one', () => {
    const checks = checkIssue(
      withImages(
        [
          [10, image({ alt: ' ' })],
          [11, image({ alt: '', decorative: true })],
        ],
        10,
      ),
      1,
      '2026-11-01',
    );
    expect(checks.map((c) => [c.id, c.level])).toEqual([
      ['image-alt-logo', 'block'],
      ['image-alt-item-1', 'block'],
    ]);
    expect(checks[1]!.message).toContain('“Item 1” heeft geen alt-tekst');
  });

  it('blocks an image address a mail program cannot fetch', () => {
    const relative = image({ mail: [{ src: '/media/a1200.jpg', width: 1200, bytes: 1 }] });
    expect(ids(checkIssue(withImages([[10, relative]]), 1, '2026-11-01'))).toEqual([
      'image-url-item-1',
    ]);
  });

  it('warns about a heavy image and about the weight of the whole mail', () => {
    // The lead shows the 2x file (1200 px); the thumbnail of item 2 the 600 px one.
    const checks = checkIssue(
      withImages([
        [10, image({}, 1_200_000)],
        [11, image({}, 900_000)],
      ]),
      30_000,
      '2026-11-01',
    );
    expect(checks.map((c) => [c.id, c.level])).toEqual([
      ['image-heavy-item-1', 'warn'],
      ['mail-weight', 'warn'],
    ]);
    expect(checks[1]!.message).toBe(
      'De e-mail weegt met afbeeldingen 1,6 MB (afbeeldingen 1,6 MB); lezers met een trage verbinding wachten lang. Houd het onder 1,5 MB.',
    );
  });

  it('blocks an image block without an image, and checks the one it has like any other', () => {
    const block = (id: string, mediaId: number | null) => ({
      id,
      kind: 'image' as const,
      reusableBlockId: null,
      content: { mediaId, caption: '', link: null },
    });
    const checks = checkIssue(
      input({
        document: { ...doc, extras: [block('leeg', null), block('foto', 12)] },
        images: new Map([[12, image({ alt: '' })]]),
      }),
      1,
      '2026-11-01',
    );
    expect(checks.map((c) => [c.id, c.level])).toEqual([
      ['image-empty-leeg', 'block'],
      ['image-alt-block-foto', 'block'],
    ]);
    expect(checks[1]!.message).toBe(
      'De afbeelding in blok 2 van de vaste blokken heeft geen alt-tekst. Beschrijf haar in de mediabibliotheek, of kies ‘decoratief’.',
    );
  });
});
