// click-redirect: a counted link (/k/<issue>/<position>.<signature>, lib/clicks) under 50
// concurrent connections on the web server (scripts/serve.ts, as `npm start` runs it), against
// the same server's /api/health in the same run (the baseline). Goals (issue 20): ratio at least
// 0.5 and p99 under 20 ms. After the runs the server is stopped with SIGTERM and the clicks it
// wrote on its way out are compared with the redirects it answered: counting happens in memory
// and is written every few seconds and at exit, never once per click on the request path.
//
// The load client runs on the same two cores as the server, so both figures are lower than on
// a machine with a separate client; the ratio is what compares.
import { eq, sql } from 'drizzle-orm';
import { issueLinks, issues, linkClicks } from '@/db/schema';
import { clickKey, linkSignature } from '@/lib/clicks/signature';
import { bestRun, ensureBuild, load, startServer, type BenchServer, type LoadRun } from './http';
import { report, round, seededDatabase } from './support';

const SECONDS = 5;
const SECRET = 'b'.repeat(40);
const TARGET = 'https://www.example.org/agenda?jaar=2026';
// A browser's agent: without one every request would count as a scanner's (lib/clicks/classify.ts).
const AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

ensureBuild();
const db = seededDatabase();
let server: BenchServer | undefined;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.child.kill('SIGTERM');
    db.dispose();
    process.exit(1);
  });
}

const redirectsTo = (head: string) =>
  head.startsWith('HTTP/1.1 302') &&
  head.toLowerCase().includes(`\r\nlocation: ${TARGET}`.toLowerCase());
const healthy = (head: string) => head.startsWith('HTTP/1.1 200');

try {
  // A sent issue with one counted link, signed as the server will check it.
  const issue = db.database.select().from(issues).where(eq(issues.status, 'sent')).get()!;
  const position = 1;
  db.database.insert(issueLinks).values({ issueId: issue.id, position, url: TARGET }).run();
  const signature = linkSignature(clickKey(SECRET), issue.id, position, TARGET);
  server = startServer({
    port: 3293,
    dataDir: db.dir,
    databaseFile: db.file,
    env: { AUTH_SECRET: SECRET, SEND_WORKER: 'apart' },
  });
  await server.ready;
  const clickUrl = `${server.base}/k/${issue.id}/${position}.${signature}`;
  const healthUrl = `${server.base}/api/health`;
  const first = await fetch(clickUrl, { redirect: 'manual', headers: { 'user-agent': AGENT } });
  if (first.status !== 302 || first.headers.get('location') !== TARGET)
    throw new Error(`/k/ antwoordde ${first.status} naar ${first.headers.get('location')}`);
  const clicks = (seconds: number) =>
    load(clickUrl, { seconds, userAgent: AGENT, ok: redirectsTo });
  const health = (seconds: number) => load(healthUrl, { seconds, userAgent: AGENT, ok: healthy });
  const runs = { click: [] as LoadRun[], health: [] as LoadRun[] };
  let redirects = 1;
  redirects += (await clicks(1)).n;
  await health(1);
  // Alternated, each twice, the better run of each counts.
  for (let i = 0; i < 2; i++) {
    runs.health.push(await health(SECONDS));
    runs.click.push(await clicks(SECONDS));
  }
  redirects += runs.click.reduce((n, r) => n + r.n, 0);
  await server.stop();
  const counted = db.database
    .select({
      clicks: sql<number>`coalesce(sum(${linkClicks.clicks}), 0)`,
      automated: sql<number>`coalesce(sum(${linkClicks.automated}), 0)`,
    })
    .from(linkClicks)
    .get()!;
  const click = bestRun(runs.click);
  const baseline = bestRun(runs.health);
  report({
    name: 'click-redirect',
    value: round(click.rps, 0),
    unit: 'req/s',
    p50: round(click.p50, 1),
    p99: round(click.p99, 1),
    baseline: round(baseline.rps, 0),
    baselineP99: round(baseline.p99, 1),
    ratio: round(click.rps / baseline.rps),
    connections: 50,
    seconds: SECONDS,
    errors: runs.click.concat(runs.health).reduce((n, r) => n + r.errors, 0),
    // Every redirect counted once (as a click: one browser agent, one link, so no burst).
    redirects,
    counted: counted.clicks,
    countedAutomated: counted.automated,
    goalRatio: 0.5,
    goalP99: 20,
  });
} finally {
  await server?.stop();
  db.dispose();
}
