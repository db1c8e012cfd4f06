import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { onPublicUrl } from '@/lib/auth/public-url';
import { getConfig } from '@/lib/config';

// Auth.js's own error redirects are built from the request's address, which Next reports under
// another name than PUBLIC_URL's for loopback addresses: they are moved back to PUBLIC_URL.
export async function GET(request: NextRequest) {
  return onPublicUrl(await handlers.GET(request), getConfig().publicUrl);
}

export async function POST(request: NextRequest) {
  return onPublicUrl(await handlers.POST(request), getConfig().publicUrl);
}
