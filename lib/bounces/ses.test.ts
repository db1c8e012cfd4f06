import { beforeAll, describe, expect, it, vi } from 'vitest';
import { snsSigner, type SnsSigner } from '@/lib/test/sns-signer';
import type { BounceReport } from './event';
import { handleSesWebhook } from './ses';
import { snsVerifier, type CertificateFetcher } from './sns';
import { verpAddress } from './verp';

const SECRET = 'ses-geheim-van-minstens-zestien-tekens';
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:kopij-bounces';

let signer: SnsSigner;
beforeAll(() => {
  signer = snsSigner();
});

/** An SES bounce notification as SES documents it, for a copy sent from our VERP address. */
function sesBounce(overrides: Record<string, unknown> = {}) {
  return {
    notificationType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'J.Devries@Raad-Zwolle.example',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      timestamp: '2026-11-29T13:00:00.000Z',
      feedbackId: '0102017abcd-feedback',
    },
    mail: {
      timestamp: '2026-11-29T12:59:58.000Z',
      source: verpAddress(4321, 'bounces.example.nl'),
      sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.nl',
      messageId: '0102017abcd-ses-id',
      destination: ['j.devries@raad-zwolle.example'],
      headersTruncated: false,
      headers: [
        { name: 'From', value: 'Raadsbericht <nieuws@example.nl>' },
        { name: 'Message-ID', value: '<kopij.3.abc.4321@example.nl>' },
      ],
      commonHeaders: { messageId: '<kopij.3.abc.4321@example.nl>' },
    },
    ...overrides,
  };
}

