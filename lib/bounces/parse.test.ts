import { describe, expect, it } from 'vitest';
import { bounceFixture, type BounceFixtureName } from '@/lib/test/bounce-fixtures';
import { cleanDiagnostic, fieldBlocks, statusOf } from './fields';
import { parseInbound } from './parse';
import { verpAddress, verpKey } from './verp';

const key = verpKey('een-geheim-van-minstens-tweeendertig-tekens');
const domain = 'bounces.vsg.example.nl';
const verp = verpAddress(4242, domain, key);
const email = 'jan.jansen@gemeente-voorbeeld.nl';
const messageId = '<kopij.12.m7x2k.4242@vsg.example.nl>';

const parse = (raw: Buffer, recipients?: string[]) =>
  parseInbound(raw, { source: 'smtp', recipients, key });
const fixture = (name: BounceFixtureName, values: Parameters<typeof bounceFixture>[1] = {}) =>
  bounceFixture(name, { verp, email, messageId, ...values });

describe('reading bounces (RFC 3464)', () => {
  it.each([
    ['postfix-hard', '5.1.1', 'User unknown in virtual mailbox table'],
    ['exchange-hard', '5.1.10', 'RESOLVER.ADR.RecipientNotFound'],
    ['gmail-hard', '5.1.1', 'The email account that you tried to reach does not exist'],
  ] as const)('%s: a hard bounce for the VERP delivery', async (name, status, words) => {
    const { reports } = await parse(fixture(name), [verp]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      source: 'smtp',
      kind: 'hard',
      deliveryId: 4242,
      status,
      messageId,
    });
    expect(reports[0]!.diagnostic).toContain(words);
    expect(reports[0]!.diagnostic).not.toMatch(/^smtp;/);
  });

  it("Gmail's multi-line reply reads as one sentence, without the repeated 550-5.1.1", async () => {
    const { reports } = await parse(fixture('gmail-hard'));
    expect(reports[0]!.diagnostic).toMatch(
      /^550 5\.1\.1 The email account that you tried to reach does not exist\. Please try double-checking/,
    );
    expect(reports[0]!.diagnostic).not.toContain('550-5.1.1');
  });

  it('finds the delivery in the headers when the envelope is not known (IMAP)', async () => {
    const { reports } = await parseInbound(fixture('postfix-hard'), { source: 'imap', key });
    expect(reports).toMatchObject([{ source: 'imap', kind: 'hard', deliveryId: 4242 }]);
  });

  it('reads a full mailbox (5.2.2) and a delayed copy (4.2.2) as soft', async () => {
    expect((await parse(fixture('soft-mailbox-full'), [verp])).reports).toMatchObject([
      { kind: 'soft', status: '5.2.2', deliveryId: 4242 },
    ]);
    expect((await parse(fixture('postfix-delayed'), [verp])).reports).toMatchObject([
      { kind: 'soft', status: '4.2.2', deliveryId: 4242 },
    ]);
  });

  it('reads the report part also as an attachment or mislabelled as text/plain', async () => {
    const plain = fixture('postfix-hard').toString();
    const attached = plain.replace(
      'Content-Type: message/delivery-status',
      'Content-Type: message/delivery-status; name="details.txt"\r\nContent-Disposition: attachment; filename="details.txt"',
    );
    const asText = plain.replace(
      'Content-Type: message/delivery-status',
      'Content-Type: text/plain; charset=us-ascii',
    );
    for (const raw of [attached, asText]) {
      const { reports } = await parse(Buffer.from(raw), [verp]);
      expect(reports).toMatchObject([{ kind: 'hard', status: '5.1.1', deliveryId: 4242 }]);
    }
  });

  it('a bounce whose VERP MAC is wrong or missing names nothing', async () => {
    const forged = verp.replace(/\+([0-9a-f])/, (_, c: string) => `+${c === '0' ? '1' : '0'}`);
    const wrong = await parse(fixture('postfix-hard', { verp: forged }), [forged]);
    expect(wrong.reports).toEqual([]);
    expect(wrong.ignored).toMatch(/VERP/);
    const other = verpAddress(4242, domain, verpKey('een-ander-geheim-van-minstens-32-tekens'));
    expect((await parse(fixture('gmail-hard', { verp: other }), [other])).reports).toEqual([]);
    const none = fixture('postfix-hard', { verp: 'nieuws@vsg.example.nl' });
    expect((await parse(none, ['nieuws@vsg.example.nl'])).reports).toEqual([]);
  });

  it('the envelope decides: a forged envelope is not rescued by a valid address inside', async () => {
    const forged = verp.replace('bounces+', 'bounces+1');
    expect((await parse(fixture('exchange-hard'), [forged])).reports).toEqual([]);
  });

  it('the same DSN twice has the same key; another copy or another kind a different one', async () => {
    const [a] = (await parse(fixture('postfix-hard'), [verp])).reports;
    const [b] = (await parse(fixture('postfix-hard'), [verp])).reports;
    expect(a!.dedupeKey).toBe(b!.dedupeKey);
    const otherVerp = verpAddress(4243, domain, key);
    const [c] = (await parse(fixture('postfix-hard', { verp: otherVerp }), [otherVerp])).reports;
    expect(c!.dedupeKey).not.toBe(a!.dedupeKey);
    const [d] = (await parse(fixture('postfix-delayed'), [verp])).reports;
    expect(d!.dedupeKey).not.toBe(a!.dedupeKey);
  });

  it('a success notice (Action: delivered) holds no report', async () => {
    const raw = fixture('postfix-hard')
      .toString()
      .replace('Action: failed', 'Action: delivered')
      .replace('Status: 5.1.1', 'Status: 2.0.0');
    const result = await parse(Buffer.from(raw), [verp]);
    expect(result.reports).toEqual([]);
    expect(result.ignored).toMatch(/DSN/);
  });
});

