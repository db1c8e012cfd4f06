// stats-page: milliseconds to compute one issue's results page (lib/stats/issue-results.ts and
// its figures) when the issue went to 100,000 readers over many theme combinations and all five
// audience groups, with 30 counted links clicked over two days, bounces and consent events; the
// two issues before it went to the same readers, so the comparison has real work too. Goal: 50.
import { audiences } from '@/lib/enums';
import { issueResults } from '@/lib/stats/issue-results';
import { issueResultFigures } from '@/lib/stats/issue-results-charts';
import { median, report, round, seededDatabase } from './support';

const READERS = 100_000;
const LINKS = 30;
const ISSUE = 3;
const EARLIER = [1, 2];
const RUNS = 30;

const db = seededDatabase();
const client = db.database.$client;
const started = Date.UTC(2026, 10, 16, 7);
// Every two weeks, as the demo newsletter goes out: each issue's bounces came in after its own send.
const startOf = (issueId: number) => started - (ISSUE - issueId) * 14 * 86_400_000;

/** Deterministic spread: reader n's themes (a non-empty subset of 1..5) and status. */
const variantOf = (n: number) => {
  const mask = (n * 2654435761) % 31 || 1;
  return [1, 2, 3, 4, 5].filter((t) => mask & (1 << (t - 1))).join(',');
};
const statusOf = (n: number) => (n % 97 === 0 ? 'failed' : n % 211 === 0 ? 'skipped' : 'sent');

client.transaction(() => {
  client.prepare('DELETE FROM subscribers').run();
  const subscriber = client.prepare(
    'INSERT INTO subscribers (id, email, audience) VALUES (?, ?, ?)',
  );
  for (let n = 1; n <= READERS; n++)
    subscriber.run(n, `lezer${n}@example.test`, audiences[n % audiences.length]);
  const delivery = client.prepare(
    `INSERT INTO deliveries (issue_id, subscriber_id, variant, audience, status, attempts, message_id, sent_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  for (const issueId of [...EARLIER, ISSUE]) {
    // As wide as a sent copy's row: its Message-ID (a 32-digit MAC) and times.
    for (let n = 1; n <= READERS; n++)
      delivery.run(
        issueId,
        n,
        variantOf(n + issueId),
        audiences[n % audiences.length],
        statusOf(n + issueId),
        `<${(n * 7919 + issueId).toString(16).padStart(32, '0')}@vsg.example>`,
        startOf(issueId),
      );
    client
      .prepare('UPDATE issues SET send_started_at = ?, sent_at = ? WHERE id = ?')
      .run(startOf(issueId), startOf(issueId) + 3_600_000, issueId);
  }

  const link = client.prepare(
    'INSERT INTO issue_links (issue_id, position, url, item_id, theme_id, label) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const items = client
    .prepare('SELECT item_id AS itemId, theme_id AS themeId FROM sent_items WHERE issue_id = ?')
    .all(ISSUE) as { itemId: number; themeId: number }[];
  const click = client.prepare(
    'INSERT INTO link_clicks (link_id, hour, clicks, automated) VALUES (?, ?, ?, ?)',
  );
  for (const issueId of [...EARLIER, ISSUE])
    for (let p = 1; p <= LINKS; p++) {
      const item = p <= items.length * 3 ? items[(p - 1) % items.length] : undefined;
      const { id } = link.get(
        issueId,
        p,
        `https://example.org/${issueId}/${p}`,
        item?.itemId ?? null,
        item?.themeId ?? null,
        `Link ${p}`,
      ) as { id: number };
      const firstHour = Math.floor(startOf(issueId) / 3_600_000);
      for (let h = 0; h < 48; h++) click.run(id, firstHour + h, (p * 7 + h) % 40, h < 2 ? 3 : 0);
    }

  // 2 % bounced (mostly soft), a few complaints; they name their copy and reader, as resolved.
  const bounce = client.prepare(
    'INSERT INTO bounce_events (dedupe_key, source, kind, delivery_id, subscriber_id, received_at) SELECT ?, ?, ?, id, subscriber_id, ? FROM deliveries WHERE issue_id = ? AND subscriber_id = ?',
  );
  const kinds = ['soft', 'soft', 'hard', 'complaint', 'unsubscribe'];
  for (const issueId of [...EARLIER, ISSUE])
    for (let n = 1, i = 0; n <= READERS; n += 50, i++)
      bounce.run(
        `b${issueId}-${n}`,
        'smtp',
        kinds[i % 5],
        startOf(issueId) + 7_200_000,
        issueId,
        n,
      );
  const consent = client.prepare(
    "INSERT INTO consent_events (subscriber_id, newsletter_id, kind, source, issue_id) VALUES (?, 1, ?, 'afmeldpagina', ?)",
  );
  for (const issueId of [...EARLIER, ISSUE])
    for (let n = 7; n <= READERS; n += 200)
      consent.run(n, n % 3 ? 'unsubscribed' : 'preferences_changed', issueId);
})();
// As a running app's database would be: statistics gathered, the log written back.
client.pragma('optimize');
client.pragma('wal_checkpoint(TRUNCATE)');

const compute = () => issueResultFigures(issueResults(db.database, ISSUE)!);
for (let i = 0; i < 5; i++) compute();
const times: number[] = [];
let figures = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  figures = compute().length;
  times.push(performance.now() - t0);
}
const check = issueResults(db.database, ISSUE)!;
if (check.delivery.recipients !== READERS || check.links.length !== LINKS)
  throw new Error('de testdatabase is niet wat de meting verwacht');
db.dispose();
report({
  name: 'stats-page',
  value: round(median(times)),
  unit: 'ms',
  runs: RUNS,
  deliveries: READERS,
  links: LINKS,
  figures,
  p95: round([...times].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)]!),
  goal: 50,
});
