// Started by Playwright (webServer): one worker's app (e2e/support/launch.ts), stopped and
// removed with its folder when Playwright is done.
import fs from 'node:fs';
import path from 'node:path';
import { launchApp } from './support/launch';

const dir = process.env.KOPIJ_E2E_DIR!;
const port = process.env.E2E_PORT ?? '3210';

async function main() {
  const { server: next, smtp } = await launchApp({ dir, port: Number(port) });

  async function stop() {
    next.kill('SIGTERM');
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
    // The run's folder holds one folder per worker's app: the last app to stop removes it.
    const run = path.dirname(dir);
    const others = fs.existsSync(run) ? fs.readdirSync(run) : [];
    if (others.length === 0) fs.rmSync(run, { recursive: true, force: true });
    process.exit(0);
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  next.on('exit', (code) => {
    console.error(`de app stopte (code ${code})`);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
