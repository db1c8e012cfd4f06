ALTER TABLE `items` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `list_id_domain` text;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `title_pattern` text DEFAULT '{naam} {nummer}' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `contact_line` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `postal_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `reason_line` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `footer_links` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `unsubscribe_label` text DEFAULT 'Afmelden' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `preferences_label` text DEFAULT 'Gegevens wijzigen' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `mail_texts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `welcome_mail` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `newsletters` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `reusable_blocks` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `sent_items` ADD `theme_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `archived_at` integer;--> statement-breakpoint
-- The three fixed footer links become the newsletter's own list (labels editable), in their old order.
UPDATE `newsletters` SET `footer_links` = json_insert(`footer_links`, '$[#]', json_object('label', 'Contact', 'url', `contact_url`)) WHERE `contact_url` IS NOT NULL;--> statement-breakpoint
UPDATE `newsletters` SET `footer_links` = json_insert(`footer_links`, '$[#]', json_object('label', 'Website', 'url', `website_url`)) WHERE `website_url` IS NOT NULL;--> statement-breakpoint
UPDATE `newsletters` SET `footer_links` = json_insert(`footer_links`, '$[#]', json_object('label', 'Disclaimer', 'url', `disclaimer_url`)) WHERE `disclaimer_url` IS NOT NULL;--> statement-breakpoint
-- Issues sent before this keep the theme names they were sent with (today's names).
UPDATE `sent_items` SET `theme_name` = (SELECT `name` FROM `themes` WHERE `themes`.`id` = `sent_items`.`theme_id`);
