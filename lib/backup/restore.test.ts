import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrationsFolder } from '@/db/migrate';
import { fileDb } from '@/lib/test/file-db';
import { tempDir } from '@/lib/test/temp-dir';
import { takeBackup } from './backup';
import { restoreBackup, RestoreRefused } from './restore';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const now = new Date('2026-11-29T15:30:00Z');

function note(database: ReturnType<typeof fileDb>['database'], text: string) {
  database.run(
    sql`insert into audit_log (actor_label, action, entity_type, summary) values ('test', 'notitie', 'test', ${text})`,
  );
}

function notesIn(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (
      db.prepare("select summary from audit_log where action = 'notitie' order by id").all() as {
        summary: string;
      }[]
    ).map((r) => r.summary);
  } finally {
    db.close();
  }
}

/** A live database with one note, and a backup of it; then a second note only the live one has. */
async function liveAndBackup(dir: string) {
  const live = fileDb(dir);
  note(live.database, 'in de back-up');
  const backup = await takeBackup(live.database.$client.name, {
    dir: path.join(dir, 'backups'),
    keep: 5,
    dataDir: dir,
  });
  note(live.database, 'na de back-up');
  return { ...live, backup: backup.file };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RestoreRefused) return error.message;
    throw error;
  }
  throw new Error('het herstel werd niet geweigerd');
}

describe('restoreBackup', () => {
  it('puts the backup in place 0600, keeps the old database aside and drops its stale WAL files', async () => {
    const dir = tempDir('kopij-restore');
    const { file, database, backup } = await liveAndBackup(dir);
    database.$client.close();
    // What a crash leaves: a shared-memory file and a WAL, which belong to the old database.
    fs.writeFileSync(`${file}-shm`, 'oud');
    const result = restoreBackup({ file: backup, databaseFile: file, dataDir: dir, now });
    const aside = `${file}.voor-herstel-20261129T153000Z`;
    expect(result).toEqual({
      databaseFile: file,
      keptAside: aside,
      migrated: 0,
      previousUnreadable: false,
      media: { files: 0, restored: 0, missing: [], differing: [] },
    });
    expect(notesIn(file)).toEqual(['in de back-up']);
    expect(notesIn(aside)).toEqual(['in de back-up', 'na de back-up']);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(aside)).toBe(0o600);
    for (const stale of ['-wal', '-shm', '-journal'])
      expect(fs.existsSync(file + stale)).toBe(false);
    // Nothing else: no copy of the check left in the folder; the admin's backup untouched.
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(notesIn(backup)).toEqual(['in de back-up']);
  });

  it('keeps the last writes of a database a crash left with its WAL in the copy set aside', async () => {
    const dir = tempDir('kopij-restore');
    const live = fileDb(dir);
    live.database.$client.pragma('wal_autocheckpoint = 0');
    note(live.database, 'in de back-up');
    const backup = await takeBackup(live.database.$client.name, {
      dir: path.join(dir, 'backups'),
      keep: 5,
      dataDir: dir,
    });
    note(live.database, 'alleen in de WAL');
    // The files as a killed process leaves them: the last write is only in the WAL.
    const crashed = path.join(dir, 'gecrasht.db');
    for (const suffix of ['', '-wal']) fs.copyFileSync(live.file + suffix, crashed + suffix);
    live.database.$client.close();
    const result = restoreBackup({ file: backup.file, databaseFile: crashed, dataDir: dir, now });
    expect(notesIn(crashed)).toEqual(['in de back-up']);
    expect(notesIn(result.keptAside!)).toEqual(['in de back-up', 'alleen in de WAL']);
  });

  it('restores on a new machine: no database yet, no data folder yet', async () => {
    const dir = tempDir('kopij-restore');
    const { backup } = await liveAndBackup(dir);
    const fresh = path.join(tempDir('kopij-nieuw'), 'data');
    const databaseFile = path.join(fresh, 'kopij.db');
    const result = restoreBackup({ file: backup, databaseFile, dataDir: fresh, now });
    expect(result.keptAside).toBeUndefined();
    expect(notesIn(databaseFile)).toEqual(['in de back-up']);
    expect(modeOf(fresh)).toBe(0o700);
    expect(modeOf(databaseFile)).toBe(0o600);
  });

  it('migrates a backup from an older Kopij after restoring it', async () => {
    const dir = tempDir('kopij-restore');
    // The migrations of two versions ago: the journal without its last two entries.
    const older = path.join(dir, 'oude-migraties');
    fs.cpSync(migrationsFolder, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.slice(0, -2);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const backup = path.join(dir, 'oud.db');
    const old = new Database(backup);
    migrate(drizzle(old), { migrationsFolder: older });
    old.close();

    const databaseFile = path.join(dir, 'kopij.db');
    const result = restoreBackup({ file: backup, databaseFile, dataDir: dir, now });
    expect(result.migrated).toBe(2);
    const restored = new Database(databaseFile);
    const applied = restored.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(readMigrationFiles({ migrationsFolder }).length);
    restored.close();
  });
});

