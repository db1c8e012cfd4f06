import { and, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Db } from '@/db';
import { bounceEvents, consentEvents, subscribers, subscriptions, suppressions } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { smtpTransport, type Lane } from '@/lib/send/transport';
import { linkKey } from '@/lib/subscribers/links';
import { signToken } from '@/lib/subscribers/tokens';
import { bounceFixture, type BounceFixtureName } from '@/lib/test/bounce-fixtures';
import { BOUNCE_DOMAIN, bounceSetup, type BounceSetup } from '@/lib/test/bounce-setup';
import { testDb } from '@/lib/test/db';
import { startInboundSmtp } from './inbound-smtp';
import { verpAddress } from './verp';

type World = { database: Db; setup: BounceSetup; lane: Lane; lines: string[] };

/** A database with readers, the real listener on loopback, and a client lane to it. */
async function world(options: { readers?: number; issues?: number; maxSize?: number } = {}) {
  const database = testDb();
  const setup = bounceSetup(database, { readers: options.readers ?? 2, issues: options.issues });
  const lines: string[] = [];
  const server = await startInboundSmtp({
    db: database,
    host: '127.0.0.1',
    port: 0,
    maxSize: options.maxSize,
    log: (line) => lines.push(line),
  });
  const lane = smtpTransport(`smtp://127.0.0.1:${server.port}`).lane();
  onTestFinished(async () => {
    lane.close();
    await server.close();
  });
  return { database, setup, lane, lines } satisfies World;
}

/** A report about one copy, sent by its reporter to the copy's VERP envelope sender. */
function bounceFor(w: World, name: BounceFixtureName, deliveryId: number, to?: string) {
  const reader = w.setup.readers.find((r) => r.deliveries.includes(deliveryId))!;
  const verp = w.setup.verp(deliveryId);
  const raw = bounceFixture(name, {
    verp,
    to: to ?? verp,
    email: reader.email,
    messageId: w.setup.messageId(deliveryId),
  });
  return w.lane.send({ from: '', to: to ?? verp }, raw);
}

const reader = (w: World, n = 0) =>
  w.database
    .select()
    .from(subscribers)
    .where(eq(subscribers.id, w.setup.readers[n]!.subscriberId))
    .get()!;
const events = (w: World) => w.database.select().from(bounceEvents).all();
const suppressed = (w: World) => w.database.select().from(suppressions).all();

