import type { BounceKind } from '@/lib/enums';
import { subscriberEmail } from '@/lib/subscribers/address';
import { z } from '@/lib/validation';
import type { BounceReport } from './event';
import {
  snsEnvelope,
  snsUrl,
  snsVerifier,
  visitSubscribeUrl,
  type SnsEnvelope,
  type SnsVerify,
} from './sns';
import { deliveryOfVerp } from './verp';
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

// Amazon SES bounce and complaint notifications, delivered by an SNS topic to
// /api/bounces/ses. Only the fields we use are checked.

const recipient = z.object({
  emailAddress: z.string().max(400),
  status: z.string().max(20).optional(),
  diagnosticCode: z.string().optional(),
});

export const sesNotification = z.object({
  // Notifications say notificationType; event publishing (configuration sets) says eventType.
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  mail: z.object({
    messageId: z.string().optional(),
    /** The envelope sender: our VERP address, which names the delivery. */
    source: z.string().optional(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    commonHeaders: z.object({ messageId: z.string().optional() }).optional(),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipient),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(recipient.pick({ emailAddress: true })),
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
});
export type SesNotification = z.infer<typeof sesNotification>;

/** Our own Message-ID header, as the send stored it (in angle brackets). */
function messageIdOf(mail: SesNotification['mail']): string | undefined {
  const header = mail.headers?.find((h) => h.name.toLowerCase() === 'message-id')?.value;
  const id = (header ?? mail.commonHeaders?.messageId)?.trim();
  if (!id) return undefined;
  return id.startsWith('<') ? id : `<${id}>`;
}

/** "Name <jan@x.nl>" or "jan@x.nl" to the normalised address, or null. */
function addressOf(value: string): string | null {
  const inner = /<([^>]+)>/.exec(value)?.[1] ?? value;
  const parsed = subscriberEmail.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

type Affected = { address: string; status?: string; diagnostic: string };

/** Which recipients the notification is about, and as what; null when it is not a bounce. */
function affected(n: SesNotification): { kind: BounceKind; recipients: Affected[] } | null {
  const type = n.notificationType ?? n.eventType;
  if (type === 'Bounce' && n.bounce) {
    // Undetermined: SES could not tell; that says nothing about the address.
    const type = n.bounce.bounceType;
    const kind = type === 'Permanent' ? 'hard' : type === 'Transient' ? 'soft' : null;
    if (!kind) return null;
    const why = [n.bounce.bounceType, n.bounce.bounceSubType].filter(Boolean).join('/');
    return {
      kind,
      recipients: n.bounce.bouncedRecipients.flatMap((r) => {
        const address = addressOf(r.emailAddress);
        const status = r.status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(r.status) ? r.status : null;
        return address
          ? [
              {
                address,
                status: status ?? statusIn(r.diagnosticCode),
                diagnostic: `${why}: ${r.diagnosticCode ?? ''}`,
              },
            ]
          : [];
      }),
    };
  }
  if (type === 'Complaint' && n.complaint) {
    const why = `Klacht${n.complaint.complaintFeedbackType ? ` (${n.complaint.complaintFeedbackType})` : ''}`;
    return {
      kind: 'complaint',
      recipients: n.complaint.complainedRecipients.flatMap((r) => {
        const address = addressOf(r.emailAddress);
        return address ? [{ address, diagnostic: why }] : [];
      }),
    };
  }
  return null;
}

/**
 * One report per recipient of an SES notification (SNS's MessageId and the recipient make the
 * dedupe key, as SNS delivers a message at least once). The VERP envelope sender, when it is
 * ours and its MAC is right, names the delivery.
 */
export function sesReports(snsMessageId: string, notification: SesNotification): BounceReport[] {
  const found = affected(notification);
  if (!found) return [];
  const deliveryId = notification.mail.source ? deliveryOfVerp(notification.mail.source) : null;
  const messageId = messageIdOf(notification.mail);
  return found.recipients.map((r) => ({
    source: 'ses',
    kind: found.kind,
    dedupeKey: `ses:${snsMessageId}:${r.address}`,
    ...(deliveryId ? { deliveryId } : {}),
    email: r.address,
    ...(messageId ? { messageId } : {}),
    ...(r.status ? { status: r.status } : {}),
    diagnostic: diagnosticOf(r.diagnostic),
  }));
}

/** The SES notification an SNS message carries, or null when it carries something else. */
function notificationIn(message: SnsEnvelope): SesNotification | null {
  try {
    const parsed = sesNotification.safeParse(JSON.parse(message.Message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const defaultVerify = snsVerifier();

export type SesDeps = {
  secret: () => string | undefined;
  apply: ApplyBounce;
  verify?: SnsVerify;
  /** Visits a SubscribeURL; injectable for tests. */
  confirm?: (url: string) => Promise<void>;
};

/** An SNS message whose signature is good: confirm, note, or apply what it reports. */
async function handleVerified(message: SnsEnvelope, deps: SesDeps): Promise<Response> {
  if (message.Type === 'SubscriptionConfirmation') {
    const url = snsUrl(message.SubscribeURL);
    if (!url) return answer(400, 'Het bevestigingsadres is niet van Amazon SNS.');
    await (deps.confirm ?? visitSubscribeUrl)(url.href);
    console.info(`SES-webhook: abonnement op ${message.TopicArn} bevestigd`);
    return answer(200, 'Abonnement bevestigd.');
  }
  if (message.Type === 'UnsubscribeConfirmation') {
    console.info(`SES-webhook: afgemeld van ${message.TopicArn}`);
    return answer(200, 'Afmelding genoteerd.');
  }
  const notification = notificationIn(message);
  // Signed by SNS but not a bounce or complaint (a delivery, a test message): acknowledged, or
  // SNS would keep sending it.
  const reports = notification ? sesReports(message.MessageId, notification) : [];
  if (reports.length === 0) return answer(200, 'Genegeerd: geen bounce of klacht.');
  for (const report of reports) await deps.apply(report);
  return answer(
    200,
    `Verwerkt: ${reports.length} ${reports.length === 1 ? 'melding' : 'meldingen'}.`,
  );
}

/**
 * POST /api/bounces/ses. Two locks: SES_WEBHOOK_SECRET as the Basic password of the HTTPS
 * subscription URL, and SNS's signature on every message. Without the setting the webhook does
 * not exist (404).
 */
export function handleSesWebhook(request: Request, deps: SesDeps): Promise<Response> {
  return guarded('SES', async () => {
    const secret = deps.secret();
    if (!secret) return notFound();
    if (!secretMatches(basicPassword(request), secret)) return unauthorized();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = snsEnvelope.safeParse(body.value);
    if (!parsed.success) return answer(400, 'Dit is geen melding van Amazon SNS.');
    if (!(await (deps.verify ?? defaultVerify)(parsed.data)))
      return answer(403, 'De handtekening van deze melding klopt niet.');
    return handleVerified(parsed.data, deps);
  });
}
