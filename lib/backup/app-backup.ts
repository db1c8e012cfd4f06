import 'server-only';
import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { secureDataFolder } from '@/lib/private-files';
import { backupScheduleFromConfig, type BackupSchedule } from './schedule';

const globalForBackup = globalThis as unknown as { kopijBackupSchedule?: BackupSchedule | null };

/**
 * At the app's start: tightens what an older install left readable, opens the database (held
 * open as long as the app runs, which is how `npm run restore` knows the app is running) and
 * starts the daily backup when BACKUP_SCHEDULE is set. Once per process.
 */
export function startAppBackups() {
  if (globalForBackup.kopijBackupSchedule !== undefined) return;
  const config = getConfig();
  secureDataFolder(config);
  globalForBackup.kopijBackupSchedule = backupScheduleFromConfig(config, db()) ?? null;
  if (config.backup.schedule)
    console.log(
      `[back-up] dagelijks om ${config.backup.schedule} naar ${config.backup.dir} (de nieuwste ${config.backup.keep} blijven bewaard)`,
    );
}
