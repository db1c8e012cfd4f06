import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueTemplates, media, reusableBlocks, users, type EditorRole } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { Refusal } from '@/lib/refusal';
import { z } from '@/lib/validation';
import { ctaBlock, imageBlock, MAX_BLOCKS, textBlock, type IssueDocument } from './document';
import { loadIssueDocument } from './load';

/**
 * An issue template: the empty frame of an issue, saved under a name and started from later.
 * It holds the fixed blocks (text, call to action, image) with their content in their order,
 * and whether the footer is there. Not the items (a template is the frame, not the news), not
 * the subject or preheader, and not the sections: in the document a section is a theme of the
 * newsletter, in the newsletter's order, and fixed blocks always follow them. A template that
 * stored the themes would go stale when one is added or archived; a new issue gets the current
 * ones, as it does without a template.
 */

// The document's own block shapes without their ids: each new issue gives its blocks new ids.
const templateBlock = z.discriminatedUnion('kind', [
  textBlock.omit({ id: true }),
  ctaBlock.omit({ id: true }),
  imageBlock.omit({ id: true }),
]);

export const templateStructure = z.object({
  // Stored JSON outlives the code: a later shape gets a new version and a conversion.
  version: z.literal(1),
  blocks: z.array(templateBlock).max(MAX_BLOCKS),
  footer: z.boolean(),
});
export type TemplateStructure = z.infer<typeof templateStructure>;
export type TemplateBlock = TemplateStructure['blocks'][number];

export const MAX_TEMPLATES = 50;

export const templateName = z
  .string({ error: 'Vul een naam voor het sjabloon in.' })
  .trim()
  .min(1, 'Vul een naam voor het sjabloon in.')
  .max(80, 'Een naam mag hoogstens 80 tekens hebben.');

export class TemplateRefusal extends Refusal {}

type IssueTemplate = typeof issueTemplates.$inferSelect;

type Editor = { id: string; role: EditorRole };

/**
 * Every editor may save a template and start from one; changing or deleting one is for whoever
 * made it, a hoofdredacteur or an admin (as for deleting a draft issue): others rely on it.
 */
export function mayManageTemplate(editor: Editor, template: { createdBy: string | null }) {
  return hasRole(editor.role, 'hoofdredacteur') || template.createdBy === editor.id;
}

/** The frame of an issue document: its fixed blocks in order, without ids, and the footer. */
export function structureOf(doc: Pick<IssueDocument, 'extras' | 'footer'>): TemplateStructure {
  // zod drops the blocks' ids (unknown keys) and checks the result like a stored one.
  return templateStructure.parse({ version: 1, blocks: doc.extras, footer: doc.footer !== null });
}

/** The stored structure, checked: stored JSON is never trusted as it is. */
export function parseStructure(template: Pick<IssueTemplate, 'structure'>): TemplateStructure {
  const parsed = templateStructure.safeParse(template.structure);
  if (!parsed.success)
    throw new TemplateRefusal(
      'Dit sjabloon is beschadigd en kan niet worden gebruikt. Verwijder het en sla het opnieuw op.',
    );
  return parsed.data;
}

function templatesOf(tx: Tx, newsletterId: number): IssueTemplate[] {
  return tx
    .select()
    .from(issueTemplates)
    .where(eq(issueTemplates.newsletterId, newsletterId))
    .orderBy(asc(issueTemplates.name), asc(issueTemplates.id))
    .all();
}

/** Names are compared as people read them: "Zomernummer" and "zomernummer " are one name. */
const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.toLocaleLowerCase('nl');

function existing(tx: Tx, templateId: number): IssueTemplate {
  const template = tx.select().from(issueTemplates).where(eq(issueTemplates.id, templateId)).get();
  if (!template) throw new TemplateRefusal('Dit sjabloon bestaat niet (meer).');
  return template;
}

function mustManage(editor: Editor, template: IssueTemplate, what: string) {
  if (!mayManageTemplate(editor, template))
    throw new TemplateRefusal(
      `Alleen wie dit sjabloon maakte, een hoofdredacteur of een beheerder kan het ${what}.`,
    );
}

/**
 * Saves the stored issue (at the version the editor sees) as a template of its newsletter. A
 * name already in use is refused, unless `replace` asks to overwrite that template.
 */
export function saveTemplate(
  tx: Tx,
  input: { issueId: number; version: number; name: string; replace: boolean },
  editor: Editor,
  now = new Date(),
): { template: IssueTemplate; replaced: boolean } {
  const loaded = loadIssueDocument(tx, input.issueId);
  if (!loaded) throw new TemplateRefusal('Dit nummer bestaat niet (meer).');
  if (loaded.issue.version !== input.version)
    throw new TemplateRefusal(
      'Het nummer is intussen gewijzigd. Laad de pagina opnieuw en sla het sjabloon dan op.',
    );
  const newsletterId = loaded.issue.newsletterId;
  const structure = structureOf(loaded.document);
  const all = templatesOf(tx, newsletterId);
  const same = all.find((t) => sameName(input.name, t.name));
  if (same && !input.replace)
    throw new TemplateRefusal(
      `Er is al een sjabloon met de naam “${same.name}”. Kies een andere naam of kies voor vervangen.`,
      'name',
    );
  if (same) {
    mustManage(editor, same, 'vervangen');
    const template = tx
      .update(issueTemplates)
      .set({ name: input.name, structure, updatedAt: now })
      .where(eq(issueTemplates.id, same.id))
      .returning()
      .get();
    return { template, replaced: true };
  }
  if (all.length >= MAX_TEMPLATES)
    throw new TemplateRefusal(
      `Een nieuwsbrief heeft hoogstens ${MAX_TEMPLATES} sjablonen. Verwijder er eerst een.`,
    );
  const template = tx
    .insert(issueTemplates)
    .values({ newsletterId, name: input.name, structure, createdBy: editor.id })
    .returning()
    .get();
  return { template, replaced: false };
}

