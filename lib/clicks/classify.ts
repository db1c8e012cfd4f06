// Which requests on a counted link are a person and which a machine. Mail scanners (Microsoft's
// Safe Links, Barracuda, Proofpoint, Mimecast, ...) follow every link of a mail as it arrives,
// before anyone reads it; counted as clicks they would make every link look popular. Three
// signs, each cheap: a HEAD request (a browser following a link sends GET), a user agent that
// names a scanner, bot or headless browser, and a burst: one client opening three or more
// different links of one issue within ten seconds, which no reader does. The burst's first
// request counts as a click (it cannot be told apart yet); the ones after it do not.
// Counts stay estimates: a scanner that poses as a browser and takes its time is counted.

import { epochHour } from '@/lib/stats/tally';

export { epochHour };

/** Parts of user agents that mean a machine; lower case. */
const SCANNER_AGENTS = [
  'bot',
  'crawler',
  'spider',
  'headless',
  'preview',
  'scan',
  'safelinks',
  'microsoft office',
  'ms-office',
  'msoffice',
  'outlook-ios-android/link',
  'barracuda',
  'proofpoint',
  'mimecast',
  'symantec',
  'forcepoint',
  'trend micro',
  'sophos',
  'fireeye',
  'ironport',
  'phantomjs',
  'python',
  'curl/',
  'wget',
  'go-http-client',
  'java/',
  'okhttp',
  'libwww',
  'httpclient',
  'node-fetch',
  'axios',
  'undici',
  // Crawlers and link previews that name no bot (the archive's page views leave them out too).
  'facebookexternalhit',
  'slurp',
  'whatsapp',
  'embedly',
  'inspectiontool',
  'lighthouse',
  'ia_archiver',
  'pingdom',
  'uptime',
];

/** No user agent at all is a machine too: every browser sends one. */
export function isScannerAgent(userAgent: string | null | undefined): boolean {
  const agent = userAgent?.trim().toLowerCase();
  if (!agent) return true;
  return SCANNER_AGENTS.some((part) => agent.includes(part));
}

export const BURST_WINDOW_MS = 10_000;
export const BURST_LINKS = 3;
const MAX_CLIENTS = 50_000;

type Seen = { linkId: number; hour: number; at: number; automated: boolean };

/** A click that the burst rule turned into an automated one after it was counted. */
export type Recount = { linkId: number; hour: number };

/**
 * One client's requests on one issue within the window, oldest first from `head`; `perLink`
 * counts them per link, and `pending` (from `pendingHead`) holds those still counted as clicks.
 * Every step is constant time per request: many readers behind one address (a town hall's
 * network) click thousands of times in a window, and a scan over them all made each click slower
 * than the last (bench/click-redirect.bench.ts).
 */
type Recent = {
  seen: Seen[];
  head: number;
  perLink: Map<number, number>;
  pending: Seen[];
  pendingHead: number;
};

/**
 * The recent requests per client and issue, in memory only (never stored) and only for the
 * burst window: older ones are dropped as requests come in, and every client whose last request
 * is older than the window is dropped by `prune`, which the counter calls as it flushes.
 */
export class BurstWatch {
  private readonly recent = new Map<string, Recent>();

  constructor(
    private readonly windowMs = BURST_WINDOW_MS,
    private readonly links = BURST_LINKS,
  ) {}

  /** Drops what left the window, from both lists (pending is in the same order as seen). */
  private expire(r: Recent, now: number) {
    while (r.head < r.seen.length && now - r.seen[r.head]!.at >= this.windowMs) {
      const old = r.seen[r.head++]!;
      const left = r.perLink.get(old.linkId)! - 1;
      if (left === 0) r.perLink.delete(old.linkId);
      else r.perLink.set(old.linkId, left);
      if (r.pending[r.pendingHead] === old) r.pendingHead += 1;
    }
    if (r.head > 1024 && r.head * 2 > r.seen.length) {
      r.seen = r.seen.slice(r.head);
      r.head = 0;
    }
    if (r.pendingHead > 1024 && r.pendingHead * 2 > r.pending.length) {
      r.pending = r.pending.slice(r.pendingHead);
      r.pendingHead = 0;
    }
  }

  /**
   * Notes a request; says whether it belongs to a burst, and which earlier requests of the burst
   * were counted as clicks and are automated after all (all but the burst's first).
   */
  note(
    client: string,
    issueId: number,
    request: Omit<Seen, 'automated'> & { automated: boolean },
  ): { burst: boolean; recount: Recount[] } {
    // Many addresses at once (a flood, or a big send's scanners) between two flushes: the
    // window's rule needs no more than the window, so the stale ones go now.
    if (this.recent.size >= MAX_CLIENTS) this.prune(request.at);
    const key = `${issueId} ${client}`;
    let r = this.recent.get(key);
    if (!r) {
      r = { seen: [], head: 0, perLink: new Map(), pending: [], pendingHead: 0 };
      this.recent.set(key, r);
    }
    this.expire(r, request.at);
    const entry: Seen = { ...request };
    r.seen.push(entry);
    r.perLink.set(entry.linkId, (r.perLink.get(entry.linkId) ?? 0) + 1);
    if (!entry.automated) r.pending.push(entry);
    if (r.perLink.size < this.links) return { burst: false, recount: [] };
    const first = r.seen[r.head]!;
    const recount: Recount[] = [];
    const kept: Seen[] = [];
    for (let i = r.pendingHead; i < r.pending.length; i++) {
      const s = r.pending[i]!;
      if (s === first) {
        kept.push(s);
        continue;
      }
      s.automated = true;
      // The request in hand is not counted yet: the caller counts it as automated.
      if (s !== entry) recount.push({ linkId: s.linkId, hour: s.hour });
    }
    r.pending = kept;
    r.pendingHead = 0;
    return { burst: true, recount };
  }

  /** Forgets every client whose last request is older than the window. */
  prune(now: number) {
    for (const [key, r] of this.recent)
      if (now - r.seen.at(-1)!.at >= this.windowMs) this.recent.delete(key);
  }

  get clients() {
    return this.recent.size;
  }
}

export type ClickRequest = {
  method: string;
  userAgent: string | null;
  /** The client's address (lib/http/client-address.ts); null when unknown: no burst rule. */
  client: string | null;
  issueId: number;
  linkId: number;
  at: number;
};

/** How to count one request, and which earlier clicks a burst makes automated. */
export function classifyClick(
  request: ClickRequest,
  bursts: BurstWatch,
): { automated: boolean; hour: number; recount: Recount[] } {
  const hour = epochHour(request.at);
  let automated = request.method === 'HEAD' || isScannerAgent(request.userAgent);
  if (request.client === null) return { automated, hour, recount: [] };
  const { burst, recount } = bursts.note(request.client, request.issueId, {
    linkId: request.linkId,
    hour,
    at: request.at,
    automated,
  });
  if (burst) automated = true;
  return { automated, hour, recount };
}
