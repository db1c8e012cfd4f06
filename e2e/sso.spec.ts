import Database from 'better-sqlite3';
import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { firstLink, mailboxMark, nextMail } from './support/mailbox';
import { startOidcProvider, type TestOidcProvider } from './support/oidc';
import { startOwnApp, type OwnApp } from './support/own-app';

// Single sign-on against a real OpenID Provider started here (oidc-provider), with an app of its
// own that has OIDC_* set. PUBLIC_URL is on 127.0.0.1, so this also proves that the redirect URI
// and the landing page follow PUBLIC_URL (Next reports that host as localhost).

const name = 'Gemeente Testdorp';
const refusal =
  'Inloggen met uw organisatieaccount is niet gelukt. Alleen redacteuren die een beheerder heeft toegevoegd kunnen inloggen, met een e-mailadres dat uw organisatie heeft bevestigd. Neem contact op met een beheerder, of vraag hieronder een inloglink aan.';

let idp: TestOidcProvider;
let app: OwnApp;
let editorsAtStart: unknown[];

test.beforeAll(async () => {
  idp = await startOidcProvider({
    // Fatima's address in other capitals: matched without regard to case.
    'redacteur@gemeente.example': {
      email: 'Redacteur@Kopij.TEST',
      email_verified: true,
      name: 'F. El Idrissi',
    },
    // A second organisation account with her address (say, made anew after a reorganisation).
    'f.elidrissi@gemeente.example': { email: 'redacteur@kopij.test', email_verified: true },
    'onbekend@gemeente.example': { email: 'onbekend@gemeente.example', email_verified: true },
    // An editor's address, but the provider has not verified it.
    'ongeverifieerd@gemeente.example': {
      email: 'hoofdredactie@kopij.test',
      email_verified: false,
    },
  });
  app = await startOwnApp({
    publicHost: '127.0.0.1',
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: name,
    },
  });
  idp.register(`${app.url}/api/auth/callback/oidc`);
  editorsAtStart = query(`select id, email from users order by id`);
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    return database.prepare(sql).all(...params) as T[];
  } finally {
    database.close();
  }
}

/** Presses the SSO button on /inloggen and signs in at the provider's (development) form. */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole('button', { name: `Inloggen met ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('wat-dan-ook');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function hasSession(page: Page) {
  const cookies = await page.context().cookies(app.url);
  return cookies.some((cookie) => cookie.name === 'authjs.session-token');
}

test('the sign-in page offers the organisation account next to the mailed link', async ({
  page,
}) => {
  await page.goto(`${app.url}/inloggen`);
  await expect(page.getByRole('button', { name: `Inloggen met ${name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stuur mij een inloglink' })).toBeVisible();
  await expectAccessible(page);

  // Reached and pressed with the keyboard alone.
  const button = page.getByRole('button', { name: `Inloggen met ${name}` });
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));

  // The app asked with PKCE (S256), state and the scopes it needs, for its PUBLIC_URL callback.
  const asked = idp.authorizations.at(-1)!;
  expect(asked.get('code_challenge_method')).toBe('S256');
  expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(asked.get('state')).toBeTruthy();
  expect(asked.get('scope')).toBe('openid email profile');
  expect(asked.get('redirect_uri')).toBe(`${app.url}/api/auth/callback/oidc`);
});

