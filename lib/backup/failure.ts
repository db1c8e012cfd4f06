// Why a backup failed, in words an admin acts on: a full disk, a folder Kopij cannot write, a
// copy that did not pass the check. The SQLite and system error codes stay in brackets.

export class BackupFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'BackupFailure';
  }
}

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const UNWRITABLE = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'ENOENT',
  'EISDIR',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
]);

export function describeFailure(error: unknown, dir: string): BackupFailure {
  if (error instanceof BackupFailure) return error;
  const code = (error as { code?: unknown })?.code;
  const text = error instanceof Error ? error.message : String(error);
  const name = typeof code === 'string' ? code : 'onbekend';
  if (FULL.has(name) || /disk is full|no space left/i.test(text))
    return new BackupFailure(`de schijf van ${dir} is vol (${name})`, name);
  if (UNWRITABLE.has(name))
    return new BackupFailure(`de map ${dir} is niet schrijfbaar (${name})`, name);
  if (name === 'KOPIJ_INTEGRITY')
    return new BackupFailure(`de kopie kwam niet door de controle: ${text}`, name);
  if (name.startsWith('SQLITE_IOERR') || name === 'EIO')
    return new BackupFailure(`schrijffout op de schijf van ${dir} (${name})`, name);
  return new BackupFailure(`onverwachte fout: ${text} (${name})`, name);
}