export function renameTemplate(
  tx: Tx,
  templateId: number,
  name: string,
  editor: Editor,
): { before: string; template: IssueTemplate } {
  const template = existing(tx, templateId);
  mustManage(editor, template, 'hernoemen');
  const clash = templatesOf(tx, template.newsletterId).find(
    (t) => t.id !== template.id && sameName(name, t.name),
  );
  if (clash)
    throw new TemplateRefusal(`Er is al een sjabloon met de naam “${clash.name}”.`, 'name');
  const renamed = tx
    .update(issueTemplates)
    .set({ name })
    .where(eq(issueTemplates.id, template.id))
    .returning()
    .get();
  return { before: template.name, template: renamed };
}

export function deleteTemplate(tx: Tx, templateId: number, editor: Editor): IssueTemplate {
  const template = existing(tx, templateId);
  mustManage(editor, template, 'verwijderen');
  tx.delete(issueTemplates).where(eq(issueTemplates.id, template.id)).run();
  return template;
}

/** A block as a new issue stores it (create.ts gives it an id and a position). */
export type FrameBlock = Omit<TemplateBlock, 'reusableBlockId'> & {
  reusableBlockId: number | null;
};

/**
 * The blocks a new issue of `newsletterId` gets from a template. Each block keeps the content
 * the template saved (what the editor saw when saving it). A reusable block that has since been
 * archived or deleted no longer links: its copy stays, as copies in issues do, and can be
 * removed in the builder like any block. An image no longer in the media library is left to be
 * chosen again (approval waits for it), rather than pointing at nothing.
 */
export function templateFrame(
  tx: Tx,
  newsletterId: number,
  templateId: number,
): { name: string; blocks: FrameBlock[]; footer: boolean } {
  const template = existing(tx, templateId);
  if (template.newsletterId !== newsletterId)
    throw new TemplateRefusal('Dit sjabloon hoort bij een andere nieuwsbrief.', 'templateId');
  const structure = parseStructure(template);
  const live = idsOf(
    tx
      .select({ id: reusableBlocks.id })
      .from(reusableBlocks)
      .where(and(eq(reusableBlocks.newsletterId, newsletterId), isNull(reusableBlocks.archivedAt)))
      .all(),
  );
  const mediaIds = structure.blocks.flatMap((b) =>
    b.kind === 'image' && b.content.mediaId ? [b.content.mediaId] : [],
  );
  const images = idsOf(
    tx
      .select({ id: media.id })
      .from(media)
      .where(and(eq(media.newsletterId, newsletterId), inArray(media.id, mediaIds)))
      .all(),
  );
  const blocks = structure.blocks.map((block): FrameBlock => {
    const linked = block.reusableBlockId && live.has(block.reusableBlockId);
    const withLink = { ...block, reusableBlockId: linked ? block.reusableBlockId : null };
    if (withLink.kind !== 'image' || !withLink.content.mediaId) return withLink;
    if (images.has(withLink.content.mediaId)) return withLink;
    return { ...withLink, content: { ...withLink.content, mediaId: null } };
  });
  return { name: template.name, blocks, footer: structure.footer };
}

const idsOf = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));

export type TemplateSummary = {
  id: number;
  name: string;
  createdBy: string | null;
  createdByName: string | null;
  updatedAt: Date;
  /** The fixed blocks in words, or null when the stored structure is unreadable. */
  blocks: string[] | null;
  footer: boolean;
};

const kindWords = { text: 'Tekstblok', cta: 'Oproep', image: 'Afbeelding' } as const;

function blockWords(block: TemplateBlock): string {
  if (block.kind === 'image')
    return `${kindWords.image}${block.content.caption ? ` “${block.content.caption}”` : ''}`;
  return `${kindWords[block.kind]} “${block.content.title}”`;
}

/** A newsletter's templates by name, for the list and the "Nieuw nummer" choice. */
export function listTemplates(tx: Tx, newsletterId: number): TemplateSummary[] {
  return tx
    .select({ template: issueTemplates, name: users.name, email: users.email })
    .from(issueTemplates)
    .leftJoin(users, eq(users.id, issueTemplates.createdBy))
    .where(eq(issueTemplates.newsletterId, newsletterId))
    .orderBy(asc(issueTemplates.name), asc(issueTemplates.id))
    .all()
    .map(({ template: t, name, email }) => {
      const parsed = templateStructure.safeParse(t.structure);
      return {
        id: t.id,
        name: t.name,
        createdBy: t.createdBy,
        createdByName: name ?? email,
        updatedAt: t.updatedAt,
        blocks: parsed.success ? parsed.data.blocks.map(blockWords) : null,
        footer: parsed.success && parsed.data.footer,
      };
    });
}
