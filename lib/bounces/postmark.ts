import type { BounceKind } from '@/lib/enums';
import { subscriberEmail } from '@/lib/subscribers/address';
import { z } from '@/lib/validation';
import type { BounceReport } from './event';
import {
  answer,
  basicPassword,
  diagnosticOf,
  guarded,
  notFound,
  readJson,
  secretMatches,
  statusIn,
  unauthorized,
  type ApplyBounce,
} from './webhook';

/**
 * Postmark's Bounce and Spam Complaint webhooks (postmarkapp.com/developer/webhooks). Postmark
 * sends from its own return path, so a report names the reader by address, not by our VERP
 * envelope. Only the fields we use are checked; the rest (Tag, ServerID, Content, ...) is
 * ignored, so a new field in their payload never breaks the webhook.
 */
export const postmarkPayload = z.object({
  RecordType: z.enum(['Bounce', 'SpamComplaint']),
  // A 64-bit number: beyond 2^53 JSON.parse rounds it, so the key comes from the text (exactId).
  ID: z.union([z.number().nonnegative().refine(Number.isInteger), z.string().regex(/^\d{1,20}$/)]),
  Type: z.string().max(64),
  TypeCode: z.number().int().optional(),
  Email: subscriberEmail,
  MessageID: z.string().max(200).optional(),
  Description: z.string().optional(),
  Details: z.string().optional(),
  BouncedAt: z.string().optional(),
  Metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type PostmarkPayload = z.infer<typeof postmarkPayload>;

/**
 * Postmark's bounce types that say something about the reader's mailbox. Everything else
 * (Transient delays, AutoResponder, Blocked by a filter, DMARC, challenge mails) says nothing
 * about the address and is acknowledged without a report.
 */
const kinds = new Map<string, BounceKind>([
  ['HardBounce', 'hard'],
  ['BadEmailAddress', 'hard'],
  ['SoftBounce', 'soft'],
  ['DnsError', 'soft'],
  ['SpamComplaint', 'complaint'],
]);

/**
 * The ID's digits as sent. Two large ids that JSON.parse rounds to the same number must not
 * share a dedupe key (the second bounce would be dropped as a repeat); when the text does not
 * give one unambiguous ID, the parsed value is used.
 */
export function exactId(text: string, parsed: number | string): string {
  const found = [...text.matchAll(/"ID"\s*:\s*(\d{1,20})(?=\s*[,}])/g)].map((m) => m[1]!);
  return found.length === 1 && Number(found[0]) === Number(parsed) ? found[0]! : String(parsed);
}

/** The report for one webhook call, or null when it is nothing to act on. */
export function postmarkReport(
  payload: PostmarkPayload,
  id = String(payload.ID),
): BounceReport | null {
  const kind = payload.RecordType === 'SpamComplaint' ? 'complaint' : kinds.get(payload.Type);
  if (!kind) return null;
  const text = payload.Details || payload.Description;
  return {
    source: 'postmark',
    kind,
    dedupeKey: `postmark:${id}`,
    email: payload.Email,
    status: statusIn(text),
    diagnostic: diagnosticOf(`${payload.Type}: ${text ?? ''}`),
  };
}

/** Record types Postmark may send to the same URL when an admin ticks more boxes. */
const otherRecordTypes = new Set(['Delivery', 'Open', 'Click', 'SubscriptionChange']);

/**
 * POST /api/bounces/postmark. The secret is POSTMARK_WEBHOOK_SECRET, given by Postmark as the
 * Basic password in the webhook URL (https://kopij:<secret>@host/api/bounces/postmark).
 * Without the setting the webhook does not exist (404).
 */
export function handlePostmarkWebhook(
  request: Request,
  deps: { secret: () => string | undefined; apply: ApplyBounce },
): Promise<Response> {
  return guarded('Postmark', async () => {
    const secret = deps.secret();
    if (!secret) return notFound();
    if (!secretMatches(basicPassword(request), secret)) return unauthorized();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const recordType = (body.value as { RecordType?: unknown } | null)?.RecordType;
    if (typeof recordType === 'string' && otherRecordTypes.has(recordType))
      return answer(200, 'Genegeerd: geen bounce of klacht.');
    const parsed = postmarkPayload.safeParse(body.value);
    if (!parsed.success) return answer(400, 'Dit is geen bounce- of klachtmelding van Postmark.');
    const report = postmarkReport(parsed.data, exactId(body.text, parsed.data.ID));
    if (!report) return answer(200, `Genegeerd: ${parsed.data.Type} zegt niets over het adres.`);
    await deps.apply(report);
    return answer(200, 'Verwerkt.');
  });
}
