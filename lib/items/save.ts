import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { items, newsletters, themes, users, type Item } from '@/db/schema';
import { placeableImage } from '@/lib/media/library';
import { isPlaced, ItemRefusal } from './lifecycle';
import { itemValues, type ItemInput } from './schema';

// Writing an item, for every screen that does: the items pages and the builder's side panel.

/** A theme of this newsletter; an archived one only for an item that is already under it. */
function checkTheme(tx: Tx, newsletterId: number, themeId: number, current?: number) {
  const theme = tx
    .select()
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.newsletterId, newsletterId)))
    .get();
  if (!theme) throw new ItemRefusal('Kies een thema van deze nieuwsbrief.', 'themeId');
  if (theme.archivedAt && theme.id !== current)
    throw new ItemRefusal(
      `Het thema ${theme.name} is gearchiveerd; kies een ander thema.`,
      'themeId',
    );
}

function liveNewsletter(tx: Tx, newsletterId: number) {
  const newsletter = tx.select().from(newsletters).where(eq(newsletters.id, newsletterId)).get();
  if (!newsletter) throw new ItemRefusal('Deze nieuwsbrief bestaat niet.', 'newsletterId');
  if (newsletter.archivedAt)
    throw new ItemRefusal(
      'Deze nieuwsbrief is gearchiveerd en krijgt geen nieuwe items.',
      'newsletterId',
    );
  return newsletter;
}

/** A new item in a live newsletter, under one of its live themes. */
export function createItemRecord(
  tx: Tx,
  editorId: string,
  input: ItemInput & { newsletterId: number },
): Item {
  const newsletter = liveNewsletter(tx, input.newsletterId);
  checkTheme(tx, newsletter.id, input.themeId);
  if (input.imageMediaId) placeableImage(tx, newsletter.id, input.imageMediaId);
  return tx
    .insert(items)
    .values({
      ...itemValues(input),
      newsletterId: newsletter.id,
      createdBy: editorId,
      updatedBy: editorId,
    })
    .returning()
    .get();
}

const moveRefused = 'Dit item staat al in een nummer en kan niet naar een andere nieuwsbrief.';

/** Refuses a save based on an older version of the item, naming who changed it since. */
function checkUnchanged(tx: Tx, item: Item, updatedAt: number | undefined) {
  if (updatedAt === undefined || item.updatedAt.getTime() === updatedAt) return;
  const by = item.updatedBy
    ? tx.select({ name: users.name }).from(users).where(eq(users.id, item.updatedBy)).get()?.name
    : null;
  throw new ItemRefusal(
    `${by ?? 'Iemand anders'} heeft dit item intussen gewijzigd; uw wijzigingen zijn niet opgeslagen. Open het item opnieuw en breng ze aan in de nieuwe versie.`,
  );
}

/**
 * Saves an item's fields. `updatedAt` is the version the editor started from: a save over a
 * newer version is refused. Once placed, the item stays in its newsletter.
 */
export function updateItemRecord(
  tx: Tx,
  editorId: string,
  input: ItemInput & { id: number; newsletterId?: number; updatedAt?: number },
): Item {
  const item = tx.select().from(items).where(eq(items.id, input.id)).get();
  if (!item) throw new ItemRefusal('Dit item bestaat niet (meer).');
  checkUnchanged(tx, item, input.updatedAt);
  const newsletterId = input.newsletterId ?? item.newsletterId;
  // Its issue and its theme's section are of one newsletter: once placed, it stays there.
  if (newsletterId !== item.newsletterId) {
    if (isPlaced(tx, item.id)) throw new ItemRefusal(moveRefused, 'newsletterId');
    liveNewsletter(tx, newsletterId);
  }
  checkTheme(tx, newsletterId, input.themeId, item.themeId);
  if (input.imageMediaId) placeableImage(tx, newsletterId, input.imageMediaId);
  return tx
    .update(items)
    .set({ ...itemValues(input), newsletterId, updatedBy: editorId })
    .where(eq(items.id, item.id))
    .returning()
    .get();
}
