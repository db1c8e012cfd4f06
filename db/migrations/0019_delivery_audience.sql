ALTER TABLE `deliveries` ADD `audience` text DEFAULT 'anders' NOT NULL;--> statement-breakpoint
-- Copies sent before: the reader's group as it is now, the best that is known.
UPDATE `deliveries` SET `audience` = coalesce((SELECT `audience` FROM `subscribers` WHERE `subscribers`.`id` = `deliveries`.`subscriber_id`), 'anders');--> statement-breakpoint
CREATE INDEX `deliveries_issue_results_idx` ON `deliveries` (`issue_id`,`variant`,`audience`,`status`);