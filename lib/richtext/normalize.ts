import { formatCount } from '@/lib/format';
import type {
  RichBlock,
  RichDoc,
  RichInline,
  RichList,
  RichListItem,
  RichMark,
  RichParagraph,
  RichTextNode,
} from './doc';
import { linkProblem } from './link';

const MAX_TEXTBLOCKS = 500;
/** The editor can stop indenting here rather than let the server refuse. */
export const MAX_LIST_DEPTH = 3;
/** A list may count from 0; beyond this a number is a typo or a forged request. */
const MAX_LIST_START = 99_999;

/** Thrown inside the walk and turned into one zod issue: the first problem is the one to fix. */
export class Refusal extends Error {}

export type NormalizeOptions = { label: string; headings: boolean };

type Walk = NormalizeOptions & { textblocks: number };
type JsonNode = { type: string; [key: string]: unknown };

export const unreadable = (label: string) =>
  new Refusal(`${label} kon niet worden gelezen; probeer het opnieuw.`);
const noHeadings = (label: string) => new Refusal(`${label} kan geen tussenkop hebben.`);
const isEmptyParagraph = (block: RichBlock | undefined) =>
  block?.type === 'paragraph' && !block.content;

// What editors call the formatting a pasted document or another TipTap set-up may bring.
const DUTCH_NAMES = new Map([
  ['blockquote', 'citaat'],
  ['code', 'code'],
  ['codeBlock', 'codeblok'],
  ['details', 'uitklapblok'],
  ['emoji', 'emoji'],
  ['highlight', 'markering'],
  ['horizontalRule', 'horizontale lijn'],
  ['image', 'afbeelding'],
  ['mention', 'vermelding'],
  ['strike', 'doorgehaalde tekst'],
  ['subscript', 'subscript'],
  ['superscript', 'superscript'],
  ['table', 'tabel'],
  ['tableCell', 'tabel'],
  ['tableHeader', 'tabel'],
  ['tableRow', 'tabel'],
  ['taskItem', 'takenlijst'],
  ['taskList', 'takenlijst'],
  ['textStyle', 'tekststijl'],
  ['underline', 'onderstreping'],
  ['youtube', 'video'],
]);
// Our own types in the wrong place (text between blocks, a list item outside a list): the
// editor never makes that, so the document is broken rather than formatted in a way we refuse.
const OWN_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'text',
  'hardBreak',
  'bold',
  'italic',
  'link',
]);

function refuseType(type: string, walk: Walk): never {
  if (OWN_TYPES.has(type)) throw unreadable(walk.label);
  const name = DUTCH_NAMES.get(type) ?? type.slice(0, 40);
  throw new Refusal(`Deze opmaak kan niet in de tekst: ${name}.`);
}

function isNode(value: unknown): value is JsonNode {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'type') === 'string'
  );
}

function node(value: unknown, walk: Walk): JsonNode {
  if (!isNode(value)) throw unreadable(walk.label);
  return value;
}

/** ProseMirror leaves `content` out when a node is empty. */
function children(value: JsonNode, walk: Walk): unknown[] {
  if (value.content === undefined) return [];
  if (!Array.isArray(value.content)) throw unreadable(walk.label);
  return value.content;
}

/** A JSON value as a normalized document; throws a Refusal with the Dutch reason otherwise. */
export function normalizeDoc(input: unknown, options: NormalizeOptions): RichDoc {
  const walk: Walk = { ...options, textblocks: 0 };
  const doc = node(input, walk);
  if (doc.type !== 'doc') throw unreadable(walk.label);
  const content = children(doc, walk).map((child) => block(node(child, walk), walk));
  // Enter at the end of the editor leaves empty paragraphs that show as nothing but a gap.
  while (isEmptyParagraph(content.at(-1))) content.pop();
  return { type: 'doc', content };
}

function block(value: JsonNode, walk: Walk): RichBlock {
  switch (value.type) {
    case 'paragraph':
      return paragraph(value, walk);
    case 'heading': {
      if (!walk.headings) throw noHeadings(walk.label);
      // One heading level fits under the block's own title; any level the editor sends is it.
      const content = inlines(value, walk);
      return content.length
        ? { type: 'heading', attrs: { level: 3 }, content }
        : { type: 'heading', attrs: { level: 3 } };
    }
    case 'bulletList':
    case 'orderedList':
      return list(value, walk, 1);
    default:
      return refuseType(value.type, walk);
  }
}

