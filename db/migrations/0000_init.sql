CREATE TABLE `accounts` (
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`refresh_token` text,
	`access_token` text,
	`expires_at` integer,
	`token_type` text,
	`scope` text,
	`id_token` text,
	`session_state` text,
	PRIMARY KEY(`provider`, `provider_account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_user_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL,
	`details` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` integer NOT NULL,
	`newsletter_id` integer,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`wording_version` text,
	`details` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "consent_events_kind_check" CHECK(kind in ('subscribe_requested', 'confirmed', 'preferences_changed', 'email_change_requested', 'email_changed', 'paused', 'unsubscribed', 'resubscribed', 'imported', 'erased'))
);
--> statement-breakpoint
CREATE INDEX `consent_events_subscriber_idx` ON `consent_events` (`subscriber_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`variant` text DEFAULT '' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`message_id` text,
	`last_error` text,
	`next_attempt_at` integer,
	`claimed_at` integer,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deliveries_status_check" CHECK(status in ('queued', 'sending', 'sent', 'retry', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_issue_subscriber_idx` ON `deliveries` (`issue_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `deliveries_issue_status_idx` ON `deliveries` (`issue_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_subscriber_idx` ON `deliveries` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `issue_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` text NOT NULL,
	`theme_id` integer,
	`item_id` integer,
	`reusable_block_id` integer,
	`content` text,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reusable_block_id`) REFERENCES `reusable_blocks`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "issue_blocks_kind_check" CHECK(kind in ('lead', 'item', 'text', 'cta', 'footer')),
	CONSTRAINT "issue_blocks_item_check" CHECK(("issue_blocks"."kind" in ('lead', 'item')) = ("issue_blocks"."item_id" is not null)),
	CONSTRAINT "issue_blocks_theme_check" CHECK(("issue_blocks"."kind" = 'item') = ("issue_blocks"."theme_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issue_blocks_issue_position_idx` ON `issue_blocks` (`issue_id`,`position`);--> statement-breakpoint
CREATE INDEX `issue_blocks_item_idx` ON `issue_blocks` (`item_id`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`number` integer NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`preheader` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`slug` text NOT NULL,
	`content_changed_at` integer,
	`content_changed_by` text,
	`approved_at` integer,
	`approved_by` text,
	`scheduled_at` integer,
	`sent_at` integer,
	`corrected_at` integer,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`content_changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "issues_status_check" CHECK(status in ('concept', 'review', 'approved', 'scheduled', 'sending', 'sent')),
	CONSTRAINT "issues_number_check" CHECK("issues"."number" > 0),
	CONSTRAINT "issues_version_check" CHECK("issues"."version" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_newsletter_number_idx` ON `issues` (`newsletter_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `issues_newsletter_slug_idx` ON `issues` (`newsletter_id`,`slug`);--> statement-breakpoint
CREATE INDEX `issues_newsletter_status_idx` ON `issues` (`newsletter_id`,`status`);--> statement-breakpoint
CREATE INDEX `issues_status_scheduled_idx` ON `issues` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `issues_status_sent_idx` ON `issues` (`status`,`sent_at`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`teaser` text DEFAULT '' NOT NULL,
	`url` text,
	`image_url` text,
	`image_alt` text,
	`event_date` text,
	`start_time` text,
	`end_time` text,
	`location` text,
	`online` integer DEFAULT false NOT NULL,
	`registration_url` text,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "items_kind_check" CHECK(kind in ('news', 'event', 'publication', 'podcast')),
	CONSTRAINT "items_event_check" CHECK("items"."kind" <> 'event' or ("items"."event_date" is not null and ("items"."location" is not null or "items"."online" = 1)))
);
--> statement-breakpoint
CREATE INDEX `items_newsletter_updated_idx` ON `items` (`newsletter_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `items_newsletter_theme_idx` ON `items` (`newsletter_id`,`theme_id`);--> statement-breakpoint
CREATE INDEX `items_newsletter_kind_idx` ON `items` (`newsletter_id`,`kind`);--> statement-breakpoint
CREATE TABLE `newsletters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`organisation` text NOT NULL,
	`sender_name` text NOT NULL,
	`sender_email` text NOT NULL,
	`reply_to` text,
	`brand_color` text DEFAULT '#1d4f91' NOT NULL,
	`logo_url` text,
	`logo_alt` text,
	`footer_text` text DEFAULT '' NOT NULL,
	`website_url` text,
	`contact_url` text,
	`disclaimer_url` text,
	`privacy_url` text,
	`four_eyes` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "newsletters_brand_color_check" CHECK("newsletters"."brand_color" glob '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
	CONSTRAINT "newsletters_slug_check" CHECK("newsletters"."slug" <> '' and "newsletters"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletters_slug_unique` ON `newsletters` (`slug`);--> statement-breakpoint
CREATE TABLE `reusable_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`content` text NOT NULL,
	`in_new_issues` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reusable_blocks_kind_check" CHECK(kind in ('text', 'cta', 'footer'))
);
--> statement-breakpoint
CREATE INDEX `reusable_blocks_newsletter_idx` ON `reusable_blocks` (`newsletter_id`,`position`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`session_token` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`name` text,
	`municipality` text,
	`audience` text DEFAULT 'anders' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`token_version` integer DEFAULT 1 NOT NULL,
	`pending_email` text,
	`hard_bounces` integer DEFAULT 0 NOT NULL,
	`erased_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "subscribers_audience_check" CHECK(audience in ('raadslid', 'griffier', 'raadsadviseur', 'commissielid', 'anders')),
	CONSTRAINT "subscribers_status_check" CHECK(status in ('active', 'bounced', 'erased')),
	CONSTRAINT "subscribers_email_check" CHECK("subscribers"."email" is null or "subscribers"."email" = lower(trim("subscribers"."email"))),
	CONSTRAINT "subscribers_erased_check" CHECK(("subscribers"."status" = 'erased') = ("subscribers"."email" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_status_idx` ON `subscribers` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `subscribers_audience_idx` ON `subscribers` (`audience`,`id`);--> statement-breakpoint
CREATE INDEX `subscribers_name_idx` ON `subscribers` (`name`);--> statement-breakpoint
CREATE TABLE `subscription_themes` (
	`subscription_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`subscription_id`, `theme_id`),
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscription_themes_theme_idx` ON `subscription_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` integer NOT NULL,
	`newsletter_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`paused_until` integer,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscriptions_status_check" CHECK(status in ('pending', 'active', 'paused', 'unsubscribed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_subscriber_newsletter_idx` ON `subscriptions` (`subscriber_id`,`newsletter_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_newsletter_status_idx` ON `subscriptions` (`newsletter_id`,`status`,`subscriber_id`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_newsletter_slug_idx` ON `themes` (`newsletter_id`,`slug`);--> statement-breakpoint
CREATE INDEX `themes_newsletter_position_idx` ON `themes` (`newsletter_id`,`position`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`email` text NOT NULL,
	`email_verified` integer,
	`image` text,
	`role` text DEFAULT 'redacteur' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "users_role_check" CHECK(role in ('admin', 'hoofdredacteur', 'redacteur')),
	CONSTRAINT "users_email_lower_check" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `verification_tokens` (
	`identifier` text NOT NULL,
	`token` text NOT NULL,
	`expires` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token`)
);
