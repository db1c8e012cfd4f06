import fs from 'node:fs';
import { createPrivateFile } from '@/lib/private-files';

// The two steps every file a backup or restore writes goes through: a private copy that is on
// the disk before it gets its name, and the folder's entry for that name on the disk too.

/** fsync of a file or folder: for a folder, the names just linked or renamed into it. */
export function fsyncPath(target: string) {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies `from` into the new 0600 file `to` (copyFile would give it the source's mode). */
export function copyInto(from: string, to: string) {
  createPrivateFile(to);
  const input = fs.openSync(from, 'r');
  const output = fs.openSync(to, 'w');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let read; (read = fs.readSync(input, buffer)) > 0;) fs.writeSync(output, buffer, 0, read);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}
