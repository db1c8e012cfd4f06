CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`name` text NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`decorative` integer DEFAULT false NOT NULL,
	`kind` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`original_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "media_kind_check" CHECK(kind in ('png', 'jpeg', 'webp', 'gif'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_newsletter_original_idx` ON `media` (`newsletter_id`,`original_hash`);--> statement-breakpoint
CREATE TABLE `media_renditions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`media_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`file` text NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "media_renditions_purpose_check" CHECK(purpose in ('mail', 'web')),
	CONSTRAINT "media_renditions_format_check" CHECK(format in ('jpeg', 'png', 'webp'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_renditions_media_width_idx` ON `media_renditions` (`media_id`,`purpose`,`width`);--> statement-breakpoint
CREATE INDEX `media_renditions_file_idx` ON `media_renditions` (`file`);