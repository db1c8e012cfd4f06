import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schema, type Db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { workerLeases } from '@/db/schema';
import { tempDir } from '@/lib/test/temp-dir';
import { checkDatabase, checkDisk, resetDatabaseProbe, storageReason } from './health-storage';

function databaseFile() {
  const file = path.join(tempDir('kopij-health'), 'kopij.db');
  const database = openDatabase(file);
  migrateDatabase(database);
  return { file, database };
}

beforeEach(() => resetDatabaseProbe());

describe('checkDatabase', () => {
  it('passes on a writable database and leaves the probe row committed in the file', () => {
    const { file, database } = databaseFile();
    expect(checkDatabase(database, 1_000_000)).toEqual({ ok: true });
    // Another connection sees the write: it was committed, not rolled back.
    const other = new Database(file, { readonly: true });
    const row = other.prepare("select heartbeat_at from worker_leases where name = 'health'").get();
    other.close();
    expect(row).toEqual({ heartbeat_at: 1_000_000 });
  });

  it('fails naming a read-only database', () => {
    const { file, database } = databaseFile();
    database.$client.close();
    const readOnly = drizzle(new Database(file, { readonly: true }), { schema }) as Db;
    const result = checkDatabase(readOnly);
    expect(result).toEqual({
      ok: false,
      reden: expect.stringMatching(
        /^Schrijven in de database mislukt: de database of het bestandssysteem is alleen-lezen \(SQLITE_READONLY/,
      ),
    });
    readOnly.$client.close();
  });

  it('fails while another process holds the write lock, and passes again once it lets go', () => {
    const { file, database } = databaseFile();
    const other = new Database(file);
    other.exec('begin immediate');
    other.prepare("insert into worker_leases values ('x', 'x', 'x', 1, 1)").run();
    const started = performance.now();
    expect(checkDatabase(database)).toEqual({
      ok: false,
      reden:
        'Schrijven in de database mislukt: de database wordt door een ander proces vastgehouden (SQLITE_BUSY)',
    });
    // The probe waits a second for the lock, not the app's five.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(database.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    other.exec('rollback');
    other.close();
    expect(checkDatabase(database)).toEqual({ ok: true });
  });

  it('fails naming a database that cannot be read', () => {
    const { file, database } = databaseFile();
    database.$client.close();
    fs.writeFileSync(file, 'geen database '.repeat(100));
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    const broken = openDatabaseOrError(file);
    expect(checkDatabase(broken)).toEqual({
      ok: false,
      reden: 'Lezen uit de database mislukt: het databasebestand is beschadigd (SQLITE_NOTADB)',
    });
  });

  it('writes at most once a second after a good write, and never remembers a failure', () => {
    const { database } = databaseFile();
    expect(checkDatabase(database, 10_000)).toEqual({ ok: true });
    expect(checkDatabase(database, 10_500)).toEqual({ ok: true });
    const lease = () =>
      database
        .select()
        .from(workerLeases)
        .all()
        .find((l) => l.name === 'health')!;
    expect(lease().heartbeatAt.getTime()).toBe(10_000);
    expect(checkDatabase(database, 11_000)).toEqual({ ok: true });
    expect(lease().heartbeatAt.getTime()).toBe(11_000);
  });
});

/** A connection on a file that is no database: better-sqlite3 only finds out on first use. */
function openDatabaseOrError(file: string): Db {
  return drizzle(new Database(file), { schema }) as Db;
}

describe('checkDisk', () => {
  it('passes when the disk has the room asked for', () => {
    const dir = tempDir('kopij-health-disk');
    expect(checkDisk([dir, dir], 1024)).toEqual({ ok: true });
  });

  it('fails with the free space in MB when the disk has less than the minimum', () => {
    const dir = tempDir('kopij-health-disk');
    const { bavail, bsize } = fs.statfsSync(dir);
    const result = checkDisk([dir], bavail * bsize + 1024 ** 4);
    expect(result).toEqual({
      ok: false,
      reden: expect.stringMatching(
        /^Nog [\d.,]+ MB vrij op de schijf met de gegevens; minimaal [\d.,]+ MB nodig \(HEALTH_MIN_FREE_MB\)$/,
      ),
    });
  });

  it('fails when the folder is gone', () => {
    const dir = path.join(tempDir('kopij-health-disk'), 'weg');
    expect(checkDisk([dir], 0)).toEqual({
      ok: false,
      reden:
        'De vrije schijfruimte is niet te bepalen: het bestand kan niet worden geopend (ENOENT)',
    });
  });
});

describe('storageReason', () => {
  it('says what a full disk and an I/O error are', () => {
    expect(storageReason({ code: 'SQLITE_FULL' })).toBe('de schijf is vol (SQLITE_FULL)');
    expect(storageReason({ code: 'SQLITE_IOERR_WRITE' })).toBe(
      'lees- of schrijffout op de schijf (SQLITE_IOERR_WRITE)',
    );
    expect(storageReason(new Error('x'))).toBe('onbekende fout');
  });
});
