import { richField } from '@/lib/richtext/field';
import { z } from '@/lib/validation';

/**
 * The issue as one typed document: the builder edits it, the save action validates it, the
 * e-mail renderer and the archive read it. Containers mirror how editors think of an issue:
 * a lead slot, one section per theme (in the newsletter's order), extra blocks, a footer.
 */

export const MAX_BLOCKS = 200;

// Plain text only: editors' text is escaped wherever it is shown, and markup is refused here
// so that nothing that looks like HTML is stored to surprise a later renderer.
const plainText = (max: number, label: string) =>
  z
    .string({ error: `${label} ontbreekt.` })
    .trim()
    .max(max, `${label} mag hoogstens ${max} tekens hebben.`)
    .refine((value) => !/<\/?[a-z!][^>]*>/i.test(value), `${label} mag geen HTML bevatten.`);

export const subjectText = plainText(200, 'Het onderwerp');
export const preheaderText = plainText(250, 'De preheader');

export const httpUrl = z
  .string({ error: 'Vul een webadres in.' })
  .trim()
  .max(2000, 'Dit webadres is te lang.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Vul een volledig webadres in dat begint met https://');

export const blockId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Ongeldige blok-id.');
const id = z.number().int().positive();

export const leadBlock = z.object({ id: blockId, kind: z.literal('lead'), itemId: id });
export const itemBlock = z.object({ id: blockId, kind: z.literal('item'), itemId: id });

export const textContent = z.object({
  title: plainText(160, 'De titel'),
  body: richField({ label: 'De tekst', maxChars: 5000, headings: true }),
});
export const ctaContent = z.object({
  title: plainText(160, 'De titel'),
  body: plainText(1000, 'De tekst'),
  buttonLabel: plainText(60, 'De knoptekst').pipe(z.string().min(1, 'Vul een knoptekst in.')),
  buttonUrl: httpUrl,
});

export const imageContent = z.object({
  /** Null while the editor has yet to choose one; approval waits for it (lib/email/image-checks). */
  mediaId: id.nullable(),
  caption: plainText(300, 'Het onderschrift').default(''),
  link: z
    .union([z.literal(''), httpUrl])
    .nullish()
    .transform((v) => v || null),
});

export const textBlock = z.object({
  id: blockId,
  kind: z.literal('text'),
  reusableBlockId: id.nullable(),
  content: textContent,
});
export const ctaBlock = z.object({
  id: blockId,
  kind: z.literal('cta'),
  reusableBlockId: id.nullable(),
  content: ctaContent,
});
export const imageBlock = z.object({
  id: blockId,
  kind: z.literal('image'),
  reusableBlockId: id.nullable(),
  content: imageContent,
});
export const extraBlock = z.discriminatedUnion('kind', [textBlock, ctaBlock, imageBlock], {
  error: 'Onbekend bloktype.',
});
export const footerBlock = z.object({ id: blockId, kind: z.literal('footer') });

const tooMany = `Een nummer mag hoogstens ${MAX_BLOCKS} blokken hebben.`;

export const section = z.object({
  themeId: id,
  blocks: z.array(itemBlock).max(MAX_BLOCKS, tooMany),
});

export const issueDocument = z
  .object({
    subject: subjectText,
    preheader: preheaderText,
    lead: leadBlock.nullable(),
    sections: z.array(section).max(50, "Een nummer mag hoogstens 50 thema's hebben."),
    extras: z.array(extraBlock).max(MAX_BLOCKS, tooMany),
    footer: footerBlock.nullable(),
  })
  .superRefine((doc, ctx) => {
    const blocks = allBlocks(doc);
    if (blocks.length > MAX_BLOCKS) ctx.addIssue({ code: 'custom', message: tooMany });
    const ids = new Set<string>();
    for (const block of blocks) {
      if (ids.has(block.id))
        ctx.addIssue({ code: 'custom', message: 'Twee blokken hebben dezelfde id.' });
      ids.add(block.id);
    }
    const themes = new Set<number>();
    for (const s of doc.sections) {
      if (themes.has(s.themeId))
        ctx.addIssue({ code: 'custom', message: 'Een thema staat twee keer in het nummer.' });
      themes.add(s.themeId);
    }
    const items = new Set<number>();
    for (const block of blocks) {
      if (block.kind !== 'lead' && block.kind !== 'item') continue;
      if (items.has(block.itemId))
        ctx.addIssue({ code: 'custom', message: 'Een item staat twee keer in het nummer.' });
      items.add(block.itemId);
    }
  });

export type IssueDocument = z.infer<typeof issueDocument>;
export type LeadBlock = z.infer<typeof leadBlock>;
export type ItemBlock = z.infer<typeof itemBlock>;
export type ExtraBlock = z.infer<typeof extraBlock>;
export type TextBlock = z.infer<typeof textBlock>;
export type CtaBlock = z.infer<typeof ctaBlock>;
export type ImageBlock = z.infer<typeof imageBlock>;
export type FooterBlock = z.infer<typeof footerBlock>;
export type Block = LeadBlock | ItemBlock | ExtraBlock | FooterBlock;

/** Text and call-to-action blocks: the ones with a title and text of their own to correct. */
export type WrittenBlock = TextBlock | CtaBlock;
export const isWritten = (block: ExtraBlock): block is WrittenBlock => block.kind !== 'image';

/** An extra block in words, for lists and screen readers: its title, or the image's caption. */
export function extraLabel(block: ExtraBlock): string {
  if (block.kind !== 'image') return block.content.title;
  return block.content.caption || 'Afbeelding';
}

/** Every block in reading order: lead, sections, extras, footer. */
export function allBlocks(
  doc: Pick<IssueDocument, 'lead' | 'sections' | 'extras' | 'footer'>,
): Block[] {
  return [
    ...(doc.lead ? [doc.lead] : []),
    ...doc.sections.flatMap((s) => s.blocks),
    ...doc.extras,
    ...(doc.footer ? [doc.footer] : []),
  ];
}

/** The item ids placed in the issue (lead and sections). */
export function placedItemIds(doc: IssueDocument): Set<number> {
  return new Set([
    ...(doc.lead ? [doc.lead.itemId] : []),
    ...doc.sections.flatMap((s) => s.blocks.map((b) => b.itemId)),
  ]);
}

/** Only the themed sections a reader follows, empty ones dropped; lead, extras and footer stay. */
export function filterByThemes(doc: IssueDocument, themeIds: ReadonlySet<number>): IssueDocument {
  return {
    ...doc,
    sections: doc.sections.filter((s) => s.blocks.length > 0 && themeIds.has(s.themeId)),
  };
}
