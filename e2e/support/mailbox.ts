import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { appDir } from './app';

// The worker's app by default; a spec with an app of its own passes that app's mailDir.
const workerMailDir = () => path.join(appDir(), 'mail');

function filesFor(address: string, mailDir = workerMailDir()): string[] {
  if (!fs.existsSync(mailDir)) return [];
  return fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort();
}

/** Remembers what is in the mailbox now, so a test can wait for what arrives after. */
export function mailboxMark(address: string, mailDir?: string): number {
  return filesFor(address, mailDir).length;
}

export function mailCount(address: string): number {
  return filesFor(address).length;
}

/** Waits for the next message to `address` that the loopback SMTP server received after `mark`. */
export async function nextMail(
  address: string,
  mark: number,
  mailDir = workerMailDir(),
): Promise<ParsedMail> {
  let file: string | undefined;
  await expect
    .poll(() => (file = filesFor(address, mailDir)[mark]), {
      message: `geen e-mail aan ${address}`,
      timeout: 10_000,
    })
    .toBeTruthy();
  return simpleParser(fs.readFileSync(path.join(mailDir, file!)));
}

export function firstLink(mail: ParsedMail, startsWith: string): string {
  const link = mail.text
    ?.match(/https?:\/\/\S+/g)
    ?.find((url) => new URL(url).pathname.startsWith(startsWith));
  if (!link) throw new Error(`geen link naar ${startsWith} in: ${mail.text}`);
  return link;
}
