/**
 * Auth.js checks the callback URL in the query (`?callbackUrl=`) and in its cookie before it does
 * anything else, and answers one it cannot use (not http(s), not a URL at all) with a 500 about
 * "the server configuration". The proxy refuses such a request with a 400 instead, by the same
 * rule (Auth.js's `isValidHttpUrl`): a path on this site or an absolute http(s) URL. Where the
 * user lands is decided elsewhere (app/inloggen/callback-url.ts); this only keeps out what
 * Auth.js would choke on. No dependencies: the proxy imports this.
 */

const CALLBACK_COOKIES = ['authjs.callback-url', '__Secure-authjs.callback-url'];

export function isUsableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** Cookie values as Auth.js reads them: percent-decoded when that works, else as sent. */
function cookieValues(header: string, names: string[]): string[] {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || !names.includes(pair.slice(0, eq).trim())) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length > 1)
      value = value.slice(1, -1);
    try {
      values.push(decodeURIComponent(value));
    } catch {
      values.push(value);
    }
  }
  return values;
}

/** True when Auth.js would refuse this request's callback URL with a 500. */
export function hasUnusableCallbackUrl(url: URL, cookieHeader: string): boolean {
  const values = [
    ...url.searchParams.getAll('callbackUrl'),
    ...cookieValues(cookieHeader, CALLBACK_COOKIES),
  ];
  // An empty value is "none" to Auth.js.
  return values.some((value) => value !== '' && !isUsableCallbackUrl(value, url.origin));
}
