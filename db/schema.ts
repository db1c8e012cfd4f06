import { relations, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import type { AdapterAccountType } from 'next-auth/adapters';
import type { RichDoc } from '../lib/richtext/doc';
import type { Audience } from '../lib/enums';
import {
  editorRoles,
  itemKinds,
  issueStatuses,
  blockKinds,
  reusableBlockKinds,
  audiences,
  subscriberStatuses,
  subscriptionStatuses,
  consentEventKinds,
  deliveryStatuses,
  suppressionReasons,
  bounceKinds,
  bounceSources,
  imageKinds,
  renditionPurposes,
  renditionFormats,
  imagePlacements,
} from '../lib/enums';

const EMPTY_DOC = sql`'{"type":"doc","content":[]}'`;

// Every timestamp is stored as UTC milliseconds since the epoch.
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(now)
    .$onUpdateFn(() => new Date());

/** A CHECK that keeps a text column inside its enumeration. */
const oneOf = (name: string, column: string, values: readonly string[]) =>
  check(name, sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`));

// Server code reads the value lists through the schema, as before; client code from lib/enums.
export * from '../lib/enums';

// ---------------------------------------------------------------------------------------------
// Editors: the Auth.js tables (column names as the drizzle adapter expects them in TypeScript).

export const users = sqliteTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').notNull().unique(),
    emailVerified: integer('email_verified', { mode: 'timestamp_ms' }),
    image: text('image'),
    role: text('role', { enum: editorRoles }).notNull().default('redacteur'),
    // Only admins add editors; a deactivated editor can no longer sign in.
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('users_role_check', 'role', editorRoles),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

export const accounts = sqliteTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<AdapterAccountType>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index('accounts_user_idx').on(t.userId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = sqliteTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------------------------
// Publications

export const newsletters = sqliteTable(
  'newsletters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    senderName: text('sender_name').notNull(),
    senderEmail: text('sender_email').notNull(),
    replyTo: text('reply_to'),
    brandColor: text('brand_color').notNull().default('#1d4f91'),
    logoUrl: text('logo_url'),
    logoAlt: text('logo_alt'),
    /** A logo from the media library; its alt text is the image's. Wins over `logoUrl`. */
    logoMediaId: integer('logo_media_id').references((): AnySQLiteColumn => media.id, {
      onDelete: 'set null',
    }),
    /** On the sign-up page, under its heading. */
    description: text('description').notNull().default(''),
    /** The domain part of List-Id (`<slug>.<domain>`); null: the host of PUBLIC_URL. */
    listIdDomain: text('list_id_domain'),
    /** How an issue is called everywhere (mail, archive, feed, log): `{naam}` and `{nummer}`. */
    titlePattern: text('title_pattern').notNull().default('{naam} {nummer}'),
    // Footer of the mail and the archive page. The personal links (unsubscribe, preferences)
    // are made per reader; only their labels are the newsletter's.
    footerText: text('footer_text').notNull().default(''),
    contactLine: text('contact_line').notNull().default(''),
    postalAddress: text('postal_address').notNull().default(''),
    /** "U ontvangt deze e-mail omdat ..." */
    reasonLine: text('reason_line').notNull().default(''),
    footerLinks: text('footer_links', { mode: 'json' })
      .$type<{ label: string; url: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    unsubscribeLabel: text('unsubscribe_label').notNull().default('Afmelden'),
    preferencesLabel: text('preferences_label').notNull().default('Gegevens wijzigen'),
    privacyUrl: text('privacy_url'),
    /** Edited system mail texts (lib/newsletters/mail-texts.ts); a missing one uses the default. */
    mailTexts: text('mail_texts', { mode: 'json' })
      .$type<Record<string, { subject: string; body: string }>>()
      .notNull()
      .default(sql`'{}'`),
    /** A welcome mail after confirming. */
    welcomeMail: integer('welcome_mail', { mode: 'boolean' }).notNull().default(true),
    /** Archived: keeps its archive and subscribers, takes no new issues or sign-ups. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    // Vier-ogenprincipe: the approver must differ from whoever last changed the content.
    fourEyes: integer('four_eyes', { mode: 'boolean' }).notNull().default(true),
    /** Up to ten addresses that get every test send, besides the editor who sends it. */
    testAddresses: text('test_addresses', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Links in sent mail go through /k/ and are counted per link and hour (lib/clicks). */
    clickTracking: integer('click_tracking', { mode: 'boolean' }).notNull().default(true),
    /** Aggregate opens by pixel: off unless an admin turns it on (unreliable, Apple Mail). */
    openTracking: integer('open_tracking', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'newsletters_brand_color_check',
      sql`${t.brandColor} glob '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'`,
    ),
    check('newsletters_slug_check', sql`${t.slug} <> '' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

export const themes = sqliteTable(
  'themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Editorial order within the newsletter: sections appear in this order. */
    position: integer('position').notNull(),
    /** Archived: gone from sign-up, preferences and the builder; sent sections keep it. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('themes_newsletter_slug_idx').on(t.newsletterId, t.slug),
    index('themes_newsletter_position_idx').on(t.newsletterId, t.position),
  ],
);

// ---------------------------------------------------------------------------------------------
// Content: items live on their own and are placed into issues as blocks.

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: itemKinds }).notNull(),
    title: text('title').notNull(),
    /** The teaser's words, for search, the feed and the checks; written from `teaserDoc`. */
    teaser: text('teaser').notNull().default(''),
    /** The teaser as the editor wrote it (lib/richtext): what the mail and the archive show. */
    teaserDoc: text('teaser_doc', { mode: 'json' }).$type<RichDoc>().notNull().default(EMPTY_DOC),
    /** The full article, on its own archive page; empty for an item that links out. */
    body: text('body', { mode: 'json' }).$type<RichDoc>().notNull().default(EMPTY_DOC),
    url: text('url'),
    /** From the media library; the alt text is the image's, so it is written once. */
    imageMediaId: integer('image_media_id').references((): AnySQLiteColumn => media.id, {
      onDelete: 'restrict',
    }),
    imagePlacement: text('image_placement', { enum: imagePlacements }).notNull().default('beside'),
    // Events only: a calendar date (YYYY-MM-DD, Dutch local time), times as HH:MM.
    eventDate: text('event_date'),
    startTime: text('start_time'),
    endTime: text('end_time'),
    location: text('location'),
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    registrationUrl: text('registration_url'),
    /** Archived (it was sent, so it cannot be deleted): hidden from the library. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('items_kind_check', 'kind', itemKinds),
    oneOf('items_image_placement_check', 'image_placement', imagePlacements),
    check(
      'items_event_check',
      sql`${t.kind} <> 'event' or (${t.eventDate} is not null and (${t.location} is not null or ${t.online} = 1))`,
    ),
    index('items_newsletter_updated_idx').on(t.newsletterId, t.updatedAt),
    index('items_newsletter_theme_idx').on(t.newsletterId, t.themeId),
    index('items_newsletter_kind_idx').on(t.newsletterId, t.kind),
  ],
);

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    status: text('status', { enum: issueStatuses }).notNull().default('concept'),
    /** Optimistic locking: every save names the version it started from. */
    version: integer('version').notNull().default(1),
    /** The public slug under /archief; only reachable once the issue is sent. */
    slug: text('slug').notNull(),
    contentChangedAt: integer('content_changed_at', { mode: 'timestamp_ms' }),
    contentChangedBy: text('content_changed_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    approvedBy: text('approved_by').references(() => users.id, { onDelete: 'set null' }),
    scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }),
    /** Who scheduled it: the scheduler starts the send in their name. */
    scheduledBy: text('scheduled_by').references(() => users.id, { onDelete: 'set null' }),
    sendStartedAt: integer('send_started_at', { mode: 'timestamp_ms' }),
    /** Who started the send (the scheduler starts it in the planner's name): told when it stops. */
    sendStartedBy: text('send_started_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set while an editor holds the send; the worker leaves the issue's deliveries alone. */
    sendPausedAt: integer('send_paused_at', { mode: 'timestamp_ms' }),
    /** Why the sender paused the send itself (the mail server failed); null for an editor's pause. */
    sendPauseReason: text('send_pause_reason'),
    sendCancelledAt: integer('send_cancelled_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    correctedAt: integer('corrected_at', { mode: 'timestamp_ms' }),
    /** Shown on the public page beside "gecorrigeerd op": what the last correction changed. */
    correctionNote: text('correction_note'),
    /** The audience groups the issue goes to (with their themes); null: every subscriber. */
    audiences: text('audiences', { mode: 'json' }).$type<Audience[]>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('issues_status_check', 'status', issueStatuses),
    check('issues_number_check', sql`${t.number} > 0`),
    check('issues_version_check', sql`${t.version} > 0`),
    uniqueIndex('issues_newsletter_number_idx').on(t.newsletterId, t.number),
    uniqueIndex('issues_newsletter_slug_idx').on(t.newsletterId, t.slug),
    index('issues_newsletter_status_idx').on(t.newsletterId, t.status),
    index('issues_status_scheduled_idx').on(t.status, t.scheduledAt),
    index('issues_status_sent_idx').on(t.status, t.sentAt),
  ],
);

/**
 * The blocks of an issue. `position` is a fractional index (text that sorts between its
 * neighbours), so a move rewrites one row; `(issue_id, position)` loads an issue in order.
 * Themed items sit in the section of `theme_id`; lead, reusable blocks and footer have none.
 */
export const issueBlocks = sqliteTable(
  'issue_blocks',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: blockKinds }).notNull(),
    position: text('position').notNull(),
    themeId: integer('theme_id').references(() => themes.id, { onDelete: 'restrict' }),
    itemId: integer('item_id').references(() => items.id, { onDelete: 'restrict' }),
    reusableBlockId: integer('reusable_block_id').references(() => reusableBlocks.id, {
      onDelete: 'set null',
    }),
    /** JSON for text, call-to-action and footer blocks (shape: lib/issue). */
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    oneOf('issue_blocks_kind_check', 'kind', blockKinds),
    check(
      'issue_blocks_item_check',
      sql`(${t.kind} in ('lead', 'item')) = (${t.itemId} is not null)`,
    ),
    check('issue_blocks_theme_check', sql`(${t.kind} = 'item') = (${t.themeId} is not null)`),
    uniqueIndex('issue_blocks_issue_position_idx').on(t.issueId, t.position),
    index('issue_blocks_item_idx').on(t.itemId),
  ],
);

