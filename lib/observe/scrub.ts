// What a log line must not carry: e-mail addresses (mail servers repeat the recipient in their
// errors, "550 5.1.1 <jan@example.nl>: user unknown") and the secrets in links (sign-in,
// confirmation and preference tokens). Applied to every line, ours and Next's, as a last line of
// defence; the code itself logs ids.

const address =
  /[\w.!#$%&'*+/=?^`{|}~-]+(?:@|%40)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+/gi;
const secretParam = /([?&](?:token|email|code|secret|key|signature|sig)=)[^&\s"'#<>]+/gi;
// The path segment after a route that carries a personal token (/voorkeuren/<token>, ...).
const tokenPath =
  /(\/(?:afmelden|voorkeuren(?:\/adres)?|aanmelden\/bevestigen|bevestigen)\/)[\w.~%-]{16,}/gi;

export function scrubText(text: string): string {
  return text
    .replace(secretParam, '$1[verborgen]')
    .replace(tokenPath, '$1[verborgen]')
    .replace(address, '[e-mailadres]');
}

/** Scrubs every string in a log record (one level of nesting: fields and an error object). */
export function scrubFields<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = scrubText(value);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? scrubText(v) : v]),
      );
    else out[key] = value;
  }
  return out as T;
}
