CREATE TABLE `worker_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`host` text NOT NULL,
	`pid` integer NOT NULL,
	`heartbeat_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `issues` ADD `scheduled_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `issues` ADD `send_started_at` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `send_paused_at` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `send_cancelled_at` integer;