// The web server as `npm start` runs it (scripts/serve.ts on the last build) and a load client
// for it: what the benches that measure requests share.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Builds once when there is no build yet (a bench run on a fresh clone). */
export function ensureBuild() {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

export type BenchServer = {
  base: string;
  child: ChildProcess;
  /** Resolves on the first 200 from /api/health, with the ms since the spawn. */
  ready: Promise<number>;
  /** SIGTERM, as a service manager stops it (the server writes what it counted on its way out). */
  stop: () => Promise<void>;
};

export function startServer({
  port,
  dataDir,
  databaseFile,
  env = {},
  pollMs = 20,
}: {
  port: number;
  dataDir: string;
  databaseFile: string;
  env?: Record<string, string>;
  pollMs?: number;
}): BenchServer {
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts')], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseFile,
      AUTH_SECRET: 'b'.repeat(40),
      ...env,
    },
  });
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`de server stopte met code ${child.exitCode}`);
      if (performance.now() - started > 30_000)
        throw new Error('geen 200 van /api/health binnen 30 s');
      await new Promise((r) => setTimeout(r, pollMs));
    }
  })();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { base, child, ready, stop };
}

/** Where an answer ends: Content-Length, or the last chunk of a chunked body; -1 if not yet. */
function answerEnd(buffer: Buffer, headEnd: number, head: string): number {
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (length !== undefined) {
    const end = headEnd + 4 + Number(length);
    return buffer.length >= end ? end : -1;
  }
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) return -2;
  const last = buffer.indexOf('\r\n0\r\n\r\n', headEnd + 2);
  return last < 0 ? -1 : last + 7;
}

export type LoadRun = { rps: number; p50: number; p99: number; errors: number; n: number };

/**
 * `connections` keep-alive connections, each sending GET → reading the whole answer → next, for
 * `seconds`. A raw socket client costs far less CPU than node:http, so on two shared cores more
 * of the machine goes to the server being measured. `ok` judges each answer's head and size.
 */
export async function load(
  url: string,
  {
    seconds,
    connections = 50,
    userAgent,
    ok,
  }: {
    seconds: number;
    connections?: number;
    userAgent?: string;
    ok: (head: string, bytes: number) => boolean;
  },
): Promise<LoadRun> {
  const { hostname, port, pathname, search } = new URL(url);
  const agent = userAgent ? `User-Agent: ${userAgent}\r\n` : '';
  const request = Buffer.from(
    `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${agent}Connection: keep-alive\r\n\r\n`,
  );
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      socket.setNoDelay(true);
      let buffer: Buffer = Buffer.alloc(0);
      let began = 0;
      const send = () => {
        if (performance.now() >= until) return socket.end(resolve);
        began = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buffer.subarray(0, headEnd).toString('latin1');
        const end = answerEnd(buffer, headEnd, head);
        if (end === -1) return;
        if (end === -2) {
          errors += 1;
          return socket.destroy();
        }
        if (!ok(head, end - headEnd - 4)) errors += 1;
        latencies.push(performance.now() - began);
        buffer = buffer.subarray(end);
        send();
      });
      socket.on('error', () => {
        errors += 1;
        resolve();
      });
      socket.on('close', () => resolve());
    });
  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    n: latencies.length,
  };
}

/** Of runs alternated on a shared machine, the best one: noise only ever slows a run down. */
export const bestRun = (runs: LoadRun[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
