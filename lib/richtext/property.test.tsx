// One document, three renderings (mail HTML, page HTML, mail text): a reader must get the same
// words and the same links from each. Checked on generated documents, which reach the corners
// (marks that overlap and change inside words, nested lists, markup typed as text) that
// hand-written examples miss.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichBlock, RichDoc, RichInline, RichLinkMark } from './doc';
import { generateDocs } from './generate';
import { toPlainText, toSearchText } from './plain';
import { RichText, type RichTextStyles } from './render';
import { richText } from './schema';

const EMAIL: RichTextStyles = {
  mode: 'email',
  p: { margin: 0 },
  a: { color: 'blue' },
  h3: { margin: 0 },
  list: { margin: 0 },
  li: { margin: 0 },
};
const WEB: RichTextStyles = { mode: 'web', className: { a: 'link', p: 'alinea' } };

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** One pass, so "&amp;lt;" stays the text "&lt;" as it should. */
function decode(html: string): string {
  return html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES.get(name) ?? whole;
  });
}

// List markers exist only in the text version; a word that is just one is left out everywhere.
const isMarker = (word: string) => word === '-' || /^\d+\.$/.test(word);
const words = (text: string) => text.split(/\s+/).filter((word) => word && !isMarker(word));

/** Block elements and line breaks part words; inline ones (strong, em, a) may sit inside one. */
function htmlWords(html: string): string[] {
  const text = html.replace(/<\/?(?:p|h3|ul|ol|li|br)\b[^>]*>/g, ' ').replace(/<[^>]*>/g, '');
  return words(decode(text));
}

type Link = { href: string; label: string };

function htmlLinks(html: string): Link[] {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)<\/a>/g)].map(
    ([, href, inner]) => ({
      href: decode(href!),
      label: decode(inner!.replace(/<[^>]*>/g, '')),
    }),
  );
}

/** Inline content in reading order, walked here rather than with the code under test. */
function inlineContent(blocks: readonly RichBlock[]): RichInline[][] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph' || block.type === 'heading'
      ? [block.content ?? []]
      : block.content.flatMap((item) => inlineContent(item.content)),
  );
}

/** The links a reader should meet, from the document itself: neighbouring text shares one. */
function docLinks(doc: RichDoc): Link[] {
  return inlineContent(doc.content).flatMap((content) => {
    const links: Link[] = [];
    let previous: Link | undefined;
    for (const node of content) {
      const mark =
        node.type === 'text'
          ? node.marks?.find((m): m is RichLinkMark => m.type === 'link')
          : undefined;
      if (node.type !== 'text' || !mark) {
        previous = undefined;
      } else if (previous && previous.href === mark.attrs.href) {
        previous.label += node.text;
      } else {
        previous = { href: mark.attrs.href, label: node.text };
        links.push(previous);
      }
    }
    return links;
  });
}

const listDepth = (blocks: readonly RichBlock[]): number =>
  Math.max(
    0,
    ...blocks.map((block) =>
      block.type === 'bulletList' || block.type === 'orderedList'
        ? 1 + Math.max(...block.content.map((item) => listDepth(item.content)))
        : 0,
    ),
  );

/**
 * The text version with every link's "(target)" taken out, after checking each link is written
 * out in order: "label (href)", the address for mail links, the target alone when it is the label.
 */
function withoutTargets(text: string, links: Link[]): string {
  let rest = text;
  let cursor = 0;
  for (const { href, label } of links) {
    const target = /^mailto:/i.test(href) ? href.slice(7).split('?')[0]! : href;
    const written = label === target ? target : `${label} (${target})`;
    const at = rest.indexOf(written, cursor);
    expect(
      at,
      `${JSON.stringify(written)} in ${JSON.stringify(rest.slice(cursor))}`,
    ).toBeGreaterThanOrEqual(0);
    rest = rest.slice(0, at) + label + rest.slice(at + written.length);
    cursor = at + label.length;
  }
  return rest;
}

const body = richText({ label: 'De tekst', maxChars: 100_000, headings: true });
const docs: RichDoc[] = generateDocs(200, 20_260_612, { headings: true }).map((doc) =>
  body.parse(doc),
);

describe('mail HTML, page HTML and mail text of one document', () => {
  it('hold the same words and the same links', () => {
    for (const [i, doc] of docs.entries()) {
      const email = renderToStaticMarkup(<RichText doc={doc} styles={EMAIL} />);
      const web = renderToStaticMarkup(<RichText doc={doc} styles={WEB} />);
      const links = docLinks(doc);
      const context = `document ${i}: ${JSON.stringify(doc)}`;

      expect(htmlLinks(email), context).toEqual(links);
      expect(htmlLinks(web), context).toEqual(links);
      const expected = words(toSearchText(doc));
      expect(htmlWords(email), context).toEqual(expected);
      expect(htmlWords(web), context).toEqual(expected);
      expect(words(withoutTargets(toPlainText(doc), links)), context).toEqual(expected);
    }
  });

  it('are checked on documents that reach every feature', () => {
    const json = JSON.stringify(docs);
    const all = docs.map((doc) => ({ doc, links: docLinks(doc) }));
    const count = (test: (entry: (typeof all)[number]) => boolean) => all.filter(test).length;
    expect(count(({ links }) => links.length > 0)).toBeGreaterThan(100);
    expect(count(({ links }) => links.some((l) => l.href.startsWith('mailto:')))).toBeGreaterThan(
      20,
    );
    expect(count(({ links }) => links.some((l) => l.label === l.href))).toBeGreaterThan(5);
    expect(
      count(({ links }) => links.some((l) => `mailto:${l.label}` === l.href.split('?')[0])),
    ).toBeGreaterThan(5);
    for (const needle of [
      '"type":"heading"',
      '"type":"hardBreak"',
      '"start":',
      '<script>',
      '&amp;',
      'é',
      'ë',
      'ï',
    ]) {
      expect(json, needle).toContain(needle);
    }
    expect(count(({ doc }) => listDepth(doc.content) === 3)).toBeGreaterThan(5);
    expect(json).toContain('[{"type":"bold"},{"type":"italic"},{"type":"link"');
    expect(
      docs.some((doc) =>
        toPlainText(doc)
          .split(/\s/)
          .some((word) => word.length > 100),
      ),
    ).toBe(true);
  });
});
