import type { Tx } from '@/db';
import { applyBounce, type ApplyResult } from './apply';
import type { BounceReport } from './event';
import { parseInbound, type InboundSource, type ParsedInbound } from './parse';

export type InboundMeta = {
  source: InboundSource;
  /** The SMTP envelope recipients, when known (the IMAP path may not know them). */
  recipients?: string[];
  /** Where the lines about ignored and refused messages go (default: the console). */
  log?: (line: string) => void;
};

export type InboundResult = { reports: number; applied: number };

const consoleLog = (line: string) => console.log(`[bounces] ${line}`);

/** Reads a message, and says in the log when it holds nothing to act on. */
export async function readInbound(raw: Buffer, meta: InboundMeta): Promise<ParsedInbound> {
  const parsed = await parseInbound(raw, { source: meta.source, recipients: meta.recipients });
  if (parsed.ignored)
    (meta.log ?? consoleLog)(`Bericht genegeerd (${meta.source}): ${parsed.ignored}`);
  return parsed;
}

/** Counts what was applied, and says in the log what was not and why. */
export function inboundResult(
  meta: InboundMeta,
  reports: BounceReport[],
  results: ApplyResult[],
): InboundResult {
  const log = meta.log ?? consoleLog;
  results.forEach((result, i) => {
    if (!result.applied)
      log(`Melding (${reports[i]!.kind}, ${meta.source}) niet verwerkt: ${result.reason}`);
  });
  return { reports: reports.length, applied: results.filter((r) => r.applied).length };
}

/**
 * One inbound message, from the SMTP listener or the IMAP mailbox: read into reports, each
 * applied in its own transaction. Resolves once everything is recorded, so the caller may then
 * acknowledge the message (250, or deleting it from the mailbox); a failure rejects, so the
 * caller keeps it for another try (applying a report twice changes nothing).
 */
export async function processInbound(
  database: Tx,
  raw: Buffer,
  meta: InboundMeta,
): Promise<InboundResult> {
  const { reports } = await readInbound(raw, meta);
  const results = reports.map((report) => applyBounce(database, report));
  return inboundResult(meta, reports, results);
}