describe('restoreBackup refuses, and changes nothing', () => {
  async function setup() {
    const dir = tempDir('kopij-restore');
    const live = await liveAndBackup(dir);
    live.database.$client.close();
    const before = fs.readFileSync(live.file);
    const unchanged = () => {
      expect(fs.readFileSync(live.file).equals(before)).toBe(true);
      expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'kopij.db']);
    };
    return { dir, ...live, unchanged };
  }

  it('a file that is not SQLite, or not there', async () => {
    const { dir, file, unchanged } = await setup();
    const text = path.join(dir, 'backups', 'notities.txt');
    fs.writeFileSync(text, 'geen database');
    expect(refusal(() => restoreBackup({ file: text, databaseFile: file, dataDir: dir }))).toBe(
      `${text} is geen SQLite-database (en dus geen back-up van Kopij).`,
    );
    const missing = path.join(dir, 'weg.db');
    expect(refusal(() => restoreBackup({ file: missing, databaseFile: file, dataDir: dir }))).toBe(
      `Het bestand ${missing} bestaat niet.`,
    );
    fs.rmSync(text);
    unchanged();
  });

  it('a damaged backup (a table page overwritten)', async () => {
    const { dir, file, backup, unchanged } = await setup();
    const copy = new Database(backup, { readonly: true });
    const { rootpage } = copy
      .prepare("select rootpage from sqlite_schema where name = 'audit_log'")
      .get() as { rootpage: number };
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    copy.close();
    const fd = fs.openSync(backup, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    expect(
      refusal(() => restoreBackup({ file: backup, databaseFile: file, dataDir: dir })),
    ).toMatch(
      /^De back-up kopij-\d{8}T\d{6}Z\.db is beschadigd; SQLite meldt: .+\. Kies een andere back-up\.$/,
    );
    unchanged();
  });

  it('a backup from a newer Kopij, and a SQLite file that is not Kopij', async () => {
    const { dir, file, backup, unchanged } = await setup();
    const newer = new Database(backup);
    newer
      .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
      .run('een-migratie-van-later', Date.now() + 365 * 24 * 3600 * 1000);
    newer.close();
    expect(
      refusal(() => restoreBackup({ file: backup, databaseFile: file, dataDir: dir })),
    ).toMatch(/komt van een nieuwere versie van Kopij \(\d+ migraties, deze versie kent er \d+\)/);
    const other = path.join(dir, 'backups', 'ander.db');
    const foreign = new Database(other);
    foreign.exec('create table x (y)');
    foreign.close();
    expect(refusal(() => restoreBackup({ file: other, databaseFile: file, dataDir: dir }))).toBe(
      'ander.db is een SQLite-database, maar geen database van Kopij (er staan geen migraties in).',
    );
    fs.rmSync(other);
    unchanged();
  });

  it('while the app has the database open', async () => {
    const { dir, file, backup, unchanged } = await setup();
    const app = openDatabase(file);
    app.get(sql`select 1`);
    expect(refusal(() => restoreBackup({ file: backup, databaseFile: file, dataDir: dir }))).toBe(
      'Kopij gebruikt de database nog: de app, `npm run worker` of `npm run inbound` draait. Stop ze alle en probeer het opnieuw; er is niets gewijzigd.',
    );
    app.$client.close();
    unchanged();
  });
});

describe('npm run restore', () => {
  it('refuses while npm run worker runs, and restores once it has stopped', async () => {
    const dir = tempDir('kopij-restore');
    const { database, backup } = await liveAndBackup(dir);
    database.$client.close();
    const env = {
      ...process.env,
      DATA_DIR: dir,
      AUTH_SECRET: 'een-geheim-van-minstens-tweeendertig-tekens',
      BACKUP_SCHEDULE: 'uit',
      SMTP_URL: '',
    };
    const restore = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', file], {
        env,
        encoding: 'utf8',
      });
    const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      worker.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('[verzending] gestart')) resolve();
      });
      worker.once('exit', (code) => reject(new Error(`de worker stopte (${code}): ${out}`)));
    });
    const refused = restore(backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Niet hersteld: Kopij gebruikt de database nog');
    worker.kill('SIGTERM');
    await exited;
    const restored = restore(backup);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(
      `Hersteld: ${backup} staat nu in ${path.join(dir, 'kopij.db')}.`,
    );
    expect(notesIn(path.join(dir, 'kopij.db'))).toEqual(['in de back-up']);
  }, 30_000);
});