describe('the inbound SMTP listener', () => {
  it.each(['postfix-hard', 'exchange-hard', 'gmail-hard'] as const)(
    'records a %s bounce for the right copy and reader before it answers 250',
    async (name) => {
      const w = await world();
      const deliveryId = w.setup.readers[0]!.deliveries[0]!;
      const outcome = await bounceFor(w, name, deliveryId);
      expect(outcome.ok).toBe(true);
      expect(events(w)).toMatchObject([
        { kind: 'hard', source: 'smtp', deliveryId, subscriberId: reader(w).id },
      ]);
      expect(reader(w).status).toBe('bounced');
      expect(reader(w, 1).status).toBe('active');
      expect(suppressed(w)).toMatchObject([{ reason: 'hard_bounce', email: reader(w).email! }]);
    },
  );

  it('refuses a VERP address with a wrong MAC at RCPT TO, and nothing changes', async () => {
    const w = await world();
    const verp = w.setup.verp(w.setup.readers[0]!.deliveries[0]!);
    const forged = verp.replace(/\+([0-9a-f])/, (_, c: string) => `+${c === '0' ? '1' : '0'}`);
    const outcome = await w.lane.send(
      { from: '', to: forged },
      bounceFixture('postfix-hard', { verp: forged, email: reader(w).email! }),
    );
    expect(outcome).toMatchObject({ ok: false, code: 550 });
    expect(events(w)).toEqual([]);
    expect(reader(w).status).toBe('active');
  });

  it('refuses recipients that are not ours: no open relay', async () => {
    const w = await world();
    const valid = w.setup.verp(w.setup.readers[0]!.deliveries[0]!);
    for (const to of [
      'jan@gemeente-voorbeeld.nl',
      `nieuws@${BOUNCE_DOMAIN}`,
      'afmelden@andere-organisatie.nl',
      valid.replace(BOUNCE_DOMAIN, 'andere-organisatie.nl'),
    ]) {
      const outcome = await w.lane.send(
        { from: 'iemand@example.org', to },
        bounceFixture('out-of-office'),
      );
      expect(outcome, to).toMatchObject({ ok: false, code: 550 });
    }
  });

  it('the same DSN twice is accepted twice and counts once', async () => {
    const w = await world();
    const deliveryId = w.setup.readers[0]!.deliveries[0]!;
    expect((await bounceFor(w, 'postfix-hard', deliveryId)).ok).toBe(true);
    expect((await bounceFor(w, 'postfix-hard', deliveryId)).ok).toBe(true);
    expect(events(w)).toHaveLength(1);
    expect(reader(w).hardBounces).toBe(1);
    expect(suppressed(w)).toHaveLength(1);
  });

  it('soft bounces on successive copies count up to the limit', async () => {
    const limit = getConfig().bounces.softLimit;
    const w = await world({ readers: 1, issues: limit });
    const copies = w.setup.readers[0]!.deliveries;
    for (const [i, deliveryId] of copies.entries()) {
      const name = i % 2 ? 'postfix-delayed' : 'soft-mailbox-full';
      expect((await bounceFor(w, name, deliveryId)).ok).toBe(true);
      expect(reader(w)).toMatchObject({
        softBounces: i + 1,
        status: i + 1 < limit ? 'active' : 'bounced',
      });
    }
    expect(suppressed(w)).toMatchObject([{ reason: 'hard_bounce' }]);
    expect(suppressed(w)[0]!.detail).toContain(`na ${limit} zachte bounces`);
  });

  it('a complaint (ARF) sent to the afmelden@ address unsubscribes and suppresses', async () => {
    const w = await world();
    const to = `afmelden@${BOUNCE_DOMAIN}`;
    const outcome = await bounceFor(w, 'arf-complaint', w.setup.readers[0]!.deliveries[0]!, to);
    expect(outcome.ok).toBe(true);
    const subscription = w.database
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.subscriberId, reader(w).id),
          eq(subscriptions.newsletterId, w.setup.newsletterId),
        ),
      )
      .get()!;
    expect(subscription.status).toBe('unsubscribed');
    expect(w.database.select().from(consentEvents).all()).toMatchObject([
      { kind: 'unsubscribed', source: 'klacht', subscriberId: reader(w).id },
    ]);
    expect(suppressed(w)).toMatchObject([{ reason: 'complaint', email: reader(w).email! }]);
  });

  it('a mailed unsubscribe (List-Unsubscribe mailto) unsubscribes', async () => {
    const w = await world();
    const to = `afmelden@${BOUNCE_DOMAIN}`;
    const token = signToken(linkKey(), 'unsubscribe', {
      subscriberId: reader(w).id,
      newsletterId: w.setup.newsletterId,
      version: 1,
    });
    const raw = bounceFixture('mailto-unsubscribe', {
      to,
      email: reader(w).email!,
      subject: `afmelden ${token}`,
    });
    expect((await w.lane.send({ from: reader(w).email!, to }, raw)).ok).toBe(true);
    expect(w.database.select().from(subscriptions).get()!.status).toBe('unsubscribed');
    expect(w.database.select().from(consentEvents).all()).toMatchObject([
      { kind: 'unsubscribed', source: 'mailto' },
    ]);
    expect(suppressed(w)).toEqual([]);
  });

  it('an out-of-office reply is accepted and changes nothing', async () => {
    const w = await world();
    const deliveryId = w.setup.readers[0]!.deliveries[0]!;
    const verp = w.setup.verp(deliveryId);
    const raw = bounceFixture('out-of-office', { verp, email: reader(w).email! });
    expect((await w.lane.send({ from: reader(w).email!, to: verp }, raw)).ok).toBe(true);
    expect(events(w)).toEqual([]);
    expect(reader(w)).toMatchObject({ status: 'active', softBounces: 0, hardBounces: 0 });
    expect(w.lines.join('\n')).toContain('automatisch antwoord');
  });

  it('refuses a message over the size limit', async () => {
    const w = await world({ maxSize: 4096 });
    const deliveryId = w.setup.readers[0]!.deliveries[0]!;
    expect(await bounceFor(w, 'exchange-hard', deliveryId)).toMatchObject({ ok: false, code: 552 });
    expect(events(w)).toEqual([]);
  });

  it('answers 451 when the report cannot be recorded, so the sender tries again', async () => {
    const w = await world();
    const deliveryId = w.setup.readers[0]!.deliveries[0]!;
    const verp = verpAddress(deliveryId, BOUNCE_DOMAIN);
    w.database.$client.exec('drop table bounce_events');
    const outcome = await w.lane.send(
      { from: '', to: verp },
      bounceFixture('gmail-hard', { verp, email: 'x@example.nl' }),
    );
    expect(outcome).toMatchObject({ ok: false, code: 451 });
    expect(reader(w).status).toBe('active');
  });
});
