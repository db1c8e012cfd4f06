PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`newsletter_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`teaser` text DEFAULT '' NOT NULL,
	`url` text,
	`image_url` text,
	`image_alt` text,
	`image_media_id` integer,
	`image_placement` text DEFAULT 'beside' NOT NULL,
	`event_date` text,
	`start_time` text,
	`end_time` text,
	`location` text,
	`online` integer DEFAULT false NOT NULL,
	`registration_url` text,
	`archived_at` integer,
	`created_by` text,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`newsletter_id`) REFERENCES `newsletters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`image_media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "items_kind_check" CHECK(kind in ('news', 'event', 'publication', 'podcast')),
	CONSTRAINT "items_image_placement_check" CHECK(image_placement in ('beside', 'above')),
	CONSTRAINT "items_event_check" CHECK("__new_items"."kind" <> 'event' or ("__new_items"."event_date" is not null and ("__new_items"."location" is not null or "__new_items"."online" = 1)))
);
--> statement-breakpoint
INSERT INTO `__new_items`("id", "newsletter_id", "theme_id", "kind", "title", "teaser", "url", "image_url", "image_alt", "event_date", "start_time", "end_time", "location", "online", "registration_url", "archived_at", "created_by", "updated_by", "created_at", "updated_at") SELECT "id", "newsletter_id", "theme_id", "kind", "title", "teaser", "url", "image_url", "image_alt", "event_date", "start_time", "end_time", "location", "online", "registration_url", "archived_at", "created_by", "updated_by", "created_at", "updated_at" FROM `items`;--> statement-breakpoint
DROP TABLE `items`;--> statement-breakpoint
ALTER TABLE `__new_items` RENAME TO `items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `items_newsletter_updated_idx` ON `items` (`newsletter_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `items_newsletter_theme_idx` ON `items` (`newsletter_id`,`theme_id`);--> statement-breakpoint
CREATE INDEX `items_newsletter_kind_idx` ON `items` (`newsletter_id`,`kind`);--> statement-breakpoint
ALTER TABLE `newsletters` ADD `logo_media_id` integer REFERENCES media(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `sent_items` ADD `image_media_id` integer REFERENCES media(id) ON DELETE restrict;--> statement-breakpoint
ALTER TABLE `sent_items` ADD `image_placement` text DEFAULT 'beside' NOT NULL;