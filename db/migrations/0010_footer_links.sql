ALTER TABLE `newsletters` DROP COLUMN `website_url`;--> statement-breakpoint
ALTER TABLE `newsletters` DROP COLUMN `contact_url`;--> statement-breakpoint
ALTER TABLE `newsletters` DROP COLUMN `disclaimer_url`;