function paragraph(value: JsonNode, walk: Walk): RichParagraph {
  const content = inlines(value, walk);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function list(value: JsonNode, walk: Walk, depth: number): RichList {
  if (depth > MAX_LIST_DEPTH) {
    throw new Refusal(
      `Een opsomming kan hoogstens ${MAX_LIST_DEPTH} niveaus diep zijn; haal een inspringing weg.`,
    );
  }
  const content = children(value, walk).map((item) => listItem(node(item, walk), walk, depth));
  if (content.length === 0) throw unreadable(walk.label);
  if (value.type === 'bulletList') return { type: 'bulletList', content };
  const start = listStart(value.attrs, walk);
  return start === 1
    ? { type: 'orderedList', content }
    : { type: 'orderedList', attrs: { start }, content };
}

function listStart(attrs: unknown, walk: Walk): number {
  const start: unknown = typeof attrs === 'object' && attrs ? Reflect.get(attrs, 'start') : null;
  if (start === undefined || start === null) return 1;
  if (
    typeof start !== 'number' ||
    !Number.isInteger(start) ||
    start < 0 ||
    start > MAX_LIST_START
  ) {
    throw unreadable(walk.label);
  }
  return start;
}

function listItem(value: JsonNode, walk: Walk, depth: number): RichListItem {
  if (value.type !== 'listItem') return refuseType(value.type, walk);
  const content = children(value, walk).map((child) => {
    const part = node(child, walk);
    if (part.type === 'paragraph') return paragraph(part, walk);
    if (part.type === 'bulletList' || part.type === 'orderedList') {
      return list(part, walk, depth + 1);
    }
    if (part.type === 'heading') {
      throw walk.headings
        ? new Refusal('Een tussenkop kan niet in een opsomming staan.')
        : noHeadings(walk.label);
    }
    return refuseType(part.type, walk);
  });
  // ProseMirror's list item starts with a paragraph; the editor could not load it otherwise.
  if (content[0]?.type !== 'paragraph') throw unreadable(walk.label);
  return { type: 'listItem', content };
}

function inlines(value: JsonNode, walk: Walk): RichInline[] {
  walk.textblocks += 1;
  if (walk.textblocks > MAX_TEXTBLOCKS) {
    throw new Refusal(
      `${walk.label} mag hoogstens ${formatCount(MAX_TEXTBLOCKS)} alinea's, tussenkoppen en opsommingsregels hebben.`,
    );
  }
  const content: RichInline[] = [];
  for (const child of children(value, walk)) {
    const inline = node(child, walk);
    // A hard break's marks (TipTap keeps them for the text typed after it) show nothing.
    if (inline.type === 'hardBreak') content.push({ type: 'hardBreak' });
    else if (inline.type !== 'text') refuseType(inline.type, walk);
    else appendText(content, inline, walk);
  }
  return content;
}

function appendText(content: RichInline[], value: JsonNode, walk: Walk): void {
  if (typeof value.text !== 'string') throw unreadable(walk.label);
  if (value.text === '') return;
  const markList = marks(value.marks, walk);
  const last = content.at(-1);
  if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(markList)) {
    last.text += value.text;
    return;
  }
  const text: RichTextNode = { type: 'text', text: value.text };
  if (markList.length) text.marks = markList;
  content.push(text);
}

const MARK_ORDER = ['bold', 'italic', 'link'] as const;

/** Deduplicated, in one fixed order, so equal formatting compares equal and text nodes merge. */
function marks(value: unknown, walk: Walk): RichMark[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw unreadable(walk.label);
  const byType = new Map<string, RichMark>();
  for (const item of value) {
    const mark = node(item, walk);
    if (mark.type === 'bold' || mark.type === 'italic') byType.set(mark.type, { type: mark.type });
    else if (mark.type === 'link') byType.set('link', linkMark(mark.attrs, walk));
    else refuseType(mark.type, walk);
  }
  return MARK_ORDER.flatMap((type) => byType.get(type) ?? []);
}

/** Keeps only the href: TipTap's target, rel and class (often null) are ours to decide. */
function linkMark(attrs: unknown, walk: Walk): RichMark {
  const href: unknown = typeof attrs === 'object' && attrs ? Reflect.get(attrs, 'href') : null;
  if (typeof href !== 'string') throw unreadable(walk.label);
  const trimmed = href.trim();
  const problem = linkProblem(trimmed);
  if (problem) throw new Refusal(problem);
  return { type: 'link', attrs: { href: trimmed } };
}
