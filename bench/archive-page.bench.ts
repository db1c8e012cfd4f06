// archive-page: an archive issue page under 50 concurrent connections on the web server
// (scripts/serve.ts), against the same HTML served by the same server as a file from public/
// (the baseline). Plus archive-first-load-js: the JavaScript an archive page loads, against
// Next's own 404 page.
//
// The load client runs on the same two cores as the server, so both figures are lower than on
// a machine with a separate client; the ratio is what compares.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { desc, eq } from 'drizzle-orm';
import { issues, newsletters } from '@/db/schema';
import { bestRun, ensureBuild, load, startServer, type BenchServer, type LoadRun } from './http';
import { report, round, seededDatabase } from './support';

const root = path.resolve(import.meta.dirname, '..');
const port = 3292;
const base = `http://127.0.0.1:${port}`;
const SECONDS = 5;
const publicDir = path.join(root, 'public');
const staticName = '__bench-archive-page.html';
const staticFile = path.join(publicDir, staticName);
const madePublicDir = !fs.existsSync(publicDir);
// A browser's agent, so the page views are counted as a reader's would be (lib/archive/reach).
const AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

ensureBuild();
const db = seededDatabase();
let server: BenchServer | undefined;

// The copy in public/ must never outlive the bench, whatever ends it.
function cleanUp() {
  server?.child.kill('SIGTERM');
  fs.rmSync(staticFile, { force: true });
  if (madePublicDir) fs.rmSync(publicDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    db.dispose();
    process.exit(1);
  });
}

async function start() {
  server = startServer({
    port,
    dataDir: db.dir,
    databaseFile: db.file,
    env: { SEND_WORKER: 'apart' },
  });
  await server.ready;
}

async function stop() {
  await server?.stop();
  server = undefined;
}

async function text(url: string) {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} antwoordde ${response.status}`);
  return response.text();
}

const loadPage = (url: string, seconds: number, bytes: number) =>
  load(url, {
    seconds,
    userAgent: AGENT,
    ok: (head, size) => head.startsWith('HTTP/1.1 200') && size === bytes,
  });

async function scriptKb(pagePath: string, status = 200) {
  const response = await fetch(`${base}${pagePath}`);
  if (response.status !== status)
    throw new Error(`${pagePath} antwoordde ${response.status}, verwacht ${status}`);
  const scripts = [
    ...(await response.text()).matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+)"/g),
  ].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { kb: round(gzip / 1024, 1), raw: round(raw / 1024, 1), scripts };
}

try {
  const newest = db.database
    .select({ newsletter: newsletters.slug, slug: issues.slug })
    .from(issues)
    .innerJoin(newsletters, eq(newsletters.id, issues.newsletterId))
    .where(eq(issues.status, 'sent'))
    .orderBy(desc(issues.sentAt))
    .get()!;
  const pagePath = `/archief/${newest.newsletter}/${newest.slug}`;

  // The server serves only the files public/ held when it started: fetch the page, then restart.
  await start();
  const html = await text(`${base}${pagePath}`);
  await stop();
  fs.mkdirSync(publicDir, { recursive: true });
  fs.writeFileSync(staticFile, html);
  await start();

  const pageUrl = `${base}${pagePath}`;
  const staticUrl = `${base}/${staticName}`;
  const bytes = Buffer.byteLength(html);
  // The first request renders and caches the page; both then get a short warm-up.
  if (Buffer.byteLength(await text(pageUrl)) !== bytes || (await text(staticUrl)) !== html)
    throw new Error('pagina en statisch bestand verschillen');
  await loadPage(pageUrl, 1, bytes);
  await loadPage(staticUrl, 1, bytes);

  // Alternated, each twice, the better run of each counts: noise on a shared machine only slows.
  const runs = { page: [] as LoadRun[], file: [] as LoadRun[] };
  for (let i = 0; i < 2; i++) {
    runs.file.push(await loadPage(staticUrl, SECONDS, bytes));
    runs.page.push(await loadPage(pageUrl, SECONDS, bytes));
  }
  const page = bestRun(runs.page);
  const file = bestRun(runs.file);
  report({
    name: 'archive-page',
    value: round(page.rps, 0),
    unit: 'req/s',
    p50: round(page.p50, 1),
    p99: round(page.p99, 1),
    baseline: round(file.rps, 0),
    baselineP99: round(file.p99, 1),
    ratio: round(page.rps / file.rps),
    connections: 50,
    seconds: SECONDS,
    bytes,
    errors: runs.page.concat(runs.file).reduce((n, r) => n + r.errors, 0),
    goalRatio: 0.25,
    goalP99: 100,
  });

  const list = await scriptKb('/archief');
  const issue = await scriptKb(pagePath);
  const notFound = await scriptKb('/__bestaat-niet', 404);
  const value = Math.max(list.kb, issue.kb);
  report({
    name: 'archive-first-load-js',
    value,
    unit: 'KB gzip',
    baseline: notFound.kb,
    ratio: round(notFound.kb / value),
    pages: {
      '/archief': { kb: list.kb, raw: list.raw, scripts: list.scripts.length },
      issue: { kb: issue.kb, raw: issue.raw, scripts: issue.scripts.length },
      'not-found': { kb: notFound.kb, raw: notFound.raw, scripts: notFound.scripts.length },
    },
    extra: [...new Set([...list.scripts, ...issue.scripts])].filter(
      (s) => !notFound.scripts.includes(s),
    ),
  });
} finally {
  fs.rmSync(staticFile, { force: true });
  if (madePublicDir) fs.rmSync(publicDir, { recursive: true, force: true });
  await stop();
  db.dispose();
}
