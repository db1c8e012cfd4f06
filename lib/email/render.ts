import { render } from 'react-email';
import type { IssueEmailProps } from '@/emails/issue';
import IssueEmail from '@/emails/issue';
import type { EmailItem } from '@/emails/blocks';
import type { PlacedImage } from '@/emails/image';
import type { ImagePlacement } from '@/lib/enums';
import type { RichDoc } from '@/lib/richtext/doc';
import { toPlainText } from '@/lib/richtext/plain';
import { isEmptyDoc } from '@/lib/richtext/schema';
import { filterByThemes, type IssueDocument } from '@/lib/issue/document';
import { eventSummary } from '@/lib/items/labels';
import { FIRST_NAME_FALLBACK, fillFirstName } from './greeting';

/**
 * Personal links are rendered as these URLs and replaced per recipient when sending: valid,
 * URL-safe, and left alone by HTML escaping, so one rendering serves every subscriber. The first
 * name ({voornaam} in a text block, lib/email/greeting.ts) likewise: letters and hyphens that
 * escaping leaves alone and no editor types, in the HTML and the text part alike.
 */
export const PLACEHOLDERS = {
  unsubscribe: 'https://kopij.invalid/__afmelden__',
  preferences: 'https://kopij.invalid/__voorkeuren__',
  firstName: 'KOPIJ-VOORNAAM-5d2c',
} as const;

/** One rendering serves many readers: each copy gets its own links by substitution. */
export function fillPersonalLinks(
  body: string,
  links: { unsubscribe: string; preferences: string },
): string {
  return body
    .replaceAll(PLACEHOLDERS.unsubscribe, links.unsubscribe)
    .replaceAll(PLACEHOLDERS.preferences, links.preferences);
}

export type EmailNewsletter = {
  name: string;
  organisation: string;
  brandColor: string;
  logoUrl: string | null;
  logoAlt: string | null;
  logoMediaId: number | null;
  footerText: string;
  footerLinks: { label: string; url: string }[];
  contactLine: string;
  postalAddress: string;
  reasonLine: string;
  unsubscribeLabel: string;
  preferencesLabel: string;
};

export type EmailSourceItem = {
  id: number;
  kind: EmailItem['kind'];
  title: string;
  teaser: string;
  teaserDoc: RichDoc;
  body: RichDoc;
  url: string | null;
  eventDate: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
  registrationUrl: string | null;
  imageMediaId: number | null;
  imagePlacement: ImagePlacement;
};

export type RenderInput = {
  document: IssueDocument;
  newsletter: EmailNewsletter;
  themes: { id: number; name: string }[];
  items: Map<number, EmailSourceItem>;
  /** The images the items and the logo use, by media id (lib/media/placed.ts). */
  images: ReadonlyMap<number, PlacedImage>;
  webUrl: string;
  /** Only these themed sections (a subscriber's choice); all when absent. */
  themeIds?: ReadonlySet<number>;
  /**
   * What {voornaam} in a text block becomes: a reader's first name, the send's placeholder
   * (filled per copy), or, when absent, the fallback ("lezer": preview, archive, approval).
   */
  firstName?: string;
  /** A real send with opens on: the issue's open pixel (lib/clicks/opens.ts); else none. */
  openPixel?: string;
};

/** An item's own page in the archive, with its full article: under its issue's web version. */
export const articleUrl = (issueUrl: string, itemId: number) => `${issueUrl}/${itemId}`;

/**
 * "Lees meer" goes to the item's own link, or, for an item with a full article, to its page in
 * the archive (which exists once the issue is sent).
 */
function readMoreUrl(item: EmailSourceItem, webUrl: string): string | null {
  return item.url ?? (isEmptyDoc(item.body) ? null : articleUrl(webUrl, item.id));
}

function emailItem(item: EmailSourceItem, input: RenderInput): EmailItem {
  const images = input.images;
  const placed = item.imageMediaId === null ? undefined : images.get(item.imageMediaId);
  const where = [item.location, item.online ? 'online' : null].filter(Boolean).join(' en ');
  return {
    kind: item.kind,
    title: item.title,
    teaser: item.teaserDoc,
    url: readMoreUrl(item, input.webUrl),
    anchor: `item-${item.id}`,
    event:
      item.kind === 'event' && item.eventDate
        ? {
            when: eventSummary({ ...item, location: null, online: false }),
            where,
            registrationUrl: item.registrationUrl,
          }
        : undefined,
    image: placed ? { placed, placement: item.imagePlacement } : undefined,
  };
}

