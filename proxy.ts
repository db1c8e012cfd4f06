import { NextResponse, type NextRequest } from 'next/server';

// Public subscriber forms post to their own page's URL (RFC 8058 wants the one-click POST on
// the very URL in List-Unsubscribe); a page cannot take a POST, so it goes to the route handler
// of the same name under /api/abonnee. Nothing is checked here.
const publicForm = /^\/(aanmelden|aanmelden\/bevestigen\/[^/]+|voorkeuren\/[^/]+|voorkeuren\/adres\/[^/]+|afmelden\/[^/]+|nieuwe-link)$/;

// Only redirects visitors without a session cookie; every page and action checks the session itself.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith('/redactie')) {
    if (request.method === 'POST' && publicForm.test(pathname)) return NextResponse.rewrite(new URL(`/api/abonnee${pathname}`, request.url));
    return NextResponse.next();
  }
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = new URL('/inloggen', request.url);
  url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/redactie', '/redactie/:path*', '/aanmelden', '/aanmelden/bevestigen/:token', '/voorkeuren/:path*', '/afmelden/:token', '/nieuwe-link'],
};
