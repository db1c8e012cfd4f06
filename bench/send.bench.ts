// send-build: personal messages built per second for 10,000 readers (each theme combination
// rendered once, then address, Message-ID, VERP envelope sender, links and the greeting's first
// name filled in), against rendering react-email per reader (with their name) in the same run.
// The issue opens its text block with "Beste {voornaam}," and the readers have names, some an
// initial or a title (the "lezer" fallback). send-smtp: copies per second handed to a
// loopback SMTP server (smtp-server in its own process) by the worker, from the start of the
// send until it is closed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { deliveries, subscribers } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { greetingName } from '@/lib/email/greeting';
import { emailSource } from '@/lib/email/source';
import { fillPersonalLinks, renderIssueEmail } from '@/lib/email/render';
import { issueMessages, sendIdentity } from '@/lib/send/messages';
import { variantThemes } from '@/lib/send/plan';
import { smtpTransport } from '@/lib/send/transport';
import { startWorker } from '@/lib/send/worker';
import { personalLinks } from '@/lib/subscribers/links';
import { tokenKey } from '@/lib/subscribers/tokens';
import { addGreeting, sendFixture, startFixtureSend, waitForStatus } from '@/lib/test/send-fixture';
import { report, round } from './support';

const READERS = 10_000;
const BASELINE_SAMPLE = 300;
const publicUrl = 'https://nieuwsbrief.example.nl';
const secret = 'een-geheim-van-minstens-tweeendertig-tekens';
const key = tokenKey(secret);
const identity = sendIdentity({ authSecret: secret, bounces: {} });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-bench-send-'));
const database = openDatabase(path.join(dir, 'kopij.db'));
migrateDatabase(database);
// Two names in five have no first name to greet (an initial, a title): "Beste lezer,".
const names = ['Annemiek Scholten', 'J. de Vries', 'Zoë & <Co>', 'mevr. Bakker', 'Jan-Willem Smit'];
const fixture = sendFixture(database, READERS, { name: (n) => names[n % names.length]! });
addGreeting(database, fixture.issueId);
const { sendStartedAt } = { sendStartedAt: new Date() };
startFixtureSend(database, fixture.issueId);
const rows = database
  .select({
    id: deliveries.id,
    subscriberId: deliveries.subscriberId,
    variant: deliveries.variant,
    email: subscribers.email,
    tokenVersion: subscribers.tokenVersion,
    name: subscribers.name,
  })
  .from(deliveries)
  .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
  .where(eq(deliveries.issueId, fixture.issueId))
  .all();

const source = emailSource(database, fixture.issueId, publicUrl)!;
// Both paths warm up first (JIT), so neither is timed cold: a few renders, a few thousand copies.
const warm = issueMessages(database, fixture.issueId, {
  publicUrl,
  linkKey: key,
  sendStartedAt,
  identity,
})!;
for (const row of rows.slice(0, 2000))
  warm.build(await warm.template(rows[0]!.variant), {
    deliveryId: row.id,
    subscriberId: row.subscriberId,
    email: row.email!,
    tokenVersion: row.tokenVersion,
    name: row.name,
  });
for (const row of rows.slice(0, 20))
  await renderIssueEmail({ ...source, themeIds: variantThemes(row.variant) });
// Greetings on: a copy names its reader, or says "lezer" (quoted-printable keeps short words whole).
for (const [row, word] of [
  [rows.find((r) => r.name === 'Annemiek Scholten')!, 'Annemiek'],
  [rows.find((r) => r.name === 'J. de Vries')!, 'lezer'],
] as const) {
  const copy = warm.build(await warm.template(row.variant), {
    ...row,
    deliveryId: row.id,
    email: row.email!,
  });
  if (!copy.raw.toString('latin1').includes(`${word}=\r\n`))
    throw new Error(`de kopie voor ${row.name} begroet niet met ${word}`);
}

// Ours: the first copy of each variant pays for its rendering, inside the timed loop.
let bytes = 0;
const started = performance.now();
const messages = issueMessages(database, fixture.issueId, {
  publicUrl,
  linkKey: key,
  sendStartedAt,
  identity,
})!;
for (const variant of new Set(rows.map((r) => r.variant))) await messages.template(variant);
const renderMs = performance.now() - started;
for (const row of rows) {
  const template = await messages.template(row.variant);
  bytes += messages.build(template, {
    deliveryId: row.id,
    subscriberId: row.subscriberId,
    email: row.email!,
    tokenVersion: row.tokenVersion,
    name: row.name,
  }).raw.length;
}
const buildSeconds = (performance.now() - started) / 1000;
const variants = new Set(rows.map((r) => r.variant)).size;

// Baseline: react-email rendered for every reader (their themes), links filled in afterwards.
const baselineStart = performance.now();
for (const row of rows.slice(0, BASELINE_SAMPLE)) {
  const { html, text } = await renderIssueEmail({
    ...source,
    themeIds: variantThemes(row.variant),
    firstName: greetingName(row.name),
  });
  const links = personalLinks(
    {
      subscriberId: row.subscriberId,
      newsletterId: fixture.newsletterId,
      version: row.tokenVersion,
    },
    { publicUrl, key },
  );
  bytes += fillPersonalLinks(html, links).length + fillPersonalLinks(text, links).length;
}
const baselineRate = BASELINE_SAMPLE / ((performance.now() - baselineStart) / 1000);
const buildRate = READERS / buildSeconds;
report({
  name: 'send-build',
  value: Math.round(buildRate),
  unit: 'messages/s',
  baseline: Math.round(baselineRate),
  ratio: round(buildRate / baselineRate, 1),
  readers: READERS,
  variants,
  renderMs: round(renderMs, 1),
  avgBytes: Math.round(bytes / (READERS + BASELINE_SAMPLE)),
  goalRatio: 100,
});

// send-smtp: the real worker against a loopback server in another process.
const sink = spawn(
  path.resolve(import.meta.dirname, '../node_modules/.bin/tsx'),
  [path.join(import.meta.dirname, 'smtp-sink.ts')],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const lines = readline.createInterface({ input: sink.stdout! })[Symbol.asyncIterator]();
const port = Number((await lines.next()).value);
const concurrency = Number(process.env.SEND_CONCURRENCY ?? 8);
const smtpStart = performance.now();
const worker = startWorker({
  database,
  transport: smtpTransport(`smtp://127.0.0.1:${port}`),
  publicUrl,
  linkKey: key,
  identity,
  concurrency,
  rate: 0,
  pollMs: 20,
  maxAttempts: 8,
  retryBaseMs: 50,
  bounceLimit: 3,
});
await waitForStatus(database, fixture.issueId, 'sent', 600_000);
const smtpSeconds = (performance.now() - smtpStart) / 1000;
await worker.stop();
sink.stdin!.write('count\n');
const accepted = Number((await lines.next()).value);
sink.stdin!.end();
if (accepted !== READERS)
  throw new Error(`de server ontving ${accepted} berichten, verwacht ${READERS}`);
report({
  name: 'send-smtp',
  value: Math.round(READERS / smtpSeconds),
  unit: 'messages/s',
  messages: READERS,
  connections: concurrency,
  seconds: round(smtpSeconds),
  // With a VERP envelope sender per copy (issue 18).
  goal: 2000,
});

database.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
