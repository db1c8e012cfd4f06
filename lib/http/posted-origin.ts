import { getConfig } from '@/lib/config';
import { plainText } from './responses';

/**
 * A form posted to one of our route handlers from another site. The session cookie is
 * SameSite=Lax, so such a post arrives without a session anyway; this refuses it before the body
 * is read. Browsers send Origin on every POST; it must be PUBLIC_URL or the host the request came to.
 */
export function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const allowed = [new URL(getConfig().publicUrl).host, request.headers.get('host')];
  try {
    return !allowed.includes(new URL(origin).host);
  } catch {
    return true;
  }
}

export const foreignOriginResponse = () => plainText('Dit formulier komt niet van deze site.', 403);
