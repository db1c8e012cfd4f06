import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { parseConfig, prepareRuntime } from '@/lib/config';
import { outboxTransport } from '@/lib/send/transport';
import { tempDir } from '@/lib/test/temp-dir';
import { tighten } from './private-files';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('file modes', () => {
  it('creates the database, its WAL and shared memory 0600', () => {
    const dir = tempDir('kopij-modes');
    const file = path.join(dir, 'kopij.db');
    const database = openDatabase(file);
    migrateDatabase(database);
    database.run(
      sql`insert into audit_log (actor_label, action, entity_type, summary) values ('t', 'a', 'b', 'c')`,
    );
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(name)).toBe(0o600);
    database.$client.close();
  });

  it('tightens a database an older install left readable to everyone when it is opened', () => {
    const dir = tempDir('kopij-modes');
    const file = path.join(dir, 'kopij.db');
    const first = openDatabase(file);
    migrateDatabase(first);
    // An old install: the files as SQLite made them with umask 022, and a WAL left by a crash.
    fs.chmodSync(file, 0o644);
    first.$client.close();
    fs.writeFileSync(`${file}-shm`, '', { mode: 0o644 });
    fs.chmodSync(`${file}-shm`, 0o644);
    const again = openDatabase(file);
    again.run(
      sql`insert into audit_log (actor_label, action, entity_type, summary) values ('t', 'a', 'b', 'c')`,
    );
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(name)).toBe(0o600);
    again.$client.close();
  });

  it('makes the data and outbox folders 0700 and the auth secret 0600, and tightens old ones', () => {
    const dir = path.join(tempDir('kopij-modes'), 'data');
    const fresh = prepareRuntime(parseConfig({ DATA_DIR: dir }));
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(fresh.outboxDir)).toBe(0o700);
    expect(modeOf(fresh.secretFile)).toBe(0o600);

    // An install from before: everything readable by everyone.
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(fresh.outboxDir, 0o755);
    fs.chmodSync(fresh.secretFile, 0o644);
    const mail = path.join(fresh.outboxDir, 'oud.eml');
    fs.writeFileSync(mail, 'To: lezer@example.test\r\n\r\nHallo', { mode: 0o644 });
    fs.chmodSync(mail, 0o644);
    const aside = path.join(dir, 'kopij.db.voor-herstel-20261129T153000Z');
    fs.writeFileSync(aside, '');
    fs.chmodSync(aside, 0o644);
    prepareRuntime(parseConfig({ DATA_DIR: dir }));
    for (const folder of [dir, fresh.outboxDir]) expect(modeOf(folder)).toBe(0o700);
    for (const file of [fresh.secretFile, mail, aside]) expect(modeOf(file)).toBe(0o600);
  });

  it('leaves a folder outside the data folder as its admin made it, and never a shared one', () => {
    const root = tempDir('kopij-modes');
    const shared = path.join(root, 'gedeeld');
    fs.mkdirSync(shared, { mode: 0o755 });
    fs.chmodSync(shared, 0o755);
    prepareRuntime(
      parseConfig({ DATA_DIR: path.join(root, 'data'), DATABASE_URL: path.join(shared, 'k.db') }),
    );
    expect(modeOf(shared)).toBe(0o755);
    // A DATA_DIR pointed at a folder like /tmp (sticky, writable for all) is not closed off.
    const sticky = path.join(root, 'tmp-achtig');
    fs.mkdirSync(sticky);
    fs.chmodSync(sticky, 0o1777);
    tighten(sticky);
    expect(fs.statSync(sticky).mode & 0o7777).toBe(0o1777);
  });

  it('writes outbox mails 0600 in a 0700 folder', async () => {
    const dir = path.join(tempDir('kopij-modes'), 'outbox');
    const lane = outboxTransport(dir).lane();
    const outcome = await lane.send(
      { from: 'bounces@example.test', to: 'lezer@example.test' },
      Buffer.from('Subject: test\r\n\r\nHallo\r\n'),
    );
    expect(outcome.ok).toBe(true);
    expect(modeOf(dir)).toBe(0o700);
    const [file] = fs.readdirSync(dir);
    expect(modeOf(path.join(dir, file!))).toBe(0o600);
  });
});
