// Every absolute address a browser is sent to after (or on the way to) sign-in is built from
// PUBLIC_URL. Next reports a request to 127.0.0.1 or [::1] as `localhost` (NextURL normalises
// loopback hosts), and Auth.js builds its redirects from that URL: with
// PUBLIC_URL=http://127.0.0.1:3000 an editor was sent to localhost after sign-in, where the
// session cookie set for 127.0.0.1 does not exist. Behind a reverse proxy the request URL is the
// address the server binds to, never the public one.

const loopbackHost = /^(?:127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The origin Next gives requests that came to PUBLIC_URL (loopback addresses read `localhost`). */
export function requestOrigin(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (loopbackHost.test(url.hostname)) url.hostname = 'localhost';
  return url.origin;
}

/**
 * Auth.js's redirect callback: a path, or an address on this site (as the browser or as Next
 * sees it), goes to the same path on PUBLIC_URL; any other site to PUBLIC_URL's start page.
 */
export function publicRedirect(url: string, publicUrl: string): string {
  const origin = new URL(publicUrl).origin;
  let target: URL;
  try {
    target = new URL(url, origin);
  } catch {
    return origin;
  }
  const own = [origin, requestOrigin(publicUrl)];
  if (!own.includes(target.origin) || url.startsWith('//') || url.includes('\\')) return origin;
  return `${origin}${target.pathname}${target.search}${target.hash}`;
}

/**
 * Auth.js's own error redirects (a used sign-in link, a cancelled sign-in at the organisation)
 * are built from the request's origin and pass no callback: their Location is moved to
 * PUBLIC_URL here. Addresses elsewhere (the identity provider) are left alone.
 */
export function onPublicUrl(response: Response, publicUrl: string): Response {
  const location = response.headers.get('location');
  const origin = new URL(publicUrl).origin;
  const seen = requestOrigin(publicUrl);
  if (!location || seen === origin || !URL.canParse(location)) return response;
  const target = new URL(location);
  if (target.origin !== seen) return response;
  // Response.redirect() makes headers immutable: copy them (each Set-Cookie stays its own).
  const headers = new Headers(response.headers);
  headers.set('location', `${origin}${target.pathname}${target.search}${target.hash}`);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
