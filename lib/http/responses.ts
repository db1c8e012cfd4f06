/**
 * The two small answers route handlers give besides their own: a short Dutch text (a refusal, a
 * not-found) and a redirect after a form post. One place, so they all look the same.
 */

/** A short Dutch message as plain text, with the given status (and any extra headers). */
export function plainText(message: string, status: number, headers: HeadersInit = {}): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
}

/** 303 See Other: after a form post the browser asks for `location` with GET. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}
