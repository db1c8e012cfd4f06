import type { Tx } from '@/db';
import { applyBounce } from './apply';
import { parseInbound, type InboundSource } from './parse';

export type InboundMeta = {
  source: InboundSource;
  /** The SMTP envelope recipients, when known (the IMAP path may not know them). */
  recipients?: string[];
  /** Where the lines about ignored and refused messages go (default: the console). */
  log?: (line: string) => void;
};

const consoleLog = (line: string) => console.log(`[bounces] ${line}`);

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
): Promise<{ reports: number; applied: number }> {
  const log = meta.log ?? consoleLog;
  const parsed = await parseInbound(raw, { source: meta.source, recipients: meta.recipients });
  if (parsed.ignored) log(`Bericht genegeerd (${meta.source}): ${parsed.ignored}`);
  let applied = 0;
  for (const report of parsed.reports) {
    const result = applyBounce(database, report);
    if (result.applied) applied += 1;
    else log(`Melding (${report.kind}, ${meta.source}) niet verwerkt: ${result.reason}`);
  }
  return { reports: parsed.reports.length, applied };
}
