CREATE TABLE `archive_searches` (
	`newsletter_id` integer NOT NULL,
	`day` integer NOT NULL,
	`searches` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`newsletter_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `archive_views` (
	`issue_id` integer NOT NULL,
	`day` integer NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`issue_id`, `day`),
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `issue_opens` (
	`issue_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`opens` integer DEFAULT 0 NOT NULL,
	`automated` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`issue_id`, `hour`),
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `consent_events` ADD `issue_id` integer REFERENCES issues(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `consent_events_issue_idx` ON `consent_events` (`issue_id`,`kind`);