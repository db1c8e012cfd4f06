import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signToken, tokenKey } from '@/lib/subscribers/tokens';
import { fuzzCase, type FuzzCase, type FuzzContext } from './support/fuzz-cases';
import { prng } from './support/fuzz-values';
import { connectInspector, type Inspector } from './support/inspector';
import { startOwnApp, type OwnApp } from './support/own-app';
import { sendRaw, type RawResponse } from './support/raw-http';
import { expect, test } from './support/test';
import { freePort } from '@/lib/test/free-port';

// 2,000 seeded malformed requests at every route a visitor can reach without a session (see
// support/fuzz-cases.ts): not one answer of 500 or above, every refusal of ours in Dutch, the
// database exactly as it was (no case is a valid write: every table compared, row by row), and
// the server's memory back near where it started. FUZZ_SEED=<n> replays a run; a failure prints
// the seed and each failing request. FUZZ_DUMP=<file> writes every request and answer.
//
// Memory: the server's resident set (VmRSS from /proc) and V8's heap, each after a quiet second
// and two full garbage collections forced through the server's inspector: once after a warm-up
// of 300 other malformed requests (every route's code loaded, caches primed), once after the
// 2,000. Without the forced collection RSS stays wherever V8 last grew its heap, which varied by
// 100 MB between identical runs. Measured this way, over six runs, the 2,000 added 17 to 31 MB of
// RSS and 7 MB of heap: Next's in-memory page cache keeps the 404s and list pages of fuzzed
// addresses (up to its LRU limit), the allocator keeps some slack. The margins, 64 MB of RSS and
// 24 MB of heap, are twice and three times that; keeping 12 KB of each request on the heap, or
// 32 KB anywhere, fails the test.

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const WARM_UP = 300;
const CONCURRENCY = 6;
const RSS_MARGIN_KB = 64 * 1024;
const HEAP_MARGIN_MB = 24;
const AUTH_SECRET = 'fuzz-geheim-alleen-voor-deze-test-0123456789';
const SECRETS = { postmark: 'postmark-fuzz-geheim-0123456789', ses: 'ses-fuzz-geheim-0123456789' };

let app: OwnApp;
let inspector: Inspector;

test.beforeAll(async () => {
  const inspectorPort = await freePort();
  app = await startOwnApp({
    env: {
      AUTH_SECRET,
      POSTMARK_WEBHOOK_SECRET: SECRETS.postmark,
      SES_WEBHOOK_SECRET: SECRETS.ses,
      // /api/metrics exists only with a token: its refusals are fuzzed too.
      METRICS_TOKEN: 'metrics-fuzz-geheim-0123456789',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--inspect=127.0.0.1:${inspectorPort}`]
        .filter(Boolean)
        .join(' '),
    },
  });
  inspector = await connectInspector(inspectorPort);
});
test.afterAll(async () => {
  inspector?.close();
  await app?.stop();
});

function readDb<T>(sql: string): T[] {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    return database.prepare(sql).all() as T[];
  } finally {
    database.close();
  }
}

/** Rows and a hash of each table; worker_leases only holds the send worker's heartbeat. */
function snapshot(): Record<string, { rows: number; sha256: string }> {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    const tables = database
      .prepare("select name from sqlite_master where type = 'table' and name <> 'worker_leases'")
      .pluck()
      .all() as string[];
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const table of tables.sort()) {
      const rows = database
        .prepare(`select * from "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
      out[table] = {
        rows: rows.length,
        sha256: crypto.createHash('sha256').update(rows.join('\n')).digest('hex'),
      };
    }
    return out;
  } finally {
    database.close();
  }
}

const rssKb = () =>
  Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1]);

/** The server's resident memory in kB after a quiet second and forced full collections. */
async function settledMemory(): Promise<{ rss: number; heapMb: number }> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await inspector.collectGarbage();
  const { result } = (await inspector.call('Runtime.evaluate', {
    expression: 'process.memoryUsage().heapUsed',
  })) as { result: { value: number } };
  return { rss: rssKb(), heapMb: Math.round(result.value / 1024 / 1024) };
}

