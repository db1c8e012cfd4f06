import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { bounceEvents, subscribers } from '@/db/schema';
import { smtpTransport } from '@/lib/send/transport';
import { bounceFixture } from '@/lib/test/bounce-fixtures';
import { bounceSetup } from '@/lib/test/bounce-setup';
import { waitFor } from '@/lib/test/send-fixture';
import { tempDir } from '@/lib/test/temp-dir';
import { freePort } from '@/lib/test/free-port';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

describe('npm run inbound', () => {
  it('refuses to start without INBOUND_SMTP_PORT, in Dutch and without a stack trace', () => {
    const result = spawnSync(tsx, ['scripts/inbound.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: tempDir('kopij-inbound'), INBOUND_SMTP_PORT: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('INBOUND_SMTP_PORT is niet gezet');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('listens, records a bounce in the database the app uses, and stops on SIGTERM', async () => {
    const dir = tempDir('kopij-inbound');
    const file = path.join(dir, 'kopij.db');
    const database = openDatabase(file);
    migrateDatabase(database);
    const setup = bounceSetup(database);
    const port = await freePort();
    const child = spawn(tsx, ['scripts/inbound.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir, INBOUND_SMTP_PORT: String(port) },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    onTestFinished(() => {
      child.kill('SIGKILL');
      database.$client.close();
    });
    await waitFor(() => output.includes('ontvangt bouncemail'), 'de bounce-ontvanger');
    expect(output).toContain(`127.0.0.1:${port} (vsg.example.nl)`);

    const deliveryId = setup.readers[0]!.deliveries[0]!;
    const verp = setup.verp(deliveryId);
    const lane = smtpTransport(`smtp://127.0.0.1:${port}`).lane();
    const raw = bounceFixture('gmail-hard', { verp, email: setup.readers[0]!.email });
    expect((await lane.send({ from: '', to: verp }, raw)).ok).toBe(true);
    lane.close();
    expect(database.select().from(bounceEvents).get()).toMatchObject({ deliveryId, kind: 'hard' });
    expect(database.select().from(subscribers).get()!.status).toBe('bounced');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
