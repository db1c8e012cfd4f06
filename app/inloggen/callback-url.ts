/**
 * Where to go after sign-in: always a path inside the editors' area of this site. An absolute
 * URL is reduced to its path (so no other site can be reached), anything else to /redactie.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || value.includes('\\')) return '/redactie';
  let url: URL;
  try {
    url = new URL(value, 'http://kopij.invalid');
  } catch {
    return '/redactie';
  }
  const path = url.pathname + url.search;
  return /^\/redactie(?:[/?]|$)/.test(path) && !path.startsWith('//') ? path : '/redactie';
}
