import { AsyncLocalStorage } from 'node:async_hooks';
import util from 'node:util';
import { parseConfig } from '@/lib/config';
import { scrubFields, scrubText } from './scrub';

// Logs as one JSON object per line: {"time","level","msg","requestId",...fields}. The processes
// (scripts/serve.ts, worker.ts, inbound.ts) call installJsonConsole() at start, so every
// console.* call, ours and Next's own, becomes such a line with its level and the request id.
//
// scripts/serve.ts runs under tsx and the route handlers are bundled by Next: two copies of this
// module in one process. What must be one (the request context, the settings) lives on globalThis.

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

type LogState = {
  context: AsyncLocalStorage<{ requestId: string }>;
  level: Level;
  /** Mask e-mail addresses and tokens in every line (off only for the local outbox demo). */
  scrub: boolean;
  /** The console's own methods, kept to write with once they are replaced. */
  write: { out: (line: string) => void; err: (line: string) => void };
  /** The console's methods before installJsonConsole replaced them. */
  original: Record<string, unknown> | undefined;
};

const KEY = Symbol.for('kopij.observe.log');

function state(): LogState {
  const global = globalThis as unknown as Record<symbol, LogState | undefined>;
  global[KEY] ??= {
    context: new AsyncLocalStorage(),
    level: 'info',
    scrub: true,
    write: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    original: undefined,
  };
  return global[KEY];
}

/** Runs `fn` with `requestId` attached to every line logged while it (and what it awaits) runs. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return state().context.run({ requestId }, fn);
}

function currentRequestId(): string | undefined {
  return state().context.getStore()?.requestId;
}

function errorFields(error: Error): Fields {
  const code = (error as NodeJS.ErrnoException).code;
  return {
    name: error.name,
    message: error.message,
    ...(code ? { code } : {}),
    stack: error.stack,
  };
}

/** One log line as an object; `args` as console.* takes them (Errors become an `error` field). */
export function logRecord(level: Level, args: unknown[], fields: Fields = {}): Fields {
  const errors = args.filter((a): a is Error => a instanceof Error);
  const rest = args.filter((a) => !(a instanceof Error));
  // Next colours its own lines for a terminal; in a JSON log the escape codes are noise.
  let msg = rest.length ? util.stripVTControlCharacters(util.format(...rest)) : '';
  if (!msg && errors[0]) msg = errors[0].message;
  const requestId = currentRequestId();
  const record: Fields = {
    time: new Date().toISOString(),
    level,
    msg,
    ...(requestId ? { requestId } : {}),
    ...fields,
  };
  if (errors.length) record.error = errorFields(errors[0]!);
  if (!state().scrub) return record;
  return { ...scrubFields(record), msg: scrubText(msg) };
}

export function enabled(level: Level): boolean {
  return rank[level] >= rank[state().level];
}

function emit(level: Level, args: unknown[], fields?: Fields) {
  if (!enabled(level)) return;
  let line: string;
  try {
    line = JSON.stringify(logRecord(level, args, fields));
  } catch {
    // A circular field must not lose the line.
    line = JSON.stringify(logRecord(level, [util.format(...args)]));
  }
  const { write } = state();
  (level === 'warn' || level === 'error' ? write.err : write.out)(line);
}

/** For our own code: a message and fields (ids, counts, never addresses or tokens). */
export const log = {
  debug: (msg: string, fields?: Fields) => emit('debug', [msg], fields),
  info: (msg: string, fields?: Fields) => emit('info', [msg], fields),
  warn: (msg: string, fields?: Fields) => emit('warn', [msg], fields),
  error: (msg: string, fields?: Fields) => emit('error', [msg], fields),
};

const consoleLevels = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
} as const;

/**
 * Turns console.* into JSON lines at `level` and above. Without `scrub` e-mail addresses and
 * tokens stay readable: only for the demo without SMTP_URL, where every mail (sign-in links
 * included) is a file in the data folder anyway and the README tells you to copy the link from
 * the log.
 */
export function installJsonConsole(options: { level: Level; scrub: boolean }) {
  const s = state();
  s.level = options.level;
  s.scrub = options.scrub;
  if (s.original) return;
  const target = console as unknown as Record<string, unknown>;
  s.original = Object.fromEntries(Object.keys(consoleLevels).map((m) => [m, target[m]]));
  for (const [method, level] of Object.entries(consoleLevels))
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (
      ...args: unknown[]
    ) => emit(level, args);
}

/** Puts the console back as it was (tests). */
export function restoreConsole() {
  const s = state();
  if (s.original) Object.assign(console, s.original);
  s.original = undefined;
}

/** LOG_LEVEL, and scrubbing unless mail goes to the outbox; defaults when the environment does not parse (the app says why). */
export function logSettings(env: Record<string, string | undefined> = process.env) {
  try {
    const config = parseConfig(env);
    return { level: config.logLevel, scrub: Boolean(config.smtpUrl) };
  } catch {
    return { level: 'info' as const, scrub: true };
  }
}
