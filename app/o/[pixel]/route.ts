import { appOpens } from '@/lib/clicks/app-counter';
import { answerOpen } from '@/lib/clicks/opens';

// The open pixel at the end of a sent mail, where the newsletter's admin turned opens on
// (lib/clicks/opens.ts). Public: its address names an issue, no reader.

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ pixel: string }> };

export async function GET(request: Request, context: Context) {
  return answerOpen(request, await context.params, appOpens());
}

/** Scanners check images with HEAD: answered the same, counted as automated. */
export async function HEAD(request: Request, context: Context) {
  return answerOpen(request, await context.params, appOpens());
}
