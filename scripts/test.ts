// `npm test`: every check CI runs, in two phases that each pair work that waits with work that
// computes: the unit tests (mostly waiting on sockets and timers) beside the production build,
// then the e2e tests (mostly waiting on the browser and the apps) beside typecheck and lint.
// On two cores that takes about 2.5 minutes less than one step after the other. The quiet
// steps' output is shown when they finish, so it does not interleave with the tests' reports.
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

// The build skips its own type check: the typecheck step does it, once (beside the e2e tests).
const builtEnv = { KOPIJ_TYPECHECKED: '1' };

const built = await Promise.all([
  npmRun({ name: 'unit tests', script: 'test:unit', quiet: false }),
  npmRun({ name: 'next build', script: 'build', env: builtEnv, quiet: true }),
]);
const checked =
  built.every(Boolean) &&
  (
    await Promise.all([
      npmRun({ name: 'e2e tests', script: 'test:e2e:run', env: builtEnv, quiet: false }),
      inTurn(
        { name: 'typecheck', script: 'typecheck', quiet: true },
        { name: 'lint', script: 'lint', quiet: true },
      ),
    ])
  ).every(Boolean);
process.exit(checked ? 0 : 1);
