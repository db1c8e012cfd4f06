import { NextResponse, type NextRequest } from 'next/server';

// Only redirects visitors without a session cookie; every page and action checks the session itself.
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = new URL('/inloggen', request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/redactie', '/redactie/:path*'] };
