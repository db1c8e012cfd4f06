import crypto from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { dkimSigner } from '@/lib/send/dkim';

/**
 * A fresh RSA key for `domain`, its signer, and mailauth (an independent implementation) as
 * the receiver, with DNS answering for this key only: what it passes, receivers pass.
 */
export function testDkim(domain = 'vsg.example', selector = 'kopij2026') {
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const record = `v=DKIM1; k=rsa; p=${pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`;
  const name = `${selector}._domainkey.${domain}`;
  const resolver = async (asked: string) => {
    if (asked !== name) throw Object.assign(new Error(`ENOTFOUND ${asked}`), { code: 'ENOTFOUND' });
    return [record.match(/.{1,255}/g)!];
  };
  const privateKey = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    domain,
    selector,
    privateKey,
    sign: dkimSigner({ domain, selector, privateKey }),
    /** The verdict of each DKIM signature in the message, e.g. ['pass']. */
    async verify(raw: Buffer): Promise<string[]> {
      const { results } = await dkimVerify(raw, { resolver });
      return results.map((r: { status: { result: string } }) => r.status.result);
    },
  };
}
