import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import {
  blockHandle,
  dragFromLibrary,
  issueOrder,
  libraryHandle,
  newIssue,
  nextFrames,
  settled,
  waitForSaved,
  zoneTitles,
} from './support/builder';
import { query } from './support/db';
import { hydrated, open, signIn } from './support/session';

// After builder.spec.ts (files run in name order), whose first tests read draft 24 as seeded.
// Moving items and blocks: the theme question, the keyboard, and what a screen reader hears.
// Tall enough that the library and the whole issue fit on screen together.
test.use({ viewport: { width: 1400, height: 2400 } });
// Whole editing sessions: several drags, saves and reloads each.
test.describe.configure({ timeout: 90_000 });

const DRAFT = 4; // Raadsbericht 24 in the demo content
const bestuur = 'section:2';
const financien = 'section:3';

test('an item dropped into another theme asks, and "yes" changes the item\'s theme', async ({
  page,
}) => {
  const title =
    'Meer eigen belastinggebied: drie varianten voor een nieuwe gemeentelijke belasting';
  await signIn(page, 'redactie@kopij.test');
  await newIssue(page);
  const item = query<{ id: number; theme_id: number }>(
    "select id, theme_id from items where title like 'Meer eigen belastinggebied%'",
  )[0]!;
  expect(item.theme_id).toBe(3); // Financiën
  await dragFromLibrary(page, title, page.locator(`[data-zone="${bestuur}"]`));
  const dialog = page.getByRole('dialog', { name: 'Thema van het item wijzigen?' });
  await expect(dialog).toContainText('maar het item heeft het thema Financiën');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ja, thema wordt Bestuur' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-library^="lib:"]')).toContainText('Bestuur');
  await expect
    .poll(
      () =>
        query<{ theme_id: number }>('select theme_id from items where id = ?', item.id)[0]
          ?.theme_id,
    )
    .toBe(2);
  expect(await zoneTitles(page, bestuur)).toEqual([title]);
});

test('"Nee, thema blijft" or dismissing the question puts the item in its own theme\'s section', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await newIssue(page);
  const [first, second] = query<{ title: string }>(
    // Financiën items, as the library offers them to a new issue.
    'select title from items where theme_id = 3 and archived_at is null order by id limit 2',
  ).map((r) => r.title);
  const dialog = page.getByRole('dialog', { name: 'Thema van het item wijzigen?' });

  await dragFromLibrary(page, first!, page.locator(`[data-zone="${bestuur}"]`));
  await dialog.getByRole('button', { name: 'Nee, thema blijft Financiën' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => zoneTitles(page, financien)).toContain(first);
  expect(await zoneTitles(page, bestuur)).not.toContain(first);

  await dragFromLibrary(page, second!, page.locator(`[data-zone="${bestuur}"]`));
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => zoneTitles(page, financien)).toContain(second);
  expect(await zoneTitles(page, bestuur)).not.toContain(second);
  await waitForSaved(page);
  expect(
    query<{ n: number }>(
      'select count(*) n from items where theme_id = 3 and title in (?, ?)',
      first,
      second,
    )[0]!.n,
  ).toBe(2);
});

