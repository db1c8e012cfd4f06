import { isAllowedHref } from './link-href';
import type {
  RichBlock,
  RichDoc,
  RichHeading,
  RichInline,
  RichList,
  RichListItem,
  RichMark,
  RichParagraph,
} from '@/lib/richtext/doc';

// The editor's own JSON carries more than is stored (null target/rel/class/title on links, an
// orderedList `type` read from pasted CSS, `start: 1`); toRichDoc reduces it to the stored
// shape of lib/richtext/doc.ts, normalized the way the server normalizes it, so what the
// hidden input posts is what gets saved.

type Loose = { [key: string]: unknown };

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: Loose): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attr(node: Loose, key: string): unknown {
  return isObject(node.attrs) ? node.attrs[key] : undefined;
}

/** As the server stores an empty field: no blocks at all. */
export function emptyDoc(): RichDoc {
  return { type: 'doc', content: [] };
}

/** ProseMirror's document needs a block: an empty field opens with one empty paragraph. */
export function toEditorContent(doc: RichDoc): RichDoc {
  return doc.content.length ? doc : { type: 'doc', content: [{ type: 'paragraph' }] };
}

// The server's fixed order, so that equal formatting compares equal.
const MARK_ORDER = ['bold', 'italic', 'link'] as const;

function toMarks(value: unknown): RichMark[] {
  const byType = new Map<string, RichMark>();
  for (const mark of Array.isArray(value) ? value : []) {
    if (!isObject(mark)) continue;
    if (mark.type === 'bold' || mark.type === 'italic') byType.set(mark.type, { type: mark.type });
    const href = attr(mark, 'href');
    // A link the server would refuse loses its mark and keeps its text.
    if (mark.type === 'link' && typeof href === 'string' && isAllowedHref(href)) {
      byType.set('link', { type: 'link', attrs: { href: href.trim() } });
    }
  }
  return MARK_ORDER.flatMap((type) => byType.get(type) ?? []);
}

function toInline(nodes: unknown[]): RichInline[] {
  return nodes.flatMap((node): RichInline[] => {
    if (!isObject(node)) return [];
    if (node.type === 'hardBreak') return [{ type: 'hardBreak' }];
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') return [];
      const marks = toMarks(node.marks);
      return [
        marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text },
      ];
    }
    // An inline node we do not know (a mention, an emoji) still shows its text.
    return toInline(childrenOf(node));
  });
}

function paragraph(content: RichInline[]): RichParagraph {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function toListItem(node: Loose): RichListItem {
  const blocks = toBlocks(childrenOf(node), false).filter(
    (block): block is RichParagraph | RichList => block.type !== 'heading',
  );
  const first = blocks[0];
  return {
    type: 'listItem',
    content: first?.type === 'paragraph' ? blocks : [paragraph([]), ...blocks],
  };
}

function toList(node: Loose): RichList | null {
  // Anything but a list item directly in a list (HTML allows a nested <ul> there) gets one.
  const items = childrenOf(node)
    .filter(isObject)
    .flatMap((child) => {
      if (child.type === 'listItem') return [toListItem(child)];
      const item = toListItem({ content: [child] });
      return item.content.length === 1 && isEmptyParagraph(item.content[0]) ? [] : [item];
    });
  if (!items.length) return null;
  if (node.type === 'bulletList') return { type: 'bulletList', content: items };
  const start = attr(node, 'start');
  // ProseMirror's default start, 1, is left out, as the server does; a start it would refuse
  // (negative, huge, not a whole number) counts from 1.
  const counts = typeof start === 'number' && Number.isInteger(start) && start >= 0;
  return counts && start <= 99_999 && start !== 1
    ? { type: 'orderedList', attrs: { start }, content: items }
    : { type: 'orderedList', content: items };
}

function toBlock(node: Loose, headings: boolean): RichBlock[] {
  const inline = () => toInline(childrenOf(node));
  switch (node.type) {
    case 'paragraph':
      return [paragraph(inline())];
    case 'heading': {
      const content = inline();
      if (!headings) return [paragraph(content)];
      const heading: RichHeading = { type: 'heading', attrs: { level: 3 } };
      return [content.length ? { ...heading, content } : heading];
    }
    case 'bulletList':
    case 'orderedList': {
      const list = toList(node);
      return list ? [list] : [];
    }
    default:
      // A block we do not render (a quote, a code block, a table) keeps its text.
      return toBlocks(childrenOf(node), headings);
  }
}

/** Blocks from any JSON; text found between blocks is gathered into paragraphs. */
function toBlocks(nodes: unknown[], headings: boolean): RichBlock[] {
  const blocks: RichBlock[] = [];
  let loose: unknown[] = [];
  const flush = () => {
    const content = toInline(loose);
    if (content.length) blocks.push(paragraph(content));
    loose = [];
  };
  for (const node of nodes) {
    if (!isObject(node)) continue;
    if (node.type === 'text' || node.type === 'hardBreak') {
      loose.push(node);
      continue;
    }
    flush();
    blocks.push(...toBlock(node, headings));
  }
  flush();
  return blocks;
}

function isEmptyParagraph(block: RichBlock | undefined): boolean {
  return block?.type === 'paragraph' && !block.content;
}

/**
 * Reduces any JSON to a RichDoc: unknown nodes give up their text, unknown marks and
 * attributes go, links the server would refuse lose their mark, headings become paragraphs
 * where a field has none. Empty paragraphs at the end (Enter at the end, or the one the editor
 * keeps after a list to type in) are dropped, as the server drops them.
 */
export function toRichDoc(value: unknown, { headings }: { headings: boolean }): RichDoc {
  if (!isObject(value) || value.type !== 'doc') return emptyDoc();
  const content = toBlocks(childrenOf(value), headings);
  while (isEmptyParagraph(content.at(-1))) content.pop();
  return { type: 'doc', content };
}

/** Old plain-text content: a blank line starts a paragraph, a single newline is a line break. */
export function fromPlainText(text: string): RichDoc {
  const content = text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) =>
      paragraph(
        part.split(/\r?\n/).flatMap((line, i): RichInline[] => {
          const run: RichInline[] = line ? [{ type: 'text', text: line }] : [];
          return i === 0 ? run : [{ type: 'hardBreak' }, ...run];
        }),
      ),
    );
  return { type: 'doc', content };
}

/**
 * What the field starts with. A string is either the JSON a failed form post sent back or old
 * plain text from before rich text; anything else is read as JSON.
 */
export function toInitialDoc(value: unknown, headings: boolean): RichDoc {
  if (typeof value !== 'string') return toRichDoc(value, { headings });
  if (value.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isObject(parsed) && parsed.type === 'doc') return toRichDoc(parsed, { headings });
    } catch {
      // Not JSON after all: old text that happens to start with a brace.
    }
  }
  return fromPlainText(value);
}

/**
 * The characters the limit counts, as the server's textLength counts them: the text, a line
 * break as one (as in a textarea), the space between paragraphs none. UTF-16 units.
 */
export function countChars(doc: RichDoc): number {
  const count = (nodes: readonly unknown[]): number =>
    nodes.reduce<number>((sum, node) => {
      if (!isObject(node)) return sum;
      if (node.type === 'hardBreak') return sum + 1;
      if (node.type === 'text' && typeof node.text === 'string') return sum + node.text.length;
      return sum + count(childrenOf(node));
    }, 0);
  return count(doc.content);
}
