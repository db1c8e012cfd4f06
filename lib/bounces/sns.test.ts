import { describe, expect, it } from 'vitest';
import { snsSigner } from '@/lib/test/sns-signer';
import { certificateUrl, snsEnvelope, snsUrl, snsVerifier, stringToSign } from './sns';

const envelope = (fields: Record<string, string>) =>
  snsEnvelope.parse({ SignatureVersion: '2', Signature: 'x', SigningCertURL: '', ...fields });

describe('stringToSign', () => {
  it('is the string of AWS’s documented notification example', () => {
    expect(
      stringToSign(
        envelope({
          Type: 'Notification',
          MessageId: '4d4dc071-ddbf-465d-bba8-08f81c89da64',
          TopicArn: 'arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P',
          Subject: 'My subject',
          Message: 'My Test Message',
          Timestamp: '2019-01-31T04:37:04.321Z',
          UnsubscribeURL: 'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe',
        }),
      ),
    ).toBe(
      [
        'Message',
        'My Test Message',
        'MessageId',
        '4d4dc071-ddbf-465d-bba8-08f81c89da64',
        'Subject',
        'My subject',
        'Timestamp',
        '2019-01-31T04:37:04.321Z',
        'TopicArn',
        'arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P',
        'Type',
        'Notification',
        '',
      ].join('\n'),
    );
  });

  it('leaves out a missing subject, and needs the token of a confirmation', () => {
    const base = { MessageId: 'm', TopicArn: 't', Message: 'x', Timestamp: 's' };
    expect(stringToSign(envelope({ ...base, Type: 'Notification' }))).not.toContain('Subject');
    expect(
      stringToSign(envelope({ ...base, Type: 'SubscriptionConfirmation', SubscribeURL: 'u' })),
    ).toBeNull();
  });
});

describe('SNS URLs', () => {
  it('are Amazon SNS’s own over plain HTTPS, in every region and in China', () => {
    expect(snsUrl('https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription')).not.toBe(
      null,
    );
    expect(certificateUrl('https://sns.cn-north-1.amazonaws.com.cn/SNS-x.pem')).not.toBeNull();
    for (const bad of [
      'https://sns.amazonaws.com/SNS-x.pem',
      'https://sns.eu-west-1.amazonaws.com.example/SNS-x.pem',
      'https://evil-sns.eu-west-1.amazonaws.com/SNS-x.pem',
      'https://SNS.EU-WEST-1.AMAZONAWS.COM:444/SNS-x.pem',
      'ftp://sns.eu-west-1.amazonaws.com/SNS-x.pem',
    ])
      expect(certificateUrl(bad)).toBeNull();
  });
});

describe('snsVerifier', () => {
  it('refuses a certificate outside its validity', async () => {
    const signer = snsSigner();
    const message = snsEnvelope.parse(
      signer.sign({
        Type: 'Notification',
        MessageId: 'm',
        TopicArn: 't',
        Message: 'x',
        Timestamp: 's',
      }),
    );
    const verify = snsVerifier(async () => signer.certificate);
    expect(await verify(message)).toBe(true);
    expect(await verify(message, new Date(Date.now() + 30 * 86_400_000))).toBe(false);
  });
});
