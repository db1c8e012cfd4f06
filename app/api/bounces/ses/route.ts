import { db } from '@/db';
import { applyBounce } from '@/lib/bounces/apply';
import { handleSesWebhook } from '@/lib/bounces/ses';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

// POST /api/bounces/ses: the secret, SNS's signature and the mapping live in lib/bounces/ses.ts.
export function POST(request: Request) {
  return handleSesWebhook(request, {
    secret: () => getConfig().bounces.sesSecret,
    apply: (report) => applyBounce(db(), report),
  });
}
