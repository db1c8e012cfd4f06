CREATE TABLE `sent_items` (
	`issue_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`teaser` text DEFAULT '' NOT NULL,
	`url` text,
	`event_date` text,
	`start_time` text,
	`end_time` text,
	`location` text,
	`online` integer DEFAULT false NOT NULL,
	`registration_url` text,
	PRIMARY KEY(`issue_id`, `item_id`),
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "sent_items_kind_check" CHECK(kind in ('news', 'event', 'publication', 'podcast'))
);
--> statement-breakpoint
ALTER TABLE `issues` ADD `correction_note` text;--> statement-breakpoint
-- Issues already sent (or sending) keep the items as they stand now: the best record there is.
INSERT INTO `sent_items` (issue_id, item_id, theme_id, kind, title, teaser, url, event_date, start_time, end_time, location, online, registration_url)
SELECT placed.issue_id, it.id, it.theme_id, it.kind, it.title, it.teaser, it.url, it.event_date, it.start_time, it.end_time, it.location, it.online, it.registration_url
FROM (
	SELECT DISTINCT b.issue_id, b.item_id
	FROM `issue_blocks` b
	JOIN `issues` i ON i.id = b.issue_id AND i.status IN ('sending', 'sent')
	WHERE b.kind IN ('lead', 'item')
) placed
JOIN `items` it ON it.id = placed.item_id;
--> statement-breakpoint
-- Search now indexes the sent copies (lib/archive/search.ts indexSentIssue): rebuild from them.
DELETE FROM `archive_search`;
--> statement-breakpoint
INSERT INTO `archive_search` (title, teaser, theme, issue_id, item_id, theme_id)
SELECT
	replace(replace(si.title, char(2), ''), char(3), ''),
	replace(replace(si.teaser, char(2), ''), char(3), ''),
	t.name,
	placed.issue_id,
	placed.item_id,
	t.id
FROM (
	SELECT b.issue_id, b.item_id, max(b.theme_id) AS theme_id
	FROM `issue_blocks` b
	JOIN `issues` i ON i.id = b.issue_id AND i.status = 'sent'
	WHERE b.kind IN ('lead', 'item')
	GROUP BY b.issue_id, b.item_id
) placed
JOIN `sent_items` si ON si.issue_id = placed.issue_id AND si.item_id = placed.item_id
JOIN `themes` t ON t.id = coalesce(placed.theme_id, si.theme_id);
