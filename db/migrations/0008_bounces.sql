CREATE TABLE `bounce_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`delivery_id` integer,
	`subscriber_id` integer,
	`status` text,
	`diagnostic` text DEFAULT '' NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "bounce_events_kind_check" CHECK(kind in ('hard', 'soft', 'complaint', 'unsubscribe')),
	CONSTRAINT "bounce_events_source_check" CHECK(source in ('smtp', 'imap', 'postmark', 'ses'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bounce_events_dedupe_key_unique` ON `bounce_events` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `bounce_events_subscriber_idx` ON `bounce_events` (`subscriber_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `bounce_events_received_idx` ON `bounce_events` (`received_at`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email_hash` text NOT NULL,
	`email` text,
	`reason` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`created_by` text,
	`lifted_at` integer,
	`lifted_by` text,
	`lift_reason` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "suppressions_reason_check" CHECK(reason in ('hard_bounce', 'complaint', 'erased', 'manual')),
	CONSTRAINT "suppressions_lift_check" CHECK(("suppressions"."lifted_at" is null) = ("suppressions"."lift_reason" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppressions_active_idx` ON `suppressions` (`email_hash`) WHERE "suppressions"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX `suppressions_created_idx` ON `suppressions` (`created_at`);--> statement-breakpoint
ALTER TABLE `subscribers` ADD `soft_bounces` integer DEFAULT 0 NOT NULL;