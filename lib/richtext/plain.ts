import {
  inlineContents,
  linkRuns,
  type RichBlock,
  type RichDoc,
  type RichInline,
  type RichList,
  type RichListItem,
} from './doc';
import { mailAddress } from './link';

const BULLET = /^[-*] /;

/**
 * Existing plain text as a document, losing nothing: blank lines part paragraphs, a single line
 * break stays one, "## " starts a sub-heading (the text blocks' convention) where headings are
 * allowed, and a paragraph whose every line starts with "- " or "* " is a bulleted list.
 */
export function fromPlainText(text: string, options: { headings: boolean }): RichDoc {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy === '') return { type: 'doc', content: [] };
  return { type: 'doc', content: tidy.split('\n\n').map((part) => plainBlock(part, options)) };
}

function plainBlock(part: string, { headings }: { headings: boolean }): RichBlock {
  if (headings && part.startsWith('## ')) {
    return { type: 'heading', attrs: { level: 3 }, content: plainInlines(part.slice(3)) };
  }
  const lines = part.split('\n');
  if (lines.every((line) => BULLET.test(line))) {
    const content = lines.map((line): RichListItem => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: plainInlines(line.slice(2)) }],
    }));
    return { type: 'bulletList', content };
  }
  return { type: 'paragraph', content: plainInlines(part) };
}

/** Lines of one paragraph, never empty ones (those part paragraphs), with hard breaks between. */
function plainInlines(part: string): RichInline[] {
  return part
    .split('\n')
    .flatMap((line, i): RichInline[] =>
      i === 0
        ? [{ type: 'text', text: line }]
        : [{ type: 'hardBreak' }, { type: 'text', text: line }],
    );
}

/**
 * The document as the text part of a mail: a blank line between blocks, "- " and "1. " before
 * list items (nested ones two spaces further in) and every link target written out, since a
 * text mail has no links to click.
 */
export function toPlainText(doc: RichDoc): string {
  return doc.content
    .map((block) => blockLines(block).join('\n'))
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockLines(block: RichBlock): string[] {
  return block.type === 'paragraph' || block.type === 'heading'
    ? inlineText(block.content ?? []).split('\n')
    : listLines(block);
}

function listLines(list: RichList): string[] {
  const start = list.type === 'orderedList' ? (list.attrs?.start ?? 1) : 0;
  return list.content.flatMap((item, i) => {
    const marker = list.type === 'orderedList' ? `${start + i}. ` : '- ';
    return item.content.flatMap(blockLines).map((line, j) => (j === 0 ? marker : '  ') + line);
  });
}

function inlineText(content: readonly RichInline[]): string {
  return linkRuns(content)
    .map(({ href, nodes }) => {
      const label = nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
      if (href === null) return label;
      // The reader of a text mail sees the address, not "mailto:", and no label twice.
      const target = mailAddress(href) ?? href;
      return label === target ? target : `${label} (${target})`;
    })
    .join('');
}

/** The words alone, single-spaced: for the search index, snippets and "is this empty?". */
export function toSearchText(doc: RichDoc): string {
  return inlineContents(doc.content)
    .map((content) => content.map((node) => (node.type === 'text' ? node.text : ' ')).join(''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