/**
 * The items of an issue as they were sent (copied when the send starts), and as corrected
 * afterwards. Mail, archive page, search, feed and calendar files read these, so editing or
 * deleting a library item later never changes what the archive says was sent. `item_id` keeps
 * the library id (for anchors) without a foreign key: the sent copy outlives the library item.
 */
export const sentItems = sqliteTable(
  'sent_items',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    itemId: integer('item_id').notNull(),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    /** The theme's name when it was sent: a later rename changes future issues only. */
    themeName: text('theme_name').notNull().default(''),
    kind: text('kind', { enum: itemKinds }).notNull(),
    title: text('title').notNull(),
    teaser: text('teaser').notNull().default(''),
    teaserDoc: text('teaser_doc', { mode: 'json' }).$type<RichDoc>().notNull().default(EMPTY_DOC),
    body: text('body', { mode: 'json' }).$type<RichDoc>().notNull().default(EMPTY_DOC),
    url: text('url'),
    eventDate: text('event_date'),
    startTime: text('start_time'),
    endTime: text('end_time'),
    location: text('location'),
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    registrationUrl: text('registration_url'),
    // Restrict: an image in a sent issue cannot be deleted, or the archive would lose it.
    imageMediaId: integer('image_media_id').references((): AnySQLiteColumn => media.id, {
      onDelete: 'restrict',
    }),
    imagePlacement: text('image_placement', { enum: imagePlacements }).notNull().default('beside'),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.itemId] }),
    oneOf('sent_items_kind_check', 'kind', itemKinds),
  ],
);