/** The editors' actions in the build's manifest: any visitor may name them in a request. */
function editorActions(): string[] {
  const file = path.resolve(
    process.env.NEXT_DIST_DIR ?? '.next',
    'server/server-reference-manifest.json',
  );
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, action]) => Object.keys(action.workers).some((w) => w.includes('redactie')))
    .map(([id]) => id);
}

async function fuzzContext(): Promise<FuzzContext> {
  const issues = readDb<{ newsletter: string; slug: string }>(
    "select n.slug newsletter, i.slug from issues i join newsletters n on n.id = i.newsletter_id where i.status = 'sent'",
  ).map((r): [string, string] => [r.newsletter, r.slug]);
  const reader = readDb<{ id: number; version: number; newsletter: number }>(
    "select p.id, p.token_version version, s.newsletter_id newsletter from subscribers p join subscriptions s on s.subscriber_id = p.id where s.status = 'active' limit 1",
  )[0]!;
  const key = tokenKey(AUTH_SECRET);
  const claims = {
    subscriberId: reader.id,
    newsletterId: reader.newsletter,
    version: reader.version,
  };
  const week = new Date(Date.now() + 7 * 86_400_000);
  const signIn = await sendRaw(app.port, { method: 'GET', target: '/inloggen' });
  const signInAction = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(signIn.body)?.[1];
  expect(signInAction, 'het inlogformulier noemt zijn server action').toBeTruthy();
  const ids = editorActions();
  expect(ids.length, 'de build noemt de acties van de redactie').toBeGreaterThan(10);
  return {
    origin: `http://localhost:${app.port}`,
    issues,
    newsletters: readDb<{ slug: string }>('select slug from newsletters').map((r) => r.slug),
    themeIds: readDb<{ id: number }>('select id from themes').map((r) => r.id),
    tokens: {
      confirm: signToken(key, 'confirm', claims, { expiresAt: week }),
      preferences: signToken(key, 'preferences', claims),
      unsubscribe: signToken(key, 'unsubscribe', claims),
      email: signToken(key, 'email', claims, { expiresAt: week }),
    },
    signInAction: signInAction!,
    editorActions: ids,
    webhookSecrets: SECRETS,
  };
}

const clip = (value: unknown, length = 160) => {
  const text =
    typeof value === 'string'
      ? value
      : Buffer.isBuffer(value)
        ? `<${value.length} bytes>`
        : JSON.stringify(value);
  return text && text.length > length ? `${text.slice(0, length)}… (${text.length} tekens)` : text;
};

function described(index: number, c: FuzzCase, response: RawResponse | Error): string {
  const answer =
    response instanceof Error ? response.message : `${response.status} ${clip(response.body, 200)}`;
  return `#${index} [${c.kind}] ${c.method} ${clip(c.target)} headers=${clip(c.headers ?? [])} body=${clip(c.body ?? c.rawBody ?? '')}\n    → ${answer}`;
}

// Words that only a Dutch sentence has; every refusal of ours has at least one of them.
const dutch =
  /\b(de|het|een|niet|deze|dit|geen|ongeldig|verzoek|gevonden|klopt|te|wordt|van|voor)\b/i;

/**
 * A 4xx of ours says what is wrong in Dutch. Not ours: Next's static files and image optimiser
 * (`/_next/`), Auth.js's own answers (`/api/auth/`), Next's answer to an action id it does not
 * know (our client code reloads the page on its header), a page's RSC payload, empty bodies, and
 * the 405 Next gives a POST to a prerendered page (`/voorkeuren/%2e%2e` is `/`).
 */
