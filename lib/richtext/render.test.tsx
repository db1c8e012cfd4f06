import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichDoc } from './doc';
import { RichText, type RichTextStyles } from './render';
import { richText } from './schema';

const email: RichTextStyles = {
  mode: 'email',
  p: { margin: '0 0 12px' },
  a: { color: '#0645ad' },
  h3: { fontSize: '17px' },
  list: { paddingLeft: '20px' },
  li: { margin: '0 0 4px' },
};
const web: RichTextStyles = {
  mode: 'web',
  className: {
    p: 'mt-2',
    a: 'underline',
    h3: 'font-semibold',
    ul: 'list-disc',
    ol: 'list-decimal',
    li: 'ml-4',
  },
};
const html = (doc: RichDoc, styles: RichTextStyles) =>
  renderToStaticMarkup(<RichText doc={doc} styles={styles} />);

const href = 'https://example.nl/a?b=1&c="2"';
const sample: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Kop' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Lees ', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: 'dit', marks: [{ type: 'bold' }, { type: 'link', attrs: { href } }] },
        { type: 'text', text: ' stuk', marks: [{ type: 'link', attrs: { href } }] },
        { type: 'hardBreak' },
        {
          type: 'text',
          text: 'of mail',
          marks: [{ type: 'link', attrs: { href: 'mailto:r@example.nl' } }],
        },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'een' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'twee' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'diep' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('RichText', () => {
  it('puts a style on every element of a mail, and nothing on a link but href and style', () => {
    expect(html(sample, email)).toBe(
      '<h3 style="font-size:17px">Kop</h3>' +
        '<p style="margin:0 0 12px"><strong><em>Lees </em></strong>' +
        '<a href="https://example.nl/a?b=1&amp;c=&quot;2&quot;" style="color:#0645ad"><strong>dit</strong> stuk</a>' +
        '<br/><a href="mailto:r@example.nl" style="color:#0645ad">of mail</a></p>' +
        '<p style="margin:0 0 12px"><br/></p>' +
        '<ol start="3" style="padding-left:20px"><li style="margin:0 0 4px">een<br/>twee' +
        '<ul style="padding-left:20px"><li style="margin:0 0 4px">diep</li></ul></li></ol>',
    );
  });

  it('gives a page class names, and rel="noopener" on links to other sites', () => {
    expect(html(sample, web)).toBe(
      '<h3 class="font-semibold">Kop</h3>' +
        '<p class="mt-2"><strong><em>Lees </em></strong>' +
        '<a href="https://example.nl/a?b=1&amp;c=&quot;2&quot;" rel="noopener" class="underline"><strong>dit</strong> stuk</a>' +
        '<br/><a href="mailto:r@example.nl" class="underline">of mail</a></p>' +
        '<p class="mt-2"><br/></p>' +
        '<ol start="3" class="list-decimal"><li class="ml-4">een<br/>twee' +
        '<ul class="list-disc"><li class="ml-4">diep</li></ul></li></ol>',
    );
    expect(html(sample, { mode: 'web' })).toContain('<h3>Kop</h3><p><strong>');
  });

  it('shows typed markup as text and drops attributes smuggled into the document', () => {
    const parsed = richText({ label: 'De tekst', maxChars: 1000, headings: true }).parse({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)', style: 'color:red' },
          content: [
            {
              type: 'text',
              text: '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
              marks: [
                {
                  type: 'link',
                  attrs: { href: 'https://example.nl', onclick: 'alert(2)', target: '_top' },
                },
              ],
            },
          ],
        },
      ],
    });
    for (const styles of [email, web]) {
      const out = html(parsed, styles);
      expect(out).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
      );
      expect(out).not.toMatch(/<script|<img|onclick|target=|color:red/);
    }
  });
});
