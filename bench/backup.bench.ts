// backup: milliseconds for `npm run backup` (VACUUM INTO, integrity_check, fsync, rename) of a
// realistic database, 10,000 readers and a sent issue; backup-year: of a year of fortnightly
// issues to them (25). backup-stall: the longest the app's event loop (web requests, the
// sender) waits while the daily backup runs inside the app, with a write on the app's connection
// every millisecond: in a worker thread (ours) against the same in line (baseline).
// See lib/backup/copy.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { takeBackup } from '@/lib/backup/backup';
import { sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import { median, report, round } from './support';

const READERS = 10_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-bench-backup-'));
const file = path.join(dir, 'kopij.db');
const database = openDatabase(file);
migrateDatabase(database);
const fixture = sendFixture(database, READERS);
startFixtureSend(database, fixture.issueId);
// As the sender leaves it: every copy sent, with its Message-ID.
database.run(
  sql`update deliveries set status = 'sent', attempts = 1, sent_at = ${Date.now()}, message_id = '<' || id || '.kopij@example.test>'`,
);
database.run(
  sql`update issues set status = 'sent', sent_at = ${Date.now()} where id = ${fixture.issueId}`,
);

/** Earlier issues of the year, each sent to every reader. */
function addSentIssues(count: number) {
  database.transaction((tx) => {
    for (let k = 1; k <= count; k++) {
      const { id } = tx.get<{ id: number }>(
        sql`insert into issues (newsletter_id, number, slug, subject, status, sent_at) values (${fixture.newsletterId}, ${100 + k}, ${`oud-${k}`}, ${`Nummer ${k}`}, 'sent', ${Date.now()}) returning id`,
      );
      tx.run(
        sql`insert into deliveries (issue_id, subscriber_id, status, variant, attempts, message_id, sent_at) select ${id}, subscriber_id, 'sent', variant, 1, '<' || ${id} || '.' || subscriber_id || '.kopij@example.test>', sent_at from deliveries where issue_id = ${fixture.issueId}`,
      );
    }
  });
}

/** npm run backup's way: in line, in a process of its own. */
async function timeBackups(name: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const result = await takeBackup(file, {
      dir: path.join(dir, 'backups'),
      keep: 1,
      dataDir: dir,
      inLine: true,
    });
    times.push(result.ms);
    bytes = result.bytes;
  }
  report({ name, value: round(median(times), 1), unit: 'ms', megabytes: round(bytes / 1e6, 1) });
}

/** The longest gap between writes on the app's connection (one every ms) while `run` runs. */
async function longestGap(db: Db, run: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      db.run(
        sql`insert into audit_log (actor_label, action, entity_type, summary) values ('bench', 'schrijven', 'bench', 'x')`,
      );
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 50));
  longest = 0;
  await run();
  // One more write after it, so a stall at the end (a synchronous call) is measured too.
  const after = last;
  while (last === after) await new Promise((resolve) => setTimeout(resolve, 1));
  writing = false;
  await writer;
  return longest;
}

await timeBackups('backup');
addSentIssues(24);
await timeBackups('backup-year');

const stalls = { thread: [] as number[], inLine: [] as number[] };
const options = { dir: path.join(dir, 'backups'), keep: 1, dataDir: dir };
for (let run = 0; run < 3; run++) {
  stalls.thread.push(await longestGap(database, () => takeBackup(file, options)));
  stalls.inLine.push(
    await longestGap(database, () => takeBackup(file, { ...options, inLine: true })),
  );
}
const ours = median(stalls.thread);
const baseline = median(stalls.inLine);
report({
  name: 'backup-stall',
  value: round(ours, 1),
  unit: 'ms',
  baseline: round(baseline, 1),
  ratio: round(baseline / ours, 1),
  megabytes: round(fs.statSync(file).size / 1e6, 1),
});

database.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