function speaksDutch(c: FuzzCase, answer: RawResponse): boolean {
  if (answer.status < 400 || answer.body.trim() === '') return true;
  if (answer.status === 405 && answer.body === 'Method Not Allowed') return true;
  const path = c.target.split('?')[0]!;
  if (path.startsWith('/_next/') || path.startsWith('/api/auth/')) return true;
  if (answer.headers['x-nextjs-action-not-found']) return true;
  const type = answer.headers['content-type'] ?? '';
  if (type.includes('text/x-component')) return true;
  // A page's own 404 from notFound() comes as Next's error shell with the not-found page in its
  // RSC payload, not as an <html lang="nl"> document.
  if (type.includes('text/html'))
    return /<html[^>]* lang="nl"/.test(answer.body) || answer.body.includes('Pagina niet gevonden');
  return dutch.test(answer.body);
}

/** Sends every case, a few at a time; returns the answers by index. */
async function sendAll(cases: FuzzCase[]): Promise<(RawResponse | Error)[]> {
  const answers: (RawResponse | Error)[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      answers[index] = await sendRaw(app.port, cases[index]!).catch((error: Error) => error);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

test('2,000 seeded malformed requests at every public route: no 5xx, nothing written, memory back', async () => {
  test.setTimeout(240_000);
  console.log(`public-routes-fuzz: seed ${SEED} (FUZZ_SEED=${SEED} speelt deze run na)`);
  const ctx = await fuzzContext();
  const before = snapshot();

  // A warm-up of other malformed requests: every route's code loaded and caches primed before
  // memory is measured. They must not fail either.
  const warmRandom = prng(SEED ^ 0x5eed);
  const warmCases = Array.from({ length: WARM_UP }, () => fuzzCase(warmRandom, ctx));
  const warmAnswers = await sendAll(warmCases);
  const memoryBefore = await settledMemory();

  const random = prng(SEED);
  const cases = Array.from({ length: COUNT }, () => fuzzCase(random, ctx));
  const started = Date.now();
  const answers = await sendAll(cases);
  const seconds = (Date.now() - started) / 1000;

  const failed = (answer: RawResponse | Error) =>
    answer instanceof Error || answer.status >= 500 || answer.status === 0;
  const warmFailures = warmAnswers.flatMap((answer, i) =>
    failed(answer) ? [`warm-up ${described(i, warmCases[i]!, answer)}`] : [],
  );
  const failures = [
    ...warmFailures,
    ...answers.flatMap((answer, i) => (failed(answer) ? [described(i, cases[i]!, answer)] : [])),
  ];
  const byStatus = new Map<string, number>();
  for (const answer of answers) {
    const key = answer instanceof Error ? 'fout' : String(answer.status);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  if (process.env.FUZZ_DUMP)
    fs.writeFileSync(
      process.env.FUZZ_DUMP,
      answers
        .map((a, i) =>
          JSON.stringify({
            i,
            kind: cases[i]!.kind,
            request: described(i, cases[i]!, a).split('\n')[0],
            status: a instanceof Error ? a.message : a.status,
            type: a instanceof Error ? '' : a.headers['content-type'],
            body: a instanceof Error ? '' : a.body.slice(0, 300),
          }),
        )
        .join('\n'),
    );
  console.log(
    `${COUNT} verzoeken in ${seconds.toFixed(1)} s`,
    Object.fromEntries([...byStatus].sort()),
  );
  expect(failures, `seed ${SEED}:\n${failures.join('\n')}`).toEqual([]);
  const notDutch = answers.flatMap((answer, i) =>
    answer instanceof Error || speaksDutch(cases[i]!, answer)
      ? []
      : [described(i, cases[i]!, answer)],
  );
  expect(notDutch, `seed ${SEED}, geen Nederlands:\n${notDutch.join('\n')}`).toEqual([]);

  expect(snapshot()).toEqual(before);

  const memoryAfter = await settledMemory();
  console.log(
    `RSS voor ${memoryBefore.rss} kB, na ${memoryAfter.rss} kB (heap ${memoryBefore.heapMb} → ${memoryAfter.heapMb} MB)`,
  );
  expect(memoryAfter.rss).toBeLessThan(memoryBefore.rss + RSS_MARGIN_KB);
  expect(memoryAfter.heapMb).toBeLessThan(memoryBefore.heapMb + HEAP_MARGIN_MB);
});
