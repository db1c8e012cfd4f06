import { appClicks } from '@/lib/clicks/app-counter';
import { answerClick } from '@/lib/clicks/redirect';

// A counted link from a sent mail (lib/clicks). Public: the link names no reader. Issues sent
// before click counting existed have no /k/ links at all (their mail links straight to each
// URL), so they need nothing here and keep working as they always did.

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ issue: string; link: string }> };

export async function GET(request: Request, context: Context) {
  return answerClick(request, await context.params, appClicks());
}

/** Scanners check links with HEAD: answered the same, counted as automated. */
export async function HEAD(request: Request, context: Context) {
  return answerClick(request, await context.params, appClicks());
}
