import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { query } from './support/db';
import { signIn } from './support/session';

const pages = [
  '/redactie',
  '/redactie/instellingen',
  '/redactie/abonnees',
  '/redactie/abonnees/1',
  '/redactie/abonnees/importeren',
  '/redactie/abonnees/onderdrukt',
  '/redactie/nummers',
  '/redactie/nummers/4',
  '/redactie/items',
  '/redactie/items/nieuw',
  '/redactie/items/1',
];

for (const path of pages) {
  test(`anonymous visitors of ${path} are sent to /inloggen`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(`/inloggen?callbackUrl=${encodeURIComponent(path)}`);
  });

  test(`a forged session cookie on ${path} gets no page either`, async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'authjs.session-token', value: 'vervalst', url: test.info().project.use.baseURL! },
    ]);
    const page = await context.newPage();
    await page.goto(path);
    await expect(page).toHaveURL(/\/inloggen\?callbackUrl=/);
    await context.close();
  });
}

/** Submits the add-editor form once as admin and keeps the raw server-action request to replay it. */
async function captureAddEditorAction(page: Page, email: string) {
  await signIn(page, 'redactie@kopij.test');
  await page.goto('/redactie/instellingen');
  const captured = page.waitForRequest(
    (r) => r.method() === 'POST' && !!r.headers()['next-action'],
  );
  await page.getByLabel('Naam').fill('Vervalst Verzoek');
  await page.getByLabel('E-mailadres').fill(email);
  // Block the real submission: only its shape is needed.
  await page.route('**/redactie/instellingen', (route) => route.abort());
  await page.getByRole('button', { name: 'Redacteur toevoegen' }).click();
  const request = await captured;
  await page.unroute('**/redactie/instellingen');
  const headers = request.headers();
  return {
    url: request.url(),
    headers: {
      'next-action': headers['next-action']!,
      'content-type': headers['content-type']!,
      accept: 'text/x-component',
    },
    body: request.postDataBuffer()!,
  };
}

const editorsWith = (email: string) =>
  query<{ id: string }>('select id from users where email = ?', email);

test('a server action replayed without a session is refused and changes nothing', async ({
  page,
  playwright,
}) => {
  const email = 'zonder-sessie@gemeente.example';
  const action = await captureAddEditorAction(page, email);
  const anonymous = await playwright.request.newContext();

  const noCookie = await anonymous.post(action.url, {
    headers: action.headers,
    data: action.body,
    maxRedirects: 0,
  });
  expect(noCookie.status()).toBe(307);

  // Past the redirect-only proxy with a fake cookie: the action itself refuses.
  const forged = await anonymous.post(action.url, {
    headers: { ...action.headers, cookie: 'authjs.session-token=vervalst' },
    data: action.body,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain('U bent niet (meer) ingelogd');
  expect(editorsWith(email)).toEqual([]);
  await anonymous.dispose();
});

test('a redacteur gets 403 on the settings and a refusal from its actions, which is logged', async ({
  page,
  browser,
}) => {
  const email = 'door-redacteur@gemeente.example';
  const action = await captureAddEditorAction(page, email);

  const context = await browser.newContext();
  const redacteur = await context.newPage();
  await signIn(redacteur, 'redacteur@kopij.test');
  await expect(redacteur.getByRole('link', { name: 'Instellingen' })).toHaveCount(0);
  const response = await redacteur.goto('/redactie/instellingen');
  expect(response?.status()).toBe(403);
  await expect(redacteur.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
  await expectAccessible(redacteur);

  const denialsBefore = query('select id from audit_log where action = ?', 'access.denied').length;
  const replay = await context.request.post(action.url, {
    headers: action.headers,
    data: action.body,
  });
  expect(await replay.text()).toContain('U heeft geen rechten voor deze actie.');
  expect(editorsWith(email)).toEqual([]);
  const denials = query<{ actor_label: string; entity_id: string }>(
    'select actor_label, entity_id from audit_log where action = ? order by id',
    'access.denied',
  );
  expect(denials).toHaveLength(denialsBefore + 1);
  expect(denials.at(-1)).toEqual({
    actor_label: 'Fatima El Idrissi (redacteur@kopij.test)',
    entity_id: 'redacteur toevoegen',
  });
  await context.close();
});

test('the health check answers when the database does', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
  expect(response.headers()['cache-control']).toBe('no-store');
});
