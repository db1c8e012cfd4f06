ALTER TABLE `items` DROP COLUMN `image_url`;--> statement-breakpoint
ALTER TABLE `items` DROP COLUMN `image_alt`;