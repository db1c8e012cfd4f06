import crypto from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliveries, issues, newsletters, subscribers } from '@/db/schema';
import { deliveryOfVerp } from '@/lib/bounces/verp';
import { tokenKey, verifyToken } from '@/lib/subscribers/tokens';
import { testDb } from '@/lib/test/db';
import { prng, sendFixture, startFixtureSend, waitForStatus } from '@/lib/test/send-fixture';
import { sendHarness, TEST_PUBLIC_URL, TEST_SECRET } from '@/lib/test/send-harness';
import type { Fault } from '@/lib/test/smtp';
import { deliveryCounts } from './complete';
import { dkimSigner } from './dkim';

const key = tokenKey(TEST_SECRET);
const publicUrl = TEST_PUBLIC_URL;
const harness = sendHarness();
const run = harness.run;

const countBy = (values: string[]) =>
  values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe('sending an issue', () => {
  it('gives each of 1,000 readers exactly one copy with their own themes, links and the list headers', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 1000);
    const smtp = await harness.smtp();
    const started = startFixtureSend(database, fixture.issueId);
    expect(started.recipients).toBe(1000);
    run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');

    const perReader = countBy(smtp.messages.flatMap((m) => m.envelopeTo));
    expect(perReader.size).toBe(1000);
    expect([...perReader.values()].every((n) => n === 1)).toBe(true);

    const newsletter = database
      .select()
      .from(newsletters)
      .where(eq(newsletters.id, fixture.newsletterId))
      .get()!;
    const senderDomain = newsletter.senderEmail.split('@')[1]!.toLowerCase();
    const domainPattern = senderDomain.replace(/\./g, '\\.');
    const deliveryOf = new Map(
      database
        .select()
        .from(deliveries)
        .all()
        .map((d) => [d.subscriberId, d]),
    );
    const themeNames = new Set(fixture.themeNames.values());
    const messageIds = new Set<string>();
    for (const mail of smtp.messages) {
      const parsed: ParsedMail = await simpleParser(mail.raw);
      const reader = fixture.readers.get(mail.envelopeTo[0]!)!;
      // Sections: exactly the themes the reader follows that the issue has content for.
      const expected = reader.themeIds
        .filter((t) => fixture.issueThemeIds.has(t))
        .map((t) => fixture.themeNames.get(t)!);
      const shown = [...(parsed.text ?? '').matchAll(/^== (.+) ==$/gm)]
        .map((m) => m[1]!)
        .filter((name) => themeNames.has(name));
      expect(shown.sort()).toEqual(expected.sort());
      for (const name of expected) expect(parsed.html).toContain(name);

      // Links: both verify as this reader's own tokens, in the HTML, the text and the header,
      // and name the issue they came in (for its results), outside the token.
      const html = String(parsed.html);
      const unsubscribe = html.match(/\/afmelden\/([^"<\s?]+)/)![1]!;
      const preferences = html.match(/\/voorkeuren\/([^"<\s?]+)/)![1]!;
      const issueQuery = `?nummer=${fixture.issueId}`;
      expect(html).toContain(`/afmelden/${unsubscribe}${issueQuery}"`);
      expect(html).toContain(`/voorkeuren/${preferences}${issueQuery}"`);
      for (const [purpose, token] of [
        ['unsubscribe', unsubscribe],
        ['preferences', preferences],
      ] as const) {
        const check = verifyToken(key, purpose, token, { currentVersion: () => 1 });
        expect(check.ok && check.claims.subscriberId).toBe(reader.subscriberId);
        expect(parsed.text).toContain(token);
      }
      const list = parsed.headers.get('list') as {
        unsubscribe: { url: string; mail: string };
        id: { id: string };
      };
      const listUnsubscribe = list.unsubscribe;
      expect(listUnsubscribe.url).toBe(`${publicUrl}/afmelden/${unsubscribe}${issueQuery}`);
      // The mailto goes to Kopij's inbound side on the bounce domain (the sender's without
      // BOUNCE_DOMAIN); its subject is the bare token, as lib/bounces/parse.ts reads it.
      expect(listUnsubscribe.mail).toBe(
        `afmelden@${senderDomain}?subject=afmelden%20${unsubscribe}`,
      );
      expect(mail.raw.toString()).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(list.id.id).toBe(`${newsletter.slug}.nieuwsbrief.example.nl`);

      expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
      expect(parsed.from?.value[0]).toEqual({
        name: newsletter.senderName,
        address: newsletter.senderEmail,
      });
      expect(parsed.to).toMatchObject({ value: [{ address: mail.envelopeTo[0] }] });
      expect(parsed.subject).toBe(
        database.select().from(issues).where(eq(issues.id, fixture.issueId)).get()!.subject,
      );
      // VERP: the envelope sender names this reader's delivery, encrypted; no Return-Path of ours.
      const delivery = deliveryOf.get(reader.subscriberId)!;
      expect(mail.envelopeFrom).toMatch(new RegExp(`^bounces\\+[0-9a-f]{32}@${domainPattern}$`));
      expect(deliveryOfVerp(mail.envelopeFrom)).toBe(delivery.id);
      expect(mail.raw.subarray(0, 4096).toString('latin1')).not.toMatch(/^Return-Path:/im);
      // The Message-ID is a MAC: no issue, delivery or row number to read from it.
      expect(parsed.messageId).toMatch(new RegExp(`^<[0-9a-f]{32}@${domainPattern}>$`));
      expect(parsed.messageId).toBe(delivery.messageId);
      messageIds.add(parsed.messageId!);
    }
    expect(messageIds.size).toBe(1000);
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 1000, total: 1000 });
    const sentRows = database.select({ messageId: deliveries.messageId }).from(deliveries).all();
    expect(new Set(sentRows.map((r) => `<${r.messageId?.slice(1, -1)}>`))).toEqual(messageIds);
  }, 120_000);

  it('delivers every message exactly once when the server answers 451 to 10 % and drops 2 % of connections', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 1000, { seed: 11 });
    const random = prng(99);
    const faults = { tempfail: 0, drop: 0 };
    const smtp = await harness.smtp(undefined, {
      fault: (): Fault => {
        const r = random();
        const fault = r < 0.02 ? 'drop' : r < 0.12 ? 'tempfail' : undefined;
        if (fault) faults[fault]++;
        return fault;
      },
    });
    startFixtureSend(database, fixture.issueId);
    run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');
    expect(faults.tempfail).toBeGreaterThan(50);
    expect(faults.drop).toBeGreaterThan(5);
    const perReader = countBy(smtp.messages.flatMap((m) => m.envelopeTo));
    expect(perReader.size).toBe(1000);
    expect([...perReader.values()].filter((n) => n !== 1)).toEqual([]);
    const counts = deliveryCounts(database, fixture.issueId);
    expect(counts).toMatchObject({ sent: 1000, failed: 0 });
  }, 120_000);

  it('fails the delivery a server refuses with 550, marks that reader bounced and goes on with the rest', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 50, {
      address: (n) => (n === 7 ? 'weiger@example.test' : `lezer${n}@example.test`),
    });
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    run(database, smtp.url);
    await waitForStatus(database, fixture.issueId, 'sent');
    expect(smtp.messages).toHaveLength(49);
    const refused = fixture.readers.get('weiger@example.test')!;
    const row = database
      .select()
      .from(deliveries)
      .where(eq(deliveries.subscriberId, refused.subscriberId))
      .get()!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/550/);
    expect(
      database.select().from(subscribers).where(eq(subscribers.id, refused.subscriberId)).get(),
    ).toMatchObject({ status: 'bounced', hardBounces: 1 });
    expect(deliveryCounts(database, fixture.issueId)).toMatchObject({ sent: 49, failed: 1 });
  }, 60_000);

  it('signs every copy with DKIM when a key is configured, and receivers verify each one', async () => {
    const database = testDb();
    const fixture = sendFixture(database, 30);
    const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`;
    const resolver = async (name: string) => {
      if (name !== 'kopij2026._domainkey.vsg.example')
        throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return [record.match(/.{1,255}/g)!];
    };
    const smtp = await harness.smtp();
    startFixtureSend(database, fixture.issueId);
    run(database, smtp.url, {
      dkim: dkimSigner({
        domain: 'vsg.example',
        selector: 'kopij2026',
        privateKey: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      }),
    });
    await waitForStatus(database, fixture.issueId, 'sent');
    expect(smtp.messages).toHaveLength(30);
    for (const mail of smtp.messages) {
      const { results } = await dkimVerify(mail.raw, { resolver });
      expect(results.map((r: { status: { result: string } }) => r.status.result)).toEqual(['pass']);
    }
  }, 60_000);
});
