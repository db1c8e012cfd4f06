import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { db } from '@/db';
import { rememberDevice } from '@/lib/auth/known-device';
import { getConfig } from '@/lib/config';

// Auth.js answers every request here; a callback that starts a session (magic link or single
// sign-on) also gets the device cookie that keeps this browser mailed when strangers have used
// up its address's sign-in ceiling (lib/auth/known-device.ts).
async function withDevice(request: NextRequest, handle: (r: NextRequest) => Promise<Response>) {
  const response = await handle(request);
  if (!request.nextUrl.pathname.startsWith('/api/auth/callback/')) return response;
  const config = getConfig();
  return rememberDevice(db(), response, {
    secret: config.authSecret,
    secure: config.publicUrl.startsWith('https:'),
  });
}

export const GET = (request: NextRequest) => withDevice(request, handlers.GET);
export const POST = (request: NextRequest) => withDevice(request, handlers.POST);
