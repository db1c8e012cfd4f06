import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { db } from '@/db';
import { rememberDevice } from '@/lib/auth/known-device';
import { onPublicUrl } from '@/lib/auth/public-url';
import { getConfig } from '@/lib/config';

// Auth.js answers every request here. Its own error redirects are built from the request's
// address, which Next reports under another name than PUBLIC_URL's for loopback addresses: they
// are moved back to PUBLIC_URL. A callback that starts a session (magic link or single sign-on)
// also gets the device cookie that keeps this browser mailed when strangers have used up its
// address's sign-in ceiling (lib/auth/known-device.ts).
async function answer(request: NextRequest, handle: (r: NextRequest) => Promise<Response>) {
  const config = getConfig();
  const response = onPublicUrl(await handle(request), config.publicUrl);
  if (!request.nextUrl.pathname.startsWith('/api/auth/callback/')) return response;
  return rememberDevice(db(), response, {
    secret: config.authSecret,
    secure: config.publicUrl.startsWith('https:'),
  });
}

export const GET = (request: NextRequest) => answer(request, handlers.GET);
export const POST = (request: NextRequest) => answer(request, handlers.POST);
