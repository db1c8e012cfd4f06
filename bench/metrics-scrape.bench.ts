// metrics-scrape: ms per /api/metrics scrape (the database counts plus the Prometheus text) on a
// database of 10,000 subscribers and 50,000 deliveries: four sent issues and one send running,
// with bounces and consent events. The first scrape counts the sent issues and the append-only
// events once; after that only the running send's deliveries are counted. Also health-ready:
// ms per /api/health/ready check (probe write, disk, sender, mail server) during that send.
import { eq } from 'drizzle-orm';
import { issues, newsletters } from '@/db/schema';
import { collectDatabaseMetrics } from '@/lib/observe/database-metrics';
import { readiness } from '@/lib/observe/health';
import { resetDatabaseProbe } from '@/lib/observe/health-storage';
import { metrics } from '@/lib/observe/metrics';
import { median, report, round, seededDatabase } from './support';

const SUBSCRIBERS = 10_000;
const SENT_ISSUES = 4;
const RUNS = 300;
const WARMUP = 20;

const db = seededDatabase();
const database = db.database;
const sqlite = database.$client;
const newsletterId = database.select().from(newsletters).get()!.id;
const now = Date.now();

sqlite.transaction(() => {
  const subscriber = sqlite.prepare(
    "insert into subscribers (email, name, audience, created_at, updated_at) values (?, ?, 'raadslid', ?, ?)",
  );
  const consent = sqlite.prepare(
    "insert into consent_events (subscriber_id, newsletter_id, kind, source, created_at) values (?, ?, ?, 'formulier', ?)",
  );
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const id = subscriber.run(
      `lezer${i}@gemeente-${i % 342}.example`,
      `Lezer ${i}`,
      now,
      now,
    ).lastInsertRowid;
    consent.run(id, newsletterId, 'subscribe_requested', now);
    consent.run(id, newsletterId, 'confirmed', now);
  }
})();
const subscriberIds = sqlite
  .prepare('select id from subscribers order by id desc limit ?')
  .pluck()
  .all(SUBSCRIBERS) as number[];

const maxNumber = database.select().from(issues).all().length + 100;
const issue = sqlite.prepare(
  "insert into issues (newsletter_id, number, slug, subject, status, send_started_at, sent_at) values (?, ?, ?, 'Bench', ?, ?, ?) returning id",
);
const delivery = sqlite.prepare(
  'insert into deliveries (issue_id, subscriber_id, status, attempts, last_error, sent_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
);
const bounce = sqlite.prepare(
  "insert into bounce_events (dedupe_key, source, kind, delivery_id, subscriber_id) values (?, 'smtp', ?, ?, ?)",
);
let running = 0;
sqlite.transaction(() => {
  for (let n = 0; n <= SENT_ISSUES; n++) {
    const sending = n === SENT_ISSUES;
    const number = maxNumber + n;
    const id = (
      issue.get(
        newsletterId,
        number,
        `${number}-bench`,
        sending ? 'sending' : 'sent',
        now,
        sending ? null : now,
      ) as {
        id: number;
      }
    ).id;
    if (sending) running = id;
    subscriberIds.forEach((subscriberId, i) => {
      // 2% fail (most refused, some given up on), the running send is halfway.
      const status = sending && i >= SUBSCRIBERS / 2 ? 'queued' : i % 50 === 0 ? 'failed' : 'sent';
      const error =
        status === 'failed' ? (i % 150 === 0 ? '451 4.7.1 later' : '550 5.1.1 unknown') : null;
      const row = delivery.run(
        id,
        subscriberId,
        status,
        status === 'queued' ? 0 : i % 150 === 0 ? 8 : 1,
        error,
        status === 'sent' ? now : null,
        now,
      );
      if (i % 100 === 1 && status === 'sent')
        bounce.run(
          `bench-${id}-${i}`,
          i % 300 === 1 ? 'complaint' : 'soft',
          row.lastInsertRowid,
          subscriberId,
        );
    });
  }
})();
sqlite.pragma('optimize');
const deliveriesTotal = sqlite.prepare('select count(*) from deliveries').pluck().get() as number;

const m = metrics();
const options = { maxAttempts: 8, backupDir: db.dir };
const scrape = async () => {
  collectDatabaseMetrics(database, m, options);
  return m.registry.metrics();
};

let started = performance.now();
await scrape();
const first = performance.now() - started;
const times: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  started = performance.now();
  await scrape();
  if (i >= WARMUP) times.push(performance.now() - started);
}
report({
  name: 'metrics-scrape',
  value: round(median(times)),
  unit: 'ms',
  goal: 5,
  first: round(first),
  p95: round([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!),
  subscribers: SUBSCRIBERS,
  deliveries: deliveriesTotal,
});

const config = {
  dataDir: db.dir,
  databaseFile: db.file,
  health: { minFreeBytes: 1024 * 1024, relayMinutes: 5 },
  send: { worker: 'apart' as const },
} as Parameters<typeof readiness>[0];
const ready: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  // Every check writes (the probe's once-a-second pause would otherwise hide the write).
  resetDatabaseProbe();
  started = performance.now();
  // Minutes into the send: the mail server check reads the running send's deliveries.
  readiness(config, () => database, now + 6 * 60_000);
  if (i >= WARMUP) ready.push(performance.now() - started);
}
report({ name: 'health-ready', value: round(median(ready)), unit: 'ms', runningIssue: running });
database.update(issues).set({ status: 'sent' }).where(eq(issues.id, running)).run();
db.dispose();
