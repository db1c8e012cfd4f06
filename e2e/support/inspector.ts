import crypto from 'node:crypto';
import net from 'node:net';

// A minimal client for the Node inspector of an app started with `--inspect=127.0.0.1:<port>`
// (the DevTools protocol over one WebSocket): enough to force a full garbage collection before
// the server's memory is read, so a measurement shows what the server keeps, not when V8 last
// happened to collect. Node 20 has no WebSocket client of its own, hence the few frames by hand.

export type Inspector = {
  call: (method: string, params?: object) => Promise<Record<string, unknown>>;
  /** Two full collections (the second frees what finalisers of the first released). */
  collectGarbage: () => Promise<void>;
  close: () => void;
};

function frame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const mask = crypto.randomBytes(4);
  const length =
    payload.length < 126
      ? Buffer.from([0x80 | payload.length])
      : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = payload.map((byte, i) => byte ^ mask[i % 4]!);
  return Buffer.concat([Buffer.from([0x81]), length, mask, masked]);
}

export async function connectInspector(port: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = new URL(targets[0]!.webSocketDebuggerUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  let buffer = Buffer.alloc(0);
  let message = Buffer.alloc(0);
  let upgraded = false;
  let nextId = 0;

  const opened = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        if (!buffer.subarray(0, 12).toString().startsWith('HTTP/1.1 101'))
          return reject(new Error(`inspector weigerde: ${buffer.subarray(0, end).toString()}`));
        buffer = buffer.subarray(end + 4);
        upgraded = true;
        resolve();
      }
      // Server frames are not masked; long ones carry a 16- or 64-bit length.
      while (buffer.length >= 2) {
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) [length, offset] = [buffer.readUInt16BE(2), 4];
        else if (length === 127) [length, offset] = [Number(buffer.readBigUInt64BE(2)), 10];
        if (buffer.length < offset + length) return;
        const fin = (buffer[0]! & 0x80) !== 0;
        message = Buffer.concat([message, buffer.subarray(offset, offset + length)]);
        buffer = buffer.subarray(offset + length);
        if (!fin) continue;
        const { id, result } = JSON.parse(message.toString('utf8')) as {
          id?: number;
          result?: Record<string, unknown>;
        };
        message = Buffer.alloc(0);
        if (id !== undefined) pending.get(id)?.(result ?? {});
        if (id !== undefined) pending.delete(id);
      }
    });
  });
  socket.write(
    [
      `GET ${url.pathname} HTTP/1.1`,
      `Host: ${url.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await opened;

  const call = (method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.write(frame(JSON.stringify({ id, method, params })));
    });
  return {
    call,
    async collectGarbage() {
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
    },
    close: () => socket.destroy(),
  };
}
