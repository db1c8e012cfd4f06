import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';

/**
 * Signs SNS messages the way Amazon SNS does, with a throwaway RSA key and a self-signed
 * certificate that openssl makes for the test. The canonical string is written out here on its
 * own, from AWS's documentation, rather than taken from the code under test.
 */
export type SnsSigner = {
  certificate: string;
  certUrl: string;
  sign: (fields: Record<string, string>, version?: '1' | '2') => Record<string, string>;
};

const notificationKeys = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const confirmationKeys = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];

export function canonical(fields: Record<string, string>): string {
  const keys = fields.Type === 'Notification' ? notificationKeys : confirmationKeys;
  return keys
    .filter((key) => key in fields)
    .map((key) => `${key}\n${fields[key]}\n`)
    .join('');
}

export function snsSigner(
  certUrl = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem',
): SnsSigner {
  const out = execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      '-',
      '-subj',
      '/CN=sns.amazonaws.com',
      '-days',
      '2',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  ).toString();
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(out)![0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(out)![0];
  return {
    certificate,
    certUrl,
    sign(fields, version = '2') {
      const signature = crypto
        .sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(canonical(fields)), key)
        .toString('base64');
      return {
        ...fields,
        SignatureVersion: version,
        Signature: signature,
        SigningCertURL: certUrl,
      };
    },
  };
}