/**
 * The content links of a sent issue, recorded as its mail is rendered for sending: the mail
 * carries /k/<issue>/<position>.<signature> instead of the URL (lib/clicks). No reader in it.
 */
export const issueLinks = sqliteTable(
  'issue_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    url: text('url').notNull(),
    itemId: integer('item_id').references(() => items.id, { onDelete: 'set null' }),
    themeId: integer('theme_id').references(() => themes.id, { onDelete: 'set null' }),
    /** What the reader saw: the item's title, the button's or the link's text. */
    label: text('label').notNull().default(''),
  },
  (t) => [
    uniqueIndex('issue_links_issue_position_idx').on(t.issueId, t.position),
    check('issue_links_position_check', sql`${t.position} > 0`),
  ],
);

/**
 * Clicks per link per hour (`hour`: hours since 1970, UTC), nothing per reader. `automated`:
 * what looked like a mail scanner (HEAD, a scanner's user agent, a burst over many links).
 */
export const linkClicks = sqliteTable(
  'link_clicks',
  {
    linkId: integer('link_id')
      .notNull()
      .references(() => issueLinks.id, { onDelete: 'cascade' }),
    hour: integer('hour').notNull(),
    clicks: integer('clicks').notNull().default(0),
    automated: integer('automated').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.hour] })],
);

