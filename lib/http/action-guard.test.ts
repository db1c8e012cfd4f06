import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, POSTED_ROUTE_HANDLERS, refuseMalformedAction } from './action-guard';

const id = '60' + '98b450fac13e28636f94e55d96e2fb98eeb9a5a6';
const host = 'kopij.example:3000';

function post(
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: BodyInit } = {},
) {
  return new Request(`http://${host}${path}`, {
    method: 'POST',
    headers: { host, ...headers },
    body,
  });
}

function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

const status = async (request: Request) => (await refuseMalformedAction(request))?.status ?? 'Next';

describe('server action requests in the proxy', () => {
  it('leaves ordinary requests and well-formed calls to Next', async () => {
    expect(await status(new Request(`http://${host}/inloggen`))).toBe('Next');
    expect(await status(post('/aanmelden', { body: new URLSearchParams({ email: 'x' }) }))).toBe(
      'Next',
    );
    expect(
      await status(
        post('/inloggen', {
          headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' },
          body: '[{"status":"idle"},"$K1"]',
        }),
      ),
    ).toBe('Next');
    expect(
      await status(
        post('/inloggen', {
          headers: { 'next-action': id, origin: `http://${host}` },
          body: multipart([
            ['0', '[{"status":"idle"},"$K1"]'],
            ['_1_email', 'jan@gemeente.nl'],
          ]),
        }),
      ),
    ).toBe('Next');
    // Without JavaScript: the form's own hidden fields.
    expect(
      await status(
        post('/inloggen', {
          body: multipart([
            ['$ACTION_REF_1', ''],
            ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
            ['$ACTION_1:1', '[{"status":"idle"}]'],
            ['email', 'jan@gemeente.nl'],
          ]),
        }),
      ),
    ).toBe('Next');
    // A well-formed id Next does not know: its 409 makes our client reload the page.
    expect(
      await status(post('/', { headers: { 'next-action': '7f' + '00'.repeat(20) }, body: '[]' })),
    ).toBe('Next');
  });

  it('refuses a foreign or malformed Origin (Next would abort with a 500)', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      'garbage',
      'http://%',
      `https://${host}x`,
    ]) {
      const refused = await refuseMalformedAction(
        post('/inloggen', { headers: { 'next-action': id, origin }, body: '[]' }),
      );
      expect(refused?.status, origin).toBe(403);
      expect(await refused!.text()).toBe('Dit formulier is niet via deze website verstuurd.');
    }
    // Behind a proxy Next compares with the forwarded host, and so do we.
    expect(
      await status(
        post('/inloggen', {
          headers: {
            'next-action': id,
            origin: 'https://nieuwsbrief.gemeente.nl',
            'x-forwarded-host': 'nieuwsbrief.gemeente.nl',
          },
          body: '[]',
        }),
      ),
    ).toBe('Next');
    // A multipart post from another site, action or not.
    expect(
      await status(
        post('/archief', { headers: { origin: 'http://evil.example' }, body: multipart([]) }),
      ),
    ).toBe(403);
  });

  it('refuses malformed ids and bodies with a Dutch 400, too large ones with 413', async () => {
    const refusedWith = async (headers: Record<string, string>, body?: BodyInit) => {
      const refused = await refuseMalformedAction(post('/inloggen', { headers, body }));
      return refused ? `${refused.status} ${await refused.text()}` : 'Next';
    };
    const bad = '400 Dit verzoek is ongeldig en kan niet worden verwerkt. Laad de pagina opnieuw.';
    expect(await refusedWith({ 'next-action': 'deadbeef' }, '[]')).toBe(bad);
    expect(await refusedWith({ 'next-action': id.toUpperCase() }, '[]')).toBe(bad);
    expect(await refusedWith({ 'next-action': id }, '[{"x":')).toBe(bad);
    expect(await refusedWith({ 'next-action': id }, '[{"status":"idle"},"$@9"]')).toBe(bad);
    expect(
      await refusedWith(
        { 'next-action': id, 'content-type': 'multipart/form-data; boundary=x' },
        'garbage',
      ),
    ).toBe(bad);
    expect(await refusedWith({ 'next-action': id }, multipart([['_1_email', 'x']]))).toBe(bad);
    expect(await refusedWith({ 'content-type': 'multipart/form-data' }, '--x\r\n')).toBe(bad);
    expect(
      await refusedWith(
        {},
        multipart([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', `{"id":"${id}","bound":"$@7"}`],
        ]),
      ),
    ).toBe(bad);
    expect(await refusedWith({}, multipart([[`$ACTION_ID_x`, '']]))).toBe(bad);
    expect(await refusedWith({ 'next-action': id }, `"${'x'.repeat(ACTION_BODY_LIMIT)}"`)).toBe(
      '413 Het verzoek is te groot.',
    );
  });

  it('leaves a fetch call with a url-encoded body to Next, which answers 404', async () => {
    expect(
      await status(
        post('/inloggen', {
          headers: { 'next-action': id, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'email=x',
        }),
      ),
    ).toBe('Next');
  });

  it('leaves multipart posts to route handlers alone, however large', async () => {
    const upload = post('/redactie/abonnees/importeren/uploaden', {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: `--x\r\n${'x'.repeat(2 * ACTION_BODY_LIMIT)}`,
    });
    expect(await status(upload)).toBe('Next');
    // The embeddable sign-up form, posted from the organisation's own website.
    const embedded = (path: string) =>
      post(path, {
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          origin: 'https://www.gemeente.example',
        },
        body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.example\r\n--x--\r\n',
      });
    expect(await status(embedded('/aanmelden/zorgpost/formulier'))).toBe('Next');
    expect(await status(embedded('/aanmelden/zorgpost/formulier/x'))).toBe(403);
    expect(await status(embedded('/aanmelden/formulier'))).toBe(403);
    expect(
      await status(post('/api/bounces/postmark', { headers: { 'next-action': 'x' }, body: '[' })),
    ).toBe('Next');
  });

  it('knows every route handler outside /api that takes a POST', () => {
    const app = path.resolve(import.meta.dirname, '../../app');
    const posted = (fs.readdirSync(app, { recursive: true }) as string[])
      .filter((file) => file.endsWith('route.ts'))
      .filter((file) =>
        /export (async )?function POST|export const \{[^}]*POST/.test(
          fs.readFileSync(path.join(app, file), 'utf8'),
        ),
      )
      .map((file) => `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, ''))
      .filter((route) => !route.startsWith('/api/'));
    expect(posted.sort()).toEqual([...POSTED_ROUTE_HANDLERS].sort());
  });
});
