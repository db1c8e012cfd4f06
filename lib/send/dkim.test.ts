import crypto from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { describe, it, expect } from 'vitest';
import { dkimSigner, relaxedBody, type DkimKey } from './dkim';
import { buildTemplate, fillTemplate } from './mime';

// mailauth is an independent implementation: a signature it accepts is one receivers accept.

const domain = 'kopij.test';

function keyPair(type: 'rsa' | 'ed25519', selector: string) {
  const pair =
    type === 'rsa'
      ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
      : crypto.generateKeyPairSync('ed25519');
  const spki = pair.publicKey.export({ format: 'der', type: 'spki' });
  // RFC 8463: an Ed25519 record holds the bare 32-byte key, not the SPKI structure around it.
  const p = (type === 'rsa' ? spki : spki.subarray(spki.length - 32)).toString('base64');
  const record = `v=DKIM1; k=${type}; p=${p}`;
  const key: DkimKey = {
    domain,
    selector,
    privateKey: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  return { key, name: `${selector}._domainkey.${domain}`, record };
}

const rsa = keyPair('rsa', 'rsa2048');
const ed = keyPair('ed25519', 'ed');

/** DNS as the keys above publish it; TXT strings split at 255 characters like real records. */
async function resolver(name: string, rrtype: string): Promise<string[][]> {
  const entry = [rsa, ed].find((k) => k.name === name);
  if (!entry || rrtype !== 'TXT')
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return [entry.record.match(/.{1,255}/g)!];
}

async function verify(message: Buffer | string) {
  const { results } = await dkimVerify(message, { resolver });
  expect(results).toHaveLength(1);
  return results[0]!;
}

const boundary = 'kopij-0123456789abcdef';
const unsubscribe = `https://nieuwsbrief.kopij.test/afmelden/${'aB3_'.repeat(30)}`;

function message(overrides: { text?: string; html?: string } = {}): Buffer {
  const text =
    overrides.text ??
    'Beste lezer,\r\n\r\nHet nieuwe nummer staat klaar. Caf=C3=A9 =3D gezellig.\r\n';
  const html =
    overrides.html ??
    '<!DOCTYPE html><html><body><table role=3D"presentation" width=3D"100%">=\r\n<tr><td style=3D"padding: 16px">Het nieuwe nummer staat klaar.</td></tr>=\r\n</table></body></html>=\r\n';
  return Buffer.from(
    [
      'From: "Kopij Redactie" <redactie@kopij.test>',
      'Reply-To: antwoord@kopij.test',
      'To: lezer@example.org',
      'Subject: Nieuwsbrief juni',
      'Date: Mon, 02 Jun 2025 09:00:00 +0000',
      'Message-ID: <3f9a0c5be1d84a7f9c2e6b1d0a4f8e27@kopij.test>',
      'MIME-Version: 1.0',
      'List-Id: "Kopij" <nieuws.kopij.test>',
      `List-Unsubscribe: <${unsubscribe}>,\r\n <mailto:redactie@kopij.test?subject=afmelden%20${'x'.repeat(40)}>`,
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      text,
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      html,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/** The DKIM-Signature header with its continuation lines. */
const headerOf = (signed: Buffer) =>
  signed.toString('latin1').match(/^DKIM-Signature:.*\r\n(?:[ \t].*\r\n)*/)![0];

describe('dkimSigner', () => {
  it('signs with an RSA key so that an independent verifier passes it', async () => {
    const signed = dkimSigner(rsa.key)(message());
    const result = await verify(signed);
    expect(result.status.result).toBe('pass');
    expect(result.signingDomain).toBe(domain);
    expect(result.selector).toBe('rsa2048');
    expect(headerOf(signed).replace(/\r\n /g, ' ')).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=kopij\.test; s=rsa2048; t=\d+; h=/,
    );
  });

  it('signs with an Ed25519 key (RFC 8463) so that an independent verifier passes it', async () => {
    const signed = dkimSigner(ed.key)(message());
    const result = await verify(signed);
    expect(result.status.result).toBe('pass');
    expect(signed.toString('latin1')).toContain('a=ed25519-sha256;');
  });

  it('fails once the body is changed after signing', async () => {
    for (const k of [rsa, ed]) {
      const signed = dkimSigner(k.key)(message()).toString('latin1');
      const result = await verify(signed.replace('staat klaar.', 'staat niet klaar.'));
      // mailauth reports a body hash mismatch as neutral and does not go on to check b=.
      expect(result.status.result).toBe('neutral');
      expect(result.status.comment).toBe('body hash did not verify');
    }
  });

  it('fails once the Subject is changed after signing', async () => {
    for (const k of [rsa, ed]) {
      const signed = dkimSigner(k.key)(message()).toString('latin1');
      const result = await verify(
        signed.replace('Subject: Nieuwsbrief juni', 'Subject: Nieuwsbrief juli'),
      );
      expect(result.status.result).toBe('fail');
      expect(result.status.comment).toBe('bad signature');
    }
  });

  it('signs the headers that are present, in a header whose lines stay short, with t= now', async () => {
    const signed = dkimSigner(rsa.key)(message());
    const header = headerOf(signed);
    for (const line of header.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const tags = new Map(
      header
        .slice(header.indexOf(':') + 1)
        .split(';')
        .map((tag) => tag.replace(/\s+/g, '').split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(tags.get('h')).toBe(
      'from:to:subject:date:message-id:mime-version:content-type:list-id:list-unsubscribe:list-unsubscribe-post:reply-to',
    );
    expect(Math.abs(Number(tags.get('t')) - Date.now() / 1000)).toBeLessThan(5);
    expect(tags.get('b')).toHaveLength(344);

    // Headers that are absent are left out of h= rather than signed as empty.
    const bare = Buffer.from('From: a@kopij.test\r\nSubject: Hallo\r\n\r\nTekst\r\n');
    const bareSigned = dkimSigner(ed.key)(bare);
    expect(headerOf(bareSigned)).toMatch(/h=from:subject;/);
    expect((await verify(bareSigned)).status.result).toBe('pass');
  });

  it('covers a long List-Unsubscribe and a multipart quoted-printable body (as mime.ts builds them)', async () => {
    const template = buildTemplate({
      from: '"Gemeente Voorbeeld" <nieuws@kopij.test>',
      replyTo: 'redactie@kopij.test',
      subject: 'Nieuwsbrief juni: café, fietspaden en € 1,5 miljoen',
      date: new Date('2025-06-02T09:00:00Z'),
      listId: { name: 'Nieuws uit de raad', id: 'raad.kopij.test' },
      unsubscribeMailto: 'redactie@kopij.test',
      text: `Beste lezer,\n\n${'Een lange regel met tekst over de gemeenteraad en de begroting. '.repeat(20)}\n  ingesprongen  met  dubbele  spaties\t en tab \nAfmelden: {{u}}\n\n\n`,
      html: `<html><body>\n    <table role="presentation">\n${'      <tr><td style="padding: 8px">Item met een € en é</td></tr>\n'.repeat(200)}    </table>\n    <a href="{{u}}">Afmelden</a> <a href="{{p}}">Voorkeuren</a>\n</body></html>`,
      placeholders: { unsubscribe: '{{u}}', preferences: '{{p}}' },
    });
    const copy = fillTemplate(template, {
      to: 'lezer@example.org',
      messageId: '<b71e4c09a3d25f6e8c1a9d7f0e3b5c42@kopij.test>',
      unsubscribe,
      preferences: unsubscribe.replace('afmelden', 'voorkeuren'),
      mailtoSubject: `afmelden%20${'aB3_'.repeat(30)}`,
    });
    expect(copy.toString('latin1')).toMatch(/List-Unsubscribe: <.{100,}>,\r\n <mailto:/);
    for (const k of [rsa, ed])
      expect((await verify(dkimSigner(k.key)(copy))).status.result).toBe('pass');
  });

  it('agrees with the verifier on whitespace: tabs, runs of spaces, trailing spaces and blank lines', async () => {
    const messy = message({
      text: 'regel\t met \t  tabs   \r\n   \r\nspatie aan het eind   \r\n\r\n\r\n \t\r\n',
    });
    const signed = dkimSigner(rsa.key)(messy);
    expect((await verify(signed)).status.result).toBe('pass');
    // Relaxed canonicalisation is meant to survive exactly this kind of change in transit.
    const reflowed = signed
      .toString('latin1')
      .replace('regel\t met \t  tabs   ', 'regel met tabs')
      .replace(/--\r\n$/, '--  \r\n\r\n\r\n');
    expect((await verify(reflowed)).status.result).toBe('pass');
  });

  it('agrees with the verifier on header whitespace and case, which may also change in transit', async () => {
    const odd = Buffer.from(
      message()
        .toString('latin1')
        .replace('Subject: Nieuwsbrief juni', 'SUBJECT:   Nieuwsbrief \t  juni  ')
        .replace('To: lezer@example.org', 'To:\r\n\tlezer@example.org'),
      'latin1',
    );
    const signed = dkimSigner(rsa.key)(odd).toString('latin1');
    expect((await verify(signed)).status.result).toBe('pass');
    const tidied = signed
      .replace('SUBJECT:   Nieuwsbrief \t  juni  ', 'Subject: Nieuwsbrief juni')
      .replace('To:\r\n\tlezer', 'To: lezer');
    expect((await verify(tidied)).status.result).toBe('pass');
  });

  it('signs the last instance of a repeated header, the one verifiers pick (RFC 6376 5.4.2)', async () => {
    const twice = Buffer.from(
      message()
        .toString('latin1')
        .replace('MIME-Version: 1.0\r\n', 'MIME-Version: 1.0\r\nSubject: Tweede onderwerp\r\n'),
      'latin1',
    );
    expect((await verify(dkimSigner(ed.key)(twice))).status.result).toBe('pass');
  });

  it('signs a message without a body', async () => {
    const empty = Buffer.from('From: a@kopij.test\r\nTo: b@example.org\r\nSubject: Leeg\r\n\r\n');
    expect((await verify(dkimSigner(ed.key)(empty))).status.result).toBe('pass');
  });

  it('refuses keys it cannot sign with, and names that do not belong in a header', () => {
    const ec = crypto
      .generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => dkimSigner({ ...rsa.key, privateKey: ec })).toThrow(/type ec .*RSA of Ed25519/);
    const short = crypto
      .generateKeyPairSync('rsa', { modulusLength: 768 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => dkimSigner({ ...rsa.key, privateKey: short })).toThrow(/768 bits is te kort/);
    expect(() => dkimSigner({ ...rsa.key, privateKey: 'geen sleutel' })).toThrow(
      /geen leesbare PEM-sleutel/,
    );
    expect(() => dkimSigner({ ...rsa.key, domain: 'kopij.test; s=x' })).toThrow(
      /geen geldige domeinnaam/,
    );
    expect(() => dkimSigner({ ...rsa.key, selector: 'a\r\nBcc: x' })).toThrow(
      /geen geldige selector/,
    );
    expect(() =>
      dkimSigner(ed.key)(Buffer.from('Subject: Zonder afzender\r\n\r\nTekst\r\n')),
    ).toThrow(/geen From-header/);
  });
});

describe('relaxedBody', () => {
  const canon = (body: string) => relaxedBody(Buffer.from(body, 'latin1')).toString('latin1');

  it('follows RFC 6376 3.4.4, on the quick path and the byte-by-byte path alike', () => {
    expect(canon('a b\r\nc\r\n\r\n\r\n')).toBe('a b\r\nc\r\n'); // already canonical: only trailing lines go
    expect(canon(' C \r\nD \t E\r\n\r\n\r\n')).toBe(' C\r\nD E\r\n'); // RFC 6376 3.4.6 example
    expect(canon('a  b\t\tc')).toBe('a b c\r\n');
    expect(canon('x\r\n \t \r\n\r\n')).toBe('x\r\n');
    expect(canon('x\r\n\r\ny\r\n')).toBe('x\r\n\r\ny\r\n');
    expect(canon('')).toBe('');
    expect(canon('\r\n\r\n')).toBe('');
    expect(canon('  \r\n\t\r\n')).toBe('');
  });

  it('matches a plain reading of the rules on random bodies', () => {
    // Written the slow, obvious way on purpose, to check the fast paths against.
    const reference = (body: string) => {
      const lines = body
        .split('\r\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
      if (body.endsWith('\r\n')) lines.pop();
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      return lines.map((line) => `${line}\r\n`).join('');
    };
    const alphabet = ['a', 'b', ' ', ' ', '\t', '\r\n', '\r\n', '=\r\n', '\r'];
    for (let run = 0; run < 2000; run++) {
      let body = '';
      const length = run % 40;
      for (let i = 0; i < length; i++) body += alphabet[crypto.randomInt(alphabet.length)];
      if (run % 2) body += '\r\n'; // half end with a line end, as real bodies do
      expect(canon(body), JSON.stringify(body)).toBe(reference(body));
    }
  });
});
