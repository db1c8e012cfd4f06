import { allBlocks } from '@/lib/issue/document';
import { imageChecks } from './image-checks';
import type { RenderInput } from './render';

/**
 * One finding of the checks. 'block' stops approval (and, for delivery checks, the send);
 * 'warn' is shown beside them but lets the issue through.
 */
export type Check = { id: string; message: string; level: 'block' | 'warn' };

/** Gmail cuts off messages above 102 KB; we stop well before it. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
export const MAX_HTML_BYTES = 90 * 1024;

/** Today's date in Dutch time, as YYYY-MM-DD, to compare with event dates. */
export const dutchToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);

/**
 * What must be right before an issue may be approved. Each failed check names the thing to
 * fix in Dutch; an empty list means the issue is ready.
 */
export function checkIssue(input: RenderInput, htmlBytes: number, today = dutchToday()): Check[] {
  const problems: Omit<Check, 'level'>[] = [];
  const doc = input.document;
  const subject = doc.subject.trim();
  if (!subject) problems.push({ id: 'subject-missing', message: 'Het onderwerp ontbreekt.' });
  else if (subject.length > 80)
    problems.push({
      id: 'subject-long',
      message: `Het onderwerp is ${subject.length} tekens; houd het op hoogstens 80.`,
    });
  if (!doc.preheader.trim())
    problems.push({ id: 'preheader-missing', message: 'De preheader ontbreekt.' });
  if (!doc.lead) problems.push({ id: 'lead-missing', message: 'Er is geen openingsitem.' });
  if (!doc.sections.some((s) => s.blocks.length))
    problems.push({ id: 'sections-empty', message: 'Geen enkele themasectie bevat een item.' });

  const placed = allBlocks(doc).flatMap((b) =>
    b.kind === 'lead' || b.kind === 'item' ? [b.itemId] : [],
  );
  for (const id of placed) {
    const item = input.items.get(id);
    if (!item) {
      problems.push({ id: `item-missing-${id}`, message: 'Een geplaatst item bestaat niet meer.' });
      continue;
    }
    if (!item.url)
      problems.push({ id: `item-link-${id}`, message: `“${item.title}” heeft geen link.` });
    if (!item.teaser.trim())
      problems.push({ id: `item-teaser-${id}`, message: `“${item.title}” heeft geen teaser.` });
    if (item.kind === 'event' && item.eventDate && item.eventDate < today)
      problems.push({
        id: `item-past-${id}`,
        message: `Het evenement “${item.title}” is al geweest.`,
      });
  }

  const links = [
    ...placed.flatMap((id) => [input.items.get(id)?.url, input.items.get(id)?.registrationUrl]),
    ...doc.extras.flatMap((b) =>
      b.kind === 'cta'
        ? [b.content.buttonUrl]
        : b.kind === 'image' && b.content.link
          ? [b.content.link]
          : [],
    ),
    ...input.newsletter.footerLinks.map((l) => l.url),
  ].filter((u): u is string => !!u);
  for (const url of new Set(links))
    if (!url.startsWith('https://'))
      problems.push({
        id: `insecure-${url}`,
        message: `De link ${url} is niet beveiligd (geen https).`,
      });

  if (input.newsletter.logoUrl && !input.newsletter.logoAlt?.trim())
    problems.push({ id: 'logo-alt', message: 'Het logo heeft geen alternatieve tekst.' });
  if (htmlBytes > MAX_HTML_BYTES)
    problems.push({
      id: 'html-size',
      message: `De e-mail is ${Math.round(htmlBytes / 1024)} kB; houd hem onder de 90 kB, anders knipt Gmail hem af.`,
    });
  return [
    ...problems.map((p) => ({ ...p, level: 'block' as const })),
    ...imageChecks(input, htmlBytes),
  ];
}

/** The messages of the checks that stop approval or a send. */
export const blockingMessages = (checks: readonly Check[]) =>
  checks.filter((c) => c.level === 'block').map((c) => c.message);