/**
 * Opens per issue per hour, only while the newsletter's admin has opens on: a pixel without a
 * reader in its address. Unreliable by nature (Apple Mail loads every image; many clients none).
 */
export const issueOpens = sqliteTable(
  'issue_opens',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    hour: integer('hour').notNull(),
    opens: integer('opens').notNull().default(0),
    automated: integer('automated').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.hour] })],
);

/** Page views of an archived issue per day (`day`: days since 1970, UTC); bots are not counted. */
export const archiveViews = sqliteTable(
  'archive_views',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.day] })],
);

/** Archive searches per newsletter per day (0: the search over every newsletter); no terms kept. */
export const archiveSearches = sqliteTable(
  'archive_searches',
  {
    newsletterId: integer('newsletter_id').notNull(),
    day: integer('day').notNull(),
    searches: integer('searches').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.newsletterId, t.day] })],
);

/**
 * The document as a reviewer last saw it (on approval or send-back): the next review shows
 * what changed since. Kept whole, because blocks are rewritten in place as editors work.
 */
export const issueSnapshots = sqliteTable(
  'issue_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    document: text('document', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('issue_snapshots_issue_idx').on(t.issueId, t.id)],
);

/** Review remarks on an issue or one of its blocks. The block's label is kept: blocks come and go. */
export const issueComments = sqliteTable(
  'issue_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    blockId: text('block_id'),
    blockLabel: text('block_label'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('issue_comments_issue_idx').on(t.issueId, t.id)],
);

