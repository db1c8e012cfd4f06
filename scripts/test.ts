// `npm test`: every check CI runs. Typecheck and lint, the unit tests and the production build
// run side by side: the unit tests spend most of their time waiting on sockets and timers, so a
// two-core machine has room for the others (about 1.5 minutes less than one after the other).
// Then the e2e tests run against that build. The output of the first phase's quiet steps is
// shown when they finish, so it does not interleave with the unit tests' report.
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
const built = { KOPIJ_TYPECHECKED: '1' };

const results = await Promise.all([
  inTurn(
    { name: 'typecheck', script: 'typecheck', quiet: true },
    { name: 'lint', script: 'lint', quiet: true },
  ),
  npmRun({ name: 'unit tests', script: 'test:unit', quiet: false }),
  npmRun({ name: 'next build', script: 'build', env: built, quiet: true }),
]);
const passed =
  results.every(Boolean) &&
  (await npmRun({ name: 'e2e tests', script: 'test:e2e:run', env: built, quiet: false }));
process.exit(passed ? 0 : 1);
