import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { appDir, appPort, appURL } from './e2e/support/app';
import { chromiumPath } from './e2e/support/browser';

// One throw-away folder per run, with a folder per worker's app (database, received mail),
// found by the workers through the environment that they inherit from this process.
process.env.KOPIJ_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-e2e-'));
const executablePath = await chromiumPath();

// Two workers, each with its own app: much of the suite waits (a send a minute ahead, a paced
// send, mail arriving), and the other worker uses that time. E2E_WORKERS=1 runs them in turn.
const workers = Number(process.env.E2E_WORKERS ?? 2);
const apps = Array.from({ length: workers }, (_, index) => index);

const OWN_APP = ['**/zorgpost.spec.ts'];
const DRAFT_24 = ['**/[a-e]*.spec.ts'];
const WORKFLOW = ['**/workflow.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  workers,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers share two cores with their apps: a step that takes 15 s alone may take 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]]
    : 'list',
  use: {
    // Each test aims at its own worker's app (e2e/support/test.ts); this is the first one.
    baseURL: appURL(0),
    // A failing test keeps its trace with a DOM snapshot per action, but no screencast: the
    // film strip made Chromium encode frames through every passing test too. CI records none:
    // what we read of a CI run is its report (the error, its page snapshot and screenshot), and
    // the snapshots alone cost 30 s there (e2e alone: 9.5 min full, 7.0 without, 6.5 off).
    trace: process.env.CI ? 'off' : { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // Workers take whole files in the order the projects list them. The long specs start as
  // early as they can, so they overlap the short ones instead of ending the run alone: first the
  // one with an app of its own, then the workflow spec as soon as the specs that need issue 24
  // still as a draft (a* to e*: access, builder, email) have started. It sends issue 24.
  projects: [
    { name: 'eigen-app', testMatch: OWN_APP },
    { name: 'concept-24', testMatch: DRAFT_24 },
    { name: 'workflow', testMatch: WORKFLOW },
    { name: 'overig', testIgnore: [...OWN_APP, ...DRAFT_24, ...WORKFLOW] },
  ],
  webServer: apps.map((index) => ({
    command: `node_modules/.bin/tsx e2e/server.ts`,
    url: `http://127.0.0.1:${appPort(index)}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    env: { E2E_PORT: String(appPort(index)), KOPIJ_E2E_DIR: appDir(index) },
  })),
});
