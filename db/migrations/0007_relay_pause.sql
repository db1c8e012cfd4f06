-- drizzle-kit leaves the ON DELETE clause out of ALTER TABLE ADD: added by hand, as in the schema.
ALTER TABLE `issues` ADD `send_started_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `issues` ADD `send_pause_reason` text;