test('every move works with the keyboard alone, announced in Dutch', async ({ page }) => {
  await signIn(page, 'redactie@kopij.test');
  await open(page, `/redactie/nummers/${DRAFT}`);
  const live = page.locator('[id^="DndLiveRegion"]');
  const before = await zoneTitles(page, bestuur);
  expect(before).toHaveLength(4);

  // Pick up, move down one place, drop.
  await blockHandle(page, before[0]!).focus();
  await page.keyboard.press('Space');
  await expect(live).toHaveText(`Item ${before[0]} opgepakt. Positie 1 van 4 in Bestuur.`);
  await nextFrames(page);
  await page.keyboard.press('ArrowDown');
  await expect(live).toContainText('boven positie 2 van 4 in Bestuur');
  await page.keyboard.press('Space');
  await expect(live).toContainText('neergezet op positie 2 van 4 in Bestuur');
  await settled(page);
  const moved = [before[1]!, before[0]!, before[2]!, before[3]!];
  expect(await zoneTitles(page, bestuur)).toEqual(moved);

  // Pick up and cancel: nothing changes.
  await blockHandle(page, moved[2]!).focus();
  await page.keyboard.press('Enter');
  await expect(live).toHaveText(`Item ${moved[2]} opgepakt. Positie 3 van 4 in Bestuur.`);
  await nextFrames(page);
  await page.keyboard.press('ArrowDown');
  await expect(live).toContainText('boven positie 4 van 4 in Bestuur');
  await page.keyboard.press('Escape');
  await expect(live).toContainText('Verplaatsen geannuleerd');
  expect(await zoneTitles(page, bestuur)).toEqual(moved);
  await settled(page);

  // From the library into the issue with the keyboard.
  const title = 'Begrotingsanalyse: twee op de drie gemeenten verwachten later tekorten';
  const blocksBefore = await page.locator('[data-block]').count();
  await libraryHandle(page, title).focus();
  await page.keyboard.press('Space');
  await expect(live).toContainText(`Item ${title}`);
  await nextFrames(page);
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('boven positie');
  await page.keyboard.press('Space');
  await expect(live).toContainText(`Item ${title} neergezet op positie`);
  await expect(page.locator('[data-block]')).toHaveCount(blocksBefore + 1);
  await expect(page.locator('[data-block]', { hasText: title })).toHaveCount(1);
  const dialog = page.getByRole('dialog', { name: 'Thema van het item wijzigen?' });
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: /^Nee/ }).click();

  await waitForSaved(page);
  const order = await issueOrder(page);
  await page.reload();
  await hydrated(page);
  expect(await issueOrder(page)).toEqual(order);
  expect(order[bestuur]!.filter((t) => moved.includes(t))).toEqual(moved);
});

test('a keyboard drag from the library is announced step by step, and each autosave once', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await newIssue(page);
  const title = 'Begrotingsanalyse: twee op de drie gemeenten verwachten later tekorten';
  // Every text the two live regions take, as a screen reader would hear them in turn.
  await page.locator('[id^="DndLiveRegion"]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    for (const [selector, tag] of [
      ['[id^="DndLiveRegion"]', 'slepen'],
      ['[data-save-announcement]', 'opslaan'],
    ] as const) {
      const region = document.querySelector(selector)!;
      new MutationObserver(() => {
        if (region.textContent) heard.push(`${tag}: ${region.textContent}`);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    }
  });
  const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

  await libraryHandle(page, title).focus();
  await page.keyboard.press('Space');
  await expect.poll(heard).toEqual([`slepen: Item ${title} opgepakt uit de bibliotheek.`]);
  await nextFrames(page);
  await page.keyboard.press('ArrowRight');
  // Dropped only once it is over its place, as a person waits to hear where it is.
  await expect
    .poll(heard)
    .toContain(`slepen: Item ${title} boven positie 1 van 1 in het openingsitem.`);
  await page.keyboard.press('Space');
  await waitForSaved(page);
  expect(await heard()).toEqual([
    `slepen: Item ${title} opgepakt uit de bibliotheek.`,
    `slepen: Item ${title} boven positie 1 van 1 in het openingsitem.`,
    `slepen: Item ${title} neergezet op positie 1 van 1 in het openingsitem.`,
    expect.stringMatching(/^opslaan: Het nummer is opgeslagen om \d\d:\d\d\.$/),
  ]);

  // Typing a subject: one announcement for its autosave, none for the steps before it.
  await page.getByLabel('Onderwerp', { exact: true }).fill('Raadsbericht: voorgelezen');
  await expect
    .poll(async () => (await heard()).filter((h) => h.startsWith('opslaan')).length)
    .toBe(2);
  await waitForSaved(page);
  expect((await heard()).filter((h) => h.startsWith('opslaan'))).toHaveLength(2);
});
