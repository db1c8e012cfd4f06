import { expect, test, type APIRequestContext } from './support/test';
import { query } from './support/db';
import { badAddresses, brokenTokens, prng } from './support/fuzz-values';

// 500 malformed requests at the public subscriber endpoints: every answer must be a 4xx with a
// Dutch message, and the database must change only by what the few valid requests should do.
// The bad values are the public-routes fuzz test's (support/fuzz-values.ts).

const tokenPaths = ['/voorkeuren/', '/afmelden/', '/aanmelden/bevestigen/', '/voorkeuren/adres/'];
const dutch =
  /(Controleer|geldig|niet|formulier|thema|adres|link|nieuwsbrief|verzoeken|groot|Kies|lang|naam)/i;

type Case = {
  path: string;
  form?: Record<string, string | string[]>;
  raw?: { body: string | Buffer; type?: string };
};

function malformed(random: () => number): Case {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const valid = {
    email: `fuzz${Math.floor(random() * 1e9)}@gemeente-fuzz.nl`,
    functie: 'raadslid',
    themas: '1',
  };
  switch (Math.floor(random() * 9)) {
    case 0:
      return { path: '/aanmelden', form: { ...valid, email: pick(badAddresses) } };
    case 1:
      return { path: '/aanmelden', form: { ...valid, naam: 'N'.repeat(10 * 1024) } };
    case 2:
      return {
        path: '/aanmelden',
        form: {
          ...valid,
          themas: pick([
            ['999'],
            ['-1'],
            ['abc'],
            ['1e3'],
            ['1', '99999'],
            ['0'],
            [''],
            [],
          ] as string[][]),
        },
      };
    case 3:
      return {
        path: '/aanmelden',
        form: { ...valid, functie: pick(['', 'burgemeester', 'RAADSLID', '<b>']) },
      };
    case 4:
      return {
        path: pick(['/aanmelden', '/nieuwe-link', '/afmelden/1.1.1.0.AAAAAAAAAAAAAAAAAAAAAA']),
        raw: pick([
          { body: JSON.stringify(valid), type: 'application/json' },
          { body: 'email=a@b.nl', type: 'text/plain' },
          { body: '<xml/>', type: 'application/xml' },
          { body: 'email=a@b.nl' },
        ]),
      };
    case 5:
      return {
        path: '/aanmelden',
        raw: { body: `email=${'x'.repeat(40 * 1024)}`, type: 'application/x-www-form-urlencoded' },
      };
    case 6:
      return {
        path: `${pick(tokenPaths)}${encodeURIComponent(pick(brokenTokens))}`,
        form: pick<Record<string, string>>([
          { actie: 'afmelden' },
          { 'List-Unsubscribe': 'One-Click' },
          valid,
          {},
        ]),
      };
    case 7:
      return { path: '/nieuwe-link', form: { email: pick(badAddresses) } };
    default:
      return {
        path: '/aanmelden',
        form: {
          ...valid,
          nieuwsbrief: pick(['bestaat-niet', "'; drop table subscribers; --", 'x'.repeat(500)]),
        },
      };
  }
}

async function send(request: APIRequestContext, c: Case, json: boolean) {
  const headers: Record<string, string> = json ? { accept: 'application/json' } : {};
  if (c.form) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(c.form))
      for (const value of [v].flat()) params.append(k, value);
    return request.post(c.path, {
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      data: params.toString(),
      maxRedirects: 0,
    });
  }
  if (c.raw!.type) headers['content-type'] = c.raw!.type;
  return request.post(c.path, { headers, data: c.raw!.body, maxRedirects: 0 });
}

const snapshot = () => ({
  subscribers: query<{ n: number; h: string }>(
    "select count(*) n, group_concat(id || coalesce(email,'') || coalesce(name,'') || audience || status, '|') h from subscribers",
  )[0],
  subscriptions: query<{ n: number; h: string }>(
    "select count(*) n, group_concat(id || status, '|') h from subscriptions",
  )[0],
  themes: query<{ n: number }>('select count(*) n from subscription_themes')[0]!.n,
  consent: query<{ n: number }>('select count(*) n from consent_events')[0]!.n,
});

test('500 malformed requests get only Dutch 4xx answers and change nothing; the valid ones change exactly their part', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const before = snapshot();
  const random = prng(20261128);
  const failures: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const c = malformed(random);
    const json = i % 2 === 0;
    const response = await send(request, c, json);
    const body = await response.text();
    const message =
      json && response.headers()['content-type']?.includes('json')
        ? (JSON.parse(body) as { message: string }).message
        : body;
    if (response.status() < 400 || response.status() >= 500 || !dutch.test(message)) {
      failures.push(
        `${c.path} ${JSON.stringify(c.form ?? c.raw).slice(0, 120)} → ${response.status()} ${message.slice(0, 120)}`,
      );
    }
  }
  expect(failures).toEqual([]);
  expect(snapshot()).toEqual(before);

  // Five valid sign-ups in between: each adds one subscriber, one pending subscription, its
  // themes and one consent event, and nothing else.
  for (let i = 0; i < 5; i += 1) {
    const ok = await send(
      request,
      {
        path: '/aanmelden',
        form: { email: `geldig${i}@gemeente-fuzz.nl`, functie: 'griffier', themas: ['1', '3'] },
      },
      false,
    );
    expect(ok.status()).toBe(303);
  }
  const after = snapshot();
  expect(after.subscribers!.n).toBe(before.subscribers!.n + 5);
  expect(after.subscriptions!.n).toBe(before.subscriptions!.n + 5);
  expect(after.themes).toBe(before.themes);
  expect(after.consent).toBe(before.consent + 5);
  expect(after.subscribers!.h.startsWith(before.subscribers!.h)).toBe(true);
});

test('broken personal links show a friendly Dutch page, never a server error', async ({ page }) => {
  for (const path of tokenPaths) {
    for (const token of brokenTokens.slice(0, 5)) {
      const response = await page.goto(`${path}${encodeURIComponent(token)}`);
      expect(response!.status(), `${path}${token}`).toBeLessThan(500);
      await expect(
        page
          .getByRole('heading', { name: /Deze link (klopt niet|werkt niet meer)/ })
          .or(page.getByRole('heading', { name: /niet gevonden/i })),
      ).toBeVisible();
    }
  }
});
