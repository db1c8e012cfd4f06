import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installJsonConsole, log, logSettings, restoreConsole, withRequestId } from './log';

// installJsonConsole replaces console.* for the whole process; each test puts them back.
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => (out.push(String(line)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((line) => (err.push(String(line)), true));
});

afterEach(() => {
  restoreConsole();
  vi.restoreAllMocks();
});

const lines = (stream: string[]) => stream.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('installJsonConsole', () => {
  it('turns console.* into one JSON object per line with time, level, message and request id', async () => {
    installJsonConsole({ level: 'debug', scrub: true });
    await withRequestId('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      console.log('nummer %d verzonden', 12);
    });
    console.warn('zonder verzoek');
    expect(out.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const [info] = lines(out);
    expect(info).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'nummer 12 verzonden',
      requestId: 'req-1',
    });
    expect(lines(err)).toEqual([
      { time: expect.any(String), level: 'warn', msg: 'zonder verzoek' },
    ]);
  });

  it('drops lines below LOG_LEVEL', () => {
    installJsonConsole({ level: 'warn', scrub: true });
    console.debug('debug');
    console.info('info');
    log.info('info');
    console.error('fout');
    expect(out).toEqual([]);
    expect(lines(err).map((l) => l.level)).toEqual(['error']);
  });

  it('keeps an error as a field with name, message, code and stack', () => {
    installJsonConsole({ level: 'info', scrub: true });
    const error = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    console.error('Actie opslaan mislukt', error);
    const [line] = lines(err);
    expect(line).toMatchObject({
      level: 'error',
      msg: 'Actie opslaan mislukt',
      error: { name: 'Error', message: 'database is locked', code: 'SQLITE_BUSY' },
    });
    expect((line!.error as { stack: string }).stack).toContain('log.test.ts');
  });

  it('masks e-mail addresses and link tokens, in the message and in fields', () => {
    installJsonConsole({ level: 'info', scrub: true });
    console.error(
      'bezorging 7 aan abonnee 3: 550 5.1.1 <jan.de.vries@gemeente.example>: user unknown',
    );
    console.log(
      'Inloglink voor a@b.nl: http://localhost:3000/inloggen/bevestigen?token=abc123&email=a%40b.nl',
    );
    log.info('verzoek', { path: '/voorkeuren/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', id: 4 });
    expect(lines(err)[0]!.msg).toBe(
      'bezorging 7 aan abonnee 3: 550 5.1.1 <[e-mailadres]>: user unknown',
    );
    const [link, fields] = lines(out);
    expect(link!.msg).toBe(
      'Inloglink voor [e-mailadres]: http://localhost:3000/inloggen/bevestigen?token=[verborgen]&email=[verborgen]',
    );
    expect(fields).toMatchObject({ path: '/voorkeuren/[verborgen]', id: 4 });
  });

  it('leaves the demo sign-in link readable when mail goes to the outbox', () => {
    installJsonConsole({ level: 'info', scrub: false });
    console.log('Inloglink voor a@b.nl: http://localhost:3000/inloggen/bevestigen?token=abc');
    expect(lines(out)[0]!.msg).toBe(
      'Inloglink voor a@b.nl: http://localhost:3000/inloggen/bevestigen?token=abc',
    );
  });
});

describe('logSettings', () => {
  it('reads LOG_LEVEL and scrubs unless mail goes to the outbox', () => {
    expect(logSettings({ LOG_LEVEL: 'debug', SMTP_URL: 'smtp://mail.example:25' })).toEqual({
      level: 'debug',
      scrub: true,
    });
    expect(logSettings({})).toEqual({ level: 'info', scrub: false });
    expect(logSettings({ LOG_LEVEL: 'luid' })).toEqual({ level: 'info', scrub: true });
  });
});

describe('logRecord', () => {
  it("drops the terminal colours from Next's own lines", () => {
    installJsonConsole({ level: 'info', scrub: true });
    console.log('\u001b[32m\u001b[1m✓\u001b[22m\u001b[39m Ready in 120ms');
    expect(lines(out)[0]!.msg).toBe('✓ Ready in 120ms');
  });
});
