ALTER TABLE `items` ADD `teaser_doc` text DEFAULT '{"type":"doc","content":[]}' NOT NULL;--> statement-breakpoint
ALTER TABLE `items` ADD `body` text DEFAULT '{"type":"doc","content":[]}' NOT NULL;--> statement-breakpoint
ALTER TABLE `sent_items` ADD `teaser_doc` text DEFAULT '{"type":"doc","content":[]}' NOT NULL;--> statement-breakpoint
ALTER TABLE `sent_items` ADD `body` text DEFAULT '{"type":"doc","content":[]}' NOT NULL;