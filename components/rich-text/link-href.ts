/**
 * What a link in a newsletter may point to: absolute http, https and mailto addresses only.
 * Every other scheme (javascript:, data:, vbscript:, file:) can run script or smuggle content,
 * and a relative address means nothing in an email. The same rules as the server's
 * lib/richtext/link.ts, so the link form refuses what the save would refuse, in the form.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SCHEME = /^(?:https?:\/\/|mailto:)/i;
// Whitespace, control and format characters (zero-width, bidi overrides): browsers skip some
// inside a scheme ("java\tscript:"), and the rest hide where a link really goes.
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;
const MAX_LENGTH = 2000;

export const LINK_ERRORS = {
  empty: 'Vul een linkadres in.',
  scheme: 'Een link moet beginnen met https://, http:// of mailto:.',
  invisible: 'Een link kan geen spaties of onzichtbare tekens bevatten; kopieer het adres opnieuw.',
  long: 'Een link mag hoogstens 2.000 tekens hebben.',
  mailto: 'Een mailto:-link heeft een e-mailadres nodig, zoals mailto:redactie@voorbeeld.nl.',
  host: 'Een link heeft een volledig webadres nodig, zoals https://www.voorbeeld.nl.',
} as const;

export type HrefResult = { ok: true; href: string } | { ok: false; error: string };

// A bare address such as "vng.nl" or "www.vng.nl:8080/pad?x=1": host names with a dot, so
// that "localhost:3000" and "javascript:..." are not mistaken for one.
const BARE_HOST =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d+)?(?:[/?#]|$)/iu;
const EMAIL = /^[^@/:?#]+@[^@/:?#]+\.[^@/:?#]+$/;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function parse(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** Why an href (with its scheme, trimmed) cannot be stored, or null when it can. */
export function hrefProblem(href: string): string | null {
  // The allow-list is checked on the text as typed and again as the URL parser reads it, so
  // no spelling ("JaVaScRiPt:", "java\tscript:", a leading space) gets past either.
  const url = parse(href);
  if (!SCHEME.test(href) || !url || !ALLOWED_PROTOCOLS.has(url.protocol)) {
    return href.toLowerCase().startsWith('http') && !url ? LINK_ERRORS.host : LINK_ERRORS.scheme;
  }
  if (INVISIBLE.test(href)) return LINK_ERRORS.invisible;
  if (href.length > MAX_LENGTH) return LINK_ERRORS.long;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? null : LINK_ERRORS.mailto;
  return url.hostname ? null : LINK_ERRORS.host;
}

/** For TipTap's isAllowedUri (paste, autolink, setLink, render) and for stored documents. */
export function isAllowedHref(href: unknown): boolean {
  return typeof href === 'string' && hrefProblem(href.trim()) === null;
}

/** Adds the scheme an editor leaves out; null for a relative address, which we cannot complete. */
function withScheme(value: string): string | null {
  if (EMAIL.test(value)) return `mailto:${value}`;
  if (BARE_HOST.test(value)) return `https://${value}`;
  if (ANY_SCHEME.test(value)) return value;
  return null;
}

/**
 * Turns what an editor typed into an href, or says in Dutch why it cannot be one.
 * "vng.nl" becomes "https://vng.nl", "a@b.nl" becomes "mailto:a@b.nl"; the rest is kept as
 * typed (no trailing slash added), so the editor sees the address they gave.
 */
export function normalizeHref(input: string): HrefResult {
  // Browsers drop tabs and newlines anywhere in a URL, so "java\tscript:" is judged without
  // them, and an address that wrapped over two lines when copied still works.
  const value = input.replace(/[\t\n\r]/g, '').trim();
  if (!value) return { ok: false, error: LINK_ERRORS.empty };
  if (INVISIBLE.test(value)) return { ok: false, error: LINK_ERRORS.invisible };
  const href = withScheme(value);
  if (!href) return { ok: false, error: LINK_ERRORS.scheme };
  const problem = hrefProblem(href);
  return problem ? { ok: false, error: problem } : { ok: true, href };
}
