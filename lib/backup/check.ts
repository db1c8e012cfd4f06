import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from '@/db/migrate';

// What a file must be before it may replace the database: SQLite, every page sound, and made by
// this version of Kopij or an older one (its applied migrations a prefix of ours; the missing
// ones are applied after restoring). A newer Kopij's database would be half understood.

/** A restore that was not done, with the reason in Dutch; nothing was changed. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const HEADER = 'SQLite format 3\0';

export function assertSqliteFile(file: string) {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(HEADER.length);
      fs.readSync(fd, header, 0, HEADER.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RestoreRefused(
      code === 'ENOENT'
        ? `Het bestand ${file} bestaat niet.`
        : `Het bestand ${file} kan niet worden gelezen (${code ?? 'onbekende fout'}).`,
    );
  }
  if (header.toString('latin1') !== HEADER)
    throw new RestoreRefused(`${file} is geen SQLite-database (en dus geen back-up van Kopij).`);
}

function assertIntact(copy: Database.Database, label: string) {
  let problems: string[];
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length)
    throw new RestoreRefused(
      `De back-up ${label} is beschadigd; SQLite meldt: ${problems.slice(0, 3).join('; ')}. Kies een andere back-up.`,
    );
}

type Applied = { hash: string; created_at: number };

function appliedMigrations(copy: Database.Database, label: string): Applied[] {
  try {
    return copy
      .prepare('select hash, created_at from __drizzle_migrations order by created_at, id')
      .all() as Applied[];
  } catch {
    throw new RestoreRefused(
      `${label} is een SQLite-database, maar geen database van Kopij (er staan geen migraties in).`,
    );
  }
}

/**
 * Checks the copy of a backup at `file` (opened read-write: it is our own copy, not the
 * admin's file). Returns how many of our migrations it still lacks; throws RestoreRefused.
 */
export function checkBackupCopy(file: string, label: string): { missing: number } {
  let copy: Database.Database;
  try {
    copy = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(
      `De back-up ${label} kan niet worden geopend: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  try {
    assertIntact(copy, label);
    const applied = appliedMigrations(copy, label);
    const ours = readMigrationFiles({ migrationsFolder });
    if (applied.length === 0)
      throw new RestoreRefused(`De back-up ${label} is leeg: er is nooit een migratie uitgevoerd.`);
    applied.forEach((migration, index) => {
      const own = ours[index];
      if (!own || Number(migration.created_at) > ours.at(-1)!.folderMillis)
        throw new RestoreRefused(
          `De back-up ${label} komt van een nieuwere versie van Kopij (${applied.length} migraties, deze versie kent er ${ours.length}). Herstel hem met die versie, of werk Kopij eerst bij.`,
        );
      if (own.folderMillis !== Number(migration.created_at) || own.hash !== migration.hash)
        throw new RestoreRefused(
          `De back-up ${label} past niet bij deze versie van Kopij: migratie ${index + 1} is een andere dan de onze.`,
        );
    });
    return { missing: ours.length - applied.length };
  } finally {
    copy.close();
  }
}
