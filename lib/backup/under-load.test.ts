import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { addComment } from '@/lib/issue/comments';
import { createIssue } from '@/lib/issue/create';
import { loadIssueDocument } from '@/lib/issue/load';
import { saveIssueDocument } from '@/lib/issue/save';
import { fileDb } from '@/lib/test/file-db';
import { sendFixture, startFixtureSend, waitFor, waitForStatus } from '@/lib/test/send-fixture';
import { sendHarness } from '@/lib/test/send-harness';
import { tempDir } from '@/lib/test/temp-dir';
import { takeBackup } from './backup';
import { restoreBackup } from './restore';

// The issue's demand: while a 5,000-copy send runs and editors save, take three backups; each
// passes integrity_check, restores, and holds every write committed before the backup began.

const harness = sendHarness();
const COPIES = 5000;

/**
 * An editor at work on the next issue, through the functions the save and remark actions use,
 * each write its own transaction with a sequence number: odd numbers are remarks ("volgnummer
 * n"), even numbers saves of the whole document with the subject "Bewerking n".
 */
function startEditor(database: Db, newsletterId: number) {
  const editor = database.select().from(users).where(eq(users.role, 'redacteur')).get()!;
  const draft = database.transaction((tx) => createIssue(tx, newsletterId, editor.id));
  const state = { committed: 0, running: true };
  const write = (seq: number) =>
    database.transaction((tx) => {
      const loaded = loadIssueDocument(tx, draft.id)!;
      if (seq % 2) {
        const problem = addComment(
          tx,
          { issueId: draft.id, blockId: undefined, body: `volgnummer ${seq}` },
          { id: editor.id, label: editor.name ?? editor.email },
          loaded.document,
          () => undefined,
        );
        if (problem) throw new Error(problem);
        return;
      }
      const result = saveIssueDocument(tx, {
        issueId: draft.id,
        version: loaded.issue.version,
        document: { ...loaded.document, subject: `Bewerking ${seq}` },
        editorId: editor.id,
      });
      if (result.status !== 'ok') throw new Error(`opslaan: ${result.status}`);
    });
  const done = (async () => {
    for (let seq = 1; state.running; seq++) {
      write(seq);
      state.committed = seq;
      // Give the sender the event loop between two saves, as requests from a browser would.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return { draftId: draft.id, state, stop: () => ((state.running = false), done) };
}

/** `npm run backup` on the data folder; resolves with the backup it names. */
function runBackupScript(dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const made = /^Back-up gemaakt: (\S+) \(/.exec(out);
      if (code === 0 && made) resolve(made[1]!);
      else reject(new Error(`npm run backup (code ${code}): ${out}`));
    }),
  );
}

const sentCount = (database: Db) =>
  database.get<{ n: number }>(sql`select count(*) as n from deliveries where status = 'sent'`).n;

type Taken = { file: string; committedBefore: number; sentBefore: number; via: string };

/** What a restored database holds of the editor's work and the send. */
function inspect(file: string, draftId: number, sendingId: number) {
  const restored = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = restored.pragma('integrity_check', { simple: true });
    const remarks = new Set(
      (
        restored.prepare('select body from issue_comments where issue_id = ?').all(draftId) as {
          body: string;
        }[]
      ).map((r) => Number(r.body.replace('volgnummer ', ''))),
    );
    const issue = restored
      .prepare('select subject, version from issues where id = ?')
      .get(draftId) as { subject: string; version: number };
    const deliveries = restored
      .prepare(
        "select count(*) as total, sum(status = 'sent') as sent from deliveries where issue_id = ?",
      )
      .get(sendingId) as { total: number; sent: number };
    return { integrity, remarks, issue, deliveries };
  } finally {
    restored.close();
  }
}

describe('backups during a send', () => {
  it('three backups while 5,000 copies go out and an editor saves: each sound, restorable and complete up to its start', async () => {
    const dir = tempDir('kopij-backup-load');
    const { file, database } = fileDb(dir, { seeded: false });
    const fixture = sendFixture(database, COPIES);
    const server = await harness.smtp();
    const editor = startEditor(database, fixture.newsletterId);
    startFixtureSend(database, fixture.issueId);
    // Throttled as SEND_RATE does, so the send lasts long enough for three backups in it.
    harness.run(database, server.url, { rate: 500 });
    const backupDir = path.join(dir, 'backups');
    const taken: Taken[] = [];
    const mark = () => ({
      committedBefore: editor.state.committed,
      sentBefore: sentCount(database),
    });

    // The first through `npm run backup` itself, a process of its own as an admin starts it.
    await waitFor(() => sentCount(database) >= 500, '500 verzonden', 60_000);
    const cliMark = mark();
    const cli = runBackupScript(dir);
    // The others the app's way, in a worker thread, while the first may still be running.
    for (const threshold of [2000, 3500]) {
      await waitFor(() => sentCount(database) >= threshold, `${threshold} verzonden`, 60_000);
      const before = mark();
      const result = await takeBackup(file, { dir: backupDir, keep: 10, dataDir: dir });
      expect(result.offThread).toBe(true);
      taken.push({ file: result.file, ...before, via: 'een thread van de app' });
    }
    taken.unshift({ file: await cli, ...cliMark, via: 'npm run backup' });
    await waitForStatus(database, fixture.issueId, 'sent', 60_000);
    await editor.stop();
    expect(server.messages).toHaveLength(COPIES);

    for (const [index, backup] of taken.entries()) {
      const target = path.join(tempDir('kopij-backup-load-herstel'), 'data');
      const restored = restoreBackup({
        file: backup.file,
        databaseFile: path.join(target, 'kopij.db'),
        dataDir: target,
      });
      const found = inspect(restored.databaseFile, editor.draftId, fixture.issueId);
      const label = `back-up ${index + 1} (via ${backup.via})`;
      expect(found.integrity, label).toBe('ok');
      expect(backup.committedBefore, `${label}: de redacteur schreef al`).toBeGreaterThan(0);
      // Every remark and save committed before the backup began is in it.
      for (let seq = 1; seq <= backup.committedBefore; seq += 2)
        expect(found.remarks.has(seq), `${label}: opmerking ${seq}`).toBe(true);
      const lastSave = Number(found.issue.subject.replace('Bewerking ', '') || 0);
      expect(lastSave, label).toBeGreaterThanOrEqual(backup.committedBefore - 1);
      // And consistent: the version counts exactly the saves up to the last one it holds.
      expect(found.issue.version, label).toBe(lastSave / 2 + 1);
      for (let seq = 1; seq < lastSave; seq += 2) expect(found.remarks.has(seq), label).toBe(true);
      // The send as far as it had come: at least what was written before, not yet all of it.
      expect(found.deliveries.total, label).toBe(COPIES);
      expect(found.deliveries.sent, label).toBeGreaterThanOrEqual(backup.sentBefore);
      expect(found.deliveries.sent, label).toBeLessThan(COPIES);
    }
  }, 180_000);
});
