// What the hidden input posts must be what lib/richtext/schema.ts saves, unchanged: then the
// editor and the saved document never disagree, and the counter agrees with the limit.
import { getSchema } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import { textLength } from '@/lib/richtext/doc';
import { richText } from '@/lib/richtext/schema';
import { richTextExtensions } from './extensions';
import { countChars, toEditorContent, toRichDoc } from './rich-doc';

const text = (value: string, marks?: object[]) => ({ type: 'text', text: value, marks });

/** Documents as the editor's getJSON() gives them: built through its schema. */
const EDITOR_DOCS = [
  { type: 'doc', content: [{ type: 'paragraph' }] },
  {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 3 }, content: [text('Kop')] },
      {
        type: 'paragraph',
        content: [
          text('Vet', [{ type: 'bold' }]),
          { type: 'hardBreak' },
          text('mail', [{ type: 'italic' }, { type: 'link', attrs: { href: 'mailto:a@b.nl' } }]),
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 4 },
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [text('vier', [{ type: 'bold' }])] },
              {
                type: 'bulletList',
                content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
              },
            ],
          },
        ],
      },
      { type: 'paragraph' },
    ],
  },
];

describe('the posted document and the server schema', () => {
  const schema = getSchema(richTextExtensions(true));
  const field = richText({ label: 'De tekst', maxChars: 10_000, headings: true });

  it.each(EDITOR_DOCS.map((doc) => [doc]))('saves %j as posted', (doc) => {
    const editorJson = schema.nodeFromJSON(doc).toJSON();
    const posted = toRichDoc(editorJson, { headings: true });
    expect(field.parse(JSON.stringify(posted))).toEqual(posted);
    expect(countChars(posted)).toBe(textLength(posted));
  });

  it('loads what the server saved back into the editor', () => {
    for (const doc of EDITOR_DOCS) {
      const saved = field.parse(JSON.stringify(toRichDoc(doc, { headings: true })));
      expect(() => schema.nodeFromJSON(toEditorContent(saved)).check()).not.toThrow();
    }
  });
});
