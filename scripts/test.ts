// `npm test`: every check CI runs. The unit tests (mostly waiting on sockets and timers) run
// beside the production build and typecheck + lint; then the e2e tests run alone, against that
// build. Measured on a fresh clone: typecheck and lint beside the e2e tests instead slowed those
// from 9.9 to 12 minutes, far more than they saved. The quiet steps' output is shown when they
// finish, so it does not interleave with the unit tests' report.
import { spawn } from 'node:child_process';

type Step = { name: string; script: string; env?: Record<string, string>; quiet: boolean };

function npmRun({ name, script, env, quiet }: Step): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (quiet) process.stdout.write(`\n--- ${name} ---\n${Buffer.concat(output).toString()}`);
      console.log(`--- ${name}: ${code === 0 ? 'geslaagd' : 'MISLUKT'} in ${seconds} s ---`);
      resolve(code === 0);
    });
  });
}

async function inTurn(...steps: Step[]): Promise<boolean> {
  for (const step of steps) if (!(await npmRun(step))) return false;
  return true;
}

// The build skips its own type check: the typecheck step does it, once.
const builtEnv = { KOPIJ_TYPECHECKED: '1' };

const firstPhase = await Promise.all([
  npmRun({ name: 'unit tests', script: 'test:unit', quiet: false }),
  npmRun({ name: 'next build', script: 'build', env: builtEnv, quiet: true }),
  // CI runs both while better-sqlite3 compiles (.ci/run), and says so.
  process.env.KOPIJ_STATIC_CHECKED === '1'
    ? true
    : inTurn(
        { name: 'typecheck', script: 'typecheck', quiet: true },
        { name: 'lint', script: 'lint', quiet: true },
      ),
]);
const passed =
  firstPhase.every(Boolean) &&
  (await npmRun({ name: 'e2e tests', script: 'test:e2e:run', env: builtEnv, quiet: false }));
process.exit(passed ? 0 : 1);
