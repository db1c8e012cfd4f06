import { PassThrough } from 'node:stream';
import DataStream from 'nodemailer/lib/smtp-connection/data-stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { describe, expect, it } from 'vitest';
import { prng } from '@/lib/test/send-fixture';
import { escapeData, escapeDataFast, escapeDataStream } from './smtp-data';

/** What a DataStream writes for these chunks, with or without our escaping. */
async function through(chunks: Buffer[], fast: boolean): Promise<Buffer> {
  const stream = new DataStream();
  if (fast) expect(escapeDataStream(stream)).toBe(true);
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((r) => stream.on('end', r));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await ended;
  return Buffer.concat(out);
}

describe('escaping a message for DATA', () => {
  it('doubles dots that start a line, at the start and across chunks, and turns bare LF into CRLF', () => {
    expect(escapeData(Buffer.from('.a\r\n.b\r\nc.d\r\n'), false).toString()).toBe(
      '..a\r\n..b\r\nc.d\r\n',
    );
    expect(escapeData(Buffer.from('.x'), 0x0a).toString()).toBe('..x');
    expect(escapeData(Buffer.from('.x'), 0x41).toString()).toBe('.x');
    expect(escapeData(Buffer.from('a\n.b\nc'), false).toString()).toBe('a\r\n..b\r\nc');
    expect(escapeData(Buffer.from('\nx'), 0x0d).toString()).toBe('\nx');
    const clean = Buffer.from('nothing\r\nto do\r\n');
    expect(escapeData(clean, false)).toBe(clean);
  });

  it("writes exactly what nodemailer's DataStream writes, for random messages cut anywhere", async () => {
    const random = prng(2026);
    const alphabet = ['.', '\n', '\r', '\r\n', '\r\n.', 'a', '=', ' ', '.\r\n'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(random() * 200);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(random() * 40);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect((await through(chunks, true)).toString(), JSON.stringify(text)).toBe(
        (await through(chunks, false)).toString(),
      );
    }
  });

  it("takes hold of the message streams of nodemailer's SMTPConnection", () => {
    // Fails when a nodemailer upgrade changes how it makes them: the sender would still work,
    // with nodemailer's own (slower) escaping, so look at smtp-data.ts before upgrading.
    const connection = new SMTPConnection({});
    expect(escapeDataFast(connection)).toBe(true);
    const internals = connection as unknown as {
      _socket: PassThrough;
      _createSendStream(callback: () => void): { _transform: unknown };
    };
    internals._socket = new PassThrough();
    const stream = internals._createSendStream(() => {});
    expect(stream).toBeInstanceOf(DataStream);
    expect(stream._transform).not.toBe(DataStream.prototype._transform);
  });
});
