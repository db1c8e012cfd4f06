import { imagePlacements, itemKinds } from '@/lib/enums';
import { httpUrl } from '@/lib/issue/document';
import type { RichDoc } from '@/lib/richtext/doc';
import { richField } from '@/lib/richtext/field';
import { toSearchText } from '@/lib/richtext/plain';
import { checkbox, recordId, z } from '@/lib/validation';

const noHtml = (label: string) => (value: string) =>
  !/<\/?[a-z!][^>]*>/i.test(value) || `${label} mag geen HTML bevatten.`;
const optionalUrl = z
  .union([z.literal(''), httpUrl])
  .optional()
  .transform((v) => v || null);
const time = z
  .string()
  .trim()
  .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als 13:30.')
  .optional()
  .transform((v) => v || null);

/** One item as editors enter it; the form, its inline checks and the server action share it. */
export const itemInput = z
  .object({
    kind: z.enum(itemKinds, { error: 'Kies een soort.' }),
    themeId: z.coerce.number({ error: 'Kies een thema.' }).int().positive('Kies een thema.'),
    title: z
      .string({ error: 'Vul een titel in.' })
      .trim()
      .min(1, 'Vul een titel in.')
      .max(160, 'Een titel mag hoogstens 160 tekens hebben.')
      .refine((v) => noHtml('De titel')(v) === true, 'De titel mag geen HTML bevatten.'),
    teaser: richField({ label: 'Een teaser', maxChars: 400, headings: false }),
    body: richField({ label: 'Het artikel', maxChars: 20_000, headings: true }),
    url: optionalUrl,
    eventDate: z
      .string()
      .trim()
      .regex(/^$|^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in.')
      .optional()
      .transform((v) => v || null),
    startTime: time,
    endTime: time,
    location: z
      .string()
      .trim()
      .max(200, 'Een plaats mag hoogstens 200 tekens hebben.')
      .optional()
      .transform((v) => v || null),
    online: checkbox,
    registrationUrl: optionalUrl,
    imageMediaId: z
      .union([z.literal(''), z.null(), recordId])
      .optional()
      .transform((v) => v || null),
    imagePlacement: z
      .enum(imagePlacements, { error: 'Kies waar de afbeelding staat.' })
      .default('beside'),
  })
  .superRefine((item, ctx) => {
    if (item.kind !== 'event') return;
    if (!item.eventDate)
      ctx.addIssue({
        code: 'custom',
        path: ['eventDate'],
        message: 'Een evenement heeft een datum nodig.',
      });
    if (!item.location && !item.online)
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'Vul een plaats in of kies "online".',
      });
    if (item.startTime && item.endTime && item.endTime <= item.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'De eindtijd moet na de begintijd liggen.',
      });
  });

export type ItemInput = z.output<typeof itemInput>;

/**
 * Which item an edit saves, and the version (its updatedAt in ms) the form was opened with, so a
 * save over someone else's newer edit is refused. Without it (an older client), no check.
 */
export const itemVersion = z.object({
  id: recordId,
  newsletterId: recordId.optional(),
  updatedAt: z.coerce
    .number({ error: 'Onbekende versie van het item. Laad de pagina opnieuw.' })
    .int()
    .positive()
    .optional(),
});

/** The teaser as stored: the document the mail shows, and its words for search and the feed. */
export const teaserColumns = (teaserDoc: RichDoc) => ({
  teaserDoc,
  teaser: toSearchText(teaserDoc),
});

/** Stores only the event fields of events, so a news item never carries a stray date. */
export function itemValues(input: ItemInput) {
  const event = input.kind === 'event';
  return {
    kind: input.kind,
    themeId: input.themeId,
    title: input.title,
    ...teaserColumns(input.teaser),
    body: input.body,
    url: input.url,
    eventDate: event ? input.eventDate : null,
    startTime: event ? input.startTime : null,
    endTime: event ? input.endTime : null,
    location: event ? input.location : null,
    online: event ? input.online : false,
    registrationUrl: event ? input.registrationUrl : null,
    imageMediaId: input.imageMediaId,
    imagePlacement: input.imagePlacement,
  };
}
