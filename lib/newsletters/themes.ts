import { and, asc, eq, max } from 'drizzle-orm';
import type { Tx } from '@/db';
import { themes, type Theme } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { slugify } from '@/lib/slug';
import { themeUsage, type ThemeUsage } from './theme-usage';
import { Refusal } from '@/lib/refusal';

// The one way themes are made and changed: the admin screen and the demo data both come here.
// No 'server-only': the seed script (plain Node) calls addTheme too.

export const THEME_NAME_MAX = 60;

/** A refusal with a Dutch message for the person who asked; `field` is the form field it is about. */
export class ThemeError extends Refusal {}

/** The URL- and CSV-friendly form of a name: lower case, no accents, words joined by hyphens. */
export function themeSlug(name: string): string {
  return slugify(name, 50) || 'thema';
}

function themesOfNewsletter(tx: Tx, newsletterId: number): Theme[] {
  return tx
    .select()
    .from(themes)
    .where(eq(themes.newsletterId, newsletterId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new ThemeError('Geef het thema een naam.', 'name');
  if (clean.length > THEME_NAME_MAX)
    throw new ThemeError(`Een themanaam heeft hoogstens ${THEME_NAME_MAX} tekens.`, 'name');
  return clean;
}

/** Names compare as a reader would: "Zorg" and "zorg " are the same theme. */
function refuseDuplicate(existing: Theme[], name: string, exceptId?: number): void {
  const same = existing.find(
    (t) => t.id !== exceptId && t.name.toLocaleLowerCase('nl') === name.toLocaleLowerCase('nl'),
  );
  if (!same) return;
  throw new ThemeError(
    same.archivedAt
      ? `Er is al een gearchiveerd thema “${same.name}”. Zet dat terug in plaats van een nieuw te maken.`
      : `Er is al een thema “${same.name}” in deze nieuwsbrief. Kies een andere naam.`,
    'name',
  );
}

function freeSlug(existing: Theme[], name: string): string {
  const taken = new Set(existing.map((t) => t.slug));
  const base = themeSlug(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function findTheme(tx: Tx, themeId: number, newsletterId?: number): Theme {
  const theme = tx.select().from(themes).where(eq(themes.id, themeId)).get();
  if (!theme || (newsletterId !== undefined && theme.newsletterId !== newsletterId))
    throw new ThemeError('Dit thema bestaat niet (meer) in deze nieuwsbrief.');
  return theme;
}

function audit(
  tx: Tx,
  actor: AuditActor,
  theme: Theme,
  action: string,
  summary: string,
  details?: Record<string, unknown>,
) {
  recordAudit(tx, {
    actor,
    action,
    entityType: 'theme',
    entityId: theme.id,
    summary,
    details: { newsletterId: theme.newsletterId, ...details },
  });
}

/** A new theme at the end of the newsletter's order; its slug comes from the name. */
export function addTheme(tx: Tx, newsletterId: number, name: string, actor: AuditActor): Theme {
  const clean = cleanName(name);
  const existing = themesOfNewsletter(tx, newsletterId);
  refuseDuplicate(existing, clean);
  const last = tx
    .select({ position: max(themes.position) })
    .from(themes)
    .where(eq(themes.newsletterId, newsletterId))
    .get()?.position;
  const theme = tx
    .insert(themes)
    .values({
      newsletterId,
      name: clean,
      slug: freeSlug(existing, clean),
      position: (last ?? 0) + 1,
    })
    .returning()
    .get();
  audit(tx, actor, theme, 'theme.added', `Thema “${clean}” toegevoegd`, { slug: theme.slug });
  return theme;
}

/**
 * A new name for future issues. The slug stays: subscriber exports and imports name themes by
 * slug, and a sent issue keeps the name it was sent with (sent_items.theme_name).
 */
export function renameTheme(
  tx: Tx,
  themeId: number,
  name: string,
  actor: AuditActor,
  newsletterId?: number,
): Theme {
  const theme = findTheme(tx, themeId, newsletterId);
  const clean = cleanName(name);
  if (clean === theme.name) return theme;
  refuseDuplicate(themesOfNewsletter(tx, theme.newsletterId), clean, theme.id);
  const renamed = tx
    .update(themes)
    .set({ name: clean })
    .where(eq(themes.id, theme.id))
    .returning()
    .get();
  audit(tx, actor, theme, 'theme.renamed', `Thema “${theme.name}” hernoemd tot “${clean}”`, {
    before: theme.name,
    after: clean,
  });
  return renamed;
}

/**
 * The newsletter's themes in the given order (positions 1..n). The list must name every theme
 * of the newsletter once, archived ones included, so a stale screen cannot lose one.
 */
export function reorderThemes(
  tx: Tx,
  newsletterId: number,
  orderedIds: number[],
  actor: AuditActor,
): void {
  const existing = themesOfNewsletter(tx, newsletterId);
  const known = new Set(existing.map((t) => t.id));
  const given = new Set(orderedIds);
  if (
    given.size !== orderedIds.length ||
    given.size !== known.size ||
    orderedIds.some((id) => !known.has(id))
  )
    throw new ThemeError(
      'De lijst met thema’s is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    );
  if (orderedIds.every((id, index) => existing[index]!.id === id)) return;
  orderedIds.forEach((id, index) =>
    tx
      .update(themes)
      .set({ position: index + 1 })
      .where(and(eq(themes.id, id), eq(themes.newsletterId, newsletterId)))
      .run(),
  );
  const byId = new Map(existing.map((t) => [t.id, t.name]));
  const names = orderedIds.map((id) => byId.get(id)!);
  recordAudit(tx, {
    actor,
    action: 'theme.reordered',
    entityType: 'newsletter',
    entityId: newsletterId,
    summary: `Volgorde van de thema’s: ${names.join(', ')}`,
    details: { newsletterId, order: orderedIds },
  });
}

/** One step up or down in the order; at either end nothing changes. */
export function moveTheme(
  tx: Tx,
  themeId: number,
  direction: 'up' | 'down',
  actor: AuditActor,
  newsletterId?: number,
): void {
  const theme = findTheme(tx, themeId, newsletterId);
  const ids = themesOfNewsletter(tx, theme.newsletterId).map((t) => t.id);
  const from = ids.indexOf(theme.id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  reorderThemes(tx, theme.newsletterId, ids, actor);
}

/**
 * Gone from sign-up, preferences and the builder; sent issues keep their sections. Followers
 * keep all their other themes: only new issues have no section for this one.
 */
export function archiveTheme(tx: Tx, themeId: number, actor: AuditActor, newsletterId?: number) {
  const theme = findTheme(tx, themeId, newsletterId);
  if (theme.archivedAt) return theme;
  const active = themesOfNewsletter(tx, theme.newsletterId).filter((t) => !t.archivedAt);
  if (active.length <= 1)
    throw new ThemeError(
      'Dit is het laatste actieve thema. Een nieuwsbrief heeft minstens één thema nodig; voeg eerst een ander toe.',
    );
  const archived = tx
    .update(themes)
    .set({ archivedAt: new Date() })
    .where(eq(themes.id, theme.id))
    .returning()
    .get();
  audit(tx, actor, theme, 'theme.archived', `Thema “${theme.name}” gearchiveerd`);
  return archived;
}

export function restoreTheme(tx: Tx, themeId: number, actor: AuditActor, newsletterId?: number) {
  const theme = findTheme(tx, themeId, newsletterId);
  if (!theme.archivedAt) return theme;
  const restored = tx
    .update(themes)
    .set({ archivedAt: null })
    .where(eq(themes.id, theme.id))
    .returning()
    .get();
  audit(tx, actor, theme, 'theme.restored', `Thema “${theme.name}” teruggezet`);
  return restored;
}

/** Why a theme cannot be deleted, in Dutch, or null when nothing uses it. */
export function deleteRefusal(usage: ThemeUsage): string | null {
  const reasons = [
    usage.sentItems ? 'een verzonden nummer' : null,
    usage.subscriptions ? `${usage.subscriptions} abonnee(s)` : null,
    usage.items ? `${usage.items} item(s)` : null,
    usage.blocks ? 'een nummer in de maak' : null,
  ].filter(Boolean);
  if (!reasons.length) return null;
  return `Dit thema wordt gebruikt door ${reasons.join(', ')} en kan daarom niet worden verwijderd. Archiveer het in plaats daarvan: dan verdwijnt het uit aanmelden, voorkeuren en de samensteller, en blijft het archief zoals het verzonden is.`;
}

/** Only a theme nothing refers to: no item, no block, no sent issue, no subscriber. */
export function deleteTheme(tx: Tx, themeId: number, actor: AuditActor, newsletterId?: number) {
  const theme = findTheme(tx, themeId, newsletterId);
  const refusal = deleteRefusal(themeUsage(tx, theme.id));
  if (refusal) throw new ThemeError(refusal);
  tx.delete(themes).where(eq(themes.id, theme.id)).run();
  audit(tx, actor, theme, 'theme.deleted', `Thema “${theme.name}” verwijderd`, {
    slug: theme.slug,
  });
}
