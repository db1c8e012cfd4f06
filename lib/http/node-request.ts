import type { IncomingMessage } from 'node:http';

/** A Node request's headers as web Headers (repeated ones joined), for code shared with routes. */
export function webHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  return headers;
}
