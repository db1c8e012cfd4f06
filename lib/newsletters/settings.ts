import { brandColourProblem } from '@/lib/contrast';
import { httpUrl } from '@/lib/issue/document';
import { normaliseAddress } from '@/lib/subscribers/address';
import { checkbox, recordId, z } from '@/lib/validation';
import { DEFAULT_TITLE_PATTERN } from './title';

// The one shape of a newsletter's settings: the admin form, its action, the service and the demo
// data all go through `newsletterSettings`. Pure (no database), so a client form may use it too.

export const MAX_FOOTER_LINKS = 6;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} mag hoogstens ${max} tekens hebben.`)
    .refine(
      (v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v),
      `${label} bevat tekens die niet kunnen.`,
    )
    .default('');

const required = (max: number, label: string, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} mag hoogstens ${max} tekens hebben.`)
    // One line: these end up in mail headers and page titles.
    .refine((v) => !/[\u0000-\u001f]/.test(v), `${label} moet op één regel staan.`);

/** Empty form fields mean "none". */
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), z.null(), schema])
    .optional()
    .transform((v) => (v === '' || v == null ? null : (v as z.output<T>)));

const address = (missing: string) =>
  z
    .string({ error: missing })
    .max(254, 'Dit e-mailadres is te lang.')
    .transform(normaliseAddress)
    .pipe(
      z
        .string()
        .min(1, missing)
        .pipe(z.email('Dit is geen geldig e-mailadres, bijvoorbeeld nieuwsbrief@gemeente.nl.')),
    );

const httpsUrl = httpUrl.refine(
  (v) => v.startsWith('https://'),
  'Gebruik een beveiligd webadres dat begint met https://',
);

const footerLinkUrl = z
  .string()
  .trim()
  .max(2000, 'Dit webadres is te lang.')
  .refine((value) => {
    try {
      return ['https:', 'http:', 'mailto:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Vul een volledig webadres in (https://...) of een mailto:-adres.');

/** A row of the form may stay empty; a half-filled row is a mistake worth saying. */
const footerLink = z
  .object({ label: text(40, 'Een linktekst'), url: z.string().trim().default('') })
  .superRefine((link, ctx) => {
    if (!link.label && !link.url) return;
    if (!link.label)
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'Vul een linktekst in.' });
    const url = footerLinkUrl.safeParse(link.url);
    if (!url.success)
      ctx.addIssue({ code: 'custom', path: ['url'], message: url.error.issues[0]!.message });
  });

const RESERVED_SLUGS = ['bevestigen', 'controleer', 'lijst', 'zoeken'];

export const newsletterSettings = z
  .object({
    name: required(80, 'De naam', 'Vul een naam in.'),
    slug: z
      .string({ error: 'Vul een korte naam voor het webadres in.' })
      .trim()
      .min(1, 'Vul een korte naam voor het webadres in.')
      .max(60, 'De korte naam mag hoogstens 60 tekens hebben.')
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'Gebruik alleen kleine letters, cijfers en streepjes (zoals zorgpost of nieuws-zorg).',
      )
      // Pages of their own under /aanmelden/ and /archief/ would hide a newsletter of that name.
      .refine(
        (slug) => !RESERVED_SLUGS.includes(slug),
        'Deze korte naam gebruikt Kopij al voor een eigen pagina; kies een andere.',
      ),
    description: text(500, 'De beschrijving'),
    organisation: required(120, 'De organisatie', 'Vul de naam van de organisatie in.'),
    senderName: required(100, 'De afzendernaam', 'Vul een afzendernaam in.'),
    senderEmail: address('Vul een afzenderadres in.'),
    replyTo: optional(address('Vul een antwoordadres in.')),
    listIdDomain: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(200, 'Dit domein is te lang.')
        .regex(
          /^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
          'Vul een domeinnaam in zonder https://, bijvoorbeeld nieuwsbrief.gemeente.nl.',
        ),
    ),
    brandColor: z
      .string({ error: 'Kies een kleur.' })
      .trim()
      .toLowerCase()
      .superRefine((value, ctx) => {
        const problem = brandColourProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    logoUrl: optional(httpsUrl),
    logoAlt: optional(text(200, 'De alt-tekst')),
    logoMediaId: z
      .union([z.literal(''), z.null(), recordId])
      .optional()
      .transform((v) => v || null),
    privacyUrl: optional(httpUrl),
    // When not given at all, as in the database (the form says false for an unticked box).
    fourEyes: checkbox.default(true),
    // Counting (lib/clicks): clicks per link and hour, on; opens per issue and hour, off.
    clickTracking: checkbox.default(true),
    openTracking: checkbox,
    titlePattern: z
      .string()
      .trim()
      .max(80, 'Het titelpatroon mag hoogstens 80 tekens hebben.')
      .default(DEFAULT_TITLE_PATTERN)
      .refine((v) => v.includes('{nummer}'), 'Het titelpatroon moet {nummer} bevatten.')
      .refine(
        (v) => (v.match(/\{[^}]*\}/g) ?? []).every((p) => p === '{naam}' || p === '{nummer}'),
        'Gebruik in het titelpatroon alleen {naam} en {nummer}.',
      ),
    footerText: text(500, 'De voettekst'),
    contactLine: text(200, 'De contactregel'),
    postalAddress: text(200, 'Het postadres'),
    reasonLine: text(300, 'De regel "U ontvangt deze e-mail omdat ..."'),
    footerLinks: z
      .array(footerLink)
      .max(MAX_FOOTER_LINKS, `Hoogstens ${MAX_FOOTER_LINKS} links in de voettekst.`)
      .default([])
      .transform((links) => links.filter((l) => l.label || l.url)),
    unsubscribeLabel: required(
      40,
      'De tekst van de afmeldlink',
      'Vul een tekst voor de afmeldlink in.',
    ).default('Afmelden'),
    preferencesLabel: required(
      40,
      'De tekst van de voorkeurenlink',
      'Vul een tekst voor de voorkeurenlink in.',
    ).default('Gegevens wijzigen'),
  })
  .superRefine((settings, ctx) => {
    if (settings.logoUrl && !settings.logoAlt)
      ctx.addIssue({
        code: 'custom',
        path: ['logoAlt'],
        message: 'Beschrijf het logo in een alt-tekst, bijvoorbeeld de naam van de organisatie.',
      });
  });

export type NewsletterSettingsInput = z.input<typeof newsletterSettings>;
export type NewsletterSettings = z.output<typeof newsletterSettings>;

/** The settings form posts its footer links as repeated `footerLinkLabel`/`footerLinkUrl` fields. */
export function settingsFromForm(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { footerLinkLabel, footerLinkUrl, ...rest } = raw as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const labels = list(footerLinkLabel);
  const urls = list(footerLinkUrl);
  const rows = Math.max(labels.length, urls.length);
  return {
    ...rest,
    // An unticked checkbox is not posted at all.
    fourEyes: rest.fourEyes ?? false,
    clickTracking: rest.clickTracking ?? false,
    openTracking: rest.openTracking ?? false,
    footerLinks: Array.from({ length: rows }, (_, i) => ({
      label: labels[i] ?? '',
      url: urls[i] ?? '',
    })),
  };
}

/** The same schema, read from the settings form's fields. */
export const newsletterSettingsForm = z.preprocess(settingsFromForm, newsletterSettings);
