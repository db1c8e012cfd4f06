import { articleUrl, type EmailSourceItem, type RenderInput } from '@/lib/email/render';
import type { RichBlock, RichDoc, RichInline } from '@/lib/richtext/doc';
import { isEmptyDoc } from '@/lib/richtext/schema';

// Which links of an issue are counted, and how they are swapped for their counted address.
// The swap happens on the renderer's input, before anything is rendered: the HTML and the text
// part, and every theme combination, are made from one rewritten input, so a send still renders
// each variant once and no copy is touched per reader.
//
// Counted: every http(s) link to content: an item's "Lees meer" (its own link or its article in
// the archive), its registration button and the links in its teaser, the links in text blocks,
// call-to-action buttons and image links. Not counted: the reader's personal links (unsubscribe,
// preferences: placeholders filled per copy, and a click on them says something about a person),
// mailto: links, the newsletter's standing footer links (the same in every issue: nothing about
// this content), and "Bekijk in uw browser": that leads to the issue's own archive page,
// whose visits the archive counts itself, and a redirect in front of it would count them twice.

/** One place a link sits in the issue, with what the results will call it. */
export type LinkSite = {
  url: string;
  itemId: number | null;
  themeId: number | null;
  label: string;
};

/** Links that go through the redirect: web addresses only (not mailto:, not a placeholder). */
export const isCountable = (url: string) =>
  /^https?:\/\//i.test(url) && !url.startsWith('https://kopij.invalid/');

/** The same URL under the same item (or outside items) is one link, wherever it appears. */
export const siteKey = (site: Pick<LinkSite, 'itemId' | 'url'>) =>
  `${site.itemId ?? ''} ${site.url}`;

type Swap = (site: LinkSite) => string;

function mapInline(nodes: RichInline[], where: Omit<LinkSite, 'url' | 'label'>, swap: Swap) {
  return nodes.map((node) => {
    if (node.type !== 'text' || !node.marks?.some((m) => m.type === 'link')) return node;
    const marks = node.marks.map((mark) =>
      mark.type === 'link' && isCountable(mark.attrs.href)
        ? { ...mark, attrs: { href: swap({ ...where, url: mark.attrs.href, label: node.text }) } }
        : mark,
    );
    return { ...node, marks };
  });
}

function mapBlocks(blocks: RichBlock[], where: Omit<LinkSite, 'url' | 'label'>, swap: Swap) {
  return blocks.map((block): RichBlock => {
    if (block.type === 'paragraph' || block.type === 'heading')
      return block.content ? { ...block, content: mapInline(block.content, where, swap) } : block;
    return {
      ...block,
      content: block.content.map((item) => ({
        ...item,
        content: mapBlocks(item.content, where, swap) as typeof item.content,
      })),
    } as RichBlock;
  });
}

const mapDoc = (doc: RichDoc, where: Omit<LinkSite, 'url' | 'label'>, swap: Swap): RichDoc => ({
  ...doc,
  content: mapBlocks(doc.content, where, swap),
});

function mapItem(item: EmailSourceItem, themeId: number | null, input: RenderInput, swap: Swap) {
  const where = { itemId: item.id, themeId };
  const own = (url: string | null, label: string) =>
    url !== null && isCountable(url) ? swap({ ...where, url, label }) : url;
  // The article in the archive is where "Lees meer" leads when the item has no link of its own.
  const readMore = item.url ?? (isEmptyDoc(item.body) ? null : articleUrl(input.webUrl, item.id));
  return {
    ...item,
    url: own(readMore, item.title),
    teaserDoc: mapDoc(item.teaserDoc, where, swap),
    registrationUrl: own(item.registrationUrl, `Aanmelden: ${item.title}`),
  };
}

/**
 * The input with every counted link replaced by `swap(site)`, in reading order: lead, sections,
 * extras. `swap` sees each place once per call, so it can also just collect (linkSites).
 */
export function mapCountedLinks(input: RenderInput, swap: Swap): RenderInput {
  const items = new Map(input.items);
  const visit = (itemId: number, themeId: number | null) => {
    const item = input.items.get(itemId);
    if (item) items.set(itemId, mapItem(item, themeId, input, swap));
  };
  const doc = input.document;
  if (doc.lead) visit(doc.lead.itemId, null);
  for (const section of doc.sections)
    for (const block of section.blocks) visit(block.itemId, section.themeId);
  const none = { itemId: null, themeId: null };
  const extras = doc.extras.map((block) => {
    if (block.kind === 'text')
      return {
        ...block,
        content: { ...block.content, body: mapDoc(block.content.body, none, swap) },
      };
    if (block.kind === 'cta') {
      const { buttonUrl, buttonLabel } = block.content;
      if (!isCountable(buttonUrl)) return block;
      const url = swap({ ...none, url: buttonUrl, label: buttonLabel });
      return { ...block, content: { ...block.content, buttonUrl: url } };
    }
    const { link, caption } = block.content;
    if (!link || !isCountable(link)) return block;
    const url = swap({ ...none, url: link, label: caption || 'Afbeelding' });
    return { ...block, content: { ...block.content, link: url } };
  });
  return { ...input, items, document: { ...doc, extras } };
}

/** Every counted link of the issue, once each (by siteKey), in reading order. */
export function linkSites(input: RenderInput): LinkSite[] {
  const sites = new Map<string, LinkSite>();
  mapCountedLinks(input, (site) => {
    if (!sites.has(siteKey(site))) sites.set(siteKey(site), site);
    return site.url;
  });
  return [...sites.values()];
}
