// Where an image is used, and deleting one that is not. An image in a sent issue stays: the
// archive page and every mail already delivered point at its files.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import {
  issueBlocks,
  issues,
  items,
  media,
  mediaRenditions,
  newsletters,
  sentItems,
} from '@/db/schema';
import { issueTitle } from '@/lib/newsletters/title';
import { Refusal } from '@/lib/refusal';
import { renditionsDir } from './store';

export type ImageUse =
  | { kind: 'logo'; newsletterId: number; label: string }
  | { kind: 'item'; itemId: number; label: string }
  | { kind: 'issue'; issueId: number; label: string; sent: boolean };

/** Every use of these images, by media id: as a logo, on a library item, in an issue's copy. */
export function imageUses(database: Db | Tx, ids: number[]): Map<number, ImageUse[]> {
  const uses = new Map<number, ImageUse[]>(ids.map((id) => [id, []]));
  if (!ids.length) return uses;
  // An issue may show an image twice (an item's and a block's): it is one use.
  const add = (id: number | null, use: ImageUse) => {
    const list = id === null ? undefined : uses.get(id);
    if (list && !list.some((u) => u.kind === use.kind && u.label === use.label)) list.push(use);
  };
  for (const n of database
    .select({ id: newsletters.id, name: newsletters.name, mediaId: newsletters.logoMediaId })
    .from(newsletters)
    .where(inArray(newsletters.logoMediaId, ids))
    .all())
    add(n.mediaId, { kind: 'logo', newsletterId: n.id, label: `Logo van ${n.name}` });
  for (const i of database
    .select({ id: items.id, title: items.title, mediaId: items.imageMediaId })
    .from(items)
    .where(inArray(items.imageMediaId, ids))
    .all())
    add(i.mediaId, { kind: 'item', itemId: i.id, label: i.title });
  for (const s of database
    .selectDistinct({
      issueId: issues.id,
      number: issues.number,
      status: issues.status,
      mediaId: sentItems.imageMediaId,
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(sentItems)
    .innerJoin(issues, eq(issues.id, sentItems.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(isNotNull(sentItems.imageMediaId), inArray(sentItems.imageMediaId, ids)))
    .all())
    add(s.mediaId, {
      kind: 'issue',
      issueId: s.issueId,
      label: issueTitle(s, s.number),
      sent: s.status === 'sent' || s.status === 'sending',
    });
  // Image blocks: their media id is in the block's content.
  const blockMedia = sql<number>`json_extract(${issueBlocks.content}, '$.mediaId')`;
  for (const b of database
    .selectDistinct({
      issueId: issues.id,
      number: issues.number,
      status: issues.status,
      mediaId: blockMedia,
      name: newsletters.name,
      titlePattern: newsletters.titlePattern,
    })
    .from(issueBlocks)
    .innerJoin(issues, eq(issues.id, issueBlocks.issueId))
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(and(eq(issueBlocks.kind, 'image'), inArray(blockMedia, ids)))
    .all())
    add(b.mediaId, {
      kind: 'issue',
      issueId: b.issueId,
      label: issueTitle(b, b.number),
      sent: b.status === 'sent' || b.status === 'sending',
    });
  return uses;
}

/**
 * Deletes an unused image's rows and says which files no other image shares (the same upload
 * in two newsletters is one set of files). Those files go after the commit: a rolled-back
 * delete must not lose them.
 */
export function deleteImage(tx: Tx, mediaId: number): string[] {
  const image = tx.select().from(media).where(eq(media.id, mediaId)).get();
  if (!image) throw new Refusal('Deze afbeelding bestaat niet (meer).');
  const uses = imageUses(tx, [mediaId]).get(mediaId)!;
  if (uses.some((u) => u.kind === 'issue' && u.sent))
    throw new Refusal(
      'Deze afbeelding staat in een verzonden nummer; het archief en de verzonden mails tonen haar, dus ze blijft.',
    );
  if (uses.length)
    throw new Refusal(
      `Deze afbeelding is nog in gebruik: ${uses.map((u) => u.label).join(', ')}. Haal haar daar eerst weg.`,
    );
  const files = tx
    .select({ file: mediaRenditions.file })
    .from(mediaRenditions)
    .where(eq(mediaRenditions.mediaId, mediaId))
    .all()
    .map((r) => r.file);
  tx.delete(media).where(eq(media.id, mediaId)).run();
  const shared = new Set(
    tx
      .select({ file: mediaRenditions.file })
      .from(mediaRenditions)
      .where(inArray(mediaRenditions.file, files))
      .all()
      .map((r) => r.file),
  );
  const original = tx
    .select({ id: media.id })
    .from(media)
    .where(eq(media.originalHash, image.originalHash))
    .get();
  return [
    ...files.filter((f) => !shared.has(f)).map((f) => path.join('r', f)),
    ...(original ? [] : [path.join('originals', `${image.originalHash}.${image.kind}`)]),
  ];
}

/** Removes the files `deleteImage` named, relative to DATA_DIR/media; a missing one is fine. */
export function removeImageFiles(dataDir: string, files: string[]): void {
  const root = path.dirname(renditionsDir(dataDir));
  for (const file of files) fs.rmSync(path.join(root, file), { force: true });
}
