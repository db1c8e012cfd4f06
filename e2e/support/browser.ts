import fs from 'node:fs';

/**
 * The Chromium the e2e tests drive. By default the one that `@sparticuz/chromium` ships inside
 * its npm package (unpacked to the temp folder on first use), so `npm ci && npm test` needs no
 * system browser and every machine tests the same build. `CHROMIUM_PATH` names another one.
 */
export async function chromiumPath(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured))
      throw new Error(`CHROMIUM_PATH wijst naar ${configured}, dat niet bestaat`);
    return configured;
  }
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    return await chromium.executablePath();
  } catch (error) {
    throw new Error(
      `Chromium uit @sparticuz/chromium kon niet worden uitgepakt (${String(error)}). ` +
        'Draai npm ci opnieuw, of zet CHROMIUM_PATH op een Chromium of Chrome.',
    );
  }
}