/** The document as the template's props: empty sections dropped, items resolved, links filled. */
export function issueEmailProps(input: RenderInput): IssueEmailProps {
  const themed = input.themeIds ? filterByThemes(input.document, input.themeIds) : input.document;
  const resolve = (itemId: number) => {
    const item = input.items.get(itemId);
    return item ? [emailItem(item, input)] : [];
  };
  const n = input.newsletter;
  return {
    brand: {
      color: n.brandColor,
      name: n.name,
      organisation: n.organisation,
      logoUrl: n.logoUrl,
      logoAlt: n.logoAlt,
      logo: n.logoMediaId === null ? null : (input.images.get(n.logoMediaId) ?? null),
    },
    subject: themed.subject,
    preheader: themed.preheader,
    webUrl: input.webUrl,
    lead: themed.lead ? (resolve(themed.lead.itemId)[0] ?? null) : null,
    sections: themed.sections
      .map((s) => ({
        name: input.themes.find((t) => t.id === s.themeId)?.name ?? '',
        items: s.blocks.flatMap((b) => resolve(b.itemId)),
      }))
      .filter((s) => s.items.length > 0),
    extras: themed.extras.map((b) => {
      if (b.kind === 'text')
        return {
          kind: 'text' as const,
          ...b.content,
          body: fillFirstName(b.content.body, input.firstName ?? FIRST_NAME_FALLBACK),
        };
      if (b.kind === 'cta') return { kind: 'cta' as const, ...b.content };
      const { mediaId, caption, link } = b.content;
      const image = mediaId === null ? null : (input.images.get(mediaId) ?? null);
      return { kind: 'image' as const, image, caption, link };
    }),
    footer: themed.footer
      ? {
          text: n.footerText,
          links: n.footerLinks.map((l) => ({ label: l.label, href: l.url })),
          unsubscribe: { label: n.unsubscribeLabel, href: PLACEHOLDERS.unsubscribe },
          preferences: { label: n.preferencesLabel, href: PLACEHOLDERS.preferences },
          lines: [n.contactLine, n.postalAddress, n.reasonLine].filter((l) => l.trim() !== ''),
        }
      : null,
    openPixel: input.openPixel ?? null,
  };
}

/** The same content as plain text, every link written out. */
export function plainText(props: IssueEmailProps): string {
  const out: string[] = [
    `${props.brand.name} - ${props.brand.organisation}`,
    `Bekijk deze nieuwsbrief in uw browser: ${props.webUrl}`,
    '',
  ];
  const item = (i: EmailItem, label?: string) => {
    if (label) out.push(label.toUpperCase());
    out.push(i.title);
    if (i.event) {
      out.push(`Wanneer: ${i.event.when}`);
      if (i.event.where) out.push(`Waar: ${i.event.where}`);
      if (i.event.registrationUrl) out.push(`Aanmelden: ${i.event.registrationUrl}`);
    }
    if (!isEmptyDoc(i.teaser)) out.push(toPlainText(i.teaser));
    if (i.url) out.push(`Lees meer: ${i.url}`);
    out.push('');
  };
  if (props.lead) item(props.lead);
  for (const section of props.sections) {
    out.push(`== ${section.name} ==`, '');
    for (const i of section.items) item(i, section.name);
  }
  for (const block of props.extras) {
    if (block.kind === 'image') {
      // An image says nothing in text; its caption and link do.
      const words = [block.caption, block.link].filter(Boolean).join(': ');
      if (block.image && words) out.push(words, '');
      continue;
    }
    out.push(`== ${block.title} ==`, '');
    if (block.kind === 'text') out.push(toPlainText(block.body), '');
    else if (block.body) out.push(block.body, '');
    if (block.kind === 'cta') out.push(`${block.buttonLabel}: ${block.buttonUrl}`, '');
  }
  if (props.footer) {
    const f = props.footer;
    out.push('--');
    for (const l of [...f.links, f.unsubscribe, f.preferences]) out.push(`${l.label}: ${l.href}`);
    if (f.lines.length) out.push('', ...f.lines);
    if (f.text) out.push('', f.text);
  }
  return `${out.join('\n').trim()}\n`;
}

/**
 * For a send: every theme combination of an issue without rendering each one. The skeleton is
 * rendered once with a marker where the sections go, then each section once on its own; a
 * combination's HTML is the skeleton with its sections joined in. A section whose rendering does
 * not sit exactly between the skeleton's two halves (it never should) makes this fall back to
 * rendering combinations whole, so the output is always what renderIssueEmail would give.
 * {voornaam} stays PLACEHOLDERS.firstName, for each copy to fill (lib/send/messages.ts).
 */
export async function issueVariants(source: RenderInput): Promise<{
  composed: boolean;
  variant: (
    themeIds: ReadonlySet<number>,
  ) => Promise<{ html: string; text: string; subject: string }>;
}> {
  // The first name stays a placeholder: one rendering per variant, each copy fills it in.
  const input = { ...source, firstName: PLACEHOLDERS.firstName };
  const full = issueEmailProps(input);
  const marker = 'KOPIJ-SECTIONS-7f3a';
  const skeleton = await render(IssueEmail({ ...full, sections: [], sectionsSlot: marker }));
  const at = skeleton.indexOf(marker);
  const [before, after] = [skeleton.slice(0, at), skeleton.slice(at + marker.length)];
  const sectionHtml = new Map<string, string>();
  let composable =
    at >= 0 && new Set(full.sections.map((s) => s.name)).size === full.sections.length;
  for (const section of composable ? full.sections : []) {
    const html = await render(IssueEmail({ ...full, sections: [section] }));
    if (!html.startsWith(before) || !html.endsWith(after)) {
      composable = false;
      break;
    }
    sectionHtml.set(section.name, html.slice(before.length, html.length - after.length));
  }
  return {
    composed: composable,
    async variant(themeIds) {
      const props = issueEmailProps({ ...input, themeIds });
      const html = composable
        ? before + props.sections.map((s) => sectionHtml.get(s.name)).join('') + after
        : await render(IssueEmail(props));
      return { html, text: plainText(props), subject: props.subject };
    },
  };
}

/** Renders one issue (for one theme combination) to HTML and plain text. */
export async function renderIssueEmail(
  input: RenderInput,
): Promise<{ html: string; text: string; props: IssueEmailProps }> {
  const props = issueEmailProps(input);
  const html = await render(IssueEmail(props));
  return { html, text: plainText(props), props };
}
