import { z } from '@/lib/validation';

/**
 * The path segments of an archived issue (`/archief/<nieuwsbrief>/<nummer>` and its agenda
 * items). Next hands them over already percent-decoded; decoding again turned `%25` into a lone
 * `%` and a 500. Anything that cannot be a slug or an item id is a plain 404.
 */
const slug = z.string().min(1).max(200);

export const archivedIssueParams = z.object({ nieuwsbrief: slug, nummer: slug });

export const archivedItemParams = archivedIssueParams.extend({
  item: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});
