CREATE TABLE `issue_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`item_id` integer,
	`theme_id` integer,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "issue_links_position_check" CHECK("issue_links"."position" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issue_links_issue_position_idx` ON `issue_links` (`issue_id`,`position`);--> statement-breakpoint
CREATE TABLE `link_clicks` (
	`link_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`automated` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`link_id`, `hour`),
	FOREIGN KEY (`link_id`) REFERENCES `issue_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `newsletters` ADD `click_tracking` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `open_tracking` integer DEFAULT false NOT NULL;