test('an editor an admin added signs in with her organisation account and lands on PUBLIC_URL', async ({
  page,
}) => {
  await page.goto(`${app.url}/redactie/nummers`);
  await expect(page).toHaveURL(`${app.url}/inloggen?callbackUrl=%2Fredactie%2Fnummers`);
  await signInAtProvider(page, 'redacteur@gemeente.example');
  await expect(page).toHaveURL(`${app.url}/redactie/nummers`);
  await expect(page.getByRole('heading', { name: 'Nummers', level: 1 })).toBeVisible();
  await page.goto(`${app.url}/redactie`);
  // The name an admin gave her, not the provider's.
  await expect(page.getByRole('heading', { name: 'Welkom, Fatima El Idrissi' })).toBeVisible();

  // Linked to her existing user, without any token kept; the sign-in is in the audit log.
  const [account] = query<Record<string, unknown>>(
    `select a.*, u.email from accounts a join users u on u.id = a.user_id where a.provider = 'oidc'`,
  );
  expect(account).toMatchObject({
    email: 'redacteur@kopij.test',
    provider_account_id: 'redacteur@gemeente.example',
    access_token: null,
    id_token: null,
    refresh_token: null,
  });
  expect(query(`select id, email from users order by id`)).toEqual(editorsAtStart);
  expect(
    query<{ summary: string; details: string }>(
      `select summary, details from audit_log where action = 'editor.sign_in' order by id desc limit 1`,
    ),
  ).toEqual([{ summary: `Ingelogd met ${name}`, details: '{"method":"oidc"}' }]);

  // Out, and in again: now through the linked account (the provider remembers her).
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(`${app.url}/inloggen`);
  expect(await hasSession(page)).toBe(false);
  await page.getByRole('button', { name: `Inloggen met ${name}` }).click();
  await expect(page).toHaveURL(`${app.url}/redactie`);
  await expect(page.getByRole('heading', { name: 'Welkom, Fatima El Idrissi' })).toBeVisible();
  expect(query(`select count(*) as n from accounts`)).toEqual([{ n: 1 }]);
});

test("pressing the button while signed in as someone else signs in the account's own editor", async ({
  page,
}) => {
  const other = 'hoofdredactie@kopij.test';
  const mark = mailboxMark(other, app.mailDir);
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(other);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.goto(firstLink(await nextMail(other, mark, app.mailDir), '/inloggen/bevestigen'));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom, Pieter Jansen' })).toBeVisible();

  // Auth.js links an organisation account to whoever is signed in; Pieter is signed out first,
  // so the account goes to Fatima, whose address it carries.
  await page.goto(`${app.url}/inloggen`);
  await signInAtProvider(page, 'f.elidrissi@gemeente.example');
  await expect(page).toHaveURL(`${app.url}/redactie`);
  await expect(page.getByRole('heading', { name: 'Welkom, Fatima El Idrissi' })).toBeVisible();
  expect(
    query(
      `select u.email from accounts a join users u on u.id = a.user_id where a.provider_account_id = ?`,
      'f.elidrissi@gemeente.example',
    ),
  ).toEqual([{ email: 'redacteur@kopij.test' }]);
  expect(
    query(
      `select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?`,
      other,
    ),
  ).toEqual([{ n: 0 }]);
});

for (const [login, reason] of [
  ['onbekend@gemeente.example', 'unknown'],
  ['ongeverifieerd@gemeente.example', 'unverified'],
] as const) {
  test(`${login} is refused on /inloggen, without a session, and the refusal is logged`, async ({
    page,
  }) => {
    await page.goto(`${app.url}/inloggen?callbackUrl=%2Fredactie`);
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(`${app.url}/inloggen?error=SsoDenied`);
    // The same words for an unknown and for a known but unverified address.
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(refusal);
    await expect(page.getByLabel('E-mailadres')).toBeVisible();
    await expectAccessible(page);
    expect(await hasSession(page)).toBe(false);
    await page.goto(`${app.url}/redactie`);
    await expect(page).toHaveURL(`${app.url}/inloggen?callbackUrl=%2Fredactie`);

    const [line] = query<{ summary: string; details: string; actor_id: string | null }>(
      `select summary, details, actor_id from audit_log where action = 'editor.sign_in_refused' order by id desc limit 1`,
    );
    expect(line).toMatchObject({
      actor_id: null,
      details: `{"method":"oidc","reason":"${reason}"}`,
    });
    expect(line!.summary).toMatch(new RegExp(`^Inloggen met ${name} geweigerd: `));
    // Nothing linked to the address it claimed, and no user made.
    expect(
      query(`select a.provider_account_id from accounts a where a.provider_account_id = ?`, login),
    ).toEqual([]);
    expect(query(`select id, email from users order by id`)).toEqual(editorsAtStart);
  });
}