/** Blocks kept per newsletter and dropped into issues (a forum text, a call to action, a footer). */
export const reusableBlocks = sqliteTable(
  'reusable_blocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reusableBlockKinds }).notNull(),
    name: text('name').notNull(),
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Placed in every new issue of the newsletter. */
    inNewIssues: integer('in_new_issues', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull().default(0),
    /** Archived: not offered for new issues; issues that hold it keep their copy. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('reusable_blocks_kind_check', 'kind', reusableBlockKinds),
    index('reusable_blocks_newsletter_idx').on(t.newsletterId, t.position),
  ],
);

/**
 * An issue's structure kept under a name: which fixed blocks (with their content), in which
 * order, and the section order. A new issue can start from it instead of the default blocks.
 */
export const issueTemplates = sqliteTable(
  'issue_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    structure: text('structure', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('issue_templates_newsletter_name_idx').on(t.newsletterId, t.name)],
);

// ---------------------------------------------------------------------------------------------
// Media: uploaded images per newsletter. The original and its renditions live as files under
// DATA_DIR/media (lib/media/store.ts); the database knows what they are and where they are used.

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    /** The uploaded file's name, for searching; never part of a URL. */
    name: text('name').notNull(),
    /** Required before the image can be placed, unless it is marked decorative. */
    alt: text('alt').notNull().default(''),
    decorative: integer('decorative', { mode: 'boolean' }).notNull().default(false),
    kind: text('kind', { enum: imageKinds }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** SHA-256 of the original, which is kept (private) as `originals/<hash>.<ext>`. */
    originalHash: text('original_hash').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('media_kind_check', 'kind', imageKinds),
    uniqueIndex('media_newsletter_original_idx').on(t.newsletterId, t.originalHash),
  ],
);

export const mediaRenditions = sqliteTable(
  'media_renditions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: renditionPurposes }).notNull(),
    format: text('format', { enum: renditionFormats }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** `<content hash>.<ext>`, served at /media/<file>. */
    file: text('file').notNull(),
  },
  (t) => [
    oneOf('media_renditions_purpose_check', 'purpose', renditionPurposes),
    oneOf('media_renditions_format_check', 'format', renditionFormats),
    uniqueIndex('media_renditions_media_width_idx').on(t.mediaId, t.purpose, t.width),
    index('media_renditions_file_idx').on(t.file),
  ],
);

// ---------------------------------------------------------------------------------------------
// Audience

export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Normalised (trimmed, lower-case); null once erased, so the row keeps counts but no person. */
    email: text('email').unique(),
    name: text('name'),
    municipality: text('municipality'),
    audience: text('audience', { enum: audiences }).notNull().default('anders'),
    status: text('status', { enum: subscriberStatuses }).notNull().default('active'),
    /** Signed personal links carry this; bumping it revokes every link sent before. */
    tokenVersion: integer('token_version').notNull().default(1),
    /** A new address waiting for confirmation; the old one stays in use until then. */
    pendingEmail: text('pending_email'),
    hardBounces: integer('hard_bounces').notNull().default(0),
    /** Soft bounces (mailbox full, greylisted) reported after delivery, since the last success. */
    softBounces: integer('soft_bounces').notNull().default(0),
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('subscribers_audience_check', 'audience', audiences),
    oneOf('subscribers_status_check', 'status', subscriberStatuses),
    check(
      'subscribers_email_check',
      sql`${t.email} is null or ${t.email} = lower(trim(${t.email}))`,
    ),
    check('subscribers_erased_check', sql`(${t.status} = 'erased') = (${t.email} is null)`),
    index('subscribers_status_idx').on(t.status, t.id),
    index('subscribers_audience_idx').on(t.audience, t.id),
    index('subscribers_name_idx').on(t.name),
  ],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    newsletterId: integer('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    status: text('status', { enum: subscriptionStatuses }).notNull().default('pending'),
    pausedUntil: integer('paused_until', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('subscriptions_status_check', 'status', subscriptionStatuses),
    uniqueIndex('subscriptions_subscriber_newsletter_idx').on(t.subscriberId, t.newsletterId),
    index('subscriptions_newsletter_status_idx').on(t.newsletterId, t.status, t.subscriberId),
  ],
);

export const subscriptionThemes = sqliteTable(
  'subscription_themes',
  {
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.themeId] }),
    index('subscription_themes_theme_idx').on(t.themeId),
  ],
);

