import type { RawRequest } from './raw-http';
import {
  badAddresses,
  badNumbers,
  badSegments,
  badStrings,
  between,
  brokenTokens,
  chance,
  nextHeaders,
  pick,
  wrongMethods,
  type Random,
} from './fuzz-values';

// One malformed request at a time, at every route a visitor can reach without a session. Each
// case is built so that it cannot be a valid write: bodies for a real personal link are refused
// before the link is used (wrong content type, too large) or carry a field no form sends.

export type FuzzContext = {
  /** The app's own origin, as a browser on the site sends it. */
  origin: string;
  /** Sent issues as [newsletter slug, issue slug]. */
  issues: [string, string][];
  newsletters: string[];
  themeIds: number[];
  /** Tokens that verify, for a subscriber of the seed, by purpose. */
  tokens: { confirm: string; preferences: string; unsubscribe: string; email: string };
  /** The sign-in form's server action, read from the page. */
  signInAction: string;
  /** The editors' actions (from the build's manifest), reachable with any session cookie. */
  editorActions: string[];
  /** HTTP Basic passwords the bounce webhooks accept. */
  webhookSecrets: { postmark: string; ses: string };
};

export type FuzzCase = RawRequest & { kind: string };

const form = 'application/x-www-form-urlencoded';
const basic = (password: string) => `Basic ${Buffer.from(`kopij:${password}`).toString('base64')}`;

function query(random: Random, keys: string[]): string {
  const parts: string[] = [];
  for (let i = between(random, 1, 4); i > 0; i -= 1) {
    const key = chance(random, 0.85) ? pick(random, keys) : pick(random, badStrings);
    const value = chance(random, 0.6) ? pick(random, badNumbers) : pick(random, badStrings);
    parts.push(`${key}=${value}`);
  }
  // Spaces and line breaks raw in the request line only make Node's parser answer 400; the
  // protocol cases send those on purpose.
  return `?${parts.join('&').replace(/[ \r\n]/g, encodeURIComponent)}`;
}

/** A personal link's token: sometimes one that verifies (GETs change nothing), mostly broken. */
function token(random: Random, valid: string): string {
  if (chance(random, 0.3)) return valid;
  if (chance(random, 0.5)) return pick(random, badSegments);
  const t = pick(random, brokenTokens);
  return chance(random, 0.5) ? encodeURIComponent(t) : t.replaceAll('%', '%25');
}

