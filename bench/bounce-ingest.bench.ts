// bounce-ingest: bounce reports (DSNs) per second that the inbound SMTP listener takes in and
// records: `npm run inbound` in its own process on a file-backed database, fed by a few
// parallel SMTP connections. The listener answers 250 only after a report is recorded, so the
// clock stops when the last 250 arrives. Each DSN names another copy (Postfix, Exchange and
// Gmail shapes in turn), so each one bounces a reader, suppresses them and writes an audit line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { smtpTransport } from '@/lib/send/transport';
import { bounceFixture } from '@/lib/test/bounce-fixtures';
import { bounceSetup } from '@/lib/test/bounce-setup';
import { report, round } from './support';

const DSNS = Number(process.env.BOUNCE_DSNS ?? 2000);
const WARM_UP = 200;
const CONNECTIONS = Number(process.env.BOUNCE_CONNECTIONS ?? 4);
const shapes = ['postfix-hard', 'exchange-hard', 'gmail-hard'] as const;

// VERP addresses carry a MAC under the secret: this process and the listener share one.
process.env.AUTH_SECRET ??= 'een-geheim-van-minstens-tweeendertig-tekens';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-bench-bounces-'));
const file = path.join(dir, 'kopij.db');
const database = openDatabase(file);
migrateDatabase(database);
const setup = bounceSetup(database, { readers: WARM_UP + DSNS });
const messages = setup.readers.map((reader, i) => {
  const deliveryId = reader.deliveries[0]!;
  const verp = setup.verp(deliveryId);
  const raw = bounceFixture(shapes[i % shapes.length]!, {
    verp,
    email: reader.email,
    messageId: setup.messageId(deliveryId),
  });
  return { to: verp, raw };
});

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
// Node itself (not the tsx wrapper, which would run it in a child) so /proc shows its CPU time.
const listener = spawn(
  process.execPath,
  ['--import', 'tsx', path.resolve(import.meta.dirname, '../scripts/inbound.ts')],
  {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir, INBOUND_SMTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const exited = new Promise((resolve) => listener.on('exit', resolve));
for await (const line of readline.createInterface({ input: listener.stdout! }))
  if (line.includes('ontvangt bouncemail')) break;

/**
 * CPU seconds the listener has used, from /proc (Linux; undefined elsewhere). Other work on the
 * machine stretches the wall clock, not this: DSNs per CPU second is the rate on a free core.
 */
function listenerCpu(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${listener.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Sends the messages over `CONNECTIONS` lanes, each taking the next unsent message. */
async function deliver(batch: typeof messages) {
  let next = 0;
  const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const lane = transport.lane();
      while (next < batch.length) {
        const message = batch[next++]!;
        const outcome = await lane.send({ from: '', to: message.to }, message.raw);
        if (!outcome.ok) throw new Error(`DSN geweigerd: ${outcome.message}`);
      }
      lane.close();
    }),
  );
}

await deliver(messages.slice(0, WARM_UP));
const cpuBefore = listenerCpu();
const started = performance.now();
await deliver(messages.slice(WARM_UP));
const seconds = (performance.now() - started) / 1000;
const cpu = cpuBefore === undefined ? undefined : listenerCpu()! - cpuBefore;

const count = (query: ReturnType<typeof sql>) => database.get<{ n: number }>(query).n;
const events = count(sql`select count(*) as n from bounce_events`);
const bounced = count(sql`select count(*) as n from subscribers where status = 'bounced'`);
if (events !== WARM_UP + DSNS || bounced !== WARM_UP + DSNS)
  throw new Error(
    `${events} meldingen en ${bounced} gebouncete lezers, verwacht ${WARM_UP + DSNS}`,
  );

listener.kill('SIGTERM');
await exited;
report({
  name: 'bounce-ingest',
  value: Math.round(DSNS / seconds),
  unit: 'DSN/s',
  dsns: DSNS,
  connections: CONNECTIONS,
  seconds: round(seconds),
  ...(cpu ? { listenerCpuSeconds: round(cpu), perListenerCpuSecond: Math.round(DSNS / cpu) } : {}),
  avgBytes: Math.round(messages.reduce((n, m) => n + m.raw.length, 0) / messages.length),
  goal: 500,
});
database.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
