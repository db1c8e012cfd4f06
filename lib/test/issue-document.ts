import type { IssueDocument } from '@/lib/issue/document';
import { fromPlainText } from '@/lib/richtext/plain';

/** Plain text as a text block's body. */
export const textBody = (text: string) => fromPlainText(text, { headings: true });

/** A small issue with every kind of block and an empty section, for tests of pure document functions. */
export const sampleDocument = (): IssueDocument => ({
  subject: 'Raadsbericht 24',
  preheader: 'Agenda en stukken',
  lead: { id: 'lead', kind: 'lead', itemId: 1 },
  sections: [
    {
      themeId: 10,
      blocks: [
        { id: 'a', kind: 'item', itemId: 2 },
        { id: 'b', kind: 'item', itemId: 3 },
      ],
    },
    { themeId: 20, blocks: [{ id: 'c', kind: 'item', itemId: 4 }] },
    { themeId: 30, blocks: [] },
  ],
  extras: [
    {
      id: 'forum',
      kind: 'text',
      reusableBlockId: 1,
      content: { title: 'Forum', body: textBody('Tekst') },
    },
    {
      id: 'moties',
      kind: 'cta',
      reusableBlockId: 2,
      content: {
        title: 'Moties',
        body: 'Intro',
        buttonLabel: 'Bekijk',
        buttonUrl: 'https://x.example',
      },
    },
  ],
  footer: { id: 'footer', kind: 'footer' },
});
