import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { nextFrames } from './support/builder';
import { open, signIn } from './support/session';

// The builder on the screens editors use: laptops from 1280 px to a 1920 px monitor. The demo
// draft (24) has every kind of block, among them a call to action with two fields side by side.
const DRAFT = 4;
const SIDE_BY_SIDE = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1536, height: 864 },
  { width: 1920, height: 1080 },
];
// Below which a column or a field stops being usable.
const MINIMUM = { library: 240, issue: 400, field: 180, preview: 360 };

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return box!;
}

async function fieldWidths(page: Page) {
  return page
    .locator('[data-builder-issue]')
    .locator('input:visible, textarea:visible, select:visible, [contenteditable="true"]:visible')
    .evaluateAll((fields) =>
      fields.map((f) => ({
        name: f.getAttribute('aria-label') ?? f.id,
        width: f.getBoundingClientRect().width,
      })),
    );
}

/** Everything the layout promises at one width, on the page as it is laid out now. */
async function checkSideBySide(
  page: Page,
  viewport: { width: number; height: number },
  { axe }: { axe: boolean },
) {
  const frame = page.locator('iframe[data-preview-frame="desktop"]');
  await expect(frame).toBeVisible();
  const preview = (await frame.boundingBox())!;
  expect(preview.width).toBeGreaterThanOrEqual(MINIMUM.preview);
  expect(preview.x).toBeGreaterThanOrEqual(0);
  expect(preview.x + preview.width).toBeLessThanOrEqual(viewport.width);
  // In the first viewport, without scrolling: at least its top 150 px.
  expect(preview.y).toBeGreaterThanOrEqual(0);
  expect(preview.y + 150).toBeLessThanOrEqual(viewport.height);

  const library = await boxOf(page, 'aside[aria-label="Bibliotheek"]');
  const issue = await boxOf(page, '[data-builder-issue]');
  expect(library.width).toBeGreaterThanOrEqual(MINIMUM.library);
  expect(issue.width).toBeGreaterThanOrEqual(MINIMUM.issue);
  expect(library.x + library.width).toBeLessThanOrEqual(issue.x);
  expect(issue.x + issue.width).toBeLessThanOrEqual(preview.x);

  const narrow = (await fieldWidths(page)).filter((f) => f.width < MINIMUM.field);
  expect(narrow).toEqual([]);
  const label = await boxOf(page, 'input[id$="-buttonLabel"]');
  const link = await boxOf(page, 'input[id$="-buttonUrl"]');
  expect(overlap(label, link)).toBe(false);

  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  if (axe) await expectAccessible(page);
}

test('from 1280 to 1920 px the library, the issue and a readable preview stand side by side, without horizontal scroll', async ({
  page,
}) => {
  await signIn(page, 'redactie@kopij.test');
  await page.setViewportSize(SIDE_BY_SIDE[0]!);
  await open(page, `/redactie/nummers/${DRAFT}`);
  for (const viewport of SIDE_BY_SIDE)
    await test.step(`${viewport.width} × ${viewport.height}`, async () => {
      // The layout follows the window as it is resized (a reload per width only costs time).
      await page.setViewportSize(viewport);
      await nextFrames(page);
      await nextFrames(page);
      // axe at the narrowest and the widest: the page between has the same elements, and each
      // run over the whole builder costs seconds of a shared CPU.
      const edge = viewport === SIDE_BY_SIDE[0] || viewport === SIDE_BY_SIDE.at(-1);
      await checkSideBySide(page, viewport, { axe: edge });
    });
});

test('below 1280 px the preview is a view of its own, not the bottom of the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, 'redactie@kopij.test');
  await open(page, `/redactie/nummers/${DRAFT}`);
  const frame = page.locator('iframe[data-preview-frame="desktop"]');
  await expect(frame).toBeHidden();
  const views = page.getByRole('group', { name: 'Weergave van de bouwer' });
  await views.getByRole('button', { name: 'Voorbeeld' }).click();
  await expect(frame).toBeVisible();
  await expect(page.locator('[data-builder-issue]')).toBeHidden();
  const box = (await frame.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(MINIMUM.preview);
  expect(box.y + 150).toBeLessThanOrEqual(768);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await expectAccessible(page);

  // At its own width in a dialog, and back.
  await page.getByRole('button', { name: 'Op ware grootte bekijken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Voorbeeld op ware grootte' });
  await expect(dialog.locator('iframe')).toHaveAttribute('width', '600');
  expect((await dialog.locator('iframe').boundingBox())!.width).toBeCloseTo(600, 0);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await views.getByRole('button', { name: 'Samenstellen' }).click();
  await expect(page.locator('[data-builder-issue]')).toBeVisible();
});
