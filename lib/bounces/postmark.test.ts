import { describe, expect, it, vi } from 'vitest';
import type { BounceReport } from './event';
import { handlePostmarkWebhook } from './postmark';

const SECRET = 'postmark-geheim-van-32-tekens-lang';

// Shaped as Postmark documents its Bounce webhook (postmarkapp.com/developer/webhooks).
const hardBounce = {
  RecordType: 'Bounce',
  MessageStream: 'outbound',
  ID: 692560173,
  Type: 'HardBounce',
  TypeCode: 1,
  Name: 'Hard bounce',
  Tag: 'Test',
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Metadata: { a_key: 'a_value' },
  ServerID: 23,
  Description:
    'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
  Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
  Email: 'J.Devries@Raad-Zwolle.example',
  From: 'nieuws@vsg.example',
  BouncedAt: '2026-11-29T13:00:00Z',
  DumpAvailable: true,
  Inactive: true,
  CanActivate: true,
  Subject: 'Raadsbericht 24',
  Content: 'Return-Path: ...',
};

function call(
  body: unknown,
  options: { password?: string | null; secret?: string; raw?: string } = {},
) {
  const reports: BounceReport[] = [];
  const password = options.password === undefined ? SECRET : options.password;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (password !== null)
    headers.authorization = `Basic ${Buffer.from(`kopij:${password}`).toString('base64')}`;
  const request = new Request('http://localhost/api/bounces/postmark', {
    method: 'POST',
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
  const response = handlePostmarkWebhook(request, {
    secret: () => ('secret' in options ? options.secret : SECRET),
    apply: (report) => void reports.push(report),
  });
  return { response, reports };
}

describe('Postmark webhook', () => {
  it('turns a hard bounce into a report for the address, keyed on Postmark’s id', async () => {
    const { response, reports } = call(hardBounce);
    expect((await response).status).toBe(200);
    expect(reports).toEqual([
      {
        source: 'postmark',
        kind: 'hard',
        dedupeKey: 'postmark:692560173',
        email: 'j.devries@raad-zwolle.example',
        status: '5.1.1',
        diagnostic:
          'HardBounce: smtp;550 5.1.1 The email account that you tried to reach does not exist.',
      },
    ]);
  });

  it('keeps 64-bit ids apart that JSON numbers would round together', async () => {
    const keys: string[] = [];
    for (const id of ['4323372036854775807', '4323372036854775806']) {
      const raw = JSON.stringify({ ...hardBounce, ID: 0 }).replace('"ID":0', `"ID":${id}`);
      const { response, reports } = call(null, { raw });
      expect((await response).status).toBe(200);
      keys.push(reports[0]!.dedupeKey);
    }
    expect(keys).toEqual(['postmark:4323372036854775807', 'postmark:4323372036854775806']);
  });

  it('maps soft bounces and spam complaints, and acknowledges what says nothing', async () => {
    const soft = call({ ...hardBounce, Type: 'SoftBounce', TypeCode: 4096, Details: 'full' });
    expect((await soft.response).status).toBe(200);
    expect(soft.reports).toMatchObject([{ kind: 'soft', status: undefined }]);

    const complaint = call({
      ...hardBounce,
      RecordType: 'SpamComplaint',
      ID: 42,
      Type: 'SpamComplaint',
      TypeCode: 100001,
      Details: 'Test spam complaint details',
    });
    expect((await complaint.response).status).toBe(200);
    expect(complaint.reports).toMatchObject([{ kind: 'complaint', dedupeKey: 'postmark:42' }]);

    for (const Type of ['Transient', 'AutoResponder', 'Blocked', 'toString']) {
      const ignored = call({ ...hardBounce, Type });
      const response = await ignored.response;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { message: string }).message).toMatch(/^Genegeerd/);
      expect(ignored.reports).toEqual([]);
    }
    const delivery = call({ RecordType: 'Delivery', Recipient: 'x@example.nl' });
    expect((await delivery.response).status).toBe(200);
    expect(delivery.reports).toEqual([]);
  });

  it('does not exist without POSTMARK_WEBHOOK_SECRET', async () => {
    const { response, reports } = call(hardBounce, { secret: undefined });
    expect((await response).status).toBe(404);
    expect(reports).toEqual([]);
  });

  it('refuses a wrong or missing secret with 401 and changes nothing', async () => {
    for (const password of ['fout', `${SECRET}x`, '', null]) {
      const { response, reports } = call(hardBounce, { password });
      const answer = await response;
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(reports).toEqual([]);
    }
  });

  it('refuses what is not JSON or not a Postmark report with a Dutch 400', async () => {
    const broken = await call(null, { raw: '{"RecordType": "Bounce",' }).response;
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ message: 'De melding is geen geldige JSON.' });
    for (const body of [{ ...hardBounce, Email: 'geen adres' }, { ...hardBounce, ID: 'x' }, []]) {
      const { response, reports } = call(body);
      expect((await response).status).toBe(400);
      expect(reports).toEqual([]);
    }
  });

  it('answers 503 rather than 500 when applying fails, so Postmark retries', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = new Request('http://localhost/api/bounces/postmark', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`:${SECRET}`).toString('base64')}` },
      body: JSON.stringify(hardBounce),
    });
    const response = await handlePostmarkWebhook(request, {
      secret: () => SECRET,
      apply: () => {
        throw new Error('database is locked');
      },
    });
    expect(response.status).toBe(503);
  });
});
