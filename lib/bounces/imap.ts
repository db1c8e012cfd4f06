import { ImapFlow } from 'imapflow';

/**
 * The bounce mailbox: for installations whose bounces land in an IMAP mailbox rather than at
 * Kopij's own SMTP listener. Each poll is one short session: log in, open the folder from the
 * URL (INBOX when none), take the unread messages in UID order, hand each to `process`, and
 * file it away: into Kopij/Verwerkt once processed, into Kopij/Fout when processing threw (left
 * in place it would fail again on every poll). Filing happens only after processing, so a crash
 * in between means the message is processed again on the next poll: harmless, because
 * processing is idempotent (every report carries a dedupe key; bounce_events.dedupe_key).
 */

export type InboundMeta = { source: 'smtp' | 'imap'; recipients?: string[] };
export type ProcessMail = (raw: Buffer, meta: InboundMeta) => Promise<unknown>;
export type Log = (line: string) => void;

export const processedFolder = ['Kopij', 'Verwerkt'];
export const failedFolder = ['Kopij', 'Fout'];

export type ImapFailure = {
  /** auth: login refused; connect: no session; tls: no trusted encryption; mailbox: no folder. */
  kind: 'auth' | 'connect' | 'tls' | 'mailbox' | 'server';
  message: string;
};
export type PollResult = { processed: number; failed: number; error?: ImapFailure };

export type PollOptions = {
  /** imap:// or imaps://user:password@host[:port][/folder], as IMAP_URL. */
  url: string;
  process: ProcessMail;
  log?: Log;
  /** Messages fetched at once: their bodies are held in memory until filed. */
  batchSize?: number;
};

const defaultLog: Log = (line) => console.log(`[bounces] ${line}`);

// Node's socket and DNS codes, and imapflow's for a session that never started or was lost.
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'ETIMEOUT',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
]);
const tlsCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|HOSTNAME_|UPGRADE_TIMEOUT)/;

type Stage = 'connect' | 'mailbox' | 'messages';
type ErrorShape = {
  code?: unknown;
  authenticationFailed?: boolean;
  responseText?: string;
  message?: string;
};

export function classifyImapError(
  error: unknown,
  host: string,
  mailbox: string,
  stage: Stage,
): ImapFailure {
  const e = (error ?? {}) as ErrorShape;
  const code = typeof e.code === 'string' ? e.code : '';
  const said = (e.responseText || e.message || String(error)).replace(/\s+/g, ' ').slice(0, 200);
  if (e.authenticationFailed)
    return { kind: 'auth', message: `IMAP-inlog geweigerd door ${host}: ${said}` };
  if (tlsCode.test(code))
    return {
      kind: 'tls',
      message: `Beveiligde verbinding met IMAP-server ${host} mislukt (${code}): ${said}`,
    };
  if (unreachable.has(code) || stage === 'connect')
    return {
      kind: 'connect',
      message: `IMAP-server ${host} niet bereikbaar (${code || said})`,
    };
  if (stage === 'mailbox')
    return { kind: 'mailbox', message: `IMAP-map ${mailbox} op ${host} niet te openen: ${said}` };
  return { kind: 'server', message: `IMAP-fout bij ${host}: ${said}` };
}

