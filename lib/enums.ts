// The fixed value lists that the schema checks and the forms offer. No drizzle here: client
// components import this module, and a client chunk must not carry the database layer.

export const editorRoles = ['admin', 'hoofdredacteur', 'redacteur'] as const;
export type EditorRole = (typeof editorRoles)[number];

export const itemKinds = ['news', 'event', 'publication', 'podcast'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const issueStatuses = [
  'concept',
  'review',
  'approved',
  'scheduled',
  'sending',
  'sent',
] as const;
export type IssueStatus = (typeof issueStatuses)[number];

export const blockKinds = ['lead', 'item', 'text', 'cta', 'image', 'footer'] as const;
export type BlockKind = (typeof blockKinds)[number];

export const reusableBlockKinds = ['text', 'cta', 'footer'] as const;

export const audiences = [
  'raadslid',
  'griffier',
  'raadsadviseur',
  'commissielid',
  'anders',
] as const;
export type Audience = (typeof audiences)[number];

export const subscriberStatuses = ['active', 'bounced', 'erased'] as const;
export const subscriptionStatuses = ['pending', 'active', 'paused', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export const consentEventKinds = [
  'subscribe_requested',
  'confirmed',
  'preferences_changed',
  'email_change_requested',
  'email_changed',
  'paused',
  'unsubscribed',
  'resubscribed',
  'imported',
  'erased',
] as const;

export const deliveryStatuses = [
  'queued',
  'sending',
  'sent',
  'retry',
  'failed',
  'skipped',
] as const;

/** Why an address is never mailed again (until an admin lifts it, with a reason). */
export const suppressionReasons = ['hard_bounce', 'complaint', 'erased', 'manual'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/** What a bounce or feedback message says about a delivery. */
export const bounceKinds = ['hard', 'soft', 'complaint', 'unsubscribe'] as const;
export type BounceKind = (typeof bounceKinds)[number];

/** Where it came in: the inbound SMTP listener, the IMAP mailbox, or a relay's webhook. */
export const bounceSources = ['smtp', 'imap', 'postmark', 'ses'] as const;
export type BounceSource = (typeof bounceSources)[number];

/** The image formats an upload may have, known by their bytes (lib/media/intake.ts). */
export const imageKinds = ['png', 'jpeg', 'webp', 'gif'] as const;
export type ImageKind = (typeof imageKinds)[number];

/** A rendition is for the mail (JPEG, or PNG with transparency) or the archive page (WebP). */
export const renditionPurposes = ['mail', 'web'] as const;
export type RenditionPurpose = (typeof renditionPurposes)[number];
export const renditionFormats = ['jpeg', 'png', 'webp'] as const;
export type RenditionFormat = (typeof renditionFormats)[number];

/** Where a themed item's image goes: a thumbnail beside the text, or full width above it. */
export const imagePlacements = ['beside', 'above'] as const;
export type ImagePlacement = (typeof imagePlacements)[number];