/** Proof of consent (GDPR art. 7): what happened, when, from where, under which wording. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    newsletterId: integer('newsletter_id').references(() => newsletters.id, {
      onDelete: 'set null',
    }),
    kind: text('kind', { enum: consentEventKinds }).notNull(),
    source: text('source').notNull(),
    wordingVersion: text('wording_version'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** The sent issue whose personal link led here (unsubscribes, preference changes). */
    issueId: integer('issue_id').references((): AnySQLiteColumn => issues.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('consent_events_kind_check', 'kind', consentEventKinds),
    index('consent_events_subscriber_idx').on(t.subscriberId, t.createdAt),
    index('consent_events_issue_idx').on(t.issueId, t.kind),
  ],
);

// ---------------------------------------------------------------------------------------------
// Sending and accountability

/** One row per (issue, subscriber), made when a send starts: the audience is frozen then. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: deliveryStatuses }).notNull().default('queued'),
    /** The theme combination whose rendering this copy uses. */
    variant: text('variant').notNull().default(''),
    /** The reader's audience group when the send started: results count per group as sent. */
    audience: text('audience', { enum: audiences }).notNull().default('anders'),
    attempts: integer('attempts').notNull().default(0),
    messageId: text('message_id'),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('deliveries_status_check', 'status', deliveryStatuses),
    uniqueIndex('deliveries_issue_subscriber_idx').on(t.issueId, t.subscriberId),
    index('deliveries_issue_status_idx').on(t.issueId, t.status, t.nextAttemptAt),
    index('deliveries_subscriber_idx').on(t.subscriberId),
    // Covers an issue's results (lib/stats/issue-results.ts): one grouped index-only scan.
    index('deliveries_issue_results_idx').on(t.issueId, t.variant, t.audience, t.status),
  ],
);

/**
 * Addresses never mailed again: hard bounces, complaints, erasures and an admin's choice. Keyed
 * by a hash of the normalised address, so an erased reader's address is not kept while the
 * suppression still catches it when it comes back through a sign-up or an import. `email` is
 * kept for display where the law allows (null after erasure). Lifting keeps the row (with who
 * and why); only one unlifted row per address.
 */
export const suppressions = sqliteTable(
  'suppressions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    emailHash: text('email_hash').notNull(),
    email: text('email'),
    reason: text('reason', { enum: suppressionReasons }).notNull(),
    /** What caused it, in Dutch, e.g. the bounce's status and diagnostic. */
    detail: text('detail').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: integer('lifted_at', { mode: 'timestamp_ms' }),
    liftedBy: text('lifted_by').references(() => users.id, { onDelete: 'set null' }),
    liftReason: text('lift_reason'),
  },
  (t) => [
    oneOf('suppressions_reason_check', 'reason', suppressionReasons),
    check('suppressions_lift_check', sql`(${t.liftedAt} is null) = (${t.liftReason} is null)`),
    uniqueIndex('suppressions_active_idx')
      .on(t.emailHash)
      .where(sql`${t.liftedAt} is null`),
    index('suppressions_created_idx').on(t.createdAt),
  ],
);

/**
 * Every bounce, complaint or mailed unsubscribe that came in after a send. `dedupe_key` makes
 * processing idempotent: the same report twice (a relay retrying a webhook, a mailbox polled
 * again) hits the unique index and changes nothing.
 */
export const bounceEvents = sqliteTable(
  'bounce_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull().unique(),
    source: text('source', { enum: bounceSources }).notNull(),
    kind: text('kind', { enum: bounceKinds }).notNull(),
    deliveryId: integer('delivery_id').references(() => deliveries.id, { onDelete: 'set null' }),
    subscriberId: integer('subscriber_id').references(() => subscribers.id, {
      onDelete: 'set null',
    }),
    /** RFC 3463 status (5.1.1) where the report gives one. */
    status: text('status'),
    diagnostic: text('diagnostic').notNull().default(''),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [
    oneOf('bounce_events_kind_check', 'kind', bounceKinds),
    oneOf('bounce_events_source_check', 'source', bounceSources),
    index('bounce_events_subscriber_idx').on(t.subscriberId, t.receivedAt),
    index('bounce_events_received_idx').on(t.receivedAt),
  ],
);