function pagePath(random: Random, ctx: FuzzContext): { path: string; keys: string[] } {
  const [newsletter, issue] = pick(random, ctx.issues);
  const seg = () => pick(random, badSegments);
  const either = (good: string) => (chance(random, 0.5) ? good : seg());
  const archiveKeys = ['jaar', 'thema', 'pagina', 'q'];
  const candidates: { path: string; keys: string[] }[] = [
    { path: '/', keys: ['q'] },
    { path: '/archief', keys: archiveKeys },
    { path: '/archief/feed.xml', keys: ['thema'] },
    { path: `/media/${pick(random, [seg(), `${'0'.repeat(32)}.jpg`, '../kopij.db'])}`, keys: [] },
    { path: `/archief/${either(newsletter)}/${seg()}`, keys: [] },
    { path: `/archief/${seg()}/${either(issue)}`, keys: [] },
    { path: `/archief/${newsletter}/${issue}/agenda/${seg()}`, keys: [] },
    { path: `/archief/${seg()}/${issue}/agenda/${pick(random, badNumbers)}`, keys: [] },
    {
      path: `/archief/lijst/${pick(random, ['t0-j9999-p1', 't1-j0-p999999999', seg()])}`,
      keys: [],
    },
    { path: `/archief/${newsletter}/${issue}`, keys: archiveKeys },
    // The counted link and the open pixel of a sent mail (lib/clicks): never a valid signature.
    {
      path: `/k/${pick(random, ['1', '3', seg(), ...badNumbers])}/${pick(random, ['1.AAAAAAAAAAAA', `1.${'A'.repeat(13)}`, '0.AAAAAAAAAAAA', seg(), `${pick(random, badNumbers)}.${seg()}`])}`,
      keys: [],
    },
    {
      path: `/o/${pick(random, ['1.AAAAAAAAAAAA.gif', '3.AAAAAAAAAAAA', '1.gif', seg(), `${pick(random, badNumbers)}.${seg()}.gif`])}`,
      keys: [],
    },
    { path: '/aanmelden', keys: ['nieuwsbrief'] },
    { path: '/aanmelden/controleer', keys: ['nieuwsbrief', 'link'] },
    { path: `/aanmelden/bevestigen/${token(random, ctx.tokens.confirm)}`, keys: ['x'] },
    { path: `/voorkeuren/${token(random, ctx.tokens.preferences)}`, keys: ['opgeslagen', 'adres'] },
    { path: `/voorkeuren/adres/${token(random, ctx.tokens.email)}`, keys: [] },
    { path: `/afmelden/${token(random, ctx.tokens.unsubscribe)}`, keys: ['afgemeld', 'ongedaan'] },
    { path: '/nieuwe-link', keys: ['nieuwsbrief'] },
    { path: '/inloggen', keys: ['callbackUrl', 'error'] },
    { path: '/inloggen/bevestigen', keys: ['token', 'email', 'callbackUrl'] },
    { path: '/inloggen/controleer', keys: [] },
    { path: '/robots.txt', keys: [] },
    { path: '/sitemap.xml', keys: [] },
    { path: '/api/health', keys: [] },
    { path: '/api/health/ready', keys: [] },
    { path: '/api/metrics', keys: [] },
    {
      path: `/api/auth/${pick(random, ['session', 'csrf', 'providers', 'signin', 'signout', 'error', 'verify-request', seg()])}`,
      keys: ['callbackUrl', 'error'],
    },
    {
      path: `/api/auth/callback/${pick(random, ['nodemailer', 'oidc', 'credentials', seg()])}`,
      keys: ['token', 'email', 'callbackUrl'],
    },
    {
      path: `/api/auth/signin/${pick(random, ['nodemailer', 'github', seg()])}`,
      keys: ['callbackUrl'],
    },
    {
      path: `/redactie/${pick(random, ['nummers', 'items', 'abonnees', 'logboek', 'instellingen'])}/${seg()}`,
      keys: ['pagina'],
    },
    { path: `/redactie/abonnees/${seg()}/gegevens`, keys: [] },
    { path: `/${seg()}`, keys: ['q'] },
    { path: `/archief/${seg()}`, keys: archiveKeys },
    { path: `/_next/static/${seg()}`, keys: [] },
    { path: '/_next/image', keys: ['url', 'w', 'q'] },
    { path: `/_next/data/${seg()}/index.json`, keys: [] },
    { path: `/api/${seg()}`, keys: [] },
    {
      path: `/api/abonnee/${pick(random, ['aanmelden', 'nieuwe-link', 'afmelden', 'voorkeuren'])}/${seg()}`,
      keys: [],
    },
  ];
  return pick(random, candidates);
}

/** GET (or HEAD) of a page or route with a malformed path or query. */
function getCase(random: Random, ctx: FuzzContext): FuzzCase {
  const { path, keys } = pagePath(random, ctx);
  const target = keys.length && chance(random, 0.7) ? path + query(random, keys) : path;
  return { kind: 'get', method: chance(random, 0.1) ? 'HEAD' : 'GET', target };
}

