import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { launchApp, waitForApp } from './launch';
import { firstLink, mailboxMark, nextMail } from './mailbox';
import { hydrated } from './session';
import { freePort } from '@/lib/test/free-port';

// An app of the spec's own, for settings the workers' apps do not have (trusted proxies, single
// sign-on, a data folder on a small disk). Costs a few seconds to start; stop it in afterAll.

export type OwnApp = {
  url: string;
  port: number;
  dir: string;
  mailDir: string;
  databaseFile: string;
  /** The server process itself (for its memory, or to stop it hard). */
  pid: number;
  /** The app's log lines so far (with `captureLog`; E2E_APP_LOG=1 shows them instead). */
  logLines: () => string[];
  stop: () => Promise<void>;
};

export async function startOwnApp({
  env = {},
  dir,
  publicHost = 'localhost',
  captureLog = false,
}: {
  env?: Record<string, string>;
  /** The data folder; a fresh temporary one when not given. */
  dir?: string;
  /** The host in PUBLIC_URL (the browser must use the same one for the session cookie). */
  publicHost?: string;
  /** Keep what the app writes to stdout and stderr, for logLines(). */
  captureLog?: boolean;
} = {}): Promise<OwnApp> {
  const port = await freePort();
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-own-app-'));
  const url = `http://${publicHost}:${port}`;
  const { server, smtp, databaseFile } = await launchApp({
    dir: dataDir,
    port,
    env: { PUBLIC_URL: url, ...env },
    stdio: process.env.E2E_APP_LOG ? 'inherit' : captureLog ? 'pipe' : 'ignore',
  });
  // Read as it comes, so a full pipe never holds the app up.
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitForApp(`http://127.0.0.1:${port}`, server);
  } catch (error) {
    server.kill('SIGKILL');
    await smtp.close();
    throw error;
  }
  return {
    url,
    port,
    dir: dataDir,
    mailDir: path.join(dataDir, 'mail'),
    databaseFile,
    pid: server.pid!,
    logLines: () => output.join('').split('\n').filter(Boolean),
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      await smtp.close();
      if (!dir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on an app of the spec's own, in a fresh browser context aimed at it. */
export async function signInOn(app: OwnApp, browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  const mark = mailboxMark(email, app.mailDir);
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.goto(firstLink(await nextMail(email, mark, app.mailDir), '/inloggen/bevestigen'));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/redactie/);
  await hydrated(page);
  return page;
}

/** Reads the database of an app of the spec's own (read-only, closed again at once). */
export function appQuery<T>(app: OwnApp, statement: string, ...params: unknown[]): T[] {
  const database = new Database(app.databaseFile, { readonly: true });
  try {
    return database.prepare(statement).all(...params) as T[];
  } finally {
    database.close();
  }
}

/**
 * An issue through the screens of an app of the spec's own: offered for review, approved (by
 * the signed-in hoofdredacteur or admin) and sent now; `confirmation` is what the send dialog
 * must say ("nu aan 50 abonnees."). Resolves once every copy went out.
 */
export async function sendThroughScreens(
  app: OwnApp,
  page: Page,
  { issueId, confirmation }: { issueId: number; confirmation: string },
) {
  const panel = page.getByRole('region', { name: 'Redactieproces' });
  const reopen = async () => {
    await page.goto(`/redactie/nummers/${issueId}`);
    await hydrated(page);
  };
  await reopen();
  await panel.getByRole('button', { name: 'Ter review aanbieden' }).click();
  await expect(panel.getByRole('status')).toContainText('ter review');
  await reopen();
  await panel.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(panel.getByRole('status')).toContainText('goedgekeurd');
  await reopen();
  await panel.getByRole('button', { name: 'Nu verzenden…' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(confirmation);
  await confirm.getByRole('button', { name: 'Ja, verzend nu' }).click();
  const status = () =>
    appQuery<{ status: string }>(app, 'select status from issues where id = ?', issueId)[0]!.status;
  await expect.poll(status, { timeout: 60_000 }).toBe('sent');
}
