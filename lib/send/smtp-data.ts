import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/*
 * What DATA puts on the wire: every line that starts with a dot gets a second one (RFC 5321
 * 4.5.2) and a bare LF becomes CRLF. nodemailer's SMTPConnection does this in its DataStream
 * with a loop over every byte in JavaScript; for the 30 KB copies of a send that loop took about
 * a seventh of the sender's time (measured with bench/send.bench.ts, send-smtp). The same
 * rewrite, visiting only the line ends (Buffer.indexOf), costs a few microseconds.
 */

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const CRLF = Buffer.from('\r\n');
const EXTRA_DOT = Buffer.from('.');

/**
 * One chunk of a message as DATA sends it; `previous` is the last byte of the chunk before
 * (false at the start). Byte for byte what nodemailer's DataStream writes (smtp-data.test.ts).
 */
export function escapeData(chunk: Buffer, previous: number | false): Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  // A dot at the very start is at the start of a line unless the chunk before ended mid-line.
  if (chunk[0] === DOT && (!previous || previous === LF)) {
    pieces.push(EXTRA_DOT);
  }
  for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) {
    const before = at > 0 ? chunk[at - 1] : previous;
    if (before !== CR) {
      pieces.push(chunk.subarray(from, at), CRLF);
      from = at + 1;
    }
    if (chunk[at + 1] === DOT) {
      pieces.push(chunk.subarray(from, at + 2), EXTRA_DOT);
      from = at + 2;
    }
  }
  if (pieces.length === 0) return chunk;
  pieces.push(chunk.subarray(from));
  return Buffer.concat(pieces);
}

/** The fields of nodemailer's DataStream that its _transform keeps (data-stream.js). */
type DataStreamState = {
  inByteCount: number;
  outByteCount: number;
  lastByte: number | false;
  push(chunk: Buffer): boolean;
  _transform(chunk: Buffer | string, encoding: string, done: () => void): void;
};

function transform(
  this: DataStreamState,
  input: Buffer | string,
  _encoding: string,
  done: () => void,
) {
  if (!input || !input.length) return done();
  const chunk = typeof input === 'string' ? Buffer.from(input) : input;
  const out = escapeData(chunk, this.lastByte);
  this.inByteCount += chunk.length;
  this.outByteCount += out.length;
  this.lastByte = chunk[chunk.length - 1]!;
  this.push(out);
  done();
}

/** Makes one of nodemailer's DataStreams escape with escapeData; false if it is not one. */
export function escapeDataStream(stream: unknown): boolean {
  const state = stream as Partial<DataStreamState> | undefined;
  if (typeof state?._transform !== 'function' || !('lastByte' in state)) return false;
  state._transform = transform;
  return true;
}

/**
 * Lets a connection's message streams escape with escapeData. SMTPConnection makes a new
 * DataStream per message in its private _createSendStream (nodemailer 8.0.11, pinned in
 * package.json); only that stream's _transform is replaced, everything else stays nodemailer's.
 * Returns false, leaving nodemailer's own loop, if a later version no longer works this way.
 */
export function escapeDataFast(connection: SMTPConnection): boolean {
  const internals = connection as unknown as {
    _createSendStream?: (callback: unknown) => DataStreamState;
  };
  const create = internals._createSendStream;
  if (typeof create !== 'function') return false;
  internals._createSendStream = (callback) => {
    const stream = create.call(connection, callback);
    escapeDataStream(stream);
    return stream;
  };
  return true;
}
