import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/support/browser';

// One throw-away folder per run (database, outbox, received mail), shared with the workers
// through the environment that they inherit from this process.
process.env.KOPIJ_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-e2e-'));
const port = Number(process.env.E2E_PORT ?? 3210);
const executablePath = await chromiumPath();

export default defineConfig({
  testDir: 'e2e',
  // The app under test shares two cores with the browser: one worker keeps timings sane.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]]
    : 'list',
  use: {
    // The same origin as PUBLIC_URL: Auth.js redirects there after sign-in.
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
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
  webServer: {
    command: `node_modules/.bin/tsx e2e/server.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { E2E_PORT: String(port), KOPIJ_E2E_DIR: process.env.KOPIJ_E2E_DIR },
  },
});
