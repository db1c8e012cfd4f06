// archive-page: an archive issue page under 50 concurrent connections on the web server
// (scripts/serve.ts), against the same HTML served by the same server as a file from public/
// (the baseline). Plus archive-first-load-js: the JavaScript an archive page loads, against
// Next's own 404 page.
//
// The load client runs on the same two cores as the server, so both figures are lower than on
// a machine with a separate client; the ratio is what compares.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { desc, eq } from 'drizzle-orm';
import { issues, newsletters } from '@/db/schema';
import { report, round, seededDatabase } from './support';

const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, 'node_modules/.bin/next');
const port = 3292;
const base = `http://127.0.0.1:${port}`;
const CONNECTIONS = 50;
const SECONDS = 5;
const publicDir = path.join(root, 'public');
const staticName = '__bench-archive-page.html';
const staticFile = path.join(publicDir, staticName);
const madePublicDir = !fs.existsSync(publicDir);

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  spawnSync(next, ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

const db = seededDatabase();
let server: ChildProcess | undefined;

// The copy in public/ must never outlive the bench, whatever ends it.
function cleanUp() {
  server?.kill('SIGTERM');
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
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts')], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: db.dir,
      DATABASE_URL: db.file,
      AUTH_SECRET: 'b'.repeat(40),
      SEND_WORKER: 'apart',
    },
  });
  // Held at once, so a start that times out is still stopped by cleanUp().
  server = child;
  const started = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 30_000)
      throw new Error('geen 200 van /api/health binnen 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop() {
  const child = server!;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  server = undefined;
}

async function text(url: string) {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} antwoordde ${response.status}`);
  return response.text();
}

/**
 * 50 connections, each sending GET → reading the whole answer → next, for `seconds`. A raw
 * socket client (Content-Length framing, keep-alive) costs far less CPU than node:http, so on
 * two shared cores more of the machine goes to the server being measured.
 */
async function load(url: string, seconds: number, bytes: number) {
  const { hostname, port: p, pathname } = new URL(url);
  const request = Buffer.from(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${p}\r\nConnection: keep-alive\r\n\r\n`,
  );
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(Number(p), hostname);
      socket.setNoDelay(true);
      let buffer: Buffer = Buffer.alloc(0);
      let began = 0;
      const send = () => {
        if (performance.now() >= until) return socket.end(resolve);
        began = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buffer.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
        if (!Number.isFinite(length)) {
          errors += 1;
          return socket.destroy();
        }
        if (buffer.length < headEnd + 4 + length) return;
        if (!head.startsWith('HTTP/1.1 200') || length !== bytes) errors += 1;
        latencies.push(performance.now() - began);
        buffer = buffer.subarray(headEnd + 4 + length);
        send();
      });
      socket.on('error', () => {
        errors += 1;
        resolve();
      });
      socket.on('close', () => resolve());
    });
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

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
  await load(pageUrl, 1, bytes);
  await load(staticUrl, 1, bytes);

  // Alternated, each twice, the better run of each counts: noise on a shared machine only slows.
  const runs = {
    page: [] as Awaited<ReturnType<typeof load>>[],
    file: [] as Awaited<ReturnType<typeof load>>[],
  };
  for (let i = 0; i < 2; i++) {
    runs.file.push(await load(staticUrl, SECONDS, bytes));
    runs.page.push(await load(pageUrl, SECONDS, bytes));
  }
  const best = (list: Awaited<ReturnType<typeof load>>[]) =>
    list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const page = best(runs.page);
  const file = best(runs.file);
  report({
    name: 'archive-page',
    value: round(page.rps, 0),
    unit: 'req/s',
    p50: round(page.p50, 1),
    p99: round(page.p99, 1),
    baseline: round(file.rps, 0),
    baselineP99: round(file.p99, 1),
    ratio: round(page.rps / file.rps),
    connections: CONNECTIONS,
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
  cleanUp();
  if (server)
    await new Promise((r) => (server!.exitCode === null ? server!.once('exit', r) : r(null)));
  db.dispose();
}