/**
 * One row per background job that must run in one process at a time (the sender). The holder
 * renews `heartbeat_at`; another process takes over when the holder's pid is gone or the
 * heartbeat is stale.
 */
export const workerLeases = sqliteTable('worker_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Append-only through the app: there is no code path that updates or deletes a row. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Name or address of the actor at the time, kept when the editor is gone. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

// ---------------------------------------------------------------------------------------------
// Relations (for db.query with `with`)

export const usersRelations = relations(users, ({ many }) => ({ sessions: many(sessions) }));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const newslettersRelations = relations(newsletters, ({ many }) => ({
  themes: many(themes),
  items: many(items),
  issues: many(issues),
  reusableBlocks: many(reusableBlocks),
}));
export const themesRelations = relations(themes, ({ one }) => ({
  newsletter: one(newsletters, { fields: [themes.newsletterId], references: [newsletters.id] }),
}));
export const itemsRelations = relations(items, ({ one }) => ({
  newsletter: one(newsletters, { fields: [items.newsletterId], references: [newsletters.id] }),
  theme: one(themes, { fields: [items.themeId], references: [themes.id] }),
}));
export const issuesRelations = relations(issues, ({ one, many }) => ({
  newsletter: one(newsletters, { fields: [issues.newsletterId], references: [newsletters.id] }),
  blocks: many(issueBlocks),
}));
export const issueBlocksRelations = relations(issueBlocks, ({ one }) => ({
  issue: one(issues, { fields: [issueBlocks.issueId], references: [issues.id] }),
  item: one(items, { fields: [issueBlocks.itemId], references: [items.id] }),
  theme: one(themes, { fields: [issueBlocks.themeId], references: [themes.id] }),
}));
export const reusableBlocksRelations = relations(reusableBlocks, ({ one }) => ({
  newsletter: one(newsletters, {
    fields: [reusableBlocks.newsletterId],
    references: [newsletters.id],
  }),
}));
export const subscribersRelations = relations(subscribers, ({ many }) => ({
  subscriptions: many(subscriptions),
  consentEvents: many(consentEvents),
}));
export const subscriptionsRelations = relations(subscriptions, ({ one, many }) => ({
  subscriber: one(subscribers, {
    fields: [subscriptions.subscriberId],
    references: [subscribers.id],
  }),
  newsletter: one(newsletters, {
    fields: [subscriptions.newsletterId],
    references: [newsletters.id],
  }),
  themes: many(subscriptionThemes),
}));
export const subscriptionThemesRelations = relations(subscriptionThemes, ({ one }) => ({
  subscription: one(subscriptions, {
    fields: [subscriptionThemes.subscriptionId],
    references: [subscriptions.id],
  }),
  theme: one(themes, { fields: [subscriptionThemes.themeId], references: [themes.id] }),
}));
export const consentEventsRelations = relations(consentEvents, ({ one }) => ({
  subscriber: one(subscribers, {
    fields: [consentEvents.subscriberId],
    references: [subscribers.id],
  }),
}));

export type Editor = typeof users.$inferSelect;
export type Newsletter = typeof newsletters.$inferSelect;
export type Theme = typeof themes.$inferSelect;
export type Item = typeof items.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type IssueBlock = typeof issueBlocks.$inferSelect;
export type ReusableBlock = typeof reusableBlocks.$inferSelect;
export type Media = typeof media.$inferSelect;
export type MediaRendition = typeof mediaRenditions.$inferSelect;
export type Subscriber = typeof subscribers.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type ConsentEvent = typeof consentEvents.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type SentItem = typeof sentItems.$inferSelect;
export type IssueLink = typeof issueLinks.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Suppression = typeof suppressions.$inferSelect;
export type BounceEvent = typeof bounceEvents.$inferSelect;
