import { describe, expect, it } from 'vitest';
import { generateDocs } from './generate';
import { emptyDoc, isEmptyDoc, richText, type RichDoc } from './schema';

const teaser = richText({ label: 'Een teaser', maxChars: 400, headings: false });
const body = richText({ label: 'De tekst', maxChars: 5000, headings: true });

type Json = Record<string, unknown>;
const doc = (...content: Json[]) => ({ type: 'doc', content });
const paragraph = (...content: Json[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: Json[]) => ({ type: 'text', text: value, marks });
const link = (href: string) => ({ type: 'link', attrs: { href } });
const listOf = (type: string, ...items: Json[][]) => ({
  type,
  content: items.map((content) => ({ type: 'listItem', content })),
});

function refusals(schema: typeof teaser, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

const SCHEME = 'Een link moet beginnen met https://, http:// of mailto: (“javascript:…” kan niet).';
const UNREADABLE = 'Een teaser kon niet worden gelezen; probeer het opnieuw.';

describe('richText', () => {
  it('normalizes what TipTap sends: extra attributes go, marks sorted, text merged', () => {
    const fromEditor = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, textAlign: null, id: 'kop' },
          content: [{ type: 'text', text: 'Agenda' }],
        },
        {
          type: 'paragraph',
          attrs: { textAlign: 'left', onclick: 'alert(1)' },
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'Lees ', marks: [{ type: 'italic' }, { type: 'bold' }] },
            {
              type: 'text',
              text: 'het stuk',
              marks: [
                {
                  type: 'link',
                  attrs: { href: ' https://example.nl/a?b=1&c=2 ', target: '_blank', rel: null },
                },
                { type: 'bold', attrs: { onclick: 'x' } },
                { type: 'italic' },
                { type: 'bold' },
              ],
            },
            { type: 'text', text: ' en', onclick: 'alert(1)' },
            { type: 'text', text: ' meer.', marks: [] },
            { type: 'hardBreak', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [
            { type: 'listItem', content: [{ ...paragraph(text('een')), attrs: { x: 1 } }] },
          ],
        },
        { type: 'paragraph', attrs: { textAlign: null } },
        { type: 'paragraph', content: [] },
      ],
    };
    const bold = { type: 'bold' };
    const italic = { type: 'italic' };
    expect(body.parse(fromEditor)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Agenda' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Lees ', marks: [bold, italic] },
            {
              type: 'text',
              text: 'het stuk',
              marks: [
                bold,
                italic,
                { type: 'link', attrs: { href: 'https://example.nl/a?b=1&c=2' } },
              ],
            },
            { type: 'text', text: ' en meer.' },
            { type: 'hardBreak' },
          ],
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een' }] }],
            },
          ],
        },
      ],
    });
  });

  it('takes the document as the JSON text a form posts, and nothing as an empty document', () => {
    const input = doc(paragraph(text('Hallo '), text('wereld', [{ type: 'bold' }])));
    expect(teaser.parse(JSON.stringify(input))).toEqual(teaser.parse(input));
    for (const nothing of [undefined, '', '  \n'])
      expect(teaser.parse(nothing)).toEqual(emptyDoc());
    // An editor that was never typed in holds one empty paragraph.
    expect(teaser.parse({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual(emptyDoc());
    expect(teaser.parse({ type: 'doc' })).toEqual(emptyDoc());
  });

  it('keeps an empty paragraph between text, drops the ones at the end', () => {
    const parsed = teaser.parse(
      doc(paragraph(text('a')), paragraph(), paragraph(text('b')), paragraph()),
    );
    expect(parsed.content.map((block) => block.type === 'paragraph' && !!block.content)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('refuses what is not a document with one message that says to try again', () => {
    const broken: unknown[] = [
      '{"type":"doc",',
      'hallo',
      42,
      null,
      [],
      { type: 'paragraph' },
      { type: 'doc', content: 'tekst' },
      doc(text('tekst tussen de blokken')),
      doc({ type: 'listItem', content: [paragraph(text('los'))] }),
      doc(paragraph({ type: 'paragraph' })),
      doc(paragraph({ text: 'zonder type' })),
      doc(paragraph({ type: 'text', text: 7 })),
      doc(paragraph(text('x', { type: 'bold' } as unknown as Json[]))),
      doc({ type: 'bulletList', content: [] }),
      doc(listOf('bulletList', [])),
      doc(listOf('bulletList', [listOf('bulletList', [paragraph(text('x'))])])),
      doc({ ...listOf('orderedList', [paragraph(text('x'))]), attrs: { start: 2.5 } }),
      doc({ ...listOf('orderedList', [paragraph(text('x'))]), attrs: { start: '3' } }),
      doc(paragraph(text('x', [{ type: 'link', attrs: {} }]))),
    ];
    for (const input of broken)
      expect(refusals(teaser, input), JSON.stringify(input)).toEqual([UNREADABLE]);
  });

  it('refuses formatting newsletters cannot hold, naming it in Dutch', () => {
    const cases: [Json, string][] = [
      [doc({ type: 'codeBlock', content: [text('x')] }), 'codeblok'],
      [doc({ type: 'blockquote', content: [paragraph(text('x'))] }), 'citaat'],
      [doc(paragraph({ type: 'image', attrs: { src: 'https://example.nl/a.png' } })), 'afbeelding'],
      [doc({ type: 'html', content: [text('<b>x</b>')] }), 'html'],
      [doc(paragraph({ type: 'script', text: 'alert(1)' })), 'script'],
      [doc(paragraph(text('x', [{ type: 'strike' }]))), 'doorgehaalde tekst'],
      [doc(paragraph(text('x', [{ type: 'code' }]))), 'code'],
      [doc(paragraph(text('x', [{ type: 'bold' }, { type: 'underline' }]))), 'onderstreping'],
      [doc(listOf('bulletList', [paragraph(text('x', [{ type: 'highlight' }]))])), 'markering'],
      [doc({ type: 'constructor' }), 'constructor'],
      [doc({ type: 'x'.repeat(500) }), 'x'.repeat(40)],
    ];
    for (const [input, name] of cases) {
      expect(refusals(teaser, input)).toEqual([`Deze opmaak kan niet in de tekst: ${name}.`]);
    }
  });

  it('refuses a heading in a teaser, and makes every heading elsewhere level 3', () => {
    const heading = (level: number) => ({
      type: 'heading',
      attrs: { level },
      content: [text('Kop')],
    });
    expect(refusals(teaser, doc(heading(3)))).toEqual(['Een teaser kan geen tussenkop hebben.']);
    expect(refusals(teaser, doc(listOf('bulletList', [paragraph(text('a')), heading(3)])))).toEqual(
      ['Een teaser kan geen tussenkop hebben.'],
    );
    for (const level of [1, 2, 3, 4, 6]) {
      expect(body.parse(doc(heading(level))).content).toEqual([
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Kop' }] },
      ]);
    }
    expect(refusals(body, doc(listOf('bulletList', [paragraph(text('a')), heading(3)])))).toEqual([
      'Een tussenkop kan niet in een opsomming staan.',
    ]);
  });

  it('refuses every link that does not start with https://, http:// or mailto:', () => {
    const tricks = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '  javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '//evil.example',
      '/pad/op/de/site',
      'www.example.nl',
      'https:/evil.example',
      'http:\\\\evil.example',
      'ftp://example.nl',
      '',
    ];
    for (const href of tricks) {
      expect(refusals(teaser, doc(paragraph(text('klik', [link(href)])))), href).toEqual([SCHEME]);
    }
  });

  it('refuses links with spaces or hidden characters, without an address or host, or too long', () => {
    const cases: [string, string][] = [
      ['https://exa mple.nl', 'spaties'],
      ['https://example.nl/\u200bpad', 'onzichtbare'],
      ['https://example.nl/\u202epad', 'onzichtbare'],
      ['https://example.nl/\u0007', 'onzichtbare'],
      ['mailto:', 'e-mailadres'],
      ['MAILTO:?subject=Hallo', 'e-mailadres'],
      ['mailto:redactie', 'e-mailadres'],
      ['http://', 'volledig webadres'],
      ['https://', 'volledig webadres'],
      ['https://?q=1', 'volledig webadres'],
      [`https://example.nl/${'a'.repeat(2000)}`, 'hoogstens 2.000 tekens'],
    ];
    for (const [href, reason] of cases) {
      const messages = refusals(teaser, doc(paragraph(text('klik', [link(href)]))));
      expect(messages, href).toHaveLength(1);
      expect(messages[0], href).toContain(reason);
      expect(messages[0], href).not.toBe(SCHEME);
    }
  });

  it('accepts web and mail links in any case, trimmed', () => {
    for (const [href, kept] of [
      ['  https://www.example.nl/pad?a=1&b=2#deel ', 'https://www.example.nl/pad?a=1&b=2#deel'],
      ['HTTP://EXAMPLE.NL', 'HTTP://EXAMPLE.NL'],
      [
        'Mailto:redactie@example.nl?subject=Hoi%20daar',
        'Mailto:redactie@example.nl?subject=Hoi%20daar',
      ],
    ] as const) {
      expect(teaser.parse(doc(paragraph(text('klik', [link(href)]))))).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [link(kept)] }] },
        ],
      });
    }
  });

  it('keeps text that looks like HTML as text', () => {
    const input = doc(paragraph(text('<script>alert(1)</script> & <b onclick="x">')));
    expect(teaser.parse(input)).toEqual(input);
  });

  it('counts characters of the text, a line break as one, against the limit', () => {
    const long = (length: number) =>
      doc(paragraph(text('a'.repeat(length - 1)), { type: 'hardBreak' }));
    expect(refusals(teaser, long(400))).toEqual([]);
    expect(refusals(teaser, long(401))).toEqual(['Een teaser mag hoogstens 400 tekens hebben.']);
    const spread = doc(
      paragraph(text('a'.repeat(2500))),
      listOf('bulletList', [paragraph(text('b'.repeat(2501)))]),
    );
    expect(refusals(body, spread)).toEqual(['De tekst mag hoogstens 5.000 tekens hebben.']);
  });

  it('refuses lists nested deeper than three levels', () => {
    const nested = (depth: number): Json =>
      listOf(
        'bulletList',
        depth === 1 ? [paragraph(text('x'))] : [paragraph(text('x')), nested(depth - 1)],
      );
    expect(refusals(teaser, doc(nested(3)))).toEqual([]);
    expect(refusals(teaser, doc(nested(4)))).toEqual([
      'Een opsomming kan hoogstens 3 niveaus diep zijn; haal een inspringing weg.',
    ]);
  });

  it('refuses more than 500 paragraphs, headings and list lines', () => {
    const roomy = richText({ label: 'De tekst', maxChars: 100_000, headings: true });
    const items = Array.from({ length: 250 }, () => [paragraph(text('x'))]);
    expect(refusals(roomy, doc(listOf('bulletList', ...items), ...items.flat()))).toEqual([]);
    expect(
      refusals(roomy, doc(listOf('bulletList', ...items), ...items.flat(), paragraph(text('y')))),
    ).toEqual(["De tekst mag hoogstens 500 alinea's, tussenkoppen en opsommingsregels hebben."]);
  });

  it('gives the same document when its own output is parsed again', () => {
    const roomy = richText({ label: 'De tekst', maxChars: 100_000, headings: true });
    for (const [i, input] of generateDocs(100, 7, { headings: true }).entries()) {
      const once = roomy.parse(input);
      expect(roomy.parse(once), `document ${i}`).toEqual(once);
      expect(roomy.parse(JSON.stringify(once)), `document ${i}`).toEqual(once);
    }
  });
});

describe('isEmptyDoc', () => {
  it('is true when there is no text a reader would see', () => {
    const blank: RichDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '  ' }, { type: 'hardBreak' }] },
      ],
    };
    expect(isEmptyDoc(emptyDoc())).toBe(true);
    expect(isEmptyDoc(blank)).toBe(true);
    expect(isEmptyDoc(teaser.parse(doc(listOf('bulletList', [paragraph(text('.'))]))))).toBe(false);
  });
});
