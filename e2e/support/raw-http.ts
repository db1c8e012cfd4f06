import net from 'node:net';

// A bare HTTP/1.1 client on a TCP socket: it sends exactly the bytes it is given, so a test can
// send what fetch and Node's own client refuse to (a lone `%` in the path, a `*` target, broken
// chunked encoding, bytes above 0x7f in a header). One connection per request.

export type RawRequest = {
  method: string;
  /** The request target exactly as it goes on the wire. */
  target: string;
  headers?: [string, string][];
  body?: Buffer | string;
  /** Sent as is, without a Content-Length: for hand-made chunked or truncated bodies. */
  rawBody?: Buffer | string;
};

export type RawResponse = {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
};

const bytes = (value: Buffer | string) =>
  typeof value === 'string' ? Buffer.from(value, 'utf8') : value;

export function encodeRequest(request: RawRequest, host: string): Buffer {
  const body = request.body === undefined ? undefined : bytes(request.body);
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const headers = request.headers ?? [];
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) lines.push(`Host: ${host}`);
  // Header values are written as latin1 on purpose: a fuzz case may carry any byte.
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (body) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  return Buffer.concat([
    Buffer.from(lines.join('\r\n'), 'latin1'),
    body ?? Buffer.alloc(0),
    request.rawBody === undefined ? Buffer.alloc(0) : bytes(request.rawBody),
  ]);
}

function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Parses the last (non-1xx) response in what the server sent before closing. */
export function parseResponse(data: Buffer): RawResponse {
  let text = data.toString('latin1');
  for (;;) {
    const end = text.indexOf('\r\n\r\n');
    const head = end === -1 ? text : text.slice(0, end);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
    if (status >= 100 && status < 200 && end !== -1) {
      text = text.slice(end + 4);
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const raw = end === -1 ? Buffer.alloc(0) : Buffer.from(text.slice(end + 4), 'latin1');
    const body = (headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw).toString('utf8');
    return { status, headers, body };
  }
}

export function sendRaw(
  port: number,
  request: RawRequest,
  { host = `localhost:${port}`, timeoutMs = 30_000 } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timedOut = false;
    socket.setTimeout(timeoutMs, () => {
      timedOut = true;
      socket.destroy();
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset after the answer (the server closing while we still write a body) is no failure.
    socket.on('error', () => {});
    socket.on('close', () => {
      if (timedOut) reject(new Error(`geen antwoord binnen ${timeoutMs / 1000} s`));
      else resolve(parseResponse(Buffer.concat(chunks)));
    });
    // No half-close after writing: Node's server takes a client's FIN as leaving and would close
    // the connection before the answer; `Connection: close` makes the server end it instead.
    socket.write(encodeRequest(request, host));
  });
}
