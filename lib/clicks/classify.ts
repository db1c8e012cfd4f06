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
 * The recent requests per client and issue, in memory only (never stored) and only for the
 * burst window: older ones are dropped as requests come in, and every client whose last request
 * is older than the window is dropped by `prune`, which the counter calls as it flushes.
 */
export class BurstWatch {
  private readonly recent = new Map<string, Seen[]>();

  constructor(
    private readonly windowMs = BURST_WINDOW_MS,
    private readonly links = BURST_LINKS,
  ) {}

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
    const seen = (this.recent.get(key) ?? []).filter((s) => request.at - s.at < this.windowMs);
    seen.push({ ...request });
    this.recent.set(key, seen);
    const distinct = new Set(seen.map((s) => s.linkId)).size;
    if (distinct < this.links) return { burst: false, recount: [] };
    const recount: Recount[] = [];
    for (const [index, s] of seen.entries()) {
      if (index === 0 || s.automated) continue;
      s.automated = true;
      // The request in hand is not counted yet: the caller counts it as automated.
      if (s !== seen.at(-1)) recount.push({ linkId: s.linkId, hour: s.hour });
    }
    return { burst: true, recount };
  }

  /** Forgets every client whose last request is older than the window. */
  prune(now: number) {
    for (const [key, seen] of this.recent)
      if (now - seen.at(-1)!.at >= this.windowMs) this.recent.delete(key);
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
