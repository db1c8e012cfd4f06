import http from 'node:http';
import net from 'node:net';

// On Linux all of 127.0.0.0/8 is loopback, so one machine can play several clients: a
// connection made from 127.0.0.2 reaches the app with that as its socket (peer) address.

export type Forwarder = {
  /** The app's origin as a browser reaches it through this forwarder. */
  url: string;
  close: () => Promise<void>;
};

/**
 * A loopback port that passes each connection on to the app, made from `localAddress`: a
 * browser page aimed at `url` is, to the app, a client at that address. TCP only, so the
 * Host, cookies and Origin are the browser's own.
 */
export async function forwarderFrom(appPort: number, localAddress: string): Promise<Forwarder> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: appPort, localAddress });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A form post from `localAddress`, answered as JSON (the enhanced form's way of asking). */
export function postFormFrom(
  url: string,
  fields: Record<string, string>,
  { localAddress, headers = {} }: { localAddress: string; headers?: Record<string, string> },
): Promise<{ status: number; body: { status?: string; message?: string } }> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          accept: 'application/json',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = {};
          try {
            parsed = JSON.parse(text) as object;
          } catch {
            reject(new Error(`geen JSON (${response.statusCode}): ${text.slice(0, 200)}`));
            return;
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
