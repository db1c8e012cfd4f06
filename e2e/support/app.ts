import path from 'node:path';

// Each Playwright worker tests its own app: a `next start` with its own port, database and
// loopback SMTP mailbox (playwright.config.ts starts one per worker). Tests that change data
// then never see another worker's changes, so files may run side by side in any order.

const basePort = Number(process.env.E2E_PORT ?? 3210);

/** The worker's slot, 0 .. workers-1: the same for a worker that replaces a failed one. */
const slot = () => Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export const appPort = (index = slot()) => basePort + index;

/** The folder holding this worker's database (`kopij.db`) and received mail (`mail/`). */
export const appDir = (index = slot()) => path.join(process.env.KOPIJ_E2E_DIR!, `app-${index}`);

/** The same origin as the app's PUBLIC_URL: Auth.js redirects there after sign-in. */
export const appURL = (index = slot()) => `http://localhost:${appPort(index)}`;
