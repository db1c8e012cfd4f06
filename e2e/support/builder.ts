import { expect, type Locator, type Page } from '@playwright/test';
import { open } from './session';

/** Makes a new issue of the demo newsletter through the issues overview; returns its id. */
export async function newIssue(page: Page): Promise<number> {
  await open(page, '/redactie/nummers');
  await page.getByRole('button', { name: 'Nieuw nummer van Raadsbericht' }).click();
  await expect(page).toHaveURL(/\/redactie\/nummers\/\d+$/);
  await expect(page.locator('[data-zone="lead"]')).toBeVisible();
  return Number(page.url().split('/').pop());
}

/** The titles in a zone of the builder, top to bottom. */
export async function zoneTitles(page: Page, zone: string): Promise<string[]> {
  return page.locator(`[data-zone="${zone}"] [data-block] [data-title]`).allInnerTexts();
}

export async function issueOrder(page: Page): Promise<Record<string, string[]>> {
  const zones = await page
    .locator('[data-zone]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-zone')!));
  const order: Record<string, string[]> = {};
  for (const zone of zones) order[zone] = await zoneTitles(page, zone);
  return order;
}

/**
 * Waits until the page has painted two more frames: dnd-kit measures its drop zones in an effect
 * after a drag starts, and that has run once two animation frames have passed.
 */
export async function nextFrames(page: Page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Waits until no block is held and every drop animation and transition has finished. */
export async function settled(page: Page) {
  await expect(
    page.locator('[data-block] [aria-pressed="true"], [data-library] [aria-pressed="true"]'),
  ).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
}

export async function waitForSaved(page: Page) {
  await expect(page.locator('[data-save-status]')).toHaveText(/^Opgeslagen om \d\d:\d\d$/);
}

/** dnd-kit listens to pointer events: press, move past the activation distance, move, release. */
export async function drag(
  page: Page,
  handle: Locator,
  target: Locator,
  where: 'top' | 'bottom' = 'bottom',
) {
  // Both ends must be on screen before the press: scrolling during a drag moves the target.
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const scrollY = () => page.evaluate(() => window.scrollY);
  const scrolledFrom = await scrollY();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  // dnd-kit measures the drop zones in the next frames; a person is never faster than that.
  await nextFrames(page);
  const yOf = (box: { y: number; height: number }) =>
    where === 'top' ? box.y + 4 : box.y + box.height - 4;
  await page.mouse.move(to.x + to.width / 2, yOf(to), { steps: 12 });
  // The page may have scrolled on the way (auto-scroll near the edges): aim again. (Not at the
  // target's new box: while sorting, dnd-kit shifts blocks aside, but drops use their old places.)
  const scrolled = (await scrollY()) - scrolledFrom;
  await page.mouse.move(to.x + to.width / 2, yOf(to) - scrolled, { steps: 3 });
  await nextFrames(page);
  await page.mouse.up();
}

export const libraryHandle = (page: Page, title: string) =>
  page.getByRole('button', { name: `Sleep ${title} naar het nummer` });

/** Finds an item the way an editor does: by searching the library, then drags it. */
export async function dragFromLibrary(page: Page, title: string, target: Locator) {
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(title);
  await expect(page.locator('[data-library^="lib:"]')).toHaveCount(1);
  await drag(page, libraryHandle(page, title), target);
}
export const blockHandle = (page: Page, title: string) =>
  page.getByRole('button', { name: `Verplaats Item ${title}` });
