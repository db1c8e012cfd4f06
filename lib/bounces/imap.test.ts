import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestImap, type TestImap } from '@/lib/test/imap';
import { waitFor } from '@/lib/test/send-fixture';
import { pollMailbox, startImapPoller, type InboundMeta } from './imap';

const servers: TestImap[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options?: Parameters<typeof startTestImap>[0]) {
  const s = await startTestImap(options);
  servers.push(s);
  return s;
}

/** A bounce-like message; the processing is injected, so any RFC 822 text will do. */
function mail(n: number, body = `Bericht ${n} kon niet worden afgeleverd.`) {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mail.example.test',
      'To: bounces+0123456789abcdef0123456789abcdef@bounces.example.test',
      `Subject: Undelivered Mail Returned to Sender ${n}`,
      `Message-ID: <bounce-${n}@mail.example.test>`,
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

type Call = { raw: Buffer; meta: InboundMeta };
function recorder(fail?: (raw: Buffer) => boolean) {
  const calls: Call[] = [];
  const process = async (raw: Buffer, meta: InboundMeta) => {
    calls.push({ raw, meta });
    if (fail?.(raw)) throw new Error('geen bounce te vinden');
    return { reports: 1, applied: 1 };
  };
  return { calls, process };
}

function logs() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

const subjects = (mails: { raw: Buffer }[] | undefined) =>
  (mails ?? []).map((m) => /Subject: (.*)/.exec(m.raw.toString())![1]!);

describe('pollMailbox', () => {
  it('processes every unread message once, with its exact bytes, and files it in Kopij/Verwerkt', async () => {
    const imap = await server();
    // Bytes that are not UTF-8 must reach the parser unchanged.
    const latin1 = Buffer.concat([mail(3, 'Caf'), Buffer.from([0xe9, 0x0d, 0x0a])]);
    const sent = [mail(1), mail(2), latin1];
    for (const raw of sent) await imap.append(raw);
    const { calls, process } = recorder();
    const { lines, log } = logs();

    const first = await pollMailbox({ url: imap.url, process, log });

    expect(first).toEqual({ processed: 3, failed: 0 });
    expect(calls.map((c) => c.meta)).toEqual([
      { source: 'imap' },
      { source: 'imap' },
      { source: 'imap' },
    ]);
    expect(calls.map((c) => Buffer.compare(c.raw, sent[calls.indexOf(c)]!))).toEqual([0, 0, 0]);
    expect(imap.folder('INBOX')).toEqual([]);
    const filed = imap.folder('Kopij/Verwerkt')!;
    expect(filed.map((m) => Buffer.compare(m.raw, sent[filed.indexOf(m)]!))).toEqual([0, 0, 0]);
    expect(filed.every((m) => m.flags.includes('\\Seen'))).toBe(true);
    // Made when first needed, not before.
    expect(imap.folder('Kopij/Fout')).toBeUndefined();
    expect(lines).toEqual(['INBOX op 127.0.0.1: 3 bericht(en) verwerkt, 0 naar Kopij/Fout']);

    const second = await pollMailbox({ url: imap.url, process, log });
    expect(second).toEqual({ processed: 0, failed: 0 });
    expect(calls).toHaveLength(3);

    // The folder exists now; a new message is filed beside the others.
    await imap.append(mail(4));
    expect(await pollMailbox({ url: imap.url, process, log })).toEqual({
      processed: 1,
      failed: 0,
    });
    expect(subjects(calls.slice(3))).toEqual(['Undelivered Mail Returned to Sender 4']);
    expect(imap.folder('Kopij/Verwerkt')).toHaveLength(4);
  });

  it('moves a message that fails to process to Kopij/Fout, so it is not tried on every poll', async () => {
    const imap = await server();
    await imap.append(mail(1));
    await imap.append(mail(2, 'kapot'));
    await imap.append(mail(3));
    const { calls, process } = recorder((raw) => raw.toString().includes('kapot'));
    const { lines, log } = logs();

    const result = await pollMailbox({ url: imap.url, process, log });

    expect(result).toEqual({ processed: 2, failed: 1 });
    expect(subjects(imap.folder('Kopij/Fout'))).toEqual(['Undelivered Mail Returned to Sender 2']);
    expect(subjects(imap.folder('Kopij/Verwerkt'))).toEqual([
      'Undelivered Mail Returned to Sender 1',
      'Undelivered Mail Returned to Sender 3',
    ]);
    expect(imap.folder('INBOX')).toEqual([]);
    expect(lines[0]).toBe(
      'bericht UID 2 in INBOX niet verwerkt (geen bounce te vinden); het gaat naar Kopij/Fout',
    );

    await pollMailbox({ url: imap.url, process, log });
    expect(calls).toHaveLength(3);
  });

  it('leaves messages alone that were already read', async () => {
    const imap = await server();
    await imap.append(mail(1), { flags: ['\\Seen'] });
    await imap.append(mail(2));
    const { calls, process } = recorder();

    expect(await pollMailbox({ url: imap.url, process, log: () => {} })).toEqual({
      processed: 1,
      failed: 0,
    });
    expect(subjects(calls)).toEqual(['Undelivered Mail Returned to Sender 2']);
    expect(subjects(imap.folder('INBOX'))).toEqual(['Undelivered Mail Returned to Sender 1']);
  });

  it('works through a full mailbox in batches, in order of arrival', async () => {
    const imap = await server();
    for (let n = 1; n <= 5; n++) await imap.append(mail(n));
    const { calls, process } = recorder();

    const result = await pollMailbox({ url: imap.url, process, log: () => {}, batchSize: 2 });

    expect(result).toEqual({ processed: 5, failed: 0 });
    expect(subjects(calls).map((s) => s.slice(-1))).toEqual(['1', '2', '3', '4', '5']);
    expect(imap.folder('Kopij/Verwerkt')).toHaveLength(5);
  });

  it('moves with COPY and EXPUNGE on a server without MOVE', async () => {
    const imap = await server({ move: false });
    await imap.append(mail(1));
    await imap.append(mail(2));
    const { process } = recorder();

    expect(await pollMailbox({ url: imap.url, process, log: () => {} })).toEqual({
      processed: 2,
      failed: 0,
    });
    expect(imap.folder('INBOX')).toEqual([]);
    expect(imap.folder('Kopij/Verwerkt')).toHaveLength(2);
  });

  it('reads the folder named in the URL', async () => {
    const imap = await server({ folders: ['Bounces'] });
    await imap.append(mail(1));
    await imap.append(mail(2), { folder: 'Bounces' });
    const { calls, process } = recorder();

    const url = imap.url.replace(/INBOX$/, 'Bounces');
    expect(await pollMailbox({ url, process, log: () => {} })).toEqual({
      processed: 1,
      failed: 0,
    });
    expect(subjects(calls)).toEqual(['Undelivered Mail Returned to Sender 2']);
    expect(imap.folder('Bounces')).toEqual([]);
    expect(imap.folder('INBOX')).toHaveLength(1);
  });
});

describe('pollMailbox failures', () => {
  it('reports a refused login and processes nothing', async () => {
    const imap = await server();
    await imap.append(mail(1));
    const { calls, process } = recorder();
    const { lines, log } = logs();

    const result = await pollMailbox({ url: imap.urlWithPassword('fout'), process, log });

    expect(result.processed).toBe(0);
    expect(result.error?.kind).toBe('auth');
    expect(result.error?.message).toMatch(/^IMAP-inlog geweigerd door 127\.0\.0\.1/);
    expect(lines).toEqual([result.error!.message]);
    expect(calls).toHaveLength(0);
    expect(imap.folder('INBOX')!.map((m) => m.flags)).toEqual([[]]);
  });

  it('reports a server that is not there', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { calls, process } = recorder();

    const result = await pollMailbox({
      url: `imap://kopij:geheim@127.0.0.1:${port}/INBOX`,
      process,
      log: () => {},
    });

    expect(result.error).toEqual({
      kind: 'connect',
      message: 'IMAP-server 127.0.0.1 niet bereikbaar (ECONNREFUSED)',
    });
    expect(calls).toHaveLength(0);
  });

  it("does not trust a certificate it cannot verify on imaps:// (the test server's own)", async () => {
    const imap = await server({ secure: true });
    await imap.append(mail(1));
    const { calls, process } = recorder();

    const result = await pollMailbox({ url: imap.url, process, log: () => {} });

    expect(result.error?.kind).toBe('tls');
    expect(result.error?.message).toMatch(/^Beveiligde verbinding met IMAP-server 127\.0\.0\.1/);
    expect(calls).toHaveLength(0);
    expect(imap.folder('INBOX')).toHaveLength(1);
  });

  it('reports a connection lost in the middle of a poll, without throwing', async () => {
    const imap = await server();
    await imap.append(mail(1));
    await imap.append(mail(2));
    const calls: Buffer[] = [];
    const { lines, log } = logs();

    const result = await pollMailbox({
      url: imap.url,
      log,
      process: async (raw) => {
        calls.push(raw);
        await imap.close();
      },
    });

    expect(result.error?.kind).toBe('connect');
    expect(result.error?.message).toMatch(/^IMAP-server 127\.0\.0\.1 niet bereikbaar/);
    expect(lines[0]).toBe(result.error!.message);
    // Both were processed; neither could be filed, so the next poll processes them again.
    expect(calls).toHaveLength(2);
  });

  it('reports a folder that does not exist', async () => {
    const imap = await server();
    const result = await pollMailbox({
      url: imap.url.replace(/INBOX$/, 'Ontbreekt'),
      process: recorder().process,
      log: () => {},
    });
    expect(result.error?.kind).toBe('mailbox');
    expect(result.error?.message).toMatch(/^IMAP-map Ontbreekt op 127\.0\.0\.1 niet te openen/);
  });
});

describe('startImapPoller', () => {
  it('keeps polling, and stop() waits for the poll in progress to file its messages', async () => {
    const imap = await server();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: Buffer[] = [];
    const poller = startImapPoller({
      url: imap.url,
      intervalMs: 10,
      log: () => {},
      process: async (raw) => {
        calls.push(raw);
        if (calls.length === 2) await gate;
      },
    });

    // Arrives after the first polls: picked up by a later one.
    await imap.append(mail(1));
    await waitFor(() => imap.folder('Kopij/Verwerkt')?.length === 1, 'het eerste bericht');

    await imap.append(mail(2));
    await waitFor(() => calls.length === 2, 'het tweede bericht in behandeling');
    const stopped = poller.stop();
    release();
    await stopped;

    expect(subjects(imap.folder('Kopij/Verwerkt'))).toEqual([
      'Undelivered Mail Returned to Sender 1',
      'Undelivered Mail Returned to Sender 2',
    ]);
    expect(calls).toHaveLength(2);
  });
});
