import type { BounceKind, BounceSource } from '@/lib/enums';

/**
 * One report about one copy, whatever path it came in by: the inbound paths (SMTP, IMAP) parse
 * mail into these, the webhooks map their JSON into these, and applyBounce (apply.ts) acts on
 * them. A report names its copy by a verified VERP delivery id, or (webhooks only, whose sender
 * is authenticated by its secret) by the reader's address and, where given, the Message-ID.
 */
export type BounceReport = {
  source: BounceSource;
  kind: BounceKind;
  /** Same report twice, same key: applying it again changes nothing. */
  dedupeKey: string;
  deliveryId?: number;
  email?: string;
  messageId?: string;
  /** RFC 3463 status, e.g. 5.1.1. */
  status?: string;
  diagnostic?: string;
  /** For kind 'unsubscribe': the signed token from the mailto subject. */
  unsubscribeToken?: string;
};
