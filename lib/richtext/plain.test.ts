import { describe, expect, it } from 'vitest';
import type { RichDoc, RichList, RichListItem } from './doc';
import { generatePlainTexts } from './generate';
import { fromPlainText, toPlainText, toSearchText } from './plain';
import { richText } from './schema';

const words = (value: string) => ({ type: 'text' as const, text: value });
const br = { type: 'hardBreak' as const };

describe('fromPlainText', () => {
  it('parts paragraphs on blank lines and keeps single line breaks', () => {
    expect(
      fromPlainText('  Eerste regel\r\ntweede regel  \n\n\n\nNieuwe alinea\n', { headings: false }),
    ).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [words('Eerste regel'), br, words('tweede regel')] },
        { type: 'paragraph', content: [words('Nieuwe alinea')] },
      ],
    });
  });

  it('makes "## " a heading where headings are allowed, and leaves it as text elsewhere', () => {
    const heading = { type: 'heading', attrs: { level: 3 }, content: [words('Agenda')] };
    expect(fromPlainText('## Agenda\n\nTekst', { headings: true }).content[0]).toEqual(heading);
    expect(fromPlainText('## Agenda\n\nTekst', { headings: false }).content[0]).toEqual({
      type: 'paragraph',
      content: [words('## Agenda')],
    });
  });

  it('makes a paragraph of "- " and "* " lines a list, and leaves a mixed one as it is', () => {
    const item = (value: string) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [words(value)] }],
    });
    expect(fromPlainText('- een\n* twee', { headings: false }).content).toEqual([
      { type: 'bulletList', content: [item('een'), item('twee')] },
    ]);
    expect(fromPlainText('- een\ntwee\n1. drie', { headings: false }).content).toEqual([
      { type: 'paragraph', content: [words('- een'), br, words('twee'), br, words('1. drie')] },
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(fromPlainText(' \r\n\t\n ', { headings: true })).toEqual({ type: 'doc', content: [] });
  });
});

/** The text as the property promises it back: tidied, and with "* " bullets and "## " read. */
function expected(text: string, headings: boolean): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .split('\n\n')
    .map((part) => {
      if (headings && part.startsWith('## ')) return part.slice(3);
      const lines = part.split('\n');
      if (!lines.every((line) => line.startsWith('- ') || line.startsWith('* '))) return part;
      return lines.map((line) => `- ${line.slice(2)}`).join('\n');
    })
    .join('\n\n');
}

describe('plain text round trip', () => {
  const texts = generatePlainTexts(500, 20_260_101);
  const roomy = richText({ label: 'De tekst', maxChars: 100_000, headings: true });

  it('gives every text back, only tidied', () => {
    for (const [i, text] of texts.entries()) {
      for (const headings of [false, true]) {
        expect(
          toPlainText(fromPlainText(text, { headings })),
          `text ${i}: ${JSON.stringify(text)}`,
        ).toBe(expected(text, headings));
      }
    }
  });

  it('makes documents the schema keeps as they are', () => {
    for (const [i, text] of texts.entries()) {
      const doc = fromPlainText(text, { headings: true });
      expect(roomy.parse(doc), `text ${i}: ${JSON.stringify(text)}`).toEqual(doc);
    }
  });

  it('is fed texts that reach every rule', () => {
    const all = texts.join('\n');
    for (const needle of ['\r\n', '\n\n\n', ' \n', '\t\n', '\n- ', '\n* ', '## ', '\u00a0']) {
      expect(all, JSON.stringify(needle)).toContain(needle);
    }
    const docs = texts.map((text) => fromPlainText(text, { headings: true }));
    for (const type of ['paragraph', 'heading', 'bulletList', 'hardBreak']) {
      expect(JSON.stringify(docs), type).toContain(`"type":"${type}"`);
    }
  });
});

describe('toPlainText', () => {
  const link = (label: string, href: string) => ({
    type: 'text' as const,
    text: label,
    marks: [{ type: 'link' as const, attrs: { href } }],
  });

  it('writes every link target out once, mail addresses without "mailto:"', () => {
    const href = 'https://example.nl/a?b=1&c=2';
    const doc: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            words('Zie '),
            link('het ', href),
            {
              type: 'text',
              text: 'stuk',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href } }],
            },
            words(', '),
            link('https://example.nl', 'https://example.nl'),
            words(', '),
            link('mail ons', 'mailto:redactie@example.nl?subject=Vraag'),
            words(' of '),
            link('redactie@example.nl', 'mailto:redactie@example.nl'),
            br,
            words('Klaar.'),
          ],
        },
      ],
    };
    expect(toPlainText(doc)).toBe(
      'Zie het stuk (https://example.nl/a?b=1&c=2), https://example.nl, mail ons (redactie@example.nl) of redactie@example.nl\nKlaar.',
    );
  });

  it('puts a blank line between blocks and marks list items, nested ones further in', () => {
    const item = (value: string, ...more: RichList[]): RichListItem => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [words(value)] }, ...more],
    });
    const doc: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [words('Kop')] },
        { type: 'paragraph' },
        {
          type: 'orderedList',
          attrs: { start: 9 },
          content: [
            item('negen', {
              type: 'bulletList',
              content: [item('diep', { type: 'orderedList', content: [item('dieper')] })],
            }),
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [words('tien'), br, words('verder')] },
                { type: 'paragraph', content: [words('tweede alinea')] },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [words('Slot')] },
      ],
    };
    expect(toPlainText(doc)).toBe(
      [
        'Kop',
        '9. negen\n  - diep\n    1. dieper\n10. tien\n  verder\n  tweede alinea',
        'Slot',
      ].join('\n\n'),
    );
  });
});

describe('toSearchText', () => {
  it('gives the words alone, single-spaced, without link targets', () => {
    const doc: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            words('  Be'),
            { type: 'text', text: 'grot', marks: [{ type: 'bold' }] },
            words('ing\t2027 '),
            {
              type: 'text',
              text: 'lees',
              marks: [{ type: 'link', attrs: { href: 'https://example.nl/x' } }],
            },
            br,
            words('verder'),
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [words('punt')] }] },
          ],
        },
      ],
    };
    expect(toSearchText(doc)).toBe('Begroting 2027 lees verder punt');
  });
});