/** A body for a subscriber form that no form sends: each one is refused before it is used. */
function formBody(random: Random, tokenIsValid: boolean): Pick<RawRequest, 'headers' | 'body'> {
  const boundary = '----kopijfuzz';
  const bodies: (() => Pick<RawRequest, 'headers' | 'body'>)[] = [
    () => ({ headers: [['Content-Type', 'application/json']], body: '{"email":' }),
    () => ({
      headers: [['Content-Type', 'application/json']],
      body: '{"email":"a@b.nl","functie":"griffier","themas":[1]}',
    }),
    () => ({ headers: [['Content-Type', 'text/plain']], body: 'email=a@b.nl' }),
    () => ({
      headers: [['Content-Type', 'application/xml']],
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
    }),
    () => ({
      headers: [['Content-Type', 'application/octet-stream']],
      body: Buffer.from(Array.from({ length: 64 }, () => between(random, 0, 255))),
    }),
    () => ({ headers: [], body: 'email=a@b.nl' }),
    () => ({ headers: [['Content-Type', 'x'.repeat(500)]], body: 'a=b' }),
    () => ({
      headers: [['Content-Type', form]],
      body: `email=${'x'.repeat(between(random, 33, 200) * 1024)}`,
    }),
    () => ({
      headers: [['Content-Type', `${form}; charset=klingon`]],
      body: 'a'.repeat(40 * 1024),
    }),
  ];
  if (!tokenIsValid)
    bodies.push(
      () => ({
        headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
        body: 'garbage without parts',
      }),
      () => ({ headers: [['Content-Type', 'multipart/form-data']], body: '--x\r\n\r\n' }),
      () => ({
        headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
        body: `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n${pick(random, badAddresses)}`,
      }),
      () => ({
        headers: [['Content-Type', `multipart/form-data; boundary="${'b'.repeat(300)}"`]],
        body: '--b\r\n',
      }),
      () => ({
        headers: [['Content-Type', form]],
        body: `email=${encodeURIComponent(pick(random, badAddresses))}&functie=${pick(random, ['', 'burgemeester', '%d800', '%'])}&themas=${pick(random, badNumbers)}&themas=${pick(random, badNumbers)}&naam=${pick(random, badStrings)}`,
      }),
      () => ({
        headers: [['Content-Type', form]],
        body: `email=%d800&actie=${pick(random, ['weg', '%', '%C0%AF', ''])}&List-Unsubscribe=${pick(random, ['One-Clack', '%00'])}`,
      }),
      () => ({
        headers: [['Content-Type', form]],
        body: `email=${pick(random, badAddresses)}&pauze=${pick(random, badNumbers)}&functie=raadslid&themas=1`,
      }),
    );
  return pick(random, bodies)();
}

function subscriberPostCase(random: Random, ctx: FuzzContext): FuzzCase {
  const viaApi = chance(random, 0.3) ? '/api/abonnee' : '';
  const personal = [
    ['/aanmelden/bevestigen/', ctx.tokens.confirm],
    ['/voorkeuren/', ctx.tokens.preferences],
    ['/voorkeuren/adres/', ctx.tokens.email],
    ['/afmelden/', ctx.tokens.unsubscribe],
  ] as const;
  if (chance(random, 0.35)) {
    const path = pick(random, ['/aanmelden', '/nieuwe-link']);
    // Sign-ups and fresh links with bodies whose address is never valid.
    return {
      kind: 'subscriber-form',
      method: 'POST',
      target: viaApi + path,
      ...formBody(random, false),
    };
  }
  const [path, valid] = pick(random, personal);
  const t = token(random, valid);
  return {
    kind: 'subscriber-link',
    method: 'POST',
    target: `${viaApi}${path}${t}`,
    ...formBody(random, t === valid),
  };
}

