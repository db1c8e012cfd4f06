// The web server: Next's request handler behind a plain Node HTTP server, because only here is
// the socket's address known (Next itself passes on whatever X-Forwarded-For a client sent).
// Every request gets the peer address and a request id in headers that a client cannot forge:
// whatever it sent under those names is replaced. HOST and PORT say where to listen.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { countArchiveRequest } from '@/lib/archive/reach-in-server';
import { answerClickInServer } from '@/lib/clicks/in-server';
import { refusingMalformed } from '@/lib/http/request-guard';
import { PEER_HEADER, REQUEST_ID_HEADER } from '@/lib/http/headers';
import { installJsonConsole, logSettings, withRequestId } from '@/lib/observe/log';
import { loadRoutes, observeRequest } from '@/lib/observe/requests';

const root = path.resolve(import.meta.dirname, '..');
const hostname = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

// Before Next loads: its own console output becomes JSON lines too.
installJsonConsole(logSettings());

async function main() {
  // 'localhost', whatever HOST is: Next names loopback requests localhost, and a rewrite in
  // proxy.ts to an origin other than the one it was given here goes out over HTTP to this very
  // server, which would then see the request come from 127.0.0.1 (every visitor one client).
  const app = next({ dev: false, dir: root, hostname: 'localhost', port });
  const nextHandle = app.getRequestHandler();
  // Archive views are counted and counted links answered here, before Next and its page cache
  // (lib/archive/reach-in-server.ts, lib/clicks/in-server.ts).
  const handle = refusingMalformed(async (request, response) => {
    countArchiveRequest(request);
    if (!answerClickInServer(request, response)) await nextHandle(request, response);
  });
  await app.prepare();
  loadRoutes(path.join(root, process.env.NEXT_DIST_DIR ?? '.next'));
  const server = http.createServer((request, response) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.once('finish', () =>
      observeRequest({
        method: request.method ?? 'GET',
        path: (request.url ?? '/').split('?')[0]!,
        status: response.statusCode,
        durationMs: performance.now() - started,
        requestId,
      }),
    );
    // Whatever the request causes logs this id (lib/observe/log.ts).
    withRequestId(requestId, () => void handle(request, response));
  });
  server.listen(port, hostname, () => {
    console.log(`Kopij luistert op http://${hostname}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; a stop should not wait for browsers.
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
