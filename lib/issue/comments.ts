import { asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issueComments, issues } from '@/db/schema';
import { z } from '@/lib/validation';
import { allBlocks, type IssueDocument } from './document';

export const commentInput = z.object({
  issueId: z.coerce.number({ error: 'Onbekend nummer.' }).int().positive('Onbekend nummer.'),
  blockId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  body: z
    .string({ error: 'Schrijf een opmerking.' })
    .trim()
    .min(1, 'Schrijf een opmerking.')
    .max(2000, 'Een opmerking mag hoogstens 2000 tekens hebben.'),
});

/** Adds a remark; a block must be one of this issue's blocks now. Returns an error message or null. */
export function addComment(
  tx: Tx,
  input: z.output<typeof commentInput>,
  author: { id: string; label: string },
  document: IssueDocument | null,
  labelOf: (blockId: string) => string | undefined,
): string | null {
  if (
    !tx.select({ id: issues.id }).from(issues).where(eq(issues.id, input.issueId)).get() ||
    !document
  )
    return 'Dit nummer bestaat niet (meer).';
  if (input.blockId && !allBlocks(document).some((b) => b.id === input.blockId))
    return 'Dit blok staat niet (meer) in het nummer.';
  tx.insert(issueComments)
    .values({
      issueId: input.issueId,
      blockId: input.blockId ?? null,
      blockLabel: input.blockId ? (labelOf(input.blockId) ?? null) : null,
      authorId: author.id,
      authorLabel: author.label,
      body: input.body,
    })
    .run();
  return null;
}

export function listComments(database: Tx, issueId: number) {
  return database
    .select()
    .from(issueComments)
    .where(eq(issueComments.issueId, issueId))
    .orderBy(asc(issueComments.id))
    .all();
}