function notification(message: unknown, id = '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324') {
  return {
    Type: 'Notification',
    MessageId: id,
    TopicArn: TOPIC,
    Message: JSON.stringify(message),
    Timestamp: '2026-11-29T13:00:01.000Z',
    UnsubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${TOPIC}:1`,
  };
}

function subscription(subscribeUrl: string) {
  return {
    Type: 'SubscriptionConfirmation',
    MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
    Token:
      '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736',
    TopicArn: TOPIC,
    Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
    SubscribeURL: subscribeUrl,
    Timestamp: '2026-11-29T12:00:00.000Z',
  };
}

function webhook(options: { password?: string; secret?: string | undefined } = {}) {
  const fetched: string[] = [];
  const confirmed: string[] = [];
  const reports: BounceReport[] = [];
  const fetchCert: CertificateFetcher = async (url) => {
    fetched.push(url);
    if (url !== signer.certUrl) throw new Error(`onbekend certificaat ${url}`);
    return signer.certificate;
  };
  const deps = {
    secret: () => ('secret' in options ? options.secret : SECRET),
    apply: (report: BounceReport) => void reports.push(report),
    verify: snsVerifier(fetchCert),
    confirm: async (url: string) => void confirmed.push(url),
  };
  const post = (body: unknown, password = options.password ?? SECRET) =>
    handleSesWebhook(
      new Request('http://localhost/api/bounces/ses', {
        method: 'POST',
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'x-amz-sns-message-type': String((body as { Type?: string }).Type),
          authorization: `Basic ${Buffer.from(`sns:${password}`).toString('base64')}`,
        },
        body: JSON.stringify(body),
      }),
      deps,
    );
  return { post, fetched, confirmed, reports };
}

describe('SES webhook, signed SNS notifications', () => {
  it('turns a valid SHA256 notification into a report naming the VERP delivery', async () => {
    const hook = webhook();
    const response = await hook.post(signer.sign(notification(sesBounce())));
    expect(response.status).toBe(200);
    expect(hook.reports).toEqual([
      {
        source: 'ses',
        kind: 'hard',
        dedupeKey: 'ses:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:j.devries@raad-zwolle.example',
        deliveryId: 4321,
        email: 'j.devries@raad-zwolle.example',
        messageId: '<kopij.3.abc.4321@example.nl>',
        status: '5.1.1',
        diagnostic: 'Permanent/General: smtp; 550 5.1.1 user unknown',
      },
    ]);
  });

  it('accepts SignatureVersion 1 (SHA1) and a subject, and caches the certificate', async () => {
    const hook = webhook();
    const soft = sesBounce({
      bounce: {
        bounceType: 'Transient',
        bounceSubType: 'MailboxFull',
        bouncedRecipients: [{ emailAddress: 'vol@example.nl', diagnosticCode: '452 4.2.2 full' }],
      },
    });
    const first = signer.sign({ ...notification(soft, 'a'), Subject: 'Bounce' }, '1');
    expect((await hook.post(first)).status).toBe(200);
    const complaint = sesBounce({
      notificationType: 'Complaint',
      bounce: undefined,
      complaint: {
        complainedRecipients: [{ emailAddress: 'boos@example.nl' }],
        complaintFeedbackType: 'abuse',
      },
    });
    expect((await hook.post(signer.sign(notification(complaint, 'b')))).status).toBe(200);
    expect(hook.reports).toMatchObject([
      { kind: 'soft', dedupeKey: 'ses:a:vol@example.nl', status: '4.2.2' },
      { kind: 'complaint', dedupeKey: 'ses:b:boos@example.nl', diagnostic: 'Klacht (abuse)' },
    ]);
    expect(hook.fetched).toEqual([signer.certUrl]);
  });

  it('rejects a message with any signed field changed, and applies nothing', async () => {
    const hook = webhook();
    const good = signer.sign(notification(sesBounce()));
    const other = JSON.stringify(
      sesBounce({ mail: { ...sesBounce().mail, source: verpAddress(9999, 'bounces.example.nl') } }),
    );
    for (const tampered of [
      { ...good, Message: other },
      { ...good, MessageId: 'ander-id' },
      { ...good, Subject: 'toegevoegd' },
      { ...good, Timestamp: '2026-11-30T00:00:00.000Z' },
      { ...good, SignatureVersion: '1' },
    ]) {
      const response = await hook.post(tampered);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        message: 'De handtekening van deze melding klopt niet.',
      });
    }
    expect(hook.reports).toEqual([]);
  });

  it('never fetches a certificate from anywhere but SNS over HTTPS', async () => {
    const hook = webhook();
    for (const url of [
      'https://sns.eu-west-1.amazonaws.com.kwaad.example/cert.pem',
      'https://kwaad.example/sns.eu-west-1.amazonaws.com.pem',
      'http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-test.pem',
      'https://x:y@sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem',
      'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.txt',
      'geen url',
    ]) {
      const response = await hook.post({
        ...signer.sign(notification(sesBounce())),
        SigningCertURL: url,
      });
      expect(response.status).toBe(403);
    }
    expect(hook.fetched).toEqual([]);
    expect(hook.reports).toEqual([]);
  });

  it('refuses a wrong secret with 401 before looking at the message', async () => {
    const hook = webhook({ password: 'fout-geheim' });
    const response = await hook.post(signer.sign(notification(sesBounce())));
    expect(response.status).toBe(401);
    expect(hook.fetched).toEqual([]);
    expect(hook.reports).toEqual([]);
  });

  it('does not exist without SES_WEBHOOK_SECRET, and refuses what is not SNS', async () => {
    const hook = webhook({ secret: undefined });
    expect((await hook.post(signer.sign(notification(sesBounce())))).status).toBe(404);
    const broken = await webhook().post({ Type: 'Notification' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ message: 'Dit is geen melding van Amazon SNS.' });
  });

  it('acknowledges a signed message that is no bounce, and an undetermined bounce', async () => {
    const hook = webhook();
    const delivery = { notificationType: 'Delivery', mail: sesBounce().mail };
    expect((await hook.post(signer.sign(notification(delivery, 'c')))).status).toBe(200);
    expect((await hook.post(signer.sign(notification('Hallo', 'd')))).status).toBe(200);
    const unsure = sesBounce({
      bounce: { bounceType: 'Undetermined', bouncedRecipients: [{ emailAddress: 'a@b.nl' }] },
    });
    expect((await hook.post(signer.sign(notification(unsure, 'e')))).status).toBe(200);
    expect(hook.reports).toEqual([]);
  });

  it('answers 503 when the certificate cannot be fetched, and tries again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let up = false;
    const reports: BounceReport[] = [];
    const deps = {
      secret: () => SECRET,
      apply: (report: BounceReport) => void reports.push(report),
      verify: snsVerifier(async () => {
        if (!up) throw new Error('netwerk weg');
        return signer.certificate;
      }),
    };
    const request = () =>
      new Request('http://localhost/api/bounces/ses', {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`:${SECRET}`).toString('base64')}` },
        body: JSON.stringify(signer.sign(notification(sesBounce()))),
      });
    expect((await handleSesWebhook(request(), deps)).status).toBe(503);
    up = true;
    expect((await handleSesWebhook(request(), deps)).status).toBe(200);
    expect(reports).toHaveLength(1);
  });
});

describe('SES webhook, subscription messages', () => {
  it('confirms a signed subscription by visiting its SubscribeURL on SNS', async () => {
    const hook = webhook();
    const url = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336`;
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const response = await hook.post(signer.sign(subscription(url)));
    expect(response.status).toBe(200);
    expect(hook.confirmed).toEqual([new URL(url).href]);
  });

  it('visits no SubscribeURL elsewhere, nor one of a tampered message', async () => {
    const hook = webhook();
    const foreign = await hook.post(signer.sign(subscription('https://kwaad.example/?x=1')));
    expect(foreign.status).toBe(400);
    const good = signer.sign(
      subscription('https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=1'),
    );
    const tampered = await hook.post({
      ...good,
      SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2',
    });
    expect(tampered.status).toBe(403);
    expect(hook.confirmed).toEqual([]);
  });

  it('notes an unsubscribe confirmation', async () => {
    const hook = webhook();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const unsubscribed = {
      ...subscription('https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=1'),
      Type: 'UnsubscribeConfirmation',
    };
    expect((await hook.post(signer.sign(unsubscribed))).status).toBe(200);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('afgemeld'));
    expect(hook.confirmed).toEqual([]);
  });
});
