// Runs once when the Next server starts: the sender runs inside the app unless SEND_WORKER=apart,
// the inbound SMTP listener for bounce mail when INBOUND_SMTP_PORT is set, and the daily backup
// when BACKUP_SCHEDULE is set (not 'uit'), and the writer of the archive's views and searches.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return;
  const { startAppWorker } = await import('@/lib/send/app-worker');
  startAppWorker();
  const { startAppInbound } = await import('@/lib/bounces/app-inbound');
  startAppInbound();
  const { startAppBackups } = await import('@/lib/backup/app-backup');
  startAppBackups();
  // Writes the archive views and searches that the web server counts (lib/archive/reach-count.ts).
  const { startAppReach } = await import('@/lib/archive/reach-app');
  startAppReach();
}
