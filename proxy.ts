import { NextResponse, type NextRequest } from 'next/server';
import { hasUnusableCallbackUrl } from '@/lib/auth/callback-check';
import { refuseMalformedAction } from '@/lib/http/action-guard';
import { listPathFor } from '@/lib/archive/list-key';
import { getConfig } from '@/lib/config';

// Public subscriber forms post to their own page's URL (RFC 8058 wants the one-click POST on
// the very URL in List-Unsubscribe); a page cannot take a POST, so it goes to the route handler
// of the same name under /api/abonnee. Nothing is checked here.
const publicForm =
  /^\/(aanmelden|aanmelden\/bevestigen\/[^/]+|voorkeuren\/[^/]+|voorkeuren\/adres\/[^/]+|afmelden\/[^/]+|nieuwe-link)$/;

// Only redirects visitors without a session cookie; every page and action checks the session itself.
// Before that, refuses what Next or Auth.js would answer with a 500 (lib/http/action-guard.ts,
// lib/auth/callback-check.ts).
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/auth/')) {
    if (hasUnusableCallbackUrl(request.nextUrl, request.headers.get('cookie') ?? ''))
      return new Response('Dit terugkeeradres na het inloggen is ongeldig.', {
        status: 400,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    return NextResponse.next();
  }
  if (pathname === '/archief' && (request.method === 'GET' || request.method === 'HEAD')) {
    // A plain list (no search) is served from the cache under an internal path.
    const listPath = listPathFor(request.nextUrl.searchParams);
    return listPath ? NextResponse.rewrite(new URL(listPath, request.url)) : NextResponse.next();
  }
  // With the query: a personal link from a sent issue names the issue there (`?nummer=`).
  if (request.method === 'POST' && publicForm.test(pathname))
    return NextResponse.rewrite(
      new URL(`/api/abonnee${pathname}${request.nextUrl.search}`, request.url),
    );
  const refused = await refuseMalformedAction(request);
  if (refused) return refused;
  if (!pathname.startsWith('/redactie')) return NextResponse.next();
  const hasSession =
    request.cookies.has('authjs.session-token') ||
    request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  // PUBLIC_URL, not the request's URL: that names the address the server binds to, with a
  // loopback address reported as localhost, where the browser's cookies do not apply.
  const url = new URL('/inloggen', getConfig().publicUrl);
  url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    '/archief',
    '/redactie',
    '/redactie/:path*',
    '/aanmelden',
    '/aanmelden/bevestigen/:token',
    '/voorkeuren/:path*',
    '/afmelden/:token',
    '/nieuwe-link',
    '/api/auth/:path*',
    // Every page a server action call or a multipart form post can reach (lib/http/action-guard.ts).
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    {
      source: '/((?!api/|_next/).*)',
      has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }],
    },
  ],
};
