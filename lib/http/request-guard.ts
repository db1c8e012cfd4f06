import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/**
 * Requests our web server (scripts/serve.ts) answers itself, before Next sees them, because
 * Next would answer them with a 500: a request target that is not a path (`*`, `http://…`),
 * a path whose percent-encoding does not decode to UTF-8 (`%`, `%zz`, `%d800`, overlong
 * `%C0%AF`: Next's router throws on those in a dynamic segment), and methods the app does not
 * serve (TRACE, for one, makes the Fetch API's Request throw), and a server action call whose
 * `Next-Action` header is no action id (empty, for one: the proxy's matcher cannot see that, and
 * Next would go on to check it as a call). Node itself already answers a broken request line
 * with 400 and headers over 16 KB with 431.
 */

export type Refusal = { status: number; message: string; headers?: Record<string, string> };

/** All the app uses: no route takes PUT or DELETE, and nothing is offered to other origins. */
const METHODS = new Set(['GET', 'HEAD', 'POST']);

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Next's server action ids: 42 hex digits. */
const ACTION_ID = /^[0-9a-f]{42}$/;

/** Why this request is refused, or null to hand it to Next. */
export function refusalFor(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders = {},
): Refusal | null {
  if (!METHODS.has(method ?? ''))
    return {
      status: 405,
      message: 'Deze methode wordt hier niet ondersteund.',
      headers: { allow: 'GET, HEAD, POST' },
    };
  const target = url ?? '';
  if (!target.startsWith('/'))
    return { status: 400, message: 'Het gevraagde adres is geen pad op deze website.' };
  const query = target.indexOf('?');
  if (!decodes(query === -1 ? target : target.slice(0, query)))
    return {
      status: 400,
      message: 'Het gevraagde adres bevat een ongeldige codering (een % die niet klopt).',
    };
  const action = headers['next-action'];
  if (action !== undefined && !(typeof action === 'string' && ACTION_ID.test(action)))
    return { status: 400, message: 'Dit verzoek is ongeldig. Laad de pagina opnieuw.' };
  return null;
}

/**
 * A refused request's body is read and dropped first, up to a limit: closing a connection with
 * unread data in it makes the kernel reset it, and the client may never see the answer.
 */
const DRAIN_LIMIT = 2 * 1024 * 1024;

function drain(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      request.off('data', count);
      resolve();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT) {
        request.pause();
        done();
      }
    };
    request.on('data', count);
    request.once('end', done);
    request.once('error', done);
    request.once('close', done);
  });
}

/** Next's request handler, with the refusals above answered first (in Dutch, never cached). */
export function refusingMalformed<T extends unknown[]>(
  handle: (request: IncomingMessage, response: ServerResponse, ...rest: T) => Promise<void>,
) {
  return async (request: IncomingMessage, response: ServerResponse, ...rest: T): Promise<void> => {
    const refusal = refusalFor(request.method, request.url, request.headers);
    if (!refusal) return handle(request, response, ...rest);
    await drain(request);
    response.writeHead(refusal.status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...refusal.headers,
    });
    response.end(request.method === 'HEAD' ? undefined : refusal.message);
  };
}
