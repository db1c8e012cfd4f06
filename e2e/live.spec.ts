import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { newIssue } from './support/builder';
import { query } from './support/db';
import { open, signIn } from './support/session';

// Open pages follow what other editors change (components/live-updates.tsx): without a reload,
// so what someone is typing stays, and with the focus where it was.

/** Set once; a full reload of the page would lose it. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

test('two editors on one issue see each other, and a status change reaches open pages without a reload or a moved focus', async ({
  page,
  browser,
}) => {
  await signIn(page, 'redactie@kopij.test');
  const id = await newIssue(page);
  const { number } = query<{ number: number }>('select number from issues where id = ?', id)[0]!;

  // The chief editor has the issue list and the issue open, in a browser of his own.
  const other = await browser.newContext();
  const list = await other.newPage();
  await signIn(list, 'hoofdredactie@kopij.test');
  await open(list, '/redactie/nummers');
  const issue = await other.newPage();
  await open(issue, `/redactie/nummers/${id}`);

  await expect(issue.locator('[data-presence]')).toHaveText('Ook open bij: Sanne Bakker');
  await expect(page.locator('[data-presence]')).toHaveText('Ook open bij: Pieter Jansen');
  await expectAccessible(issue);

  // He is halfway through a remark, and on the list he has the new issue's link focused.
  const remark = issue.getByLabel('Opmerking', { exact: true });
  await remark.fill('Half getypt');
  await markPage(issue);
  const raadsbericht = list.getByRole('region', { name: 'Raadsbericht', exact: true });
  const link = raadsbericht.getByRole('link', { name: `Nummer ${number}`, exact: true });
  await link.focus();
  await markPage(list);

  await page
    .getByRole('region', { name: 'Redactieproces' })
    .getByRole('button', { name: 'Ter review aanbieden' })
    .click();

  // The issue page shows the new status and his next step, says so once, and leaves him typing.
  await expect(issue.locator('main header').first()).toContainText('Ter review');
  await expect(
    issue
      .getByRole('region', { name: 'Redactieproces' })
      .getByRole('button', { name: 'Goedkeuren' }),
  ).toBeVisible();
  await expect(issue.locator('[data-live-notice]')).toHaveText(
    'Status gewijzigd: Ter review door Sanne Bakker',
  );
  await expect(remark).toBeFocused();
  await expect(remark).toHaveValue('Half getypt');
  expect(await notReloaded(issue)).toBe(true);

  // So does the list.
  await expect(
    raadsbericht.getByRole('row', { name: new RegExp(`^Nummer ${number} .*Ter review`) }),
  ).toBeVisible();
  await expect(list.locator('[data-live-notice]')).toHaveText(
    `Raadsbericht ${number}: Ter review door Sanne Bakker`,
  );
  await expect(link).toBeFocused();
  expect(await notReloaded(list)).toBe(true);
  await expectAccessible(list);

  // Leaving the issue ends her presence at once, not after its window.
  await open(page, '/redactie');
  await expect(issue.locator('[data-presence]')).toHaveCount(0);
  await expectAccessible(page);
  await other.close();
});