/** A React reply (the body of a server action call) that React cannot decode or our action cannot use. */
function actionBody(random: Random): Pick<RawRequest, 'headers' | 'body'> {
  const text = (body: string) => ({
    headers: [['Content-Type', 'text/plain;charset=UTF-8']] as [string, string][],
    body,
  });
  const state = '{"status":"idle"}';
  const boundary = '----WebKitFormBoundaryfuzz';
  const multipart = (parts: [string, string][], raw = false) => ({
    headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]] as [string, string][],
    body: raw
      ? parts.map(([, v]) => v).join('')
      : parts
          .map(
            ([name, value]) =>
              `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
          )
          .join('') + `--${boundary}--\r\n`,
  });
  const refs = [
    '$K9',
    '$@9',
    '$Q9',
    '$W9',
    '$9',
    '$F9',
    '$h9',
    '$n',
    '$nabc',
    '$Dxx',
    '$B9',
    '$A9',
    '$o9',
    '$T',
    '$i9',
    '$R9',
    '$X9',
    '$Z',
    '$1:a:b',
    '$0:0',
    '$-',
    '$$',
    '$u',
  ];
  const choices: (() => Pick<RawRequest, 'headers' | 'body'>)[] = [
    () =>
      text(
        pick(random, [
          '[',
          '[{"x":',
          'nope',
          '{"a":1}',
          '[]',
          '[1]',
          '"x"',
          'null',
          '1e400',
          '[' + '['.repeat(5000),
        ]),
      ),
    () => text(`[${state},${JSON.stringify(pick(random, refs))}]`),
    () => text(`[${JSON.stringify(pick(random, refs))},${JSON.stringify(pick(random, refs))}]`),
    () => text(`[${state},"$K1"]`),
    () => text(`[${'1,'.repeat(between(random, 1, 200_000))}1]`),
    () => text('"' + 'x'.repeat(between(random, 1_000_000, 1_200_000)) + '"'),
    () =>
      multipart([
        ['0', `[${state},${JSON.stringify(pick(random, refs))}]`],
        ['1_email', pick(random, badAddresses)],
      ]),
    () => multipart([['0', pick(random, ['[', 'null', '{}', '[1,2,3]'])]]),
    () => multipart([['1_email', 'a@b.nl']]),
    () =>
      multipart([
        ['0', `[${state},"$K1"]`],
        ['1', '['],
        ['1_email', pick(random, badAddresses)],
      ]),
    () =>
      multipart([
        ['0', `[${state},"$1"]`],
        ['1', pick(random, ['[', '"$9"', '{"a":"$1"}', '"$@1"'])],
      ]),
    () =>
      multipart(
        [
          ['0', 'garbage'],
          ['x', `--${boundary}`],
        ],
        true,
      ),
    () => ({ headers: [['Content-Type', 'multipart/form-data']], body: '--x\r\n' }),
    () => ({ headers: [['Content-Type', form]], body: 'email=a%40b.nl' }),
    () => ({ headers: [['Content-Type', 'application/json']], body: '{}' }),
    () => ({ headers: [], body: '' }),
  ];
  return pick(random, choices)();
}

function actionId(random: Random, ctx: FuzzContext): string {
  return pick(random, [
    ctx.signInAction,
    ctx.signInAction,
    ctx.editorActions.length ? pick(random, ctx.editorActions) : ctx.signInAction,
    '00' + 'ab'.repeat(20),
    '7f' + '00'.repeat(20),
    'deadbeef',
    '',
    'x',
    '%d800',
    '../../../etc/passwd',
    'a'.repeat(8000),
    ctx.signInAction.toUpperCase(),
    `${ctx.signInAction},${ctx.signInAction}`,
  ]);
}

/** A server action call (a `Next-Action` header) or a form post Next may take for one. */
function actionCase(random: Random, ctx: FuzzContext): FuzzCase {
  const target = pick(random, [
    '/inloggen',
    '/inloggen',
    '/',
    '/archief',
    '/aanmelden/controleer',
    '/inloggen/bevestigen',
    '/redactie',
    '/redactie/nummers/1',
    '/redactie/instellingen',
    `/archief/${ctx.issues[0]![0]}/${ctx.issues[0]![1]}`,
    '/bestaat-niet',
  ]);
  const headers: [string, string][] = [];
  const mpa = chance(random, 0.25);
  if (!mpa) headers.push(['Next-Action', actionId(random, ctx)]);
  const origin = pick(random, [
    null,
    null,
    'same',
    'http://evil.example',
    'null',
    'garbage',
    'http://%',
    'http://[::1',
  ]);
  if (origin) headers.push(['Origin', origin === 'same' ? ctx.origin : origin]);
  if (target.startsWith('/redactie') || chance(random, 0.2))
    headers.push([
      'Cookie',
      `authjs.session-token=${pick(random, ['x', '00000000-0000-0000-0000-000000000000', '%d800', 'a'.repeat(4000)])}`,
    ]);
  if (mpa) {
    const boundary = '----kopijmpa';
    const id = actionId(random, ctx);
    const fields = pick(random, [
      [
        [`$ACTION_ID_${id}`, ''],
        ['email', pick(random, badAddresses)],
      ],
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
        ['$ACTION_1:1', pick(random, ['[', '[{"status":"idle"}]', 'null', '["$K9"]'])],
        ['email', 'x'],
      ],
      [
        ['$ACTION_REF_1', ''],
        [
          '$ACTION_1:0',
          pick(random, [
            '{',
            `{"id":"${id}","bound":"$@7"}`,
            `{"id":${JSON.stringify(id)}}`,
            'null',
            `{"id":"${id}","bound":"$Q1"}`,
          ]),
        ],
      ],
      [
        ['$ACTION_KEY', 'k'],
        ['email', 'x'],
      ],
      [['email', pick(random, badAddresses)]],
    ] as [string, string][][]);
    const body = chance(random, 0.3)
      ? `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\ntruncated`
      : fields
          .map(
            ([n, v]) =>
              `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`,
          )
          .join('') + `--${boundary}--\r\n`;
    headers.push(['Content-Type', `multipart/form-data; boundary=${boundary}`]);
    return { kind: 'action-form', method: 'POST', target, headers, body };
  }
  const body = actionBody(random);
  return {
    kind: 'action',
    method: 'POST',
    target,
    headers: [...headers, ...(body.headers ?? [])],
    body: body.body,
  };
}

function webhookCase(random: Random, ctx: FuzzContext): FuzzCase {
  const which = pick(random, ['postmark', 'ses', 'verversen'] as const);
  const target = which === 'verversen' ? '/api/archief/verversen' : `/api/bounces/${which}`;
  const auth = pick(random, [
    null,
    'Basic %%%',
    'Basic ' + 'A'.repeat(8000),
    basic('fout-wachtwoord'),
    'Bearer x',
    'Digest x',
    which === 'verversen' ? 'Bearer ' + 'f'.repeat(64) : basic(ctx.webhookSecrets[which]),
    which === 'verversen' ? 'Bearer %d800' : basic(ctx.webhookSecrets[which]),
  ]);
  const headers: [string, string][] = auth ? [['Authorization', auth]] : [];
  headers.push([
    'Content-Type',
    pick(random, [
      'application/json',
      'text/plain; charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]),
  ]);
  // With the right secret, every payload still fails the relay's schema or SNS's signature.
  const email = JSON.stringify(pick(random, badAddresses));
  const body = pick(random, [
    '{',
    '',
    'null',
    '[]',
    '"x"',
    '1e400',
    '['.repeat(10_000),
    `{"RecordType":"Bounce","ID":${pick(random, ['-1', '1e400', '1.5', '"abc"', '99999999999999999999999', 'null'])},"Type":"HardBounce","Email":${email}}`,
    `{"RecordType":"${pick(random, ['Bounce', 'SpamComplaint', 'Open', '%'])}","ID":1,"Type":"${'T'.repeat(100)}","Email":${email}}`,
    `{"RecordType":"Bounce","ID":1,"Type":"HardBounce","Email":${email},"Metadata":"x"}`,
    `{"Type":"Notification","MessageId":"m","TopicArn":"t","Message":"{","Timestamp":"x","SignatureVersion":"1","Signature":"%%%","SigningCertURL":"${pick(random, ['http://evil.example/x.pem', 'https://sns.eu-west-1.amazonaws.com.evil.example/x.pem', '%', 'file:///etc/passwd'])}"}`,
    `{"Type":"SubscriptionConfirmation","MessageId":"m","TopicArn":"t","Message":"x","Timestamp":"x","SignatureVersion":"3","Signature":"x","SigningCertURL":"x","SubscribeURL":"http://127.0.0.1:1/"}`,
    `{"issueId":${pick(random, badNumbers.map((n) => JSON.stringify(n)).concat(['-1', '1e400', '0', '1.5', 'null']))}}`,
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22]),
    `{"a":"${'\\u0000'.repeat(1000)}"}`,
  ]);
  return {
    kind: 'webhook',
    method: pick(random, ['POST', 'POST', 'POST', 'GET', 'PUT']),
    target,
    headers,
    body,
  };
}

function authJsCase(random: Random): FuzzCase {
  const csrf = pick(random, ['', 'x', '%d800', 'a'.repeat(3000)]);
  const cookies = pick(random, [
    '',
    'authjs.csrf-token=%%%',
    `authjs.csrf-token=${'a'.repeat(64)}%7C${'b'.repeat(64)}`,
    'authjs.callback-url=javascript%3Aalert(1)',
    'authjs.session-token=x; authjs.session-token=y',
  ]);
  const headers: [string, string][] = [
    [
      'Content-Type',
      pick(random, [form, 'application/json', 'text/plain', 'multipart/form-data; boundary=x']),
    ],
  ];
  if (cookies) headers.push(['Cookie', cookies]);
  return {
    kind: 'auth.js',
    method: 'POST',
    target: pick(random, [
      '/api/auth/signin/nodemailer',
      '/api/auth/signin/evil',
      '/api/auth/signout',
      '/api/auth/session',
      '/api/auth/callback/nodemailer',
      '/api/auth/csrf',
      '/api/auth/%d800',
    ]),
    headers,
    body: pick(random, [
      `email=${encodeURIComponent(pick(random, badAddresses))}&csrfToken=${csrf}&callbackUrl=${pick(random, badStrings)}`,
      `email=onbekend${between(random, 1, 1e6)}%40gemeente-fuzz.nl&csrfToken=${csrf}`,
      '{"csrfToken":',
      '%%%=%%%',
      '--x\r\n',
    ]),
  };
}

function methodCase(random: Random, ctx: FuzzContext): FuzzCase {
  const { path } = pagePath(random, ctx);
  const method = pick(random, wrongMethods);
  const withBody = method !== 'HEAD' && chance(random, 0.5);
  return {
    kind: 'method',
    method,
    target: chance(random, 0.5)
      ? pick(random, [
          '/aanmelden',
          '/inloggen',
          '/api/health',
          '/api/abonnee/aanmelden',
          '/api/bounces/postmark',
          '/archief/feed.xml',
          '/archief',
        ])
      : path,
    ...(withBody ? { headers: [['Content-Type', form]], body: 'email=a%40b.nl' } : {}),
  };
}

/** Headers that are long, many, or odd; Node answers 431 itself above 16 KB, which is fine. */
function headerCase(random: Random, ctx: FuzzContext): FuzzCase {
  const { path } = pagePath(random, ctx);
  const headers: [string, string][] = [];
  switch (between(random, 0, 4)) {
    case 0:
      headers.push([
        pick(random, [
          'X-Fuzz',
          'Cookie',
          'User-Agent',
          'Accept',
          'Referer',
          'Accept-Language',
          'If-None-Match',
        ]),
        'v'.repeat(between(random, 4000, 14_000)),
      ]);
      break;
    case 1:
      for (let i = between(random, 50, 300); i > 0; i -= 1)
        headers.push([`X-Fuzz-${i}`, String(i)]);
      break;
    case 2:
      headers.push([
        pick(random, nextHeaders),
        pick(random, [
          ...badStrings,
          '1',
          'middleware:middleware:middleware:middleware:middleware',
          'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
          '["",{"children":["__PAGE__",{}]},null,null,true]',
          '/redactie',
          '/_tree',
        ]),
      ]);
      if (chance(random, 0.5)) headers.push(['RSC', '1']);
      break;
    case 3:
      headers.push([
        pick(random, [
          'Range',
          'If-Modified-Since',
          'Accept-Encoding',
          'Accept',
          'Host',
          'X-Forwarded-For',
          'Content-Type',
          'Expect',
          'Authorization',
        ]),
        pick(random, [
          'bytes=999999999999-',
          'bytes=-1,-2,-3',
          'Sun, 99 Foo 99999',
          'gzip;q=NaN, br;q=-1',
          '*/*;q=zz',
          '%%%',
          '[::1',
          'a b',
          '1.2.3.4, ' + 'x'.repeat(2000),
          '999.999.999.999',
          '',
          'multipart/form-data; boundary=',
          '100-continue',
          'gibberish',
        ]),
      ]);
      break;
    default:
      // Bytes above 0x7f in a header value (latin1 on the wire).
      headers.push([
        'X-Fuzz',
        String.fromCharCode(...Array.from({ length: 40 }, () => between(random, 0x80, 0xff))),
      ]);
      headers.push(['Cookie', `authjs.session-token=${String.fromCharCode(0xe9)}; a=%d800`]);
  }
  return { kind: 'headers', method: 'GET', target: path, headers };
}

/** What only a hand-written client sends: odd request targets, broken framing. */
function protocolCase(random: Random): FuzzCase {
  return pick(random, [
    { kind: 'protocol', method: 'GET', target: '*' },
    { kind: 'protocol', method: 'OPTIONS', target: '*' },
    { kind: 'protocol', method: 'GET', target: 'archief' },
    { kind: 'protocol', method: 'GET', target: 'http://evil.example/archief' },
    { kind: 'protocol', method: 'GET', target: 'http://%/archief' },
    { kind: 'protocol', method: 'GET', target: '//archief' },
    { kind: 'protocol', method: 'GET', target: '/archief\u0000' },
    { kind: 'protocol', method: 'GET', target: '/archief/\u00e9' },
    { kind: 'protocol', method: 'GET', target: '/arch ief' },
    { kind: 'protocol', method: 'G<T', target: '/' },
    {
      kind: 'protocol',
      method: 'POST',
      target: '/aanmelden',
      headers: [
        ['Transfer-Encoding', 'chunked'],
        ['Content-Type', form],
      ],
      rawBody: 'zz\r\nemail\r\n0\r\n\r\n',
    },
    {
      kind: 'protocol',
      method: 'POST',
      target: '/inloggen',
      headers: [
        ['Transfer-Encoding', 'chunked'],
        ['Content-Length', '5'],
        ['Next-Action', 'x'],
      ],
      rawBody: '5\r\nhello\r\n0\r\n\r\n',
    },
    {
      kind: 'protocol',
      method: 'POST',
      target: '/api/bounces/postmark',
      headers: [['Transfer-Encoding', 'gzip, chunked']],
      rawBody: '1\r\n{\r\n0\r\n\r\n',
    },
    { kind: 'protocol', method: 'GET', target: '/', headers: [['X-Folded', 'a\r\n b']] },
    { kind: 'protocol', method: 'GET', target: '/', headers: [['Bad Header', 'x']] },
    {
      kind: 'protocol',
      method: 'GET',
      target: '/',
      headers: [
        ['Host', 'a'],
        ['Host', 'b'],
      ],
    },
  ] satisfies FuzzCase[]);
}

/** One seeded malformed request; `ctx` supplies the few real values it mixes in. */
export function fuzzCase(random: Random, ctx: FuzzContext): FuzzCase {
  const roll = random();
  if (roll < 0.3) return getCase(random, ctx);
  if (roll < 0.45) return subscriberPostCase(random, ctx);
  if (roll < 0.65) return actionCase(random, ctx);
  if (roll < 0.74) return webhookCase(random, ctx);
  if (roll < 0.8) return authJsCase(random);
  if (roll < 0.87) return methodCase(random, ctx);
  if (roll < 0.96) return headerCase(random, ctx);
  return protocolCase(random);
}