describe('reading complaints (RFC 5965)', () => {
  it('a Hotmail/JMRP abuse report sent to the feedback address names the copy', async () => {
    const to = `afmelden@${domain}`;
    const { reports } = await parse(fixture('arf-complaint', { to }), [to]);
    expect(reports).toMatchObject([{ kind: 'complaint', deliveryId: 4242, messageId }]);
    expect(reports[0]!.diagnostic).toContain('abuse');
  });

  it('uses the returned message when the report has no Original-Mail-From', async () => {
    const to = `afmelden@${domain}`;
    const raw = fixture('arf-complaint', { to })
      .toString()
      .replace(/Original-Mail-From: .*\r\n/, '');
    expect((await parse(Buffer.from(raw), [to])).reports).toMatchObject([
      { kind: 'complaint', deliveryId: 4242 },
    ]);
  });

  it('fraud and other are complaints; not-spam is none', async () => {
    for (const type of ['fraud', 'other']) {
      const raw = fixture('arf-complaint').toString().replace('Type: abuse', `Type: ${type}`);
      expect((await parse(Buffer.from(raw), [verp])).reports[0]?.kind).toBe('complaint');
    }
    const raw = fixture('arf-complaint').toString().replace('Type: abuse', 'Type: not-spam');
    expect((await parse(Buffer.from(raw), [verp])).reports).toEqual([]);
  });
});

describe('mail to the unsubscribe address and other mail', () => {
  const to = `afmelden@${domain}`;
  const token = '1a.2.1.0.AbCdEfGhIjKlMnOpQrStUv';

  it('afmelden <token> is a mailed unsubscribe', async () => {
    const raw = fixture('mailto-unsubscribe', { to, subject: `afmelden ${token}` });
    const { reports } = await parse(raw, [to]);
    expect(reports).toMatchObject([{ kind: 'unsubscribe', unsubscribeToken: token }]);
    expect(reports[0]!.deliveryId).toBeUndefined();
  });

  it('the same mail twice has one key; a new mail later (after a resubscribe) another', async () => {
    const raw = fixture('mailto-unsubscribe', { to, subject: `afmelden ${token}` });
    const again = Buffer.from(
      raw.toString().replace('-ABcD@mail.gmail.com', '-EFgH@mail.gmail.com'),
    );
    const [a] = (await parse(raw, [to])).reports;
    const [b] = (await parse(raw, [to])).reports;
    const [c] = (await parse(again, [to])).reports;
    expect(a!.dedupeKey).toBe(b!.dedupeKey);
    expect(c!.dedupeKey).not.toBe(a!.dedupeKey);
  });

  it('any other mail to it is left alone', async () => {
    for (const subject of ['Vraag over de nieuwsbrief', 'afmelden', 'Re: afmelden']) {
      const result = await parse(fixture('mailto-unsubscribe', { to, subject }), [to]);
      expect(result.reports).toEqual([]);
      expect(result.ignored).toBeTruthy();
    }
  });

  it('an out-of-office reply to the VERP address holds nothing', async () => {
    const result = await parse(fixture('out-of-office'), [verp]);
    expect(result.reports).toEqual([]);
    expect(result.ignored).toMatch(/automatisch/);
  });
});

describe('report fields', () => {
  it('unfolds continuation lines and keeps blocks apart', () => {
    const blocks = fieldBlocks(
      'Reporting-MTA: dns; a\r\n\r\nAction: failed\r\nStatus: 5.1.1\r\n (x)\r\n',
    );
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.get('status')).toBe('5.1.1 (x)');
  });

  it('prefers the precise code in the diagnostic over a generic x.0.0', () => {
    expect(statusOf('5.0.0', '550 5.1.1 user unknown')).toBe('5.1.1');
    expect(statusOf('5.2.2', '552 5.2.2 full')).toBe('5.2.2');
    expect(statusOf(undefined, '550 5.7.1 blocked')).toBe('5.7.1');
    expect(cleanDiagnostic('X-Postfix; host said: 550 nope')).toBe('host said: 550 nope');
  });
});
