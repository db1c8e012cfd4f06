// The normalized rich-text document: TipTap/ProseMirror JSON with StarterKit node names, narrowed
// to what newsletters may hold. The editor loads it as is (`setContent`), so the shape must stay
// exactly what ProseMirror produces: empty `content` and `marks` are left out, not [].

export type RichMark = { type: 'bold' } | { type: 'italic' } | RichLinkMark;
export type RichLinkMark = { type: 'link'; attrs: { href: string } };

export type RichTextNode = { type: 'text'; text: string; marks?: RichMark[] };
export type RichInline = RichTextNode | { type: 'hardBreak' };

export type RichParagraph = { type: 'paragraph'; content?: RichInline[] };
export type RichHeading = { type: 'heading'; attrs: { level: 3 }; content?: RichInline[] };

/** ProseMirror's list item holds a paragraph first, then more paragraphs or nested lists. */
export type RichListItem = { type: 'listItem'; content: (RichParagraph | RichList)[] };
export type RichBulletList = { type: 'bulletList'; content: RichListItem[] };
/** `start` is left out when the list counts from 1, as ProseMirror's default. */
export type RichOrderedList = {
  type: 'orderedList';
  attrs?: { start: number };
  content: RichListItem[];
};
export type RichList = RichBulletList | RichOrderedList;

export type RichBlock = RichParagraph | RichHeading | RichList;
export type RichDoc = { type: 'doc'; content: RichBlock[] };

/** Consecutive inline nodes that share one link (or no link): one `<a>`, one "label (href)". */
export type InlineRun = { href: string | null; nodes: RichInline[] };

/** Groups inline content into link runs; a hard break never carries a link, so it ends one. */
export function linkRuns(content: readonly RichInline[]): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of content) {
    const link =
      node.type === 'text'
        ? node.marks?.find((mark): mark is RichLinkMark => mark.type === 'link')
        : undefined;
    const href = link?.attrs.href ?? null;
    const last = runs.at(-1);
    if (last && last.href === href) last.nodes.push(node);
    else runs.push({ href, nodes: [node] });
  }
  return runs;
}

/** The inline content of every paragraph and heading, lists included, in reading order. */
export function inlineContents(blocks: readonly RichBlock[]): RichInline[][] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph' || block.type === 'heading'
      ? [block.content ?? []]
      : block.content.flatMap((item) => inlineContents(item.content)),
  );
}

/**
 * The length the character limit counts: the text as a reader gets it, a line break being one
 * character (as in a textarea), the space between paragraphs none. UTF-16 units, like zod's max().
 */
export function textLength(doc: RichDoc): number {
  let length = 0;
  for (const node of inlineContents(doc.content).flat()) {
    length += node.type === 'text' ? node.text.length : 1;
  }
  return length;
}
