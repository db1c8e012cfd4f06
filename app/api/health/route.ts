export const dynamic = 'force-dynamic';

/**
 * Liveness: 200 as long as the process serves requests, and nothing more, so a full disk or a
 * stuck database never gets a healthy process restarted. Whether the app can do its work is
 * /api/health/ready.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
