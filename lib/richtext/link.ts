import { formatCount } from '@/lib/format';

const MAX_HREF_LENGTH = 2000;

const SCHEME = /^(https?:\/\/|mailto:)/i;
// Whitespace, control and format characters (zero-width, bidi overrides): browsers skip some of
// them inside a scheme ("java\tscript:"), and the rest hide what a reader will really open.
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Why a link target cannot be used, in Dutch, or null when it can. Takes the trimmed href; the
 * editor's link dialog asks the same question before the server does.
 */
export function linkProblem(href: string): string | null {
  // Only an allow-list of schemes is safe: "JaVaScRiPt:", "&#106;avascript:" and "data:" all
  // fail this one test, whatever their spelling.
  if (!SCHEME.test(href)) {
    return 'Een link moet beginnen met https://, http:// of mailto: (“javascript:…” kan niet).';
  }
  if (INVISIBLE.test(href)) {
    return 'Een link kan geen spaties of onzichtbare tekens bevatten; kopieer het adres opnieuw.';
  }
  if (href.length > MAX_HREF_LENGTH) {
    return `Een link mag hoogstens ${formatCount(MAX_HREF_LENGTH)} tekens hebben.`;
  }
  const address = mailAddress(href);
  if (address !== null) {
    return address.includes('@')
      ? null
      : 'Een mailto:-link heeft een e-mailadres nodig, zoals mailto:redactie@voorbeeld.nl.';
  }
  return hasHost(href)
    ? null
    : 'Een link heeft een volledig webadres nodig, zoals https://www.voorbeeld.nl.';
}

function hasHost(href: string): boolean {
  try {
    return new URL(href).hostname !== '';
  } catch {
    return false;
  }
}

/** "mailto:jan@voorbeeld.nl?subject=Hoi" → "jan@voorbeeld.nl"; null for any other link. */
export function mailAddress(href: string): string | null {
  return /^mailto:/i.test(href) ? (href.slice('mailto:'.length).split('?')[0] ?? '') : null;
}
