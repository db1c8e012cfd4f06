import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fileDb } from '@/lib/test/file-db';
import { tempDir } from '@/lib/test/temp-dir';
import { pruneBackups, takeBackup } from './backup';
import { BackupFailure, describeFailure } from './failure';
import { backupName, listBackups, parseBackupName } from './names';
import { lastBackup, lastBackupFailure } from './status';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

function note(database: ReturnType<typeof fileDb>['database'], text: string) {
  database.run(
    sql`insert into audit_log (actor_label, action, entity_type, summary) values ('test', 'notitie', 'test', ${text})`,
  );
}

function notesIn(file: string): string[] {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      copy.prepare("select summary from audit_log where action = 'notitie'").all() as {
        summary: string;
      }[]
    ).map((r) => r.summary);
  } finally {
    copy.close();
  }
}

describe('names', () => {
  it('names a backup after its UTC start, sortable, and reads the time back', () => {
    const at = new Date('2026-11-29T15:30:00.750Z');
    expect(backupName(at)).toBe('kopij-20261129T153000Z.db');
    expect(backupName(at, 2)).toBe('kopij-20261129T153000Z-2.db');
    expect(parseBackupName('kopij-20261129T153000Z-2.db')).toEqual({
      at: new Date('2026-11-29T15:30:00Z'),
      n: 2,
    });
    for (const other of ['kopij.db', 'kopij-handmatig.db', '.kopij-20261129T153000Z.db.deel'])
      expect(parseBackupName(other)).toBeUndefined();
  });
});

