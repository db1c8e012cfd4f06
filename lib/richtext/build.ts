import type { RichBlock, RichDoc, RichInline, RichListItem, RichMark } from './doc';

// Documents written in code (the demo newsletter, tests) read like the text they hold:
// doc(p('Lees de ', link('agenda', 'https://…'), ' en ', bold('reageer'), '.')).

type Inline = string | RichInline;

const inlines = (parts: Inline[]): RichInline[] =>
  parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part));

const marked = (text: string, marks: RichMark[]): RichInline => ({ type: 'text', text, marks });

export const bold = (text: string) => marked(text, [{ type: 'bold' }]);
export const italic = (text: string) => marked(text, [{ type: 'italic' }]);
export const link = (text: string, href: string) =>
  marked(text, [{ type: 'link', attrs: { href } }]);

export const p = (...parts: Inline[]): RichBlock => ({
  type: 'paragraph',
  content: inlines(parts),
});
export const h3 = (...parts: Inline[]): RichBlock => ({
  type: 'heading',
  attrs: { level: 3 },
  content: inlines(parts),
});

const item = (parts: Inline[]): RichListItem => ({
  type: 'listItem',
  content: [{ type: 'paragraph', content: inlines(parts) }],
});
export const ul = (...items: Inline[][]): RichBlock => ({
  type: 'bulletList',
  content: items.map(item),
});
export const ol = (...items: Inline[][]): RichBlock => ({
  type: 'orderedList',
  content: items.map(item),
});

export const doc = (...content: RichBlock[]): RichDoc => ({ type: 'doc', content });
