import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { mediaRenditions } from '@/db/schema';
import { renditionResponse } from '@/lib/media/serve';
import { tempDir } from '@/lib/test/temp-dir';
import { takeBackup } from './backup';
import { filesIn, mediaSetup, modeOf, namedIn } from './media-fixture';
import { namedMediaFiles } from './media-files';
import { restoreBackup } from './restore';

const now = new Date('2026-11-29T15:30:00Z');

/** A live data folder with two photos and a backup of it; the database closed (Kopij stopped). */
async function backedUp() {
  const live = mediaSetup();
  await live.upload('#aa3300');
  await live.upload('#0033aa');
  const backup = await takeBackup(live.file, { dir: live.backups, keep: 5, dataDir: live.dir });
  live.database.$client.close();
  return { ...live, backup: backup.file, named: namedIn(backup.file) };
}

describe('restoring the media library', () => {
  it('into an empty data folder: the files come back 0600 in 0700 folders, and /media serves them', async () => {
    const { dir, backup, named } = await backedUp();
    const fresh = path.join(tempDir('kopij-nieuw'), 'data');
    const databaseFile = path.join(fresh, 'kopij.db');
    const result = restoreBackup({ file: backup, databaseFile, dataDir: fresh, now });

    expect(result.media).toEqual({ files: 6, restored: 6, missing: [], differing: [] });
    const media = path.join(fresh, 'media');
    expect(filesIn(media)).toEqual(named.map((f) => f.name));
    for (const { name } of named) {
      const file = path.join(media, name);
      expect(fs.readFileSync(file).equals(fs.readFileSync(path.join(dir, 'media', name)))).toBe(
        true,
      );
      expect(modeOf(file), name).toBe(0o600);
    }
    for (const folder of ['', 'originals', 'r'])
      expect(modeOf(path.join(media, folder))).toBe(0o700);

    const restored = openDatabase(databaseFile);
    try {
      const renditions = restored.select().from(mediaRenditions).all();
      expect(renditions).toHaveLength(4);
      for (const rendition of renditions) {
        const response = await renditionResponse(restored, fresh, rendition.file);
        expect(response.status, rendition.file).toBe(200);
        const body = Buffer.from(await response.arrayBuffer());
        expect(body.equals(fs.readFileSync(path.join(dir, 'media', 'r', rendition.file)))).toBe(
          true,
        );
      }
    } finally {
      restored.$client.close();
    }
  });

  it('puts back only what is missing, never replaces a present file, and says what it lacks', async () => {
    const { dir, backups, backup, named } = await backedUp();
    const fresh = path.join(tempDir('kopij-nieuw'), 'data');
    const media = path.join(fresh, 'media');
    const [same, other, lost] = named.map((f) => f.name);
    for (const name of [same!, other!])
      fs.mkdirSync(path.dirname(path.join(media, name)), { recursive: true });
    fs.copyFileSync(path.join(dir, 'media', same!), path.join(media, same!));
    fs.writeFileSync(path.join(media, other!), 'een ander bestand');
    // The backup's media folder without one file (say, only the database was copied along).
    fs.rmSync(path.join(backups, 'media', lost!));

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', backup], {
      env: {
        ...process.env,
        DATA_DIR: fresh,
        AUTH_SECRET: 'een-geheim-van-minstens-tweeendertig-tekens',
        BACKUP_SCHEDULE: 'uit',
        SMTP_URL: '',
      },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `Mediabibliotheek: 3 bestanden teruggezet in ${media} (de database noemt er 6).\n`,
    );
    expect(run.stderr).toBe(
      [
        `Let op: 1 bestand dat de database noemt, staat niet in ${backups}/media: ${lost}. Het archief en verzonden mails tonen die afbeeldingen niet; hebt u die map elders (bijvoorbeeld bij een oudere back-up), zet de bestanden dan met dezelfde naam in ${media} (rechten 0600).`,
        `Let op: 1 bestand in ${media} heeft een andere grootte dan de database noemt en is niet overschreven: ${other}.`,
        '',
      ].join('\n'),
    );
    expect(fs.readFileSync(path.join(media, other!), 'utf8')).toBe('een ander bestand');
    expect(fs.existsSync(path.join(media, lost!))).toBe(false);
    expect(filesIn(media)).toEqual(named.map((f) => f.name).filter((name) => name !== lost));
  }, 30_000);

  it('a backup without its media folder: every file it names is reported, none invented', async () => {
    const { backup } = await backedUp();
    const fresh = path.join(tempDir('kopij-nieuw'), 'data');
    const alone = path.join(tempDir('kopij-los'), path.basename(backup));
    fs.copyFileSync(backup, alone);
    const result = restoreBackup({
      file: alone,
      databaseFile: path.join(fresh, 'kopij.db'),
      dataDir: fresh,
      now,
    });
    expect(result.media.restored).toBe(0);
    expect(result.media.missing).toHaveLength(6);
    expect(fs.existsSync(path.join(fresh, 'media'))).toBe(false);
  });

  it('a database from before the media library names no files', () => {
    const file = path.join(tempDir('kopij-oud'), 'oud.db');
    const old = new Database(file);
    old.exec('create table audit_log (id integer primary key)');
    old.close();
    expect(namedMediaFiles(file).size).toBe(0);
  });
});