describe('takeBackup', () => {
  it('writes a verified copy, 0600 in a 0700 folder, that holds what was written before it', async () => {
    const dir = tempDir('kopij-backup');
    const { file, database } = fileDb(dir);
    note(database, 'voor de back-up');
    const backups = path.join(dir, 'backups');
    const result = await takeBackup(database.$client.name, { dir: backups, keep: 5, dataDir: dir });

    expect(path.basename(result.file)).toMatch(/^kopij-\d{8}T\d{6}Z\.db$/);
    expect(result.bytes).toBe(fs.statSync(result.file).size);
    expect(modeOf(backups)).toBe(0o700);
    expect(modeOf(result.file)).toBe(0o600);
    // Only the finished backup: no partial file, no journal, no WAL beside it.
    expect(fs.readdirSync(backups)).toEqual([path.basename(result.file)]);
    const copy = new Database(result.file, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(notesIn(result.file)).toEqual(['voor de back-up']);
    expect(file).not.toBe(result.file);
    expect(lastBackup(backups)).toMatchObject({ file: result.file, ok: true });
  });

  it('holds back no write: the app keeps writing on its connection while the copy runs in a thread', async () => {
    const dir = tempDir('kopij-backup');
    const { file, database } = fileDb(dir);
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        note(database, `schrijven ${++written}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = written;
    const result = await takeBackup(file, {
      dir: path.join(dir, 'backups'),
      keep: 5,
      dataDir: dir,
    });
    const during = written - before;
    writing = false;
    await writer;
    expect(result.offThread).toBe(true);
    // The event loop went on and every write went through while the copy was made.
    expect(during).toBeGreaterThan(10);
    const notes = new Set(notesIn(result.file));
    for (let n = 1; n <= before; n++) expect(notes.has(`schrijven ${n}`)).toBe(true);
  });

  it('copies in line, with the same result, where a worker thread cannot load better-sqlite3', async () => {
    const dir = tempDir('kopij-backup');
    const { file, database } = fileDb(dir, { seeded: false });
    note(database, 'een');
    const cwd = process.cwd();
    // A worker's require resolves from the working directory: here one without node_modules.
    process.chdir(dir);
    try {
      const result = await takeBackup(file, {
        dir: path.join(dir, 'backups'),
        keep: 5,
        dataDir: dir,
      });
      expect(result.offThread).toBe(false);
      expect(notesIn(result.file)).toEqual(['een']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('npm run backup prints where the backup is and how big, in Dutch', () => {
    const dir = tempDir('kopij-backup');
    const { database } = fileDb(dir);
    database.$client.close();
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
        env: { ...process.env, DATA_DIR: dir, BACKUP_KEEP: '1' },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.stderr).toBe('');
    const [made] = listBackups(path.join(dir, 'backups'));
    expect(first.stdout).toMatch(
      new RegExp(`^Back-up gemaakt: ${made!.file} \\(\\d+ kB, gecontroleerd, [\\d.]+ ms\\)\\n$`),
    );
    // Keeping one: the second replaces the first and says so.
    expect(run().stdout).toContain('Oudere back-ups verwijderd (de nieuwste 1 blijven): 1');
    fs.rmSync(path.join(dir, 'kopij.db'));
    const none = run();
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      `Er is geen database om te back-uppen: ${path.join(dir, 'kopij.db')} bestaat niet.\n`,
    );
  }, 30_000);

  it('keeps the newest backups and removes only older files of its own name shape', async () => {
    const dir = tempDir('kopij-backup');
    const { database } = fileDb(dir, { seeded: false });
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const old = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((day) =>
      path.join(backups, backupName(new Date(`${day}T02:30:00Z`))),
    );
    for (const f of old) fs.writeFileSync(f, 'oud');
    const mine = ['notities.txt', 'kopij-handmatig.db', 'kopij.db'].map((n) =>
      path.join(backups, n),
    );
    for (const f of mine) fs.writeFileSync(f, 'van de beheerder');
    // A partial file a crashed backup left two hours ago goes; one being written now stays.
    const crashed = path.join(backups, '.kopij-20260101T023000Z.db.deel');
    const current = path.join(backups, '.kopij-20260401T023000Z.db.deel');
    for (const f of [crashed, current]) fs.writeFileSync(f, '');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(crashed, twoHoursAgo, twoHoursAgo);

    const result = await takeBackup(database.$client.name, { dir: backups, keep: 3, dataDir: dir });
    expect(result.removed.sort()).toEqual([old[0], old[1]]);
    expect(listBackups(backups).map((b) => b.file)).toEqual([result.file, old[3], old[2]]);
    for (const f of [...mine, current]) expect(fs.existsSync(f)).toBe(true);
    expect(fs.existsSync(crashed)).toBe(false);
    expect(pruneBackups(backups, 1)).toEqual([old[3], old[2]]);
  });

  it('gives backups in the same second their own names, in order, also when keeping one', async () => {
    const dir = tempDir('kopij-backup');
    const { database } = fileDb(dir, { seeded: false });
    const options = {
      dir: path.join(dir, 'backups'),
      keep: 5,
      dataDir: dir,
      now: () => new Date('2026-11-29T15:30:00Z'),
    };
    const first = await takeBackup(database.$client.name, options);
    const second = await takeBackup(database.$client.name, options);
    expect(path.basename(first.file)).toBe('kopij-20261129T153000Z.db');
    expect(path.basename(second.file)).toBe('kopij-20261129T153000Z-2.db');
    expect(lastBackup(options.dir)?.file).toBe(second.file);
    // Keeping one: each new backup replaces the last, and its name still sorts after it.
    const third = await takeBackup(database.$client.name, { ...options, keep: 1 });
    const fourth = await takeBackup(database.$client.name, { ...options, keep: 1 });
    expect(path.basename(fourth.file)).toBe('kopij-20261129T153000Z-4.db');
    expect(third.removed).toEqual([second.file, first.file]);
    expect(fs.readdirSync(options.dir)).toEqual([path.basename(fourth.file)]);
  });
});

describe('a failing backup', () => {
  it('names an unwritable folder, leaves nothing behind and is reported as the last outcome', async () => {
    const dir = tempDir('kopij-backup');
    const { database } = fileDb(dir, { seeded: false });
    const blocker = path.join(dir, 'een-bestand');
    fs.writeFileSync(blocker, '');
    const backups = path.join(blocker, 'backups');
    const failure = await takeBackup(database.$client.name, {
      dir: backups,
      keep: 3,
      dataDir: dir,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BackupFailure);
    expect((failure as Error).message).toBe(`de map ${backups} is niet schrijfbaar (ENOTDIR)`);
    expect(lastBackup(backups)).toBeUndefined();
    expect(lastBackupFailure(backups)?.reason).toMatch(/niet schrijfbaar/);
  });

  it('says the disk is full when it is (a 256 kB tmpfs), and removes the partial copy', async () => {
    const dir = tempDir('kopij-backup');
    const { database } = fileDb(dir);
    const disk = path.join(dir, 'kleine-schijf');
    fs.mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
    // Root can mount (this machine, the CI container); the check below says so if it could not.
    expect(mounted.status, `mount tmpfs: ${mounted.stderr}`).toBe(0);
    try {
      // A good backup first, so the failure is reported against it.
      fs.writeFileSync(path.join(disk, backupName(new Date(Date.now() - 60_000))), 'klein');
      const pages = database.$client.pragma('page_count', { simple: true }) as number;
      const pageSize = database.$client.pragma('page_size', { simple: true }) as number;
      expect(pages * pageSize).toBeGreaterThan(256 * 1024);
      const failure = await takeBackup(database.$client.name, {
        dir: disk,
        keep: 3,
        dataDir: dir,
      }).then(
        () => undefined,
        (error: unknown) => error as BackupFailure,
      );
      expect(failure?.message).toMatch(
        new RegExp(`^de schijf van ${disk} is vol \\(SQLITE_FULL\\)$`),
      );
      expect(fs.readdirSync(disk).filter((n) => n.endsWith('.deel'))).toEqual([]);
      expect(lastBackup(disk)).toMatchObject({ ok: false, failure: { reason: failure!.message } });
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('explains the causes an admin can act on', () => {
    const error = (code: string) => Object.assign(new Error('x'), { code });
    expect(describeFailure(error('ENOSPC'), '/b').message).toBe('de schijf van /b is vol (ENOSPC)');
    expect(describeFailure(error('EACCES'), '/b').message).toBe(
      'de map /b is niet schrijfbaar (EACCES)',
    );
    expect(describeFailure(error('SQLITE_IOERR_WRITE'), '/b').message).toBe(
      'schrijffout op de schijf van /b (SQLITE_IOERR_WRITE)',
    );
  });
});
