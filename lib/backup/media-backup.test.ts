import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteImage, removeImageFiles } from '@/lib/media/usage';
import { tempDir } from '@/lib/test/temp-dir';
import { takeBackup } from './backup';
import { BackupFailure } from './failure';
import { missingMediaWarning, pruneMedia } from './media-backup';
import { age, filesIn, mediaSetup, modeOf, namedIn, noisyPhoto } from './media-fixture';
import { listBackups } from './names';

const HOUR = 60 * 60 * 1000;

describe('a backup with the media library', () => {
  it('copies the files its database names, 0600 in 0700 folders; a second backup copies nothing new', async () => {
    const { dir, database, backups, upload } = mediaSetup();
    await upload('#aa3300');
    await upload('#0033aa');
    // What a crash between an upload's files and its rows leaves: a file no row names.
    fs.writeFileSync(path.join(dir, 'media', 'r', `${'f'.repeat(32)}.webp`), 'half');
    const first = await takeBackup(database.$client.name, { dir: backups, keep: 5, dataDir: dir });

    const named = namedIn(first.file);
    // Two photos: each its original, one mail and one web rendition.
    expect(named).toHaveLength(6);
    const total = named.reduce((sum, f) => sum + f.bytes, 0);
    expect(first.media).toEqual({
      files: 6,
      copied: 6,
      copiedBytes: total,
      missing: [],
      removed: 0,
    });
    const store = path.join(backups, 'media');
    expect(filesIn(store)).toEqual(named.map((f) => f.name));
    for (const { name } of named) {
      const copy = path.join(store, name);
      expect(fs.readFileSync(copy).equals(fs.readFileSync(path.join(dir, 'media', name)))).toBe(
        true,
      );
      expect(modeOf(copy), name).toBe(0o600);
    }
    for (const folder of ['', 'originals', 'r'])
      expect(modeOf(path.join(store, folder))).toBe(0o700);

    // Reused files are touched: a prune running meanwhile leaves files of the last hour alone.
    for (const { name } of named) age(path.join(store, name), 2 * HOUR);
    const second = await takeBackup(database.$client.name, { dir: backups, keep: 5, dataDir: dir });
    for (const { name } of named)
      expect(Date.now() - fs.statSync(path.join(store, name)).mtimeMs, name).toBeLessThan(HOUR);
    expect(second.media).toEqual({ files: 6, copied: 0, copiedBytes: 0, missing: [], removed: 0 });
    expect(filesIn(store)).toEqual(named.map((f) => f.name));
  });

  it('while editors upload: every file a backup names is in the store, at its size', async () => {
    const { dir, file, database, backups, upload } = mediaSetup();
    let uploads = 0;
    let uploading = true;
    const uploader = (async () => {
      while (uploading)
        await upload(`#${((++uploads * 0x9e3779) & 0xffffff).toString(16).padStart(6, '0')}`);
    })();
    const made = [];
    for (let n = 0; n < 2; n++)
      made.push(await takeBackup(file, { dir: backups, keep: 10, dataDir: dir }));
    uploading = false;
    await uploader;

    // The uploads went on during the backups, so the second names more than the first.
    expect(namedIn(made[1]!.file).length).toBeGreaterThan(namedIn(made[0]!.file).length);
    for (const backup of made)
      for (const { name, bytes } of namedIn(backup.file))
        expect(fs.statSync(path.join(backups, 'media', name)).size, name).toBe(bytes);
    expect(namedIn(database.$client.name).length).toBeGreaterThanOrEqual(
      namedIn(made[1]!.file).length,
    );
    // Sharp and the copies share libuv's threads: slow on two busy cores.
  }, 60_000);

  it('a file the database names that is gone: the backup is made and says which, in Dutch', async () => {
    const { dir, database, backups, upload } = mediaSetup();
    const options = { dir: backups, keep: 5, dataDir: dir };
    await upload('#aa3300');
    const first = await takeBackup(database.$client.name, options);
    // Lost from the data folder after a backup had it: the store still has it.
    const [lostLater] = namedIn(first.file).filter((f) => f.name.startsWith('r/'));
    fs.rmSync(path.join(dir, 'media', lostLater!.name));
    expect((await takeBackup(database.$client.name, options)).media.missing).toEqual([]);

    await upload('#0033aa');
    const lost = namedIn(database.$client.name).find(
      (f) => f.name.startsWith('r/') && !fs.existsSync(path.join(backups, 'media', f.name)),
    )!.name;
    fs.rmSync(path.join(dir, 'media', lost));
    const incomplete = await takeBackup(database.$client.name, options);
    expect(incomplete.media.missing).toEqual([lost]);
    expect(listBackups(backups)[0]!.file).toBe(incomplete.file);
    expect(missingMediaWarning(incomplete.media.missing, dir)).toBe(
      `de back-up is gemaakt, maar onvolledig: 1 bestand van de mediabibliotheek dat de database noemt, ontbreekt in ${dir}/media (of heeft daar een andere grootte) en stond in geen eerdere back-up: ${lost}. Zonder dat bestand tonen het archief en verzonden mails die afbeeldingen niet.`,
    );

    database.$client.close();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
      env: { ...process.env, DATA_DIR: dir, BACKUP_KEEP: '5' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Back-up gemaakt: .*\n/);
    expect(run.stdout).toContain(
      `Mediabibliotheek in ${backups}/media: 6 bestanden, niets nieuws te kopiëren\n`,
    );
    expect(run.stderr).toBe(`Let op, ${missingMediaWarning([lost], dir)}\n`);
  }, 30_000);

  it('a copy that fails (a full disk) fails the backup: no backup named, no partial file left', async () => {
    const { dir, database, upload } = mediaSetup();
    await upload(await noisyPhoto());
    const mediaBytes = namedIn(database.$client.name).reduce((sum, f) => sum + f.bytes, 0);
    // How much room the database copy takes: a backup of the same database elsewhere.
    const trial = await takeBackup(database.$client.name, {
      dir: path.join(tempDir('kopij-backup-media'), 'proef'),
      keep: 1,
      dataDir: dir,
    });
    const room = trial.bytes + 128 * 1024;
    expect(mediaBytes).toBeGreaterThan(2 * (room - trial.bytes));
    const disk = path.join(tempDir('kopij-backup-media'), 'kleine-schijf');
    fs.mkdirSync(disk);
    const size = `size=${Math.ceil(room / 4096) * 4}k`;
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', size, 'tmpfs', disk]);
    // Root can mount (this machine, the CI container); the check below says so if it could not.
    expect(mounted.status, `mount tmpfs: ${mounted.stderr}`).toBe(0);
    try {
      const failure = await takeBackup(database.$client.name, { dir: disk, keep: 3, dataDir: dir })
        .then(() => undefined)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BackupFailure);
      expect((failure as BackupFailure).message).toBe(`de schijf van ${disk} is vol (ENOSPC)`);
      expect(listBackups(disk)).toEqual([]);
      const left = fs.readdirSync(disk, { recursive: true }).map(String);
      expect(left.filter((name) => name.endsWith('.deel'))).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});

describe('pruning the media store', () => {
  it('keeps the files a remaining backup names and removes the others, once an hour old', async () => {
    const { dir, database, backups, upload } = mediaSetup();
    const options = { dir: backups, keep: 5, dataDir: dir };
    const gone = await upload('#aa3300');
    const first = await takeBackup(database.$client.name, options);
    const onlyFirst = namedIn(first.file).map((f) => f.name);
    // The image is deleted from the library; another is uploaded.
    removeImageFiles(
      dir,
      database.transaction((tx) => deleteImage(tx, gone.id)),
    );
    await upload('#0033aa');
    const second = await takeBackup(database.$client.name, options);
    const kept = namedIn(second.file).map((f) => f.name);
    expect(kept.filter((name) => onlyFirst.includes(name))).toEqual([]);

    const store = path.join(backups, 'media');
    for (const name of filesIn(store)) age(path.join(store, name), 2 * HOUR);
    // Not ours, a crashed copy, and a file no backup names yet but that is fresh.
    const admins = path.join(store, 'r', 'notities.txt');
    const crashed = path.join(store, 'r', `.${'e'.repeat(32)}.webp.123-abc.deel`);
    const fresh = path.join(store, 'r', `${'d'.repeat(32)}.webp`);
    for (const file of [admins, crashed, fresh]) fs.writeFileSync(file, 'x');
    for (const file of [admins, crashed]) age(file, 2 * HOUR);

    const third = await takeBackup(database.$client.name, { ...options, keep: 1 });
    expect(third.removed.sort()).toEqual([first.file, second.file].sort());
    expect(third.media.removed).toBe(onlyFirst.length);
    expect(filesIn(store)).toEqual([...kept, 'r/notities.txt', `r/${'d'.repeat(32)}.webp`].sort());
    for (const name of kept) expect(fs.existsSync(path.join(store, name))).toBe(true);

    // A kept backup that cannot be read might name anything: then nothing goes.
    const broken = path.join(backups, 'kopij-20991231T000000Z.db');
    fs.writeFileSync(broken, 'kapot');
    expect(pruneMedia(backups, Date.now() + 2 * HOUR)).toBe(0);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(broken);
    expect(pruneMedia(backups, Date.now() + 2 * HOUR)).toBe(1);
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
