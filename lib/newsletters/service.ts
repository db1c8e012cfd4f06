import { and, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { Tx } from '@/db';
import { issues, newsletters } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { placeableImage } from '@/lib/media/library';
import { Refusal as RefusalError } from '@/lib/refusal';
import { newsletterSettings, type NewsletterSettings } from './settings';

// Creating, changing and archiving a newsletter: the admin screens and the demo data both come
// here, so there is one way to make a newsletter. Each function checks everything before it
// writes, so a refusal leaves the row as it was; the caller's transaction holds the audit line.

export type ServiceResult<T = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

type Newsletter = typeof newsletters.$inferSelect;
type Refusal = Extract<ServiceResult, { ok: false }>;

const refuse = (message: string, field?: string): Refusal => ({
  ok: false,
  message,
  fieldErrors: field ? { [field]: message } : undefined,
});

/**
 * As fieldErrorsOf in lib/actions, which is server-only: the demo seed runs this outside Next.
 */
function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return out;
}

function parse(input: unknown): { ok: true; data: NewsletterSettings } | Refusal {
  const parsed = newsletterSettings.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    message: 'Controleer de gemarkeerde velden.',
    fieldErrors: fieldErrors(parsed.error.issues),
  };
}

function slugTaken(tx: Tx, slug: string, exceptId?: number): boolean {
  return !!tx
    .select({ id: newsletters.id })
    .from(newsletters)
    .where(and(eq(newsletters.slug, slug), exceptId ? ne(newsletters.id, exceptId) : undefined))
    .get();
}

const duplicateSlug = (slug: string) =>
  refuse(
    `Het webadres /archief/${slug} is al in gebruik bij een andere nieuwsbrief. Kies een andere korte naam.`,
    'slug',
  );

/** Whether an issue of the newsletter went out (or is going out): its archive URL exists. */
export function hasSentIssue(tx: Tx, newsletterId: number): boolean {
  return !!tx
    .select({ id: issues.id })
    .from(issues)
    .where(
      and(
        eq(issues.newsletterId, newsletterId),
        or(inArray(issues.status, ['sending', 'sent']), isNotNull(issues.sentAt)),
      ),
    )
    .get();
}

/** A logo from another newsletter's library, or one without alt text, is refused at its field. */
function logoProblem(tx: Tx, newsletterId: number, mediaId: number | null): Refusal | null {
  if (mediaId === null) return null;
  try {
    placeableImage(tx, newsletterId, mediaId, 'logoMediaId');
    return null;
  } catch (error) {
    if (error instanceof RefusalError) return refuse(error.message, error.field);
    throw error;
  }
}

export function createNewsletter(
  tx: Tx,
  input: unknown,
  actor: AuditActor,
): ServiceResult<{ id: number }> {
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const settings = parsed.data;
  if (settings.logoMediaId !== null)
    return refuse('Kies het logo na het aanmaken, uit de eigen mediabibliotheek.', 'logoMediaId');
  if (slugTaken(tx, settings.slug)) return duplicateSlug(settings.slug);
  const id = tx.insert(newsletters).values(settings).returning({ id: newsletters.id }).get().id;
  recordAudit(tx, {
    actor,
    action: 'newsletter.created',
    entityType: 'newsletter',
    entityId: id,
    summary: `Nieuwsbrief ${settings.name} (${settings.slug}) aangemaakt`,
    details: { slug: settings.slug },
  });
  return { ok: true, id, message: `${settings.name} is aangemaakt.` };
}

/** The settings that differ, as {field: [before, after]}, for the audit log. */
function changesOf(before: Newsletter, after: NewsletterSettings) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof NewsletterSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = [before[key], after[key]];
  }
  return changes;
}

export function updateNewsletter(
  tx: Tx,
  id: number,
  input: unknown,
  actor: AuditActor,
): ServiceResult {
  const before = tx.select().from(newsletters).where(eq(newsletters.id, id)).get();
  if (!before) return refuse('Deze nieuwsbrief bestaat niet (meer).');
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const settings = parsed.data;
  if (settings.slug !== before.slug) {
    if (hasSentIssue(tx, id))
      return refuse(
        `De korte naam kan niet meer veranderen: er zijn al nummers van ${before.name} verzonden, en hun archiefadressen (/archief/${before.slug}/...) moeten blijven werken.`,
        'slug',
      );
    if (slugTaken(tx, settings.slug, id)) return duplicateSlug(settings.slug);
  }
  const logo = logoProblem(tx, id, settings.logoMediaId);
  if (logo) return logo;
  const changes = changesOf(before, settings);
  if (Object.keys(changes).length === 0) return { ok: true, message: 'Er was niets gewijzigd.' };
  tx.update(newsletters).set(settings).where(eq(newsletters.id, id)).run();
  recordAudit(tx, {
    actor,
    action: 'newsletter.updated',
    entityType: 'newsletter',
    entityId: id,
    summary: `Instellingen van ${settings.name} gewijzigd: ${Object.keys(changes).join(', ')}`,
    details: { changes },
  });
  return { ok: true, message: `De instellingen van ${settings.name} zijn opgeslagen.` };
}

/** An issue on its way out would be sent by an archived newsletter: the editor stops it first. */
function pendingSend(tx: Tx, id: number): boolean {
  return !!tx
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.newsletterId, id), inArray(issues.status, ['scheduled', 'sending'])))
    .get();
}

export function archiveNewsletter(tx: Tx, id: number, actor: AuditActor, now = new Date()) {
  const row = tx.select().from(newsletters).where(eq(newsletters.id, id)).get();
  if (!row) return refuse('Deze nieuwsbrief bestaat niet (meer).');
  if (row.archivedAt) return refuse(`${row.name} is al gearchiveerd.`);
  if (pendingSend(tx, id))
    return refuse(
      `${row.name} heeft een nummer dat is ingepland of wordt verzonden. Haal het uit de planning of rond de verzending af, en archiveer daarna.`,
    );
  tx.update(newsletters).set({ archivedAt: now }).where(eq(newsletters.id, id)).run();
  recordAudit(tx, {
    actor,
    action: 'newsletter.archived',
    entityType: 'newsletter',
    entityId: id,
    summary: `Nieuwsbrief ${row.name} gearchiveerd`,
  });
  return {
    ok: true as const,
    message: `${row.name} is gearchiveerd: het archief en de abonnees blijven, maar er komen geen nummers of aanmeldingen meer bij.`,
  };
}

export function restoreNewsletter(tx: Tx, id: number, actor: AuditActor): ServiceResult {
  const row = tx.select().from(newsletters).where(eq(newsletters.id, id)).get();
  if (!row) return refuse('Deze nieuwsbrief bestaat niet (meer).');
  if (!row.archivedAt) return refuse(`${row.name} is niet gearchiveerd.`);
  tx.update(newsletters).set({ archivedAt: null }).where(eq(newsletters.id, id)).run();
  recordAudit(tx, {
    actor,
    action: 'newsletter.restored',
    entityType: 'newsletter',
    entityId: id,
    summary: `Nieuwsbrief ${row.name} teruggezet`,
  });
  return { ok: true, message: `${row.name} is weer actief.` };
}
