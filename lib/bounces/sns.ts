import crypto from 'node:crypto';
import { z } from '@/lib/validation';

// Amazon SNS messages to an HTTP(S) endpoint, and their signatures, as AWS documents them
// ("Verifying the signatures of Amazon SNS messages"): a newline-separated list of name and
// value pairs in byte order, signed with SHA1withRSA (SignatureVersion 1) or SHA256withRSA (2),
// by the certificate at SigningCertURL, which must be Amazon's own over HTTPS.

export const snsEnvelope = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().min(1).max(100),
  TopicArn: z.string().min(1).max(300),
  Message: z.string(),
  Timestamp: z.string().min(1).max(40),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1).max(4096),
  SigningCertURL: z.string().max(1000),
  Subject: z.string().nullish(),
  SubscribeURL: z.string().max(4000).optional(),
  Token: z.string().max(4000).optional(),
  UnsubscribeURL: z.string().max(4000).optional(),
});
export type SnsEnvelope = z.infer<typeof snsEnvelope>;

const snsHost = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** The URL when it is Amazon SNS's own over HTTPS (no other port, no login), else null. */
export function snsUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const plain = url.protocol === 'https:' && !url.port && !url.username && !url.password;
  return plain && snsHost.test(url.hostname) ? url : null;
}

/** A signing certificate comes only from SNS's host, and is a .pem file. */
export function certificateUrl(raw: string): URL | null {
  const url = snsUrl(raw);
  return url && url.pathname.endsWith('.pem') ? url : null;
}

const signedFields = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: [
    'Message',
    'MessageId',
    'SubscribeURL',
    'Timestamp',
    'Token',
    'TopicArn',
    'Type',
  ],
} as const;

/** The canonical string SNS signs; null when a field it needs is missing. */
export function stringToSign(message: SnsEnvelope): string | null {
  const fields =
    message.Type === 'Notification'
      ? signedFields.Notification
      : signedFields.SubscriptionConfirmation;
  let out = '';
  for (const field of fields) {
    const value = message[field];
    if (value === undefined || value === null) {
      // Only a notification's subject is optional; it is then left out altogether.
      if (field === 'Subject') continue;
      return null;
    }
    out += `${field}\n${value}\n`;
  }
  return out;
}

/** Fetches a certificate's PEM text; injectable, so tests use their own certificate. */
export type CertificateFetcher = (url: string) => Promise<string>;

const MAX_CERTIFICATE_BYTES = 16 * 1024;

export const fetchCertificate: CertificateFetcher = async (url) => {
  // No redirects: the host was checked, a redirect could lead anywhere.
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Certificaat ${url} ophalen gaf HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CERTIFICATE_BYTES) throw new Error(`Certificaat ${url} is te groot`);
  return text;
};

export type SnsVerify = (message: SnsEnvelope, now?: Date) => Promise<boolean>;

/**
 * A verifier with its own certificate cache (SNS signs with the same certificate for months).
 * A fetch that fails is not cached and throws, so the caller answers 503 and SNS retries; a
 * signature that does not match, a foreign or expired certificate answers false.
 */
export function snsVerifier(fetchCert: CertificateFetcher = fetchCertificate): SnsVerify {
  const cache = new Map<string, Promise<crypto.X509Certificate>>();
  const certificate = (url: string) => {
    let cert = cache.get(url);
    if (!cert) {
      cert = fetchCert(url).then((pem) => new crypto.X509Certificate(pem));
      if (cache.size >= 20) cache.delete(cache.keys().next().value!);
      cache.set(url, cert);
      cert.catch(() => cache.delete(url));
    }
    return cert;
  };
  return async (message, now = new Date()) => {
    const url = certificateUrl(message.SigningCertURL);
    const data = stringToSign(message);
    if (!url || data === null) return false;
    const cert = await certificate(url.href);
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) return false;
    return crypto.verify(
      message.SignatureVersion === '1' ? 'sha1' : 'sha256',
      Buffer.from(data, 'utf8'),
      cert.publicKey,
      Buffer.from(message.Signature, 'base64'),
    );
  };
}

/** Confirms a subscription by visiting its SubscribeURL (checked to be SNS's own first). */
export async function visitSubscribeUrl(url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Abonnement bevestigen gaf HTTP ${response.status}`);
}
