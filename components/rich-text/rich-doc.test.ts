// @tiptap/core is not a dependency of its own; @tiptap/react re-exports it.
import { getSchema } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import type { RichDoc } from '@/lib/richtext/doc';
import { richTextExtensions } from './extensions';
import {
  countChars,
  emptyDoc,
  fromPlainText,
  toEditorContent,
  toInitialDoc,
  toRichDoc,
} from './rich-doc';

const FULL: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Kop' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vet', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        {
          type: 'text',
          text: 'link',
          marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://vng.nl' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'een' }] },
            {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
            },
          ],
        },
      ],
    },
  ],
};

describe('toRichDoc and the editor schema', () => {
  const schema = getSchema(richTextExtensions(true));

  it('produces JSON the editor accepts', () => {
    expect(() => schema.nodeFromJSON(FULL).check()).not.toThrow();
  });

  it('reduces the editor JSON (null link attributes, list type) to the stored shape', () => {
    const editorJson = schema.nodeFromJSON(FULL).toJSON();
    expect(JSON.stringify(editorJson)).toContain('"target":null');
    // The editor orders marks by priority (link first); the server's order is bold, italic, link.
    expect(JSON.stringify(editorJson)).toMatch(/"link".*"italic"/);
    expect(toRichDoc(editorJson, { headings: true })).toEqual(FULL);
  });

  it('leaves out start 1 and the empty paragraph the editor keeps after a list', () => {
    const list = {
      type: 'orderedList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
    };
    const editorJson = schema
      .nodeFromJSON({ type: 'doc', content: [list, { type: 'paragraph' }] })
      .toJSON();
    expect(editorJson.content[0].attrs).toEqual({ start: 1, type: null });
    expect(toRichDoc(editorJson, { headings: true })).toEqual({ type: 'doc', content: [list] });
  });

  it('opens an empty field with one paragraph, as ProseMirror needs', () => {
    const content = toEditorContent(emptyDoc());
    expect(() => schema.nodeFromJSON(content).check()).not.toThrow();
    expect(toEditorContent(FULL)).toBe(FULL);
  });

  it('turns headings into paragraphs for a field without them', () => {
    const plain = toRichDoc(FULL, { headings: false });
    expect(plain.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Kop' }],
    });
    expect(() => getSchema(richTextExtensions(false)).nodeFromJSON(plain).check()).not.toThrow();
  });

  it('drops links with a scheme we do not allow, keeping the text', () => {
    const doc = toRichDoc(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'klik',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
      { headings: true },
    );
    expect(doc.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'klik' }],
    });
  });

  it('keeps the text of unknown blocks and drops unknown marks and leaves', () => {
    const doc = toRichDoc(
      {
        type: 'doc',
        content: [
          {
            type: 'blockquote',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'citaat', marks: [{ type: 'strike' }] }],
              },
            ],
          },
          { type: 'horizontalRule' },
          { type: 'codeBlock', content: [{ type: 'text', text: 'code' }] },
          { type: 'bulletList', content: [{ type: 'bulletList', content: [] }] },
          { type: 'paragraph' },
        ],
      },
      { headings: true },
    );
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'citaat' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'code' }] },
      ],
    });
  });

  it('gives list items a first paragraph and keeps a start of 0', () => {
    const doc = toRichDoc(
      {
        type: 'doc',
        content: [{ type: 'orderedList', attrs: { start: 0 }, content: [{ type: 'listItem' }] }],
      },
      { headings: true },
    );
    expect(doc.content[0]).toEqual({
      type: 'orderedList',
      attrs: { start: 0 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
    });
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
  });

  it.each([[null], [undefined], [''], [{}], [{ type: 'doc', content: [] }], [42]])(
    'starts %j as an empty editor',
    (value) => {
      expect(toInitialDoc(value, true)).toEqual(emptyDoc());
    },
  );
});

describe('old and posted string content', () => {
  it('reads plain text as paragraphs and line breaks', () => {
    expect(fromPlainText('Eerste regel\ntweede regel\n\n\nNieuwe alinea  ')).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Eerste regel' },
            { type: 'hardBreak' },
            { type: 'text', text: 'tweede regel' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Nieuwe alinea' }] },
      ],
    });
  });

  it('reads the JSON a failed form post sends back', () => {
    expect(toInitialDoc(JSON.stringify(FULL), true)).toEqual(FULL);
  });

  it('reads text that merely starts with a brace as text', () => {
    expect(toInitialDoc('{niet json}', true).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '{niet json}' }],
    });
  });
});

describe('countChars', () => {
  it('counts text and line breaks (one each), as the server does, not paragraph breaks', () => {
    expect(countChars(FULL)).toBe('Kop'.length + 'Vet'.length + 1 + 'link'.length + 'een'.length);
    expect(countChars(emptyDoc())).toBe(0);
  });
});