function clientFor(url: URL): ImapFlow {
  const secure = url.protocol === 'imaps:';
  return new ImapFlow({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (secure ? 993 : 143),
    // imaps: TLS from the start; imap: STARTTLS when the server offers it (as SMTP_URL).
    secure,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
    // One short session per poll: no IDLE between commands.
    disableAutoIdle: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
}

/** Kopij's folders, made on first use; paths follow the server's namespace and delimiter. */
function folders(client: ImapFlow) {
  let existing: Promise<Set<string>> | undefined;
  const made = new Map<string, string>();
  return async (segments: string[]): Promise<string> => {
    const known = made.get(segments.join('/'));
    if (known) return known;
    const namespace = client.namespace;
    let path = segments.join(namespace?.delimiter || '/');
    if (namespace?.prefix && !path.startsWith(namespace.prefix)) path = namespace.prefix + path;
    existing ??= client.list().then((boxes) => new Set(boxes.map((b) => b.path)));
    if (!(await existing).has(path)) path = (await client.mailboxCreate(segments)).path;
    made.set(segments.join('/'), path);
    return path;
  };
}

/** Marks the messages read and moves them; read first, so a failed move never loops them. */
async function file(client: ImapFlow, uids: number[], target: () => Promise<string>) {
  if (uids.length === 0) return;
  const range = uids.join(',');
  const folder = await target();
  if (!(await client.messageFlagsAdd(range, ['\\Seen'], { uid: true })))
    throw new Error(`markeren als gelezen mislukt (UID ${range})`);
  if (!(await client.messageMove(range, folder, { uid: true })))
    throw new Error(`verplaatsen naar ${folder} mislukt (UID ${range})`);
}

async function drain(
  client: ImapFlow,
  options: PollOptions & { log: Log; mailbox: string },
  result: PollResult,
) {
  const found = await client.search({ seen: false }, { uid: true });
  const uids = (found || []).sort((a, b) => a - b);
  const folder = folders(client);
  const size = options.batchSize ?? 10;
  for (let i = 0; i < uids.length; i += size) {
    // imapflow runs no other command while a FETCH streams, so a batch is read whole first.
    const batch = await client.fetchAll(
      uids.slice(i, i + size).join(','),
      { uid: true, source: true },
      { uid: true },
    );
    const done: number[] = [];
    const failed: number[] = [];
    for (const message of batch) {
      if (!message.source) continue;
      try {
        await options.process(message.source, { source: 'imap' });
        done.push(message.uid);
      } catch (error) {
        failed.push(message.uid);
        const reason = error instanceof Error ? error.message : String(error);
        options.log(
          `bericht UID ${message.uid} in ${options.mailbox} niet verwerkt (${reason}); het gaat naar ${failedFolder.join('/')}`,
        );
      }
    }
    result.processed += done.length;
    result.failed += failed.length;
    await file(client, done, () => folder(processedFolder));
    await file(client, failed, () => folder(failedFolder));
  }
}

/** One poll. Never throws: a failure is logged in Dutch and returned, classified. */
export async function pollMailbox(options: PollOptions): Promise<PollResult> {
  const log = options.log ?? defaultLog;
  const result: PollResult = { processed: 0, failed: 0 };
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    result.error = { kind: 'connect', message: 'IMAP_URL is geen geldig adres' };
    log(result.error.message);
    return result;
  }
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  const client = clientFor(url);
  // A failure also rejects the command in progress, and is reported there.
  client.on('error', () => {});
  let stage: Stage = 'connect';
  try {
    await client.connect();
    stage = 'mailbox';
    const lock = await client.getMailboxLock(mailbox);
    stage = 'messages';
    try {
      await drain(client, { ...options, log, mailbox }, result);
    } finally {
      lock.release();
    }
    await client.logout();
  } catch (error) {
    result.error = classifyImapError(error, url.hostname, mailbox, stage);
    log(result.error.message);
    client.close();
  }
  if (result.processed || result.failed)
    log(
      `${mailbox} op ${url.hostname}: ${result.processed} bericht(en) verwerkt, ${result.failed} naar ${failedFolder.join('/')}`,
    );
  return result;
}

export type ImapPoller = { stop(): Promise<void> };

/**
 * Polls every `intervalMs`, counted from the end of the previous poll, so polls never overlap.
 * stop() lets a poll in progress finish (its messages are filed) and then resolves.
 */
export function startImapPoller(options: PollOptions & { intervalMs: number }): ImapPoller {
  let stopping = false;
  let wake = () => {};
  const loop = (async () => {
    while (!stopping) {
      await pollMailbox(options);
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      wake();
      await loop;
    },
  };
}
