import { db } from '@/db';
import { applyBounce } from '@/lib/bounces/apply';
import { handlePostmarkWebhook } from '@/lib/bounces/postmark';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

// POST /api/bounces/postmark: the checks and the mapping live in lib/bounces/postmark.ts.
export function POST(request: Request) {
  return handlePostmarkWebhook(request, {
    secret: () => getConfig().bounces.postmarkSecret,
    apply: (report) => applyBounce(db(), report),
  });
}
