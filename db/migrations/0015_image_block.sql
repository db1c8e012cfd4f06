PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_issue_blocks` (
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
	CONSTRAINT "issue_blocks_kind_check" CHECK(kind in ('lead', 'item', 'text', 'cta', 'image', 'footer')),
	CONSTRAINT "issue_blocks_item_check" CHECK(("__new_issue_blocks"."kind" in ('lead', 'item')) = ("__new_issue_blocks"."item_id" is not null)),
	CONSTRAINT "issue_blocks_theme_check" CHECK(("__new_issue_blocks"."kind" = 'item') = ("__new_issue_blocks"."theme_id" is not null))
);
--> statement-breakpoint
INSERT INTO `__new_issue_blocks`("id", "issue_id", "kind", "position", "theme_id", "item_id", "reusable_block_id", "content") SELECT "id", "issue_id", "kind", "position", "theme_id", "item_id", "reusable_block_id", "content" FROM `issue_blocks`;--> statement-breakpoint
DROP TABLE `issue_blocks`;--> statement-breakpoint
ALTER TABLE `__new_issue_blocks` RENAME TO `issue_blocks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `issue_blocks_issue_position_idx` ON `issue_blocks` (`issue_id`,`position`);--> statement-breakpoint
CREATE INDEX `issue_blocks_item_idx` ON `issue_blocks` (`item_id